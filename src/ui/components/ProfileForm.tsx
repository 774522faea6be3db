// The collective profile form (name, school, town), used to create a collective and to rename it.
import { useState } from 'preact/hooks'
import type { ComponentChildren } from 'preact'
import { COLLECTIVE_NAME_MAX, type FormResult } from '../../app/api.ts'
import type { CollectiveProfileInput } from '../../domain/collective.ts'
import type { FieldErrors } from '../../domain/validation.ts'
import { useI18n } from '../i18n/context.tsx'
import { fieldErrorText } from '../i18n/translate.ts'
import { focusFirstError } from './focus.ts'
import { TextField } from './TextField.tsx'

const FIELDS = ['name', 'school', 'town'] as const
type Field = (typeof FIELDS)[number]

interface ProfileFormProps {
  /** Prefix of the input ids, so two forms never share one. */
  readonly idPrefix: string
  readonly initial?: CollectiveProfileInput
  readonly submitLabel: string
  readonly onSubmit: (input: CollectiveProfileInput) => FormResult<unknown> | Promise<FormResult<unknown>>
  readonly onCancel?: () => void
  /** More fields of the same form (creation asks where the school is), after the profile's, before the buttons. */
  readonly children?: ComponentChildren
}

export function ProfileForm({ idPrefix, initial, submitLabel, onSubmit, onCancel, children }: ProfileFormProps) {
  const { t } = useI18n()
  const [values, setValues] = useState<Record<Field, string>>({
    name: initial?.name ?? '',
    school: initial?.school ?? '',
    town: initial?.town ?? '',
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const idOf = (field: string) => `${idPrefix}-${field}`

  const submit = async (event: Event) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    try {
      const result = await onSubmit(values)
      if (!result.ok) {
        setErrors(result.error)
        focusFirstError(FIELDS, result.error, idOf)
      }
    } finally {
      setBusy(false)
    }
  }

  const errorText = (field: Field): string | null => {
    const key = errors[field]
    return key === undefined ? null : fieldErrorText(t, key, COLLECTIVE_NAME_MAX)
  }
  const labels: Record<Field, string> = { name: t('profile.name'), school: t('profile.school'), town: t('profile.town') }

  return (
    <form class="form" onSubmit={submit} noValidate>
      {FIELDS.map((field) => (
        <TextField
          key={field}
          id={idOf(field)}
          label={labels[field]}
          hint={field === 'name' ? t('profile.nameHint') : undefined}
          value={values[field]}
          onInput={(value) => setValues((current) => ({ ...current, [field]: value }))}
          error={errorText(field)}
          maxLength={COLLECTIVE_NAME_MAX}
          autoComplete={field === 'town' ? 'address-level2' : 'off'}
        />
      ))}
      {children}
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={busy}>{submitLabel}</button>
        {onCancel && <button type="button" class="button" onClick={onCancel}>{t('form.cancel')}</button>}
      </div>
    </form>
  )
}

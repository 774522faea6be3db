// The stop form: name, time of passage per direction the line runs, access notes (step-free, dangerous crossing, free note).
import { useEffect, useRef, useState } from 'preact/hooks'
import type { FormResult } from '../../../app/api.ts'
import { TEXT_LIMITS } from '../../../app/queries/limits.ts'
import type { Direction, StopInput } from '../../../domain/line.ts'
import type { FieldErrors } from '../../../domain/validation.ts'
import { useI18n } from '../../i18n/context.tsx'
import { TextField } from '../TextField.tsx'
import { errorTextOf } from './errors.ts'
import { CheckboxField, InputField, TextAreaField, focusFirstManageError } from './fields.tsx'
import { EMPTY_STOP, STOP_ERROR_ALIASES, flattenErrors, stopInputOf, type StopValues } from './forms.ts'

const FIELDS = ['name', 'aller', 'retour', 'note'] as const

interface StopFormProps {
  readonly idPrefix: string
  readonly directions: readonly Direction[]
  readonly initial?: StopValues
  readonly submitLabel: string
  readonly onSubmit: (input: StopInput) => FormResult<unknown>
  readonly onCancel?: () => void
  /** Empties the form after a successful add, ready for the next stop. */
  readonly clearOnSuccess?: boolean
  readonly autoFocus?: boolean
}

export function StopForm({ idPrefix, directions, initial, submitLabel, onSubmit, onCancel, clearOnSuccess, autoFocus }: StopFormProps) {
  const { t } = useI18n()
  const [values, setValues] = useState<StopValues>(initial ?? EMPTY_STOP)
  const [errors, setErrors] = useState<FieldErrors>({})
  const nameInput = useRef<HTMLInputElement>(null)
  const idOf = (field: string) => `${idPrefix}-${field}`
  const set = (patch: Partial<StopValues>) => setValues((current) => ({ ...current, ...patch }))
  useEffect(() => {
    if (autoFocus) nameInput.current?.focus()
  }, [autoFocus])

  const submit = (event: Event) => {
    event.preventDefault()
    const result = onSubmit(stopInputOf(values, directions))
    if (result.ok) {
      setErrors({})
      if (clearOnSuccess) {
        setValues(EMPTY_STOP)
        nameInput.current?.focus()
      }
    } else {
      const flat = flattenErrors(result.error, STOP_ERROR_ALIASES)
      setErrors(flat)
      focusFirstManageError(FIELDS, flat, idOf)
    }
  }

  return (
    <form class="form" onSubmit={submit} noValidate>
      <TextField
        id={idOf('name')}
        label={t('manage.stop.name')}
        hint={t('manage.stop.nameHint')}
        value={values.name}
        onInput={(name) => set({ name })}
        error={errorTextOf(t, errors, 'name', TEXT_LIMITS.stopName)}
        maxLength={TEXT_LIMITS.stopName}
        inputRef={nameInput}
      />
      {directions.includes('aller') && (
        <InputField
          id={idOf('aller')}
          type="time"
          label={t('manage.stop.timeAller')}
          hint={t('manage.stop.timeHint')}
          value={values.aller}
          onInput={(aller) => set({ aller })}
          error={errorTextOf(t, errors, 'aller')}
        />
      )}
      {directions.includes('retour') && (
        <InputField
          id={idOf('retour')}
          type="time"
          label={t('manage.stop.timeRetour')}
          hint={t('manage.stop.timeHint')}
          value={values.retour}
          onInput={(retour) => set({ retour })}
          error={errorTextOf(t, errors, 'retour')}
        />
      )}
      <CheckboxField id={idOf('stepFree')} label={t('manage.stop.stepFreeLabel')} checked={values.stepFree} onChange={(stepFree) => set({ stepFree })} />
      <CheckboxField
        id={idOf('crossing')}
        label={t('manage.stop.dangerousCrossingLabel')}
        checked={values.dangerousCrossing}
        onChange={(dangerousCrossing) => set({ dangerousCrossing })}
      />
      <TextAreaField
        id={idOf('note')}
        label={t('manage.stop.note')}
        hint={t('manage.stop.noteHint')}
        value={values.note}
        rows={2}
        onInput={(note) => set({ note })}
        error={errorTextOf(t, errors, 'note', TEXT_LIMITS.accessNote)}
        maxLength={TEXT_LIMITS.accessNote}
      />
      <div class="actions">
        <button type="submit" class="button button--primary">{submitLabel}</button>
        {onCancel && <button type="button" class="button" onClick={onCancel}>{t('form.cancel')}</button>}
      </div>
    </form>
  )
}

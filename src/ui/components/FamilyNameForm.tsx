// One-field form for a family's display name: adds a family, or renames one in place.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { FormResult } from '../../app/api.ts'
import { TEXT_LIMITS } from '../../app/queries/limits.ts'
import type { FamilyInput } from '../../domain/family.ts'
import type { FieldErrors } from '../../domain/validation.ts'
import { useI18n } from '../i18n/context.tsx'
import { fieldErrorText } from '../i18n/translate.ts'
import { focusFirstError } from './focus.ts'
import { TextField } from './TextField.tsx'

interface FamilyNameFormProps {
  readonly id: string
  readonly label: string
  readonly hint?: string
  readonly initial?: string
  readonly submitLabel: string
  /** Returns the result of the command; the field is cleared after an add that succeeded. */
  readonly onSubmit: (input: FamilyInput) => FormResult<unknown>
  readonly clearOnSuccess?: boolean
  readonly onCancel?: () => void
  readonly autoFocus?: boolean
}

export function FamilyNameForm(props: FamilyNameFormProps) {
  const { t } = useI18n()
  const [value, setValue] = useState(props.initial ?? '')
  const [errors, setErrors] = useState<FieldErrors>({})
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (props.autoFocus) input.current?.focus()
  }, [props.autoFocus])

  const submit = (event: Event) => {
    event.preventDefault()
    const result = props.onSubmit({ displayName: value })
    if (result.ok) {
      setErrors({})
      if (props.clearOnSuccess) setValue('')
    } else {
      setErrors(result.error)
      focusFirstError(['displayName'], result.error, () => props.id)
    }
  }

  const errorKey = errors.displayName ?? errors._
  return (
    <form class="form form--inline" onSubmit={submit} noValidate>
      <TextField
        id={props.id}
        label={props.label}
        hint={props.hint}
        value={value}
        onInput={setValue}
        error={errorKey === undefined ? null : fieldErrorText(t, errorKey, TEXT_LIMITS.familyName)}
        maxLength={TEXT_LIMITS.familyName}
        inputRef={input}
      />
      <div class="actions">
        <button type="submit" class="button button--primary">{props.submitLabel}</button>
        {props.onCancel && <button type="button" class="button" onClick={props.onCancel}>{t('form.cancel')}</button>}
      </div>
    </form>
  )
}

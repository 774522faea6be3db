// The adult form: first name, phone, charter accepted on a date (empty: not yet), insured yes/no, and optionally "C'est moi".
import { useEffect, useRef, useState } from 'preact/hooks'
import type { FormResult } from '../../../app/api.ts'
import { TEXT_LIMITS } from '../../../app/queries/limits.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import type { AdultInput } from '../../../domain/people.ts'
import type { FieldErrors } from '../../../domain/validation.ts'
import { useI18n } from '../../i18n/context.tsx'
import { TextField } from '../TextField.tsx'
import { errorTextOf } from './errors.ts'
import { CheckboxField, InputField, focusFirstManageError } from './fields.tsx'
import { EMPTY_ADULT, adultInputOf, type AdultValues } from './forms.ts'

const FIELDS = ['firstName', 'phone', 'charterAcceptedOn'] as const

interface AdultFormProps {
  readonly idPrefix: string
  readonly initial?: AdultValues
  readonly submitLabel: string
  /** `isMe` is the "C'est moi" box, offered only when `offerMe`. */
  readonly onSubmit: (input: AdultInput, isMe: boolean) => FormResult<unknown>
  readonly onCancel?: () => void
  readonly offerMe?: boolean
  readonly clearOnSuccess?: boolean
  readonly autoFocus?: boolean
}

/** Today as 'YYYY-MM-DD' in Paris (the collective's calendar), whatever the phone's zone. */
const today = (): string => todayIn(Date.now())

export function AdultForm({ idPrefix, initial, submitLabel, onSubmit, onCancel, offerMe, clearOnSuccess, autoFocus }: AdultFormProps) {
  const { t } = useI18n()
  const [values, setValues] = useState<AdultValues>(initial ?? EMPTY_ADULT)
  const [isMe, setIsMe] = useState(offerMe ?? false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const first = useRef<HTMLInputElement>(null)
  const idOf = (field: string) => `${idPrefix}-${field}`
  const set = (patch: Partial<AdultValues>) => setValues((current) => ({ ...current, ...patch }))
  useEffect(() => {
    if (autoFocus) first.current?.focus()
  }, [autoFocus])

  const submit = (event: Event) => {
    event.preventDefault()
    const result = onSubmit(adultInputOf(values), Boolean(offerMe) && isMe)
    if (result.ok) {
      setErrors({})
      if (clearOnSuccess) {
        setValues(EMPTY_ADULT)
        setIsMe(false)
        first.current?.focus()
      }
    } else {
      setErrors(result.error)
      focusFirstManageError(FIELDS, result.error, idOf)
    }
  }

  return (
    <form class="form" onSubmit={submit} noValidate>
      <TextField
        id={idOf('firstName')}
        label={t('manage.adult.firstName')}
        value={values.firstName}
        onInput={(firstName) => set({ firstName })}
        error={errorTextOf(t, errors, 'firstName', TEXT_LIMITS.firstName)}
        maxLength={TEXT_LIMITS.firstName}
        inputRef={first}
        autoComplete="given-name"
      />
      <InputField id={idOf('phone')} type="tel" inputMode="tel" label={t('manage.adult.phone')} hint={t('manage.adult.phoneHint')} value={values.phone} onInput={(phone) => set({ phone })} error={errorTextOf(t, errors, 'phone')} autoComplete="tel" />
      <InputField
        id={idOf('charterAcceptedOn')}
        type="date"
        label={t('manage.adult.charter')}
        hint={t('manage.adult.charterHint')}
        value={values.charterAcceptedOn}
        onInput={(charterAcceptedOn) => set({ charterAcceptedOn })}
        error={errorTextOf(t, errors, 'charterAcceptedOn')}
      />
      {values.charterAcceptedOn === '' && (
        <p>
          <button type="button" class="button" onClick={() => set({ charterAcceptedOn: today() })}>{t('manage.adult.charterToday')}</button>
        </p>
      )}
      <CheckboxField id={idOf('insured')} label={t('manage.adult.insured')} hint={t('manage.adult.insuredHint')} checked={values.insured} onChange={(insured) => set({ insured })} />
      {offerMe && <CheckboxField id={idOf('isMe')} label={t('manage.adult.isMe')} hint={t('manage.adult.isMeHint')} checked={isMe} onChange={setIsMe} />}
      <div class="actions">
        <button type="submit" class="button button--primary">{submitLabel}</button>
        {onCancel && <button type="button" class="button" onClick={onCancel}>{t('form.cancel')}</button>}
      </div>
    </form>
  )
}

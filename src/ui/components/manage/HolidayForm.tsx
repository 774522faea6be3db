// "Ajouter une période de vacances": first and last day without school and a name, checked by the domain (end on or after start, name required).
import { useState } from 'preact/hooks'
import type { FormResult } from '../../../app/api.ts'
import { TEXT_LIMITS } from '../../../app/queries/limits.ts'
import type { HolidayInput } from '../../../domain/calendar-records.ts'
import type { FieldErrors } from '../../../domain/validation.ts'
import { useI18n } from '../../i18n/context.tsx'
import { errorTextOf } from './errors.ts'
import { InputField, focusFirstManageError } from './fields.tsx'

const FIELDS = ['start', 'end', 'label'] as const
const EMPTY: HolidayInput = { start: '', end: '', label: '' }

export function HolidayForm({ onSubmit }: { onSubmit: (input: HolidayInput) => FormResult<unknown> }) {
  const { t } = useI18n()
  const [values, setValues] = useState<HolidayInput>(EMPTY)
  const [errors, setErrors] = useState<FieldErrors>({})
  const idOf = (field: string) => `holiday-${field}`
  const set = (patch: Partial<HolidayInput>) => setValues((current) => ({ ...current, ...patch }))

  const submit = (event: Event) => {
    event.preventDefault()
    const result = onSubmit(values)
    if (result.ok) {
      setErrors({})
      setValues(EMPTY)
    } else {
      setErrors(result.error)
      focusFirstManageError(FIELDS, result.error, idOf)
    }
  }

  return (
    <form class="form" onSubmit={submit} noValidate>
      <InputField id={idOf('start')} type="date" label={t('manage.holidays.start')} value={values.start} onInput={(start) => set({ start })} error={errorTextOf(t, errors, 'start')} />
      <InputField id={idOf('end')} type="date" label={t('manage.holidays.end')} value={values.end} onInput={(end) => set({ end })} error={errorTextOf(t, errors, 'end')} />
      <InputField
        id={idOf('label')}
        label={t('manage.holidays.label')}
        hint={t('manage.holidays.labelHint')}
        value={values.label}
        maxLength={TEXT_LIMITS.calendarNote}
        onInput={(label) => set({ label })}
        error={errorTextOf(t, errors, 'label', TEXT_LIMITS.calendarNote)}
      />
      <div class="actions">
        <button type="submit" class="button button--primary">{t('manage.holidays.add')}</button>
      </div>
    </form>
  )
}

// Cancelling a walk or a whole day: date, line (or all), direction (or both), reason (grève, alerte météo, sortie scolaire, autre) and a note.
import { useState } from 'preact/hooks'
import type { FormResult } from '../../../app/api.ts'
import { CANCEL_REASONS } from '../../../app/queries/calendar.ts'
import { TEXT_LIMITS } from '../../../app/queries/limits.ts'
import type { CancelReason, ExceptionInput } from '../../../domain/calendar-records.ts'
import type { Line } from '../../../domain/line.ts'
import type { FieldErrors } from '../../../domain/validation.ts'
import { useI18n } from '../../i18n/context.tsx'
import { errorTextOf } from './errors.ts'
import { ChoiceGroup, InputField, SelectField, TextAreaField, focusFirstManageError } from './fields.tsx'
import { emptyException, exceptionInputOf, type ExceptionValues } from './forms.ts'
import { reasonName } from './labels.ts'

const FIELDS = ['date', 'lineId', 'direction', 'reason', 'note'] as const

interface ExceptionFormProps {
  readonly lines: readonly Line[]
  readonly today: string
  readonly onSubmit: (input: ExceptionInput) => FormResult<unknown>
}

export function ExceptionForm({ lines, today, onSubmit }: ExceptionFormProps) {
  const { t } = useI18n()
  const [values, setValues] = useState<ExceptionValues>(() => emptyException(today))
  const [errors, setErrors] = useState<FieldErrors>({})
  const idOf = (field: string) => `exception-${field}`
  const set = (patch: Partial<ExceptionValues>) => setValues((current) => ({ ...current, ...patch }))

  const submit = (event: Event) => {
    event.preventDefault()
    const result = onSubmit(exceptionInputOf(values))
    if (result.ok) {
      setErrors({})
      setValues((current) => ({ ...current, note: '' }))
    } else {
      setErrors(result.error)
      focusFirstManageError(FIELDS, result.error, idOf)
    }
  }

  return (
    <form class="form" onSubmit={submit} noValidate>
      <InputField id={idOf('date')} type="date" label={t('manage.exception.date')} value={values.date} onInput={(date) => set({ date })} error={errorTextOf(t, errors, 'date')} />
      <SelectField
        id={idOf('lineId')}
        label={t('manage.exception.line')}
        value={values.lineId}
        onChange={(lineId) => set({ lineId })}
        options={[{ value: '', label: t('manage.exception.allLines') }, ...lines.map((line) => ({ value: line.id, label: line.name }))]}
        error={errorTextOf(t, errors, 'lineId')}
      />
      <SelectField
        id={idOf('direction')}
        label={t('manage.exception.direction')}
        value={values.direction}
        onChange={(direction) => set({ direction: direction === 'aller' || direction === 'retour' ? direction : '' })}
        options={[
          { value: '', label: t('manage.direction.both') },
          { value: 'aller', label: t('manage.direction.allerOnly') },
          { value: 'retour', label: t('manage.direction.retourOnly') },
        ]}
        error={errorTextOf(t, errors, 'direction')}
      />
      <ChoiceGroup<CancelReason>
        id={idOf('reason')}
        kind="radio"
        legend={t('manage.exception.reason')}
        options={CANCEL_REASONS.map((reason) => ({ value: reason, label: reasonName(t, reason) }))}
        selected={[values.reason]}
        onChange={([reason]) => reason && set({ reason })}
        error={errorTextOf(t, errors, 'reason')}
      />
      <TextAreaField
        id={idOf('note')}
        label={t('manage.exception.note')}
        hint={t('manage.exception.noteHint')}
        value={values.note}
        rows={2}
        onInput={(note) => set({ note })}
        error={errorTextOf(t, errors, 'note', TEXT_LIMITS.calendarNote)}
        maxLength={TEXT_LIMITS.calendarNote}
      />
      <div class="actions">
        <button type="submit" class="button button--primary">{t('manage.exception.add')}</button>
      </div>
    </form>
  )
}

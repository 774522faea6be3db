// The line form: name, colour from the named palette, directions run (aller / retour), days run.
import { useState } from 'preact/hooks'
import type { FormResult } from '../../../app/api.ts'
import { TEXT_LIMITS } from '../../../app/queries/limits.ts'
import type { Weekday } from '../../../domain/dates.ts'
import type { Direction, LineInput } from '../../../domain/line.ts'
import { useI18n } from '../../i18n/context.tsx'
import { TextField } from '../TextField.tsx'
import { errorTextOf } from './errors.ts'
import { ChoiceGroup, focusFirstManageError } from './fields.tsx'
import { FORM_WEEKDAYS, lineInputOf, type LineValues } from './forms.ts'
import { LINE_PALETTE, colourNameOf } from './palette.ts'
import { weekdayOptions } from './labels.ts'

const FIELDS = ['name', 'colour', 'directions', 'days'] as const

interface LineFormProps {
  readonly idPrefix: string
  readonly initial: LineValues
  readonly submitLabel: string
  readonly onSubmit: (input: LineInput) => FormResult<unknown>
  readonly onCancel?: () => void
}

export function LineForm({ idPrefix, initial, submitLabel, onSubmit, onCancel }: LineFormProps) {
  const { t } = useI18n()
  const [values, setValues] = useState<LineValues>(initial)
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({})
  const idOf = (field: string) => `${idPrefix}-${field}`
  const set = (patch: Partial<LineValues>) => setValues((current) => ({ ...current, ...patch }))

  const submit = (event: Event) => {
    event.preventDefault()
    const result = onSubmit(lineInputOf(values))
    if (result.ok) setErrors({})
    else {
      setErrors(result.error)
      focusFirstManageError(FIELDS, result.error, idOf)
    }
  }

  // A colour written by another version stays selectable, named by its code.
  const palette = LINE_PALETTE.map((c) => ({ value: c.hex, label: t(c.name), swatch: c.hex }))
  if (!colourNameOf(values.colour)) palette.push({ value: values.colour, label: values.colour, swatch: values.colour })

  return (
    <form class="form" onSubmit={submit} noValidate>
      <TextField
        id={idOf('name')}
        label={t('manage.line.name')}
        hint={t('manage.line.nameHint')}
        value={values.name}
        onInput={(name) => set({ name })}
        error={errorTextOf(t, errors, 'name', TEXT_LIMITS.lineName)}
        maxLength={TEXT_LIMITS.lineName}
      />
      <ChoiceGroup
        id={idOf('colour')}
        kind="radio"
        legend={t('manage.line.colour')}
        options={palette}
        selected={[values.colour]}
        onChange={([colour]) => colour && set({ colour })}
        error={errorTextOf(t, errors, 'colour')}
      />
      <ChoiceGroup<Direction>
        id={idOf('directions')}
        kind="checkbox"
        legend={t('manage.line.directions')}
        options={[
          { value: 'aller', label: t('manage.direction.allerLong') },
          { value: 'retour', label: t('manage.direction.retourLong') },
        ]}
        selected={values.directions}
        onChange={(directions) => set({ directions })}
        error={errorTextOf(t, errors, 'directions')}
      />
      <ChoiceGroup<Weekday>
        id={idOf('days')}
        kind="checkbox"
        legend={t('manage.line.days')}
        options={weekdayOptions(t, FORM_WEEKDAYS)}
        selected={values.days}
        onChange={(days) => set({ days })}
        error={errorTextOf(t, errors, 'days')}
      />
      <div class="actions">
        <button type="submit" class="button button--primary">{submitLabel}</button>
        {onCancel && <button type="button" class="button" onClick={onCancel}>{t('form.cancel')}</button>}
      </div>
    </form>
  )
}

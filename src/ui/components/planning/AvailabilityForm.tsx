// "Mes disponibilités" for one adult: the weekly grid (line x weekday x direction), a weekly maximum, a preferred place, date exceptions; saved whole with setAvailability.
import { useState } from 'preact/hooks'
import type { PlanningCommands } from '../../../app/api.ts'
import { WEEKLY_MAX_LIMIT } from '../../../app/queries/limits.ts'
import type { Availability, RolePreference } from '../../../domain/planning/records.ts'
import type { Adult } from '../../../domain/people.ts'
import type { Settings } from '../../../domain/settings.ts'
import type { Line } from '../../../domain/line.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { ChoiceGroup, InputField, focusFirstManageError } from '../manage/fields.tsx'
import { FormError } from './FormError.tsx'
import { AvailabilityGrid } from './AvailabilityGrid.tsx'
import { ExceptionsEditor } from './ExceptionsEditor.tsx'
import {
  AVAILABILITY_FIELDS, availabilityFieldErrors, availabilityInputOf, availabilityValuesOf,
  type AvailabilityErrors, type AvailabilityField, type AvailabilityValues,
} from '../../../app/queries/planning/availability-view.ts'
import { planningErrorText } from './planning-text.ts'

interface AvailabilityFormProps {
  readonly session: PlanningCommands
  readonly adult: Adult
  /** The adult's stored availability (the form starts from it), if any. */
  readonly stored: Availability | undefined
  readonly lines: readonly Line[]
  readonly settings: Pick<Settings, 'operatingWeekdays'>
  /** "Enregistrées par … à la demande de …" when a member saved the stored availability for the family. */
  readonly onBehalf?: string | null
}

export const availabilityIdOf = (field: string): string => `availability-${field}`

const PREFERENCES: readonly RolePreference[] = ['lead', 'tail', 'none']

export function AvailabilityForm({ session, adult, stored, lines, settings, onBehalf = null }: AvailabilityFormProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [values, setValues] = useState<AvailabilityValues>(() => availabilityValuesOf(stored, lines))
  const [errors, setErrors] = useState<AvailabilityErrors>({})
  const [saved, setSaved] = useState(false)
  const update = (next: AvailabilityValues) => {
    setValues(next)
    setSaved(false)
  }
  const errorOf = (field: AvailabilityField): string | null => {
    const key = errors[field]
    return key === undefined ? null : planningErrorText(t, key, 'weeklyMax')
  }
  const fail = (fieldErrors: AvailabilityErrors) => {
    setErrors(fieldErrors)
    setSaved(false)
    focusFirstManageError(AVAILABILITY_FIELDS, fieldErrors, availabilityIdOf)
  }

  const submit = (event: Event) => {
    event.preventDefault()
    const parsed = availabilityInputOf(values)
    if (!parsed.ok) return fail(parsed.errors)
    const result = session.setAvailability(adult.id, parsed.input)
    if (!result.ok) return fail(availabilityFieldErrors(result.error))
    setErrors({})
    setSaved(true)
    announce(t('planning.availability.saved'))
  }

  return (
    <form class="form planning-form" onSubmit={submit} noValidate data-testid="availability-form">
      {stored === undefined && <p class="muted">{t('planning.availability.notSaved', { name: adult.firstName })}</p>}
      {onBehalf !== null && <p class="muted" data-testid="availability-on-behalf">{onBehalf}</p>}
      <AvailabilityGrid
        id={availabilityIdOf('recurring')}
        values={values}
        lines={lines}
        settings={settings}
        onChange={update}
        error={errorOf('recurring')}
      />
      <InputField
        id={availabilityIdOf('weeklyMax')}
        label={t('planning.availability.weeklyMax')}
        hint={t('planning.availability.weeklyMaxHint', { max: WEEKLY_MAX_LIMIT })}
        inputMode="numeric"
        value={values.weeklyMax}
        onInput={(weeklyMax) => update({ ...values, weeklyMax })}
        error={errorOf('weeklyMax')}
        maxDigits={3}
      />
      <ChoiceGroup<RolePreference>
        id={availabilityIdOf('preference')}
        kind="radio"
        legend={t('planning.availability.preference')}
        options={PREFERENCES.map((value) => ({ value, label: t(`planning.availability.preference.${value}`) }))}
        selected={[values.preference]}
        onChange={([preference]) => preference && update({ ...values, preference })}
        error={errorOf('preference')}
      />
      <ExceptionsEditor id={availabilityIdOf('exceptions')} values={values} onChange={update} error={errorOf('exceptions')} />
      {errorOf('form') && <FormError id={availabilityIdOf('form')} text={errorOf('form') ?? ''} />}
      <div class="actions">
        <button type="submit" class="button button--primary">{t('planning.availability.save')}</button>
      </div>
      {saved && <p class="notice" data-testid="availability-saved">{t('planning.availability.savedFor', { name: adult.firstName })}</p>}
    </form>
  )
}

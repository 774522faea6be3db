// The collective's settings form: calendar, weekdays, ratio, minimum adults, the association responsible for the data.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { FormResult } from '../../../app/api.ts'
import { MIN_ADULTS_FLOOR, TEXT_LIMITS } from '../../../app/queries/limits.ts'
import type { Weekday } from '../../../domain/dates.ts'
import type { HolidayZone, Settings, SettingsInput } from '../../../domain/settings.ts'
import type { FieldErrors } from '../../../domain/validation.ts'
import { useI18n } from '../../i18n/context.tsx'
import { errorTextOf } from './errors.ts'
import { CheckboxField, ChoiceGroup, InputField, focusFirstManageError } from './fields.tsx'
import { FORM_WEEKDAYS, settingsInputOf, settingsValuesOf, type SettingsValues } from './forms.ts'
import { weekdayOptions } from './labels.ts'

const FIELDS = [
  'holidayZone', 'operatingWeekdays', 'childrenPerAdult', 'minAdults', 'associationName', 'associationContact',
] as const
const ZONES: readonly HolidayZone[] = ['A', 'B', 'C']

interface SettingsFormProps {
  readonly settings: Settings
  readonly onSubmit: (input: SettingsInput) => FormResult<unknown>
}

export function SettingsForm({ settings, onSubmit }: SettingsFormProps) {
  const { t } = useI18n()
  const [values, setValues] = useState<SettingsValues>(() => settingsValuesOf(settings))
  const [errors, setErrors] = useState<FieldErrors>({})
  const idOf = (field: string) => `settings-${field}`
  // Until the member types, follow the shared settings (loaded from the phone after the first render, or changed by another family).
  const dirty = useRef(false)
  const set = (patch: Partial<SettingsValues>) => {
    dirty.current = true
    setValues((current) => ({ ...current, ...patch }))
  }
  const current = JSON.stringify(settings)
  useEffect(() => {
    if (!dirty.current) setValues(settingsValuesOf(settings))
  }, [current])

  const submit = (event: Event) => {
    event.preventDefault()
    const { input, errors: local } = settingsInputOf(values)
    const result: FormResult<unknown> = Object.keys(local).length > 0 ? { ok: false, error: local } : onSubmit(input)
    if (result.ok) {
      setErrors({})
      dirty.current = false
    } else {
      setErrors(result.error)
      focusFirstManageError(FIELDS, result.error, idOf)
    }
  }

  return (
    <form class="form" onSubmit={submit} noValidate>
      <ChoiceGroup<HolidayZone>
        id={idOf('holidayZone')}
        kind="radio"
        legend={t('manage.settings.zone')}
        hint={t('manage.settings.zoneHint')}
        options={ZONES.map((zone) => ({ value: zone, label: t('manage.settings.zoneOption', { zone }) }))}
        selected={[values.holidayZone]}
        onChange={([holidayZone]) => holidayZone && set({ holidayZone })}
        error={errorTextOf(t, errors, 'holidayZone')}
      />
      <CheckboxField
        id={idOf('ownCalendar')}
        label={t('manage.settings.ownCalendar')}
        hint={t('manage.settings.ownCalendarHint')}
        checked={values.ownCalendar}
        onChange={(ownCalendar) => set({ ownCalendar })}
      />
      <CheckboxField
        id={idOf('alsaceMoselle')}
        label={t('manage.settings.alsaceMoselle')}
        hint={t('manage.settings.alsaceMoselleHint')}
        checked={values.alsaceMoselle}
        onChange={(alsaceMoselle) => set({ alsaceMoselle })}
      />
      <ChoiceGroup<Weekday>
        id={idOf('operatingWeekdays')}
        kind="checkbox"
        legend={t('manage.settings.weekdays')}
        hint={t('manage.settings.weekdaysHint')}
        options={weekdayOptions(t, FORM_WEEKDAYS)}
        selected={values.operatingWeekdays}
        onChange={(operatingWeekdays) => set({ operatingWeekdays })}
        error={errorTextOf(t, errors, 'operatingWeekdays')}
      />
      <InputField
        id={idOf('childrenPerAdult')}
        inputMode="numeric"
        label={t('manage.settings.childrenPerAdult')}
        hint={t('manage.settings.childrenPerAdultHint')}
        value={values.childrenPerAdult}
        onInput={(childrenPerAdult) => set({ childrenPerAdult })}
        error={errorTextOf(t, errors, 'childrenPerAdult')}
        maxDigits={3}
      />
      <InputField
        id={idOf('minAdults')}
        inputMode="numeric"
        label={t('manage.settings.minAdults')}
        hint={t('manage.settings.minAdultsHint', { n: MIN_ADULTS_FLOOR })}
        value={values.minAdults}
        onInput={(minAdults) => set({ minAdults })}
        error={errorTextOf(t, errors, 'minAdults')}
        maxDigits={3}
      />
      <fieldset class="choices field" id={idOf('association')} aria-describedby={`${idOf('association')}-hint`}>
        <legend>{t('manage.settings.association')}</legend>
        <p class="field__hint" id={`${idOf('association')}-hint`}>{t('manage.settings.associationHint')}</p>
        <InputField
          id={idOf('associationName')}
          label={t('manage.settings.associationName')}
          value={values.associationName}
          onInput={(associationName) => set({ associationName })}
          error={errorTextOf(t, errors, 'associationName', TEXT_LIMITS.associationName)}
          maxLength={TEXT_LIMITS.associationName}
          autoComplete="organization"
        />
        <InputField
          id={idOf('associationContact')}
          label={t('manage.settings.associationContact')}
          hint={t('manage.settings.associationContactHint')}
          value={values.associationContact}
          onInput={(associationContact) => set({ associationContact })}
          error={errorTextOf(t, errors, 'associationContact', TEXT_LIMITS.associationContact)}
          maxLength={TEXT_LIMITS.associationContact}
        />
      </fieldset>
      <div class="actions">
        <button type="submit" class="button button--primary">{t('form.save')}</button>
      </div>
    </form>
  )
}

// The rotation's rhythm: period length (semaine, deux semaines, mois) and first Monday, saved with setRoster.
import { useState } from 'preact/hooks'
import type { CoordinationCommands } from '../../../app/api.ts'
import { PERIOD_LENGTHS } from '../../../app/queries/coordination.ts'
import type { CoordinatorRosterSetting, PeriodLength } from '../../../domain/coordination/index.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import type { MessageKey } from '../../i18n/fr.ts'
import { fieldErrorKey } from '../../i18n/translate.ts'
import { InputField, SelectField } from '../manage/fields.tsx'

const LENGTH_KEYS: Readonly<Record<PeriodLength, MessageKey>> = { week: 'coord.setting.week', twoWeeks: 'coord.setting.twoWeeks', month: 'coord.setting.month' }

/** Error text for the setting's fields ('notMonday' is this form's own message). */
export const settingErrorKey = (domainKey: string | undefined): MessageKey | null =>
  domainKey === undefined ? null : domainKey === 'notMonday' ? 'coord.setting.notMonday' : fieldErrorKey(domainKey)

export function RosterSettingForm({ session, setting }: {
  session: CoordinationCommands
  setting: CoordinatorRosterSetting
}) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [length, setLength] = useState<string>(setting.periodLength)
  const [startsOn, setStartsOn] = useState<string>(setting.startsOn)
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({})
  const submit = (event: Event) => {
    event.preventDefault()
    const result = session.setRoster({ periodLength: length as PeriodLength, startsOn: startsOn as LocalDate })
    if (result.ok) {
      setErrors({})
      announce(t('coord.setting.saved'))
    } else setErrors(result.error)
  }
  const errorOf = (field: string) => {
    const key = settingErrorKey(errors[field])
    return key === null ? null : t(key)
  }
  return (
    <form class="card" aria-labelledby="coord-setting-title" onSubmit={submit} noValidate>
      <h2 id="coord-setting-title">{t('coord.setting.title')}</h2>
      <SelectField
        id="coord-length"
        label={t('coord.setting.length')}
        value={length}
        onChange={setLength}
        options={PERIOD_LENGTHS.map((value) => ({ value, label: t(LENGTH_KEYS[value]) }))}
        error={errorOf('periodLength')}
      />
      <InputField id="coord-starts" type="date" label={t('coord.setting.startsOn')} hint={t('coord.setting.startsOnHint')} value={startsOn} onInput={setStartsOn} error={errorOf('startsOn')} />
      <button type="submit" class="button">{t('coord.setting.save')}</button>
    </form>
  )
}

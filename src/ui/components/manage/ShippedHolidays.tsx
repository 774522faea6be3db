// "Vacances scolaires (zone X)": the shipped periods of the collective's zone by school year, their status (officiel / à confirmer) and a "does not apply" toggle each.
import type { CalendarCommands, CalendarView } from '../../../app/api.ts'
import { ignoredPeriodIds, SHIPPED_SCHOOL_YEARS, shippedHolidayPeriods } from '../../../app/queries/calendar.ts'
import type { ShippedPeriod } from '../../../domain/calendar/school-calendar.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { holidayName } from '../rota/rota-format.ts'
import { dateText } from './labels.ts'
import { listFormat } from '../../i18n/formats.ts'

interface ShippedHolidaysProps {
  readonly session: CalendarCommands
  readonly view: CalendarView
}

/** '2027-2028/A/hiver' -> 'shipped-2027-2028-A-hiver': usable as an element id and in selectors. */
const domIdOf = (period: ShippedPeriod): string => `shipped-${period.id.replaceAll('/', '-')}`

export function ShippedHolidays({ session, view }: ShippedHolidaysProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const zone = view.settings.holidayZone
  const periods = shippedHolidayPeriods(zone, view.settings.operatingWeekdays)
  const ignored = ignoredPeriodIds(view.holidayOverrides ?? [])
  const years = listFormat(language, { type: 'conjunction' }).format(SHIPPED_SCHOOL_YEARS)

  if (view.settings.ownCalendar) {
    return (
      <section class="card" aria-labelledby="shipped-title" data-testid="shipped-own-calendar">
        <h2 id="shipped-title">{t('manage.shipped.ownTitle')}</h2>
        <p>{t('manage.shipped.ownText')}</p>
      </section>
    )
  }

  const toggle = (period: ShippedPeriod, nextIgnored: boolean) => {
    const result = session.setShippedHolidayIgnored(period.id, nextIgnored)
    const label = `${holidayName(t, period)} ${period.schoolYear}`
    if (result.ok) announce(t(nextIgnored ? 'manage.shipped.ignoredDone' : 'manage.shipped.restoredDone', { label }))
  }

  return (
    <section class="card" aria-labelledby="shipped-title">
      <h2 id="shipped-title">{t('manage.shipped.title', { zone })}</h2>
      <p>{t('manage.shipped.intro', { years })}</p>
      {SHIPPED_SCHOOL_YEARS.map((year) => (
        <div key={year}>
          <h3>{t('manage.shipped.year', { year })}</h3>
          <ul class="list" data-testid={`shipped-${year}`}>
            {periods.filter((period) => period.schoolYear === year).map((period) => {
              const id = domIdOf(period)
              const isIgnored = ignored.has(period.id)
              const dates = { start: dateText(period.start), end: dateText(period.end) }
              const name = t('manage.holidays.period', { label: holidayName(t, period), ...dates })
              return (
                <li key={period.id} class="list__item list__item--stacked" data-testid={id}>
                  <p class="list__name" id={`${id}-name`}>{name}</p>
                  <p>
                    <span aria-hidden="true">{period.provisional ? '⚠ ' : '✓ '}</span>
                    <strong>{t('manage.shipped.status', { status: t(period.provisional ? 'manage.shipped.toConfirm' : 'manage.shipped.official') })}</strong>
                    {' — '}
                    {t(`manage.shipped.checked.${period.checked}`)}
                  </p>
                  <div class="field field--check">
                    <label class="choice" for={id}>
                      <input id={id} type="checkbox" checked={isIgnored} aria-describedby={`${id}-name`} onChange={(event) => toggle(period, event.currentTarget.checked)} />
                      <span>{t('manage.shipped.ignore')}</span>
                    </label>
                  </div>
                  {isIgnored && <p class="notice" data-testid={`${id}-ignored`}>{t('manage.shipped.ignoredNote')}</p>}
                </li>
              )
            })}
          </ul>
        </div>
      ))}
    </section>
  )
}

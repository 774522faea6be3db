// "Calendrier" (/c/:id/calendrier): cancelled walks and days (removable), the shipped school holidays of the zone (each can be ignored), added or imported periods (removable), a form to add one, and the ICS import.
import { todayIn } from '../../../app/queries/rota.ts'
import type { CalendarException } from '../../../domain/calendar-records.ts'
import { ConfirmAction } from '../../components/ConfirmAction.tsx'
import { ExceptionForm } from '../../components/manage/ExceptionForm.tsx'
import { HolidayForm } from '../../components/manage/HolidayForm.tsx'
import { HolidayImport } from '../../components/manage/HolidayImport.tsx'
import { ShippedHolidays } from '../../components/manage/ShippedHolidays.tsx'
import { dateText, directionsText, reasonName } from '../../components/manage/labels.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { BackLink, SessionGate, type ScreenProps } from './SessionGate.tsx'

/** Today in the collective's time zone, as 'YYYY-MM-DD' (read from the date parts). */
const todayInParis = (): string => todayIn(Date.now())

export function CalendarPage() {
  return <SessionGate screen={CalendarScreen} />
}

function CalendarScreen({ session, view }: ScreenProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const exceptions = [...view.exceptions].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
  const holidays = [...view.holidays].sort((a, b) => a.start.localeCompare(b.start))
  const describe = (exception: CalendarException): string => {
    const line = exception.lineId === null ? t('manage.exception.allLines') : (view.lines.find((l) => l.id === exception.lineId)?.name ?? t('manage.exception.unknownLine'))
    const directions = directionsText(t, exception.direction === null ? ['aller', 'retour'] : [exception.direction])
    return `${dateText(exception.date)} · ${line} · ${directions}`
  }
  return (
    <>
      <PageTitle name="manage.calendar.title" />
      <p>{t('manage.calendar.intro')}</p>
      <section class="card" aria-labelledby="exceptions-title">
        <h2 id="exceptions-title">{t('manage.exceptions.title')} <span class="count">({exceptions.length})</span></h2>
        {exceptions.length === 0 ? <p>{t('manage.exceptions.empty')}</p> : (
          <ul class="list" data-testid="exceptions">
            {exceptions.map((exception) => (
              <li key={exception.id} class="list__item list__item--stacked">
                <p class="list__name">{describe(exception)}</p>
                <p>{reasonName(t, exception.reason)}{exception.note ? ` : ${exception.note}` : ''}</p>
                <ConfirmAction
                  label={t('manage.exception.remove')}
                  accessibleLabel={`${t('manage.exception.remove')} : ${describe(exception)}`}
                  question={t('manage.exception.removeConfirm', { what: describe(exception) })}
                  confirmLabel={t('manage.exception.removeYes')}
                  onConfirm={() => {
                    const result = session.removeException(exception.id)
                    announce(result.ok ? t('manage.exception.removed') : t('removal.notFound'))
                  }}
                />
              </li>
            ))}
          </ul>
        )}
        <h3>{t('manage.exceptions.addTitle')}</h3>
        <ExceptionForm
          lines={view.lines}
          today={todayInParis()}
          onSubmit={(input) => {
            const result = session.addException(input)
            if (result.ok) announce(t('manage.exception.added'))
            return result
          }}
        />
      </section>
      <ShippedHolidays session={session} view={view} />
      <section class="card" aria-labelledby="holidays-title">
        <h2 id="holidays-title">{t('manage.holidays.title')} <span class="count">({holidays.length})</span></h2>
        <p>{t('manage.holidays.intro')}</p>
        {holidays.length === 0 ? <p>{t('manage.holidays.none')}</p> : (
          <ul class="list" data-testid="holidays">
            {holidays.map((holiday) => {
              const what = t('manage.holidays.period', { label: holiday.label, start: dateText(holiday.start), end: dateText(holiday.end) })
              return (
                <li key={holiday.id} class="list__item list__item--stacked">
                  <p class="list__name">{what}</p>
                  <ConfirmAction
                    label={t('manage.holidays.remove')}
                    accessibleLabel={`${t('manage.holidays.remove')} : ${what}`}
                    question={t('manage.holidays.removeConfirm', { what })}
                    confirmLabel={t('manage.holidays.removeYes')}
                    onConfirm={() => {
                      const result = session.removeHoliday(holiday.id)
                      announce(result.ok ? t('manage.holidays.removed') : t('removal.notFound'))
                    }}
                  />
                </li>
              )
            })}
          </ul>
        )}
        <h3>{t('manage.holidays.addTitle')}</h3>
        <HolidayForm
          onSubmit={(input) => {
            const result = session.addHoliday(input)
            if (result.ok) announce(t('manage.holidays.added'))
            return result
          }}
        />
        <h3>{t('manage.holidays.importTitle')}</h3>
        <HolidayImport session={session} settings={view.settings} />
      </section>
      <BackLink href={`/c/${session.id}/plus`} label={t('invite.done')} />
    </>
  )
}

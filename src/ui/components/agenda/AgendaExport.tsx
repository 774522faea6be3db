// "Ajouter à mon agenda" on "Mes trajets": builds my family's .ics file on the phone and downloads it, or says why it cannot yet.
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { SessionIdentity, SessionState } from '../../../app/api.ts'
import { exportedCalendarOf, familyCalendarIcs, familyCalendarOf, icsFileName } from '../../../app/queries/exports.ts'
import type { ExportedCalendar } from '../../../domain/export/calendar-history.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useServices } from '../../hooks/services.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { pluralKey } from '../../i18n/translate.ts'
import { useNow } from '../rota/useRotaNow.ts'
import { calendarTexts } from './agenda-texts.ts'
import { downloadTextFile } from './download-file.ts'
import './agenda.css'
import { listFormat } from '../../i18n/formats.ts'

/** What this phone's last file for the family held (null before the first); undefined while it is read. */
const usePreviousExport = (collectiveId: string, familyId: FamilyId | null) => {
  const services = useServices()
  type Read = { readonly familyId: FamilyId; readonly calendar: ExportedCalendar | null }
  const [previous, setPrevious] = useState<Read | null>(null)
  useEffect(() => {
    if (familyId === null) return
    let current = true
    services.calendarExport(collectiveId, familyId).then(
      (calendar) => { if (current) setPrevious({ familyId, calendar }) },
      (error: unknown) => {
        // Unreadable: the file then cancels nothing, as a first export (a stale event stays, never a made-up one).
        services.reportError('agenda.previous', error)
        if (current) setPrevious({ familyId, calendar: null })
      })
    return () => { current = false }
  }, [services, collectiveId, familyId])
  const remember = (id: FamilyId, calendar: ExportedCalendar): void => {
    setPrevious({ familyId: id, calendar })
    services.rememberCalendarExport(collectiveId, id, calendar)
      .catch((error: unknown) => services.reportError('agenda.remember', error))
  }
  return { previous: previous !== null && previous.familyId === familyId ? previous.calendar : undefined, remember }
}

export function AgendaExport({ session }: { readonly session: SessionState & SessionIdentity }) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const now = useNow()
  const today = todayIn(now)
  const [failed, setFailed] = useState(false)
  const { previous, remember } = usePreviousExport(session.id, me.familyId)
  const calendar = useMemo(
    () => (me.familyId && previous !== undefined ? familyCalendarOf(view, me.familyId, today, now, previous) : null),
    [view, me.familyId, today, now, previous])
  // Only walks the family holds count as "trajets"; cancelled ones (events a previous file held) are listed apart,
  // and a file of cancellations alone is still worth opening: it marks the old events cancelled in the agenda.
  const confirmed = calendar?.walks.filter((walk) => walk.status === 'confirmed').length ?? 0
  const cancelled = (calendar?.walks.length ?? 0) - confirmed
  const empty = calendar !== null && calendar.walks.length === 0 && calendar.periods.length === 0
  const reason = me.familyId === null ? t('agenda.whoFirst') : empty ? t('agenda.empty') : null

  const download = () => {
    if (me.familyId === null || previous === undefined) return
    try {
      // Rebuilt at the click: the stamp is the moment the file is made, and the rota may have moved since the last render.
      const at = Date.now()
      const fresh = familyCalendarOf(view, me.familyId, todayIn(at), at, previous)
      const fileName = icsFileName(fresh.collectiveName)
      downloadTextFile(fileName, familyCalendarIcs({ ...fresh, now: at, texts: calendarTexts(t, language) }), 'text/calendar;charset=utf-8')
      remember(me.familyId, exportedCalendarOf(fresh, todayIn(at)))
      setFailed(false)
      announce(t('agenda.done', { file: fileName }))
    } catch (error) {
      setFailed(true)
      console.error('agenda export failed', error instanceof Error ? error.name : 'unknown')
    }
  }

  /** "1 trajet, 1 trajet annulé et 2 périodes de coordination", leaving out what there is none of. */
  const contents = (walks: number, cancelledWalks: number, periods: number): string =>
    listFormat(language, { type: 'conjunction' }).format([
      ...(walks > 0 ? [t(pluralKey(language, walks, 'agenda.walks.one', 'agenda.walks.other'), { n: walks })] : []),
      ...(cancelledWalks > 0 ? [t(pluralKey(language, cancelledWalks, 'agenda.cancelled.one', 'agenda.cancelled.other'), { n: cancelledWalks })] : []),
      ...(periods > 0 ? [t(pluralKey(language, periods, 'agenda.periods.one', 'agenda.periods.other'), { n: periods })] : []),
    ])

  return (
    <section class="card agenda" aria-labelledby="agenda-title" data-testid="agenda">
      <h2 id="agenda-title">{t('agenda.title')}</h2>
      <p>{t('agenda.intro')}</p>
      <p class="field__hint">{t('agenda.update')}</p>
      <p class="field__hint">{t('agenda.privacy')}</p>
      {calendar !== null && !empty && (
        <p data-testid="agenda-contents">{t('agenda.contents', { items: contents(confirmed, cancelled, calendar.periods.length) })}</p>
      )}
      {reason !== null && <p id="agenda-reason" class="agenda__reason">{reason}</p>}
      <button
        type="button"
        class="button button--primary agenda__download"
        disabled={reason !== null || calendar === null}
        aria-describedby={reason !== null ? 'agenda-reason' : undefined}
        data-testid="agenda-download"
        onClick={download}
      >
        {t('agenda.download')}
      </button>
      {failed && <p class="notice" role="alert">{t('agenda.failed')}</p>}
    </section>
  )
}

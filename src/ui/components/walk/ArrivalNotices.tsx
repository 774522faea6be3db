// "Le pédibus est arrivé à l'école à 8 h 27 avec Léa": today's arrivals of my family's children, in a status region, each read out once per app run.
import { useEffect, useMemo } from 'preact/hooks'
import type { SessionIdentity, SessionState } from '../../../app/api.ts'
import { arrivalsToday } from '../../../app/queries/walk.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { todayIn } from '../rota/rota-format.ts'
import { useNow } from '../rota/useRotaNow.ts'
import { arrivalText } from './walk-text.ts'
import './walk.css'

// Notices already read out in this app run: coming back to the home screen does not repeat them.
const announced = new Set<string>()

export function ArrivalNotices({ session }: { session: SessionState & SessionIdentity }) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const today = todayIn(useNow())
  const notices = useMemo(() => {
    if (me.familyId === null) return []
    return arrivalsToday(view, me.familyId, today)
      .map((notice) => {
        const child = view.children.find((candidate) => candidate.id === notice.childId)
        const stop = notice.stopId === null ? null : (view.stops.find((candidate) => candidate.id === notice.stopId)?.name ?? null)
        return { key: `${session.id}|${notice.key}`, text: arrivalText(t, language, notice, child?.firstName ?? '?', stop) }
      })
  }, [view, me.familyId, today, t, language, session.id])

  useEffect(() => {
    const fresh = notices.filter((notice) => !announced.has(notice.key))
    for (const notice of fresh) announced.add(notice.key)
    if (fresh.length > 0) announce(fresh.map((notice) => notice.text).join('. '))
  }, [notices])

  // The region is always there (empty when nothing arrived) so that a notice arriving with a sync is read out.
  return (
    <div class="arrivals" role="status" data-testid="arrival-notices">
      {notices.map((notice) => (
        <p key={notice.key} class="arrival" data-testid="arrival-notice">
          <span aria-hidden="true">✓ </span>{notice.text}
        </p>
      ))}
    </div>
  )
}

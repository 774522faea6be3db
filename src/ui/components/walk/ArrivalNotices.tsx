// "Le pédibus est arrivé à l'école à 8 h 27 avec Léa": today's arrivals of my family's children, in a status region of
// the collective's notice area, each read out once per app run and closed by its "✕" (kept closed on this phone).
import { useEffect, useMemo } from 'preact/hooks'
import type { SessionIdentity, SessionState } from '../../../app/api.ts'
import { arrivalNoticeKey, arrivalsToShow } from '../../../app/queries/walk.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { DismissButton } from '../rota/DismissButton.tsx'
import { todayIn } from '../rota/rota-format.ts'
import { useNow } from '../rota/useRotaNow.ts'
import { arrivalText } from './walk-text.ts'
import './walk.css'

// Notices already read out in this app run: coming back to a screen of the collective does not repeat them.
const announced = new Set<string>()

interface ArrivalNoticesProps {
  readonly session: SessionState & SessionIdentity
  /** The keys of this collective's notices dismissed on this phone. */
  readonly dismissed: ReadonlySet<string> | undefined
  readonly onDismiss: (key: string) => void
}

export function ArrivalNotices({ session, dismissed, onDismiss }: ArrivalNoticesProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const today = todayIn(useNow())
  const notices = useMemo(() => {
    if (me.familyId === null) return []
    return arrivalsToShow(view, me.familyId, today, dismissed)
      .map((notice) => {
        const child = view.children.find((candidate) => candidate.id === notice.childId)
        const stop = notice.stopId === null ? null : (view.stops.find((candidate) => candidate.id === notice.stopId)?.name ?? null)
        return {
          key: arrivalNoticeKey(notice),
          spoken: `${session.id}|${notice.key}`,
          text: arrivalText(t, language, notice, child?.firstName ?? '?', stop),
        }
      })
  }, [view, me.familyId, today, dismissed, t, language, session.id])

  useEffect(() => {
    const fresh = notices.filter((notice) => !announced.has(notice.spoken))
    for (const notice of fresh) announced.add(notice.spoken)
    if (fresh.length > 0) announce(fresh.map((notice) => notice.text).join('. '))
  }, [notices])

  // The region is always there (empty, taking no room, when nothing arrived) so that a notice arriving with a sync is
  // read out.
  return (
    <div class="arrivals" role="status" data-testid="arrival-notices">
      {notices.map((notice, index) => (
        <div key={notice.key} class="arrival notice-item" data-testid="arrival-item">
          <p id={`arrival-notice-${index}`} data-testid="arrival-notice">
            <span aria-hidden="true">✓ </span>{notice.text}
          </p>
          <DismissButton textId={`arrival-notice-${index}`} onDismiss={() => onDismiss(notice.key)} />
        </div>
      ))}
    </div>
  )
}

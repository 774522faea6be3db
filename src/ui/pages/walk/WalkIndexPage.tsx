// "/c/:id/trajet": opens the walk I hold today (the one starting closest to now, not one left from hours ago), otherwise lists today's walks as big buttons.
import { useLocation } from 'preact-iso'
import { useEffect, useMemo } from 'preact/hooks'
import type { SessionIdentity, SessionState } from '../../../app/api.ts'
import { runningWalksOf, slotOf, walkToOpen } from '../../../app/queries/walk.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { directionTitle, formatDay, slotText, todayIn } from '../../components/rota/rota-format.ts'
import { useNow } from '../../components/rota/useRotaNow.ts'
import { myAdultId } from '../../components/walk/useWalkActions.ts'
import { walkPath } from '../../components/walk/walk-paths.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { WalkFrame } from './WalkFrame.tsx'
import '../../components/walk/walk.css'

export function WalkIndexPage() {
  return <WalkFrame render={(session, base) => <TodaysWalks session={session} base={base} />} />
}

function TodaysWalks({ session, base }: { session: SessionState & SessionIdentity; base: string }) {
  const { t, language } = useI18n()
  const { route, query } = useLocation()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const now = useNow()
  const today = todayIn(now)
  const walks = useMemo(() => runningWalksOf(view, today, now), [view, today, now])
  const adultId = myAdultId(view, me)
  // "?liste": the list was asked for (from a walk screen), so no jump to my walk.
  const listAsked = query.liste !== undefined
  const open = listAsked ? null : walkToOpen(walks, adultId, view.walkLog, now)
  useEffect(() => {
    if (open !== null) route(walkPath(base, open), true)
  }, [open?.key])
  if (open !== null) return null

  return (
    <div class="walk-mode">
      <PageTitle name="walk.index.title" />
      <p>{t('walk.index.date', { day: formatDay(today, language) })}</p>
      {walks.length === 0 ? (
        <>
          <p class="notice" data-testid="no-walk-today">{t('walk.index.none')}</p>
          <p><a class="button" href={`${base}/semaine`}>{t('walk.index.toRota')}</a></p>
        </>
      ) : (
        <ul class="walk-choices">
          {walks.map((walk) => {
            const line = view.lines.find((candidate) => candidate.id === walk.lineId)
            const slot = slotOf(walk, adultId)
            return (
              <li key={walk.key}>
                <a class="walk-choice" href={walkPath(base, walk)} data-testid="walk-choice">
                  <span class="walk-swatch" style={{ background: line?.colour ?? '#000000' }} aria-hidden="true" />
                  <span>
                    {t('walk.index.open', { line: line?.name ?? '?', direction: directionTitle(t, walk.direction), time: walk.startTime ?? t('rota.today.noTime') })}
                    {slot !== null && <span class="walk-choice__mine"> · {t('walk.index.mine', { slot: slotText(t, slot).toLowerCase() })}</span>}
                  </span>
                </a>
              </li>
            )
          })}
        </ul>
      )}
      <p><a class="button" href={`${base}/aujourdhui`}>{t('walk.leave')}</a></p>
    </div>
  )
}

// "Mon prochain trajet" on top of the week, compact: one line leading to that walk's card (for a phone that knows its family).
import { useMemo } from 'preact/hooks'
import type { SessionIdentity, SessionState } from '../../../app/api.ts'
import { mondayOf } from '../../../app/queries/calendar.ts'
import { nextHeldWalk } from '../../../app/queries/rota.ts'
import { adultName, adultsById } from '../../../app/queries/rota-view.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { directionText, formatDay, slotText, todayIn } from './rota-format.ts'
import { useNow } from './useRotaNow.ts'
import './rota.css'

export function NextWalk({ session, base }: { session: SessionState & SessionIdentity; base: string }) {
  const { t, language } = useI18n()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const now = useNow()
  const next = useMemo(() => (me.familyId ? nextHeldWalk(view, me.familyId, todayIn(now), now) : null), [view, me.familyId, now])
  if (me.familyId === null) return null
  const walk = next?.walk
  const text = next && walk ? t('swap.home.nextText', {
    day: formatDay(walk.date, language),
    time: walk.startTime ?? '',
    direction: directionText(t, walk.direction),
    line: view.lines.find((line) => line.id === walk.lineId)?.name ?? '',
    slot: slotText(t, next.role.slot),
    name: adultName(adultsById(view), next.role.adultId),
  }).replace(/\s+/g, ' ') : null
  const anchor = walk ? `walk-${walk.key.replace(/[^A-Za-z0-9-]/g, '-')}` : ''
  return (
    <section class="next-walk" aria-labelledby="next-walk-title" data-testid="next-walk">
      <h2 id="next-walk-title">{t('swap.home.next')}</h2>
      {walk && text ? <a href={`${base}/semaine/${mondayOf(walk.date)}#${anchor}`}>{text}</a> : <p>{t('swap.home.noNext')}</p>}
    </section>
  )
}

// The walk mode's place on the home screen and "Aujourd'hui": "Mode trajet" when walks run today (today's arrival
// notices are in the collective's notice area, on every screen: src/ui/components/rota/WaitingNotices.tsx).
import { useMemo } from 'preact/hooks'
import type { SessionIdentity, SessionState } from '../../../app/api.ts'
import { runningWalksOf } from '../../../app/queries/walk.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { todayIn } from '../rota/rota-format.ts'
import { useNow } from '../rota/useRotaNow.ts'
import './walk.css'

export function WalkHomeEntry({ session, base, demo = false }: {
  session: SessionState & SessionIdentity
  base: string
  demo?: boolean
}) {
  const { t } = useI18n()
  const view = useStore(session.view)
  const now = useNow()
  const today = todayIn(now)
  const hasWalks = useMemo(() => runningWalksOf(view, today, now).length > 0, [view, today, now])
  return (
    !demo && hasWalks && (
      <p class="walk-entry">
        <a class="button button--primary walk-entry__link" href={`${base}/trajet`} data-testid="walk-mode-link">
          <span class="flip-rtl" aria-hidden="true">➜</span> {t('walk.entry')}
        </a>
      </p>
    )
  )
}

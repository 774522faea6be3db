// The compact "Coordination cette semaine : X · ensuite : Y" line (or "Pas encore de coordination" with a set-up link), shown on the collective's screens.
import { useMemo } from 'preact/hooks'
import type { SessionIdentity, SessionState } from '../../../app/api.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { todayIn } from '../rota/rota-format.ts'
import { useNow } from '../rota/useRotaNow.ts'
import { familyNameOf } from './coordination-text.ts'
import { coordinatorSummary } from '../../../app/queries/coordination.ts'
import './coordination.css'

export function CoordinatorLine({ session }: { session: SessionState & SessionIdentity }) {
  const { t } = useI18n()
  const view = useStore(session.view)
  const today = todayIn(useNow())
  const summary = useMemo(() => coordinatorSummary(view.coordination, today), [view.coordination, today])
  const href = `/c/${session.id}/coordination`
  if (summary.kind === 'none') {
    return (
      <p class="coord-line" data-testid="coordinator-line">
        {t('coord.line.none')} <a href={href}>{t('coord.line.setUp')}</a>
      </p>
    )
  }
  const name = (id: typeof summary.current) => (id === null ? t('coord.line.nobody') : familyNameOf(t, view, id))
  return (
    <p class="coord-line" data-testid="coordinator-line">
      <span>{t(summary.weekly ? 'coord.line.current' : 'coord.line.currentPeriod', { family: name(summary.current) })}</span>
      <span aria-hidden="true"> · </span>
      <span class="visually-hidden">, </span>
      <span>{t('coord.line.next', { family: name(summary.next) })}</span>{' '}
      <a href={href}>{t('coord.line.open')}</a>
    </p>
  )
}

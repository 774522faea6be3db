// /c/:id/coordination/a-faire: the coordinator's screen (what needs attention this period, the recent logbook notes) and the handover to the next period. Same rights for everyone.
import { useMemo } from 'preact/hooks'
import type { CollectiveView } from '../../../app/api.ts'
import { coordinatorAttention, currentAndNextCoordinator, handoverFor, openPeriodOffers, coordinatorSchedule, type ResolveRange } from '../../../domain/coordination/index.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import { deriveWalks } from '../../../domain/rota/walks.ts'
import { effectiveWalks, resolveSwaps } from '../../../domain/swaps/index.ts'
import { AttentionSection } from '../../components/coordination/AttentionSection.tsx'
import { CoordinationNav } from '../../components/coordination/CoordinationNav.tsx'
import { familyNameOf } from '../../components/coordination/coordination-text.ts'
import { pendingSlotOffers } from '../../components/coordination/coordination-view.ts'
import { HandoverSection } from '../../components/coordination/HandoverSection.tsx'
import { LogbookSection } from '../../components/coordination/LogbookSection.tsx'
import { useCoordination } from '../../components/coordination/useCoordination.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { WhoAreYou } from '../../components/rota/WhoAreYou.tsx'
import { formatDay } from '../../components/rota/rota-format.ts'
import { useI18n } from '../../i18n/context.tsx'
import { SessionGate, type ScreenProps } from '../manage/SessionGate.tsx'

export function DutyPage() {
  return <SessionGate screen={Duty} />
}

/** Attention list of the current period (from today, before the roster starts) and the handover to the next, with swaps applied. */
const dutyOf = (view: CollectiveView, today: LocalDate, now: number) => {
  const resolution = resolveSwaps(view, view.swaps, now)
  const resolve: ResolveRange = (from, to) => effectiveWalks(view, resolution, deriveWalks(view, from, to), now)
  const slotOffers = pendingSlotOffers(view, resolution, now)
  const { current, next } = currentAndNextCoordinator(view.coordination, today)
  const periodOffers = openPeriodOffers(coordinatorSchedule(view.coordination, next.start).offers)
  const attention = coordinatorAttention({
    model: view,
    from: current?.start ?? today,
    to: current?.end ?? next.end,
    now,
    pendingSwaps: [...slotOffers, ...periodOffers],
    toCheckCount: view.toCheck.length,
    resolve,
  })
  return { current, attention, handover: handoverFor(view, view.coordination, today, now, slotOffers, resolve) }
}

function Duty({ session, view }: ScreenProps) {
  const { t, language } = useI18n()
  const { myFamily, now, today } = useCoordination(session)
  const { current, attention, handover } = useMemo(() => dutyOf(view, today, now), [view, today, now])
  return (
    <>
      <PageTitle>{t('coord.duty.title')}</PageTitle>
      <CoordinationNav collectiveId={session.id} />
      <WhoAreYou session={session} />
      <p>{t('coord.duty.intro')}</p>
      <p data-testid="duty-period">
        {current === null
          ? t('coord.duty.noPeriod')
          : t('coord.duty.period', { from: formatDay(current.start, language), to: formatDay(current.end, language), family: current.coordinator === null ? t('coord.line.nobody') : familyNameOf(t, view, current.coordinator) })}
      </p>
      <HandoverSection session={session} view={view} handover={handover} myFamily={myFamily} />
      <AttentionSection view={view} attention={attention} collectiveId={session.id} />
      <LogbookSection view={view} today={today} />
    </>
  )
}

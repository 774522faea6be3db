// /c/:id/coordination/a-faire: the coordinator's screen (what needs attention this period, the recent logbook notes) and the handover to the next period. Same rights for everyone.
import { useMemo } from 'preact/hooks'
import { dutyOf } from '../../../app/queries/coordination.ts'
import { AttentionSection } from '../../components/coordination/AttentionSection.tsx'
import { CoordinationNav } from '../../components/coordination/CoordinationNav.tsx'
import { familyNameOf } from '../../components/coordination/coordination-text.ts'
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

function Duty({ session, view }: ScreenProps) {
  const { t, language } = useI18n()
  const { myFamily, now, today } = useCoordination(session)
  const { current, attention, handover } = useMemo(() => dutyOf(view, today, now), [view, today, now])
  return (
    <>
      <PageTitle name="coord.duty.title" />
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

// /c/:id/coordination: the roster and my family's membership, the rhythm, the next periods with offers, and the open offers.
import { useMemo } from 'preact/hooks'
import { CoordinationNav } from '../../components/coordination/CoordinationNav.tsx'
import { CoordinatorLine } from '../../components/coordination/CoordinatorLine.tsx'
import { lostAnswers, openOffers, upcomingPeriods } from '../../../app/queries/coordination.ts'
import { OffersSection } from '../../components/coordination/OffersSection.tsx'
import { RosterSection } from '../../components/coordination/RosterSection.tsx'
import { RosterSettingForm } from '../../components/coordination/RosterSettingForm.tsx'
import { ScheduleSection } from '../../components/coordination/ScheduleSection.tsx'
import { useCoordination } from '../../components/coordination/useCoordination.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { WhoAreYou } from '../../components/rota/WhoAreYou.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { SessionGate, type ScreenProps } from '../manage/SessionGate.tsx'

export function CoordinationPage() {
  return <SessionGate screen={Coordination} />
}

function Coordination({ session, view }: ScreenProps) {
  const { t } = useI18n()
  const { myFamily, today } = useCoordination(session)
  const records = view.coordination
  const schedule = useMemo(() => upcomingPeriods(records, today), [records, today])
  const open = openOffers(schedule.offers, today)
  const lost = lostAnswers(records, schedule.offers, schedule.responses, myFamily, today)
  const { setting } = records
  return (
    <>
      <PageTitle name="coord.page.title" />
      <CoordinationNav collectiveId={session.id} />
      <WhoAreYou session={session} />
      <CoordinatorLine session={session} />
      <p>{t('coord.page.intro')}</p>
      <RosterSection session={session} view={view} myFamily={myFamily} today={today} />
      <OffersSection session={session} view={view} offers={open} lost={lost} myFamily={myFamily} />
      <ScheduleSection session={session} view={view} periods={schedule.periods} openOffers={open} myFamily={myFamily} today={today} />
      <RosterSettingForm key={`${setting.periodLength}|${setting.startsOn}`} session={session} setting={setting} />
    </>
  )
}

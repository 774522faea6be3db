// /c/:id/rencontres/nouvelle: "Proposer une rencontre" (?premiere=1: the guided set-up's first meeting, prefilled);
// once saved, says so and opens the new meeting's page.
import { useLocation } from 'preact-iso'
import { firstMeetingValues } from '../../../app/queries/meeting-form.ts'
import { meetingPage } from '../../../app/queries/meetings.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import type { MeetingId } from '../../../domain/meeting.ts'
import { BackToMeetings } from '../../components/meetings/BackToMeetings.tsx'
import { MeetingForm } from '../../components/meetings/MeetingForm.tsx'
import { kindText, whenText } from '../../components/meetings/meeting-text.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useI18n } from '../../i18n/context.tsx'
import { RotaFrame, type RotaScreenProps } from '../rota/RotaFrame.tsx'

export function NewMeetingPage() {
  return <RotaFrame render={(props) => <NewMeeting {...props} />} />
}

function NewMeeting({ session, base }: RotaScreenProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const { route, query } = useLocation()
  // ?premiere=1: opened from the guided set-up, the form starts as the collective's first meeting.
  const initial = query['premiere'] === '1' ? firstMeetingValues(t('meetings.first.agenda')) : undefined
  const saved = (id: MeetingId) => {
    const page = meetingPage(session.view.get(), id, todayIn(Date.now()), null)
    if (page !== null) {
      announce(t('meetings.created', { kind: kindText(t, page.meeting.kind), when: whenText(t, language, page.meeting) }))
    }
    route(`${base}/rencontres/${id}`)
  }
  return (
    <>
      <PageTitle name="meetings.new.title" />
      <BackToMeetings base={base} />
      <div class="card">
        {initial !== undefined && <p>{t('meetings.first.intro')}</p>}
        <MeetingForm session={session} meeting={null} onSaved={saved} initial={initial} />
      </div>
    </>
  )
}

// /c/:id/rencontres/nouvelle: "Proposer une rencontre"; once saved, says so and opens the new meeting's page.
import { useLocation } from 'preact-iso'
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
  const { route } = useLocation()
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
        <MeetingForm session={session} meeting={null} onSaved={saved} />
      </div>
    </>
  )
}

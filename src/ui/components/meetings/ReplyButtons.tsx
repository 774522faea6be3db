// "Serez-vous là ?": my family's answer as Oui / Peut-être / Non toggle buttons, or "Qui êtes-vous ?" first.
import type { CollectiveSession } from '../../../app/api.ts'
import type { MeetingAnswer, MeetingId } from '../../../domain/meeting.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { WhoAreYou } from '../rota/WhoAreYou.tsx'
import { ANSWER_KEYS } from './meeting-text.ts'
import './meetings.css'

/** The answers as the buttons read them: oui, peut-être, non. */
const ANSWERS: readonly MeetingAnswer[] = ['yes', 'maybe', 'no']

interface ReplyButtonsProps {
  readonly session: CollectiveSession
  readonly meetingId: MeetingId
  readonly mine: MeetingAnswer | null
}

export function ReplyButtons({ session, meetingId, mine }: ReplyButtonsProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const me = useStore(session.me)
  if (me.familyId === null) {
    return (
      <>
        <p class="notice">{t('meetings.reply.needFamily')}</p>
        <WhoAreYou session={session} />
      </>
    )
  }
  const reply = (answer: MeetingAnswer) => {
    const result = session.replyToMeeting(meetingId, answer)
    if (result.ok) announce(t('meetings.reply.saved', { answer: t(ANSWER_KEYS[answer]) }))
    else announce(t(result.error === 'closed' ? 'meetings.reply.closed' : 'meetings.reply.failed'))
  }
  return (
    <div class="actions meeting-reply" role="group" aria-labelledby="meeting-reply-title" data-testid="meeting-reply">
      {ANSWERS.map((answer) => (
        <button
          key={answer} type="button" class="button meeting-reply__answer" aria-pressed={mine === answer ? 'true' : 'false'}
          onClick={() => reply(answer)}
        >
          {t(ANSWER_KEYS[answer])}
        </button>
      ))}
    </div>
  )
}

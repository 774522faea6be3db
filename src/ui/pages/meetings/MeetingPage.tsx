// /c/:id/rencontres/:meetingId: one meeting's details, my family's answer and the counts, change or cancel it, and from
// its day on the record of decisions; an unknown id says so with the way back.
import { useRoute } from 'preact-iso'
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { CollectiveSession } from '../../../app/api.ts'
import { meetingPage, type MeetingPage as MeetingPageModel } from '../../../app/queries/meetings.ts'
import { todayIn } from '../../../app/queries/rota.ts'
import type { MeetingId } from '../../../domain/meeting.ts'
import { ConfirmAction } from '../../components/ConfirmAction.tsx'
import { BackToMeetings } from '../../components/meetings/BackToMeetings.tsx'
import { DecisionsForm } from '../../components/meetings/DecisionsForm.tsx'
import { MeetingForm } from '../../components/meetings/MeetingForm.tsx'
import { countsText, headingText, mineText } from '../../components/meetings/meeting-text.ts'
import { ReplyButtons } from '../../components/meetings/ReplyButtons.tsx'
import '../../components/meetings/meetings.css'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useNow } from '../../components/rota/useRotaNow.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { RotaFrame, type RotaScreenProps } from '../rota/RotaFrame.tsx'

export function MeetingPage() {
  return <RotaFrame render={(props) => <OneMeeting {...props} />} />
}

interface SectionProps {
  readonly session: CollectiveSession
  readonly page: MeetingPageModel
}

function OneMeeting({ session, base }: RotaScreenProps) {
  const { t, language } = useI18n()
  const { params } = useRoute()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const today = todayIn(useNow())
  // An id from the address: a lookup only, so a wrong one finds nothing.
  const id = (params.meetingId ?? '') as MeetingId
  const page = useMemo(() => meetingPage(view, id, today, me.familyId), [view, id, today, me.familyId])
  if (page === null) {
    return (
      <>
        <PageTitle name="meetings.missing.title" />
        <p data-testid="meeting-missing">{t('meetings.missing.text')}</p>
        <BackToMeetings base={base} />
      </>
    )
  }
  const cancelled = page.meeting.cancelled === true
  return (
    <>
      <PageTitle name="meetings.page.title">{headingText(t, language, page.meeting)}</PageTitle>
      <BackToMeetings base={base} />
      {cancelled && (
        <p class="notice meeting__cancelled" data-testid="meeting-cancelled">{t('meetings.cancelledNotice')}</p>
      )}
      <Details page={page} />
      <Replies session={session} page={page} />
      <Decisions session={session} page={page} />
      {!cancelled && <Change session={session} page={page} />}
    </>
  )
}

function Details({ page }: { page: MeetingPageModel }) {
  const { t } = useI18n()
  const { meeting } = page
  return (
    <section class="card" aria-labelledby="meeting-agenda-title">
      <p data-testid="meeting-place">{t('meetings.place', { place: meeting.place })}</p>
      <h2 id="meeting-agenda-title">{t('meetings.agenda.title')}</h2>
      {meeting.agenda === ''
        ? <p>{t('meetings.agenda.none')}</p>
        : <p class="meeting__text" data-testid="meeting-agenda">{meeting.agenda}</p>}
    </section>
  )
}

function Replies({ session, page }: SectionProps) {
  const { t } = useI18n()
  const closed = page.meeting.cancelled !== true && !page.mayReply
  return (
    <section class="card" aria-labelledby="meeting-reply-title">
      <h2 id="meeting-reply-title">{t('meetings.reply.title')}</h2>
      <p data-testid="meeting-counts" aria-label={`${t('meetings.countsLabel')} : ${countsText(t, page.counts)}`}>
        {countsText(t, page.counts)}
      </p>
      {page.mayReply && <ReplyButtons session={session} meetingId={page.meeting.id} mine={page.mine} />}
      {!page.mayReply && <p data-testid="meeting-mine">{mineText(t, page.mine)}</p>}
      {closed && <p>{t('meetings.reply.closed')}</p>}
    </section>
  )
}

function Decisions({ session, page }: SectionProps) {
  const { t } = useI18n()
  const { meeting } = page
  const recorded = meeting.decisions !== undefined && meeting.decisions !== '' ? meeting.decisions : null
  if (meeting.cancelled === true && recorded === null) return null
  return (
    <section class="card" aria-labelledby="meeting-decisions-title">
      <h2 id="meeting-decisions-title">{t('meetings.decisions.title')}</h2>
      {recorded === null
        ? <p>{t(page.mayRecordDecisions ? 'meetings.decisions.none' : 'meetings.decisions.notYet')}</p>
        : <p class="meeting__text" data-testid="meeting-decisions">{recorded}</p>}
      {/* Keyed by the record: another phone's record starts the form again from it. */}
      {page.mayRecordDecisions && <DecisionsForm key={meeting.decided?.clock ?? 0} session={session} meeting={meeting} />}
    </section>
  )
}

function Change({ session, page }: SectionProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const [editing, setEditing] = useState(false)
  useEffect(() => {
    if (editing) document.getElementById('meeting-kind')?.focus()
  }, [editing])
  const cancel = () => {
    const result = session.cancelMeeting(page.meeting.id)
    announce(t(result.ok ? 'meetings.cancelDone' : 'meetings.cancelFailed'))
  }
  const saved = () => {
    setEditing(false)
    announce(t('meetings.edited'))
  }
  return (
    <section class="card" aria-labelledby="meeting-change-title">
      <h2 id="meeting-change-title">{t('meetings.edit.title')}</h2>
      {editing
        ? <MeetingForm session={session} meeting={page.meeting} onSaved={saved} />
        : <button type="button" class="button" onClick={() => setEditing(true)}>{t('meetings.edit')}</button>}
      <div class="actions">
        <ConfirmAction
          label={t('meetings.cancel')} question={t('meetings.cancelConfirm')} confirmLabel={t('meetings.cancelYes')}
          onConfirm={cancel}
        />
      </div>
    </section>
  )
}

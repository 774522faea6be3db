// A list of meetings (upcoming or past): each one's kind and time as a link to its page, place, answers, my answer.
import type { MeetingSummary } from '../../../app/queries/meetings.ts'
import { useI18n } from '../../i18n/context.tsx'
import { countsText, headingText, mineText } from './meeting-text.ts'
import './meetings.css'

interface MeetingListProps {
  readonly summaries: readonly MeetingSummary[]
  /** '/c/<id>': where this collective's screens live. */
  readonly base: string
  /** Past meetings show their decisions (or that they were cancelled) rather than the answers to come. */
  readonly past: boolean
}

export function MeetingList({ summaries, base, past }: MeetingListProps) {
  return (
    <ul class="list meeting-list">
      {summaries.map((summary) => <MeetingItem key={summary.meeting.id} summary={summary} base={base} past={past} />)}
    </ul>
  )
}

function MeetingItem({ summary, base, past }: { summary: MeetingSummary; base: string; past: boolean }) {
  const { t, language } = useI18n()
  const { meeting, counts, mine } = summary
  const cancelled = meeting.cancelled === true
  return (
    <li class="meeting-list__item" data-testid="meeting">
      <h3><a href={`${base}/rencontres/${meeting.id}`}>{headingText(t, language, meeting)}</a></h3>
      <div class="meeting__facts">
        {cancelled && <p class="meeting__cancelled" data-testid="meeting-cancelled">{t('meetings.cancelled')}</p>}
        <p>{t('meetings.place', { place: meeting.place })}</p>
        <p data-testid="meeting-counts">{countsText(t, counts)}</p>
        {!past && <p data-testid="meeting-mine">{mineText(t, mine)}</p>}
      </div>
      {past && !cancelled && meeting.decisions !== undefined && meeting.decisions !== '' && (
        <details>
          <summary>{t('meetings.decisions.title')}</summary>
          <p class="meeting__text" data-testid="meeting-decisions">{meeting.decisions}</p>
        </details>
      )}
    </li>
  )
}

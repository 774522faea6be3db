// The Rencontres read side: upcoming and past meetings with their counts and my family's answer, and one meeting's page.
import type { LocalDate } from '../../domain/dates.ts'
import type { FamilyId } from '../../domain/ids.ts'
import {
  NO_MEETINGS, currentReplies, mayRecordDecisions, mayReply, replyCounts, upcomingMeetings, type Meeting, type MeetingAnswer,
  type MeetingId, type MeetingReply, type ReplyCounts,
} from '../../domain/meeting.ts'
import type { CollectiveView } from '../api.ts'

/** What the meeting screens read. */
export type MeetingsView = Pick<CollectiveView, 'meetings'>

export interface MeetingSummary {
  readonly meeting: Meeting
  readonly counts: ReplyCounts
  /** My family's answer, null when it has not answered (or the phone has no family). */
  readonly mine: MeetingAnswer | null
}

export interface MeetingsList {
  /** Not cancelled, from today on, soonest first (the home's notice shows the first). */
  readonly upcoming: readonly MeetingSummary[]
  /** Before today or cancelled, latest first: where decisions are read. */
  readonly past: readonly MeetingSummary[]
}

export interface MeetingPage extends MeetingSummary {
  readonly isPast: boolean
  readonly mayReply: boolean
  readonly mayRecordDecisions: boolean
}

// Merged once per replies array: the view keeps the same array until a reply changes (read-live.ts).
const merged = new WeakMap<readonly MeetingReply[], readonly MeetingReply[]>()
const currentOf = (replies: readonly MeetingReply[]): readonly MeetingReply[] => {
  let current = merged.get(replies)
  if (current === undefined) merged.set(replies, (current = currentReplies(replies)))
  return current
}

const summaryOf = (current: readonly MeetingReply[], meeting: Meeting, familyId: FamilyId | null): MeetingSummary => ({
  meeting,
  counts: replyCounts(current, meeting.id),
  mine: current.find((reply) => reply.meetingId === meeting.id && reply.familyId === familyId)?.answer ?? null,
})

export const meetingsList = (view: MeetingsView, today: LocalDate, familyId: FamilyId | null): MeetingsList => {
  const { meetings, replies } = view.meetings ?? NO_MEETINGS
  const current = currentOf(replies)
  const upcoming = upcomingMeetings(meetings, today)
  const past = meetings.filter((meeting) => !upcoming.includes(meeting))
    .sort((a, b) => (`${a.date} ${a.time ?? ''}` < `${b.date} ${b.time ?? ''}` ? 1 : -1))
  return {
    upcoming: upcoming.map((meeting) => summaryOf(current, meeting, familyId)),
    past: past.map((meeting) => summaryOf(current, meeting, familyId)),
  }
}

/** One meeting as its page shows it; null when it is not (or no longer) in the collective. */
export const meetingPage = (view: MeetingsView, id: MeetingId, today: LocalDate, familyId: FamilyId | null): MeetingPage | null => {
  const { meetings, replies } = view.meetings ?? NO_MEETINGS
  const meeting = meetings.find((candidate) => candidate.id === id)
  if (meeting === undefined) return null
  return {
    ...summaryOf(currentOf(replies), meeting, familyId),
    isPast: meeting.date < today,
    mayReply: mayReply(meeting, today),
    mayRecordDecisions: mayRecordDecisions(meeting, today),
  }
}

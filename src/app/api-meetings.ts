// The session's meeting commands (Rencontres, issue 17): what the meeting screens may change, and how each can fail.
import type { MeetingAnswer, MeetingId, MeetingInput } from '../domain/meeting.ts'
import type { FieldErrors } from '../domain/validation.ts'
import type { Result } from '../lib/result.ts'

/** Why an answer was not recorded: no such meeting, no family chosen on this phone, cancelled or over. */
export type MeetingReplyError = 'notFound' | 'noFamily' | 'closed' | 'notRecorded'
/** Decisions are recorded from the meeting's day on ('notYet' before), never on a cancelled one ('closed'). */
export type DecisionsError = 'notFound' | 'notYet' | 'closed' | FieldErrors

export interface MeetingCommands {
  /** A new meeting (réunion de ligne, assemblée, goûter, trajet d'essai); field errors as the form shows them. */
  createMeeting(input: MeetingInput): Result<MeetingId, FieldErrors>
  /** Rewrites kind, date, time, place and agenda; keeps replies, decisions and a cancellation. */
  editMeeting(id: MeetingId, input: MeetingInput): Result<void, 'notFound' | FieldErrors>
  /** Marks the meeting cancelled (kept, so families who answered see it was cancelled). */
  cancelMeeting(id: MeetingId): Result<void, 'notFound' | 'notRecorded'>
  /** My family's answer (oui / non / peut-être), replacing its earlier one; changeable offline, merged by clock. */
  replyToMeeting(id: MeetingId, answer: MeetingAnswer): Result<void, MeetingReplyError>
  /** The short record of what was decided (sealed), written on or after the meeting's day. */
  recordDecisions(id: MeetingId, decisions: string): Result<void, DecisionsError>
}

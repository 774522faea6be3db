// A meeting of the collective (kind, date, time, place, agenda, decisions) and each family's reply: records and rules.
import { z } from 'zod/mini'
import { LocalDateSchema, TimeOfDaySchema, type LocalDate } from './dates.ts'
import { ActorIdSchema, FamilyIdSchema } from './ids.ts'
import { AuthorTimeSchema } from './record-order.ts'
import { MAX_CLOCK } from './signup.ts'
import { shortText, storedShortText } from './text.ts'

export const MEETING_PLACE_MAX = 120
export const MEETING_AGENDA_MAX = 2000
export const MEETING_DECISIONS_MAX = 2000

/** Réunion de ligne, assemblée du collectif, goûter, trajet d'essai. */
export const MEETING_KINDS = ['lineMeeting', 'assembly', 'snack', 'trialWalk'] as const
export type MeetingKind = (typeof MEETING_KINDS)[number]

export const MeetingIdSchema = z.uuid().brand<'MeetingId'>()
export type MeetingId = z.infer<typeof MeetingIdSchema>
export const createMeetingId = (): MeetingId => MeetingIdSchema.parse(crypto.randomUUID())

/** What the form sends. Place and agenda are personal (a home address, names in the agenda): the doc seals them. */
export const MeetingInputSchema = z.object({
  kind: z.enum(MEETING_KINDS),
  date: LocalDateSchema,
  time: TimeOfDaySchema,
  place: shortText(MEETING_PLACE_MAX),
  // Several lines allowed: an agenda is a list; only trimmed and bounded.
  agenda: z.string().check(z.trim(), z.maxLength(MEETING_AGENDA_MAX)),
})
export type MeetingInput = z.input<typeof MeetingInputSchema>

/** Decisions: a short record written on or after the meeting's day, sealed like the agenda. */
export const DecisionsInputSchema = z.string().check(z.trim(), z.maxLength(MEETING_DECISIONS_MAX))

/** Who wrote a step of the meeting (planned, cancelled, decided) and when: the journal's place on the shared clock. */
export const MeetingStampSchema = z.looseObject({
  clock: z.number().check(z.int(), z.nonnegative(), z.lte(MAX_CLOCK)),
  actor: ActorIdSchema,
  at: AuthorTimeSchema,
  familyId: z.optional(FamilyIdSchema),
})
export type MeetingStamp = z.output<typeof MeetingStampSchema>

// Kind and time are optional when read: meetings written before the screens (issue 13's registry proof) had neither.
export const StoredMeetingSchema = z.looseObject({
  id: MeetingIdSchema,
  kind: z.optional(z.enum(MEETING_KINDS)),
  date: LocalDateSchema,
  time: z.optional(TimeOfDaySchema),
  place: storedShortText(MEETING_PLACE_MAX),
  agenda: z.string().check(z.maxLength(MEETING_AGENDA_MAX)),
  cancelled: z.optional(z.boolean()),
  decisions: z.optional(z.string().check(z.maxLength(MEETING_DECISIONS_MAX))),
  // Each step keeps its own stamp (the meeting is written whole): the journal shows all three, not the last write.
  // The latest stamp's clock, where the shared clock's index reads a flat entry's (src/doc/clock.ts).
  clock: z.optional(z.number().check(z.int(), z.nonnegative(), z.lte(MAX_CLOCK))),
  planned: z.optional(MeetingStampSchema),
  cancelledBy: z.optional(MeetingStampSchema),
  decided: z.optional(MeetingStampSchema),
})
export type Meeting = z.output<typeof StoredMeetingSchema>

/** A flat entry keyed by its random id: one meeting, written whole (last writer wins). */
export const meetingKeyOf = (meeting: { readonly id: MeetingId }): string => meeting.id

/** Oui, non, peut-être. */
export const MEETING_ANSWERS = ['yes', 'no', 'maybe'] as const
export type MeetingAnswer = (typeof MEETING_ANSWERS)[number]

/**
 * One family's answer to a meeting, changeable offline: one entry per family, meeting and device (a write deletes
 * the entries of its family it has seen), so two phones of the family answering meanwhile both keep their entry and
 * every phone reads the later one by the shared clock, then the actor (`currentReplies`), never by Yjs client order.
 */
export const StoredMeetingReplySchema = z.looseObject({
  meetingId: MeetingIdSchema,
  familyId: FamilyIdSchema,
  answer: z.enum(MEETING_ANSWERS),
  clock: z.number().check(z.int(), z.nonnegative(), z.lte(MAX_CLOCK)),
  actor: ActorIdSchema,
})
export type MeetingReply = z.output<typeof StoredMeetingReplySchema>

/** The meetings and every device's reply as read from the document (merge replies with `currentReplies`). */
export interface MeetingRecords {
  readonly meetings: readonly Meeting[]
  readonly replies: readonly MeetingReply[]
}
export const NO_MEETINGS: MeetingRecords = { meetings: [], replies: [] }

export const meetingReplyKeyOf = (reply: Pick<MeetingReply, 'meetingId' | 'familyId' | 'actor'>): string =>
  `${reply.meetingId}|${reply.familyId}|${reply.actor}`

/** Whether `a` was written after `b`: the shared clock, then the actor, so every phone picks the same. */
const isLater = (a: MeetingReply, b: MeetingReply): boolean => a.clock !== b.clock ? a.clock > b.clock : a.actor > b.actor

/** One answer per family and meeting, the later one; in the order of first appearance of each family and meeting. */
export const currentReplies = (replies: readonly MeetingReply[]): MeetingReply[] => {
  const byPlace = new Map<string, MeetingReply>()
  for (const reply of replies) {
    const place = `${reply.meetingId}|${reply.familyId}`
    const current = byPlace.get(place)
    if (current === undefined || isLater(reply, current)) byPlace.set(place, reply)
  }
  return [...byPlace.values()]
}

export type ReplyCounts = Readonly<Record<MeetingAnswer, number>>

/** Oui / non / peut-être of a meeting, over replies already merged by `currentReplies`. */
export const replyCounts = (current: readonly MeetingReply[], meetingId: MeetingId): ReplyCounts => {
  const counts = { yes: 0, no: 0, maybe: 0 }
  for (const reply of current) if (reply.meetingId === meetingId) counts[reply.answer] += 1
  return counts
}

const byDateAndTime = (a: Meeting, b: Meeting): number =>
  `${a.date} ${a.time ?? ''} ${a.id}` < `${b.date} ${b.time ?? ''} ${b.id}` ? -1 : 1

/** Meetings still to come (their day included), not cancelled, soonest first. */
export const upcomingMeetings = (meetings: readonly Meeting[], today: LocalDate): Meeting[] =>
  meetings.filter((meeting) => meeting.cancelled !== true && meeting.date >= today).sort(byDateAndTime)

/** Answers are taken until the meeting's day is over (a late "oui" tells the others who came), never once cancelled. */
export const mayReply = (meeting: Meeting, today: LocalDate): boolean => meeting.cancelled !== true && meeting.date >= today

/** Decisions are recorded from the meeting's day on: before it there is nothing decided yet. */
export const mayRecordDecisions = (meeting: Meeting, today: LocalDate): boolean =>
  meeting.cancelled !== true && meeting.date <= today

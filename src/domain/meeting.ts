// A meeting of the collective (a date, a place, an agenda): the record the meeting screens and each family's reply will build on.
import { z } from 'zod/mini'
import { LocalDateSchema } from './dates.ts'
import { ActorIdSchema, FamilyIdSchema } from './ids.ts'
import { MAX_CLOCK } from './signup.ts'
import { shortText, storedShortText } from './text.ts'

export const MEETING_PLACE_MAX = 120
export const MEETING_AGENDA_MAX = 2000

export const MeetingIdSchema = z.uuid().brand<'MeetingId'>()
export type MeetingId = z.infer<typeof MeetingIdSchema>
export const createMeetingId = (): MeetingId => MeetingIdSchema.parse(crypto.randomUUID())

/** What the form sends. Place and agenda are personal (a home address, names in the agenda): the doc seals them. */
export const MeetingInputSchema = z.object({
  date: LocalDateSchema,
  place: shortText(MEETING_PLACE_MAX),
  // Several lines allowed: an agenda is a list; only trimmed and bounded.
  agenda: z.string().check(z.trim(), z.maxLength(MEETING_AGENDA_MAX)),
})
export type MeetingInput = z.input<typeof MeetingInputSchema>

export const StoredMeetingSchema = z.looseObject({
  id: MeetingIdSchema,
  date: LocalDateSchema,
  place: storedShortText(MEETING_PLACE_MAX),
  agenda: z.string().check(z.maxLength(MEETING_AGENDA_MAX)),
})
export type Meeting = z.output<typeof StoredMeetingSchema>

/** A flat entry keyed by its random id: one meeting, written whole (last writer wins). */
export const meetingKeyOf = (meeting: { readonly id: MeetingId }): string => meeting.id

/** Oui, non, peut-être. */
export const MEETING_ANSWERS = ['yes', 'no', 'maybe'] as const

/**
 * One family's answer to a meeting, changeable offline: one entry per family and meeting, so two phones of the
 * family answering meanwhile keep the later answer by the shared clock (then the actor), the same on every phone.
 */
export const StoredMeetingReplySchema = z.looseObject({
  meetingId: MeetingIdSchema,
  familyId: FamilyIdSchema,
  answer: z.enum(MEETING_ANSWERS),
  clock: z.number().check(z.int(), z.nonnegative(), z.lte(MAX_CLOCK)),
  actor: ActorIdSchema,
})
export type MeetingReply = z.output<typeof StoredMeetingReplySchema>

export const meetingReplyKeyOf = (reply: Pick<MeetingReply, 'meetingId' | 'familyId'>): string => `${reply.meetingId}|${reply.familyId}`

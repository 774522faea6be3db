// Stored walk-log records (absences, check-in marks, departures and arrivals, logbook notes): Zod schemas and document keys.
//
// Absences are defined in src/domain/absence-records.ts (the rota counts them, and sits below this folder) and
// re-exported here with the others.
//
// Like sign-ups and swap records, each is a flat entry written whole by one device and never
// rewritten by another, so two phones offline on the same pavement never fight over one value.
// What the walk looks like (who is present, when it arrived) is derived in this folder.
import { z } from 'zod/mini'
import { type Absence, WithdrawnSchema } from '../absence-records.ts'
import { ActorIdSchema, AdultIdSchema, ChildIdSchema, FamilyIdSchema, StopIdSchema, type ActorId } from '../ids.ts'
import { AuthorTimeSchema } from '../record-order.ts'
import { MAX_CLOCK, walkKeyOf, type WalkRef } from '../signup.ts'
import { WalkRefSchema } from '../signup.ts'
import { FIRST_NAME_MAX } from '../people.ts'
import { shortText, storedShortText } from '../text.ts'

export * from '../absence-records.ts'

const ClockSchema = z.number().check(z.int(), z.nonnegative(), z.lte(MAX_CLOCK))

/** A child added on the pavement for one walk only (not a member's child): a random id and a first name. */
export const GuestIdSchema = z.uuid().brand<'GuestId'>()
export type GuestId = z.infer<typeof GuestIdSchema>
export const createGuestId = (): GuestId => GuestIdSchema.parse(crypto.randomUUID())

export const WalkNoteIdSchema = z.uuid().brand<'WalkNoteId'>()
export type WalkNoteId = z.infer<typeof WalkNoteIdSchema>
export const createWalkNoteId = (): WalkNoteId => WalkNoteIdSchema.parse(crypto.randomUUID())

// ---------------------------------------------------------------------------------------------
// Check-in marks: présent / absent / excusé, per child, per walk, per device
// ---------------------------------------------------------------------------------------------

/** 'unmarked' is an undo: the device's mark is cleared (the child is back to "not checked in" as far as it knows). */
export const CheckInStatusSchema = z.enum(['present', 'absent', 'excused', 'unmarked'])
export type CheckInStatus = z.infer<typeof CheckInStatusSchema>
export type MarkedStatus = Exclude<CheckInStatus, 'unmarked'>

/** How many other devices' marks one mark may say it had seen (a walk has a handful of adults). */
export const SEEN_MAX = 16

export const StoredCheckInSchema = z.looseObject({
  walk: WalkRefSchema,
  /** A child of the collective, or a guest (then `guest` is true, or, in marks written before 0.3, `guestName` set). */
  childId: z.union([ChildIdSchema, GuestIdSchema]),
  /**
   * Marks written before 0.3 only: the guest's first name, in every mark about it (personal: through the codec).
   * Now the name is its own entry (StoredGuestNameSchema), so erasing it never rewrites a mark.
   */
  guestName: z.optional(storedShortText(FIRST_NAME_MAX)),
  /** A guest: its first name is in `guestNames` until the walk's day is over (guests.ts), then nowhere. */
  guest: z.optional(z.literal(true)),
  status: CheckInStatusSchema,
  /** The stop where the child was checked in; null when marked away from a stop. */
  stopId: z.nullable(StopIdSchema),
  /** The adult on duty who marked (on this device). */
  adultId: AdultIdSchema,
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: AuthorTimeSchema,
  /**
   * The other devices' marks for this child on this walk that the author's phone had when writing
   * (actor -> that mark's clock). A mark is superseded by a later one that had seen it; marks
   * that did not see each other and differ are a disagreement, shown to the adults.
   */
  seen: z
    .record(z.string(), ClockSchema)
    .check(z.refine((seen) => Object.keys(seen).length <= SEEN_MAX, { message: 'tooMany' })),
})
export type CheckIn = z.output<typeof StoredCheckInSchema>

/** One entry per device, walk and child: a device's new mark replaces its own previous one. */
export const checkInKeyOf = (mark: { readonly walk: WalkRef; readonly childId: string; readonly actor: ActorId }): string =>
  `${walkKeyOf(mark.walk)}|${mark.childId}|${mark.actor}`

// ---------------------------------------------------------------------------------------------
// Guests' first names
// ---------------------------------------------------------------------------------------------

/**
 * A guest's first name for one walk, written once when the guest is added, deleted once the walk's day is over by
 * any phone (src/doc/guest-erasure.ts). Apart from the marks: a delete never overwrites a mark another phone wrote
 * meanwhile, where rewriting every mark without the name could (Yjs keeps one of two concurrent writes of a key).
 */
export const StoredGuestNameSchema = z.looseObject({
  walk: WalkRefSchema,
  guestId: GuestIdSchema,
  /** Personal: goes through the codec. */
  name: storedShortText(FIRST_NAME_MAX),
})
export type GuestName = z.output<typeof StoredGuestNameSchema>

export const guestNameKeyOf = (guest: { readonly walk: WalkRef; readonly guestId: string }): string => `${walkKeyOf(guest.walk)}|${guest.guestId}`

// ---------------------------------------------------------------------------------------------
// Departures and arrival
// ---------------------------------------------------------------------------------------------

/**
 * 'departed': left a stop (stopId), or left the school on a retour (stopId null).
 * 'arrived': the walk's end: at school on an aller, at the last stop on a retour (stopId null).
 */
export const WalkEventKindSchema = z.enum(['departed', 'arrived'])
export type WalkEventKind = z.infer<typeof WalkEventKindSchema>

export const StoredWalkEventSchema = z.looseObject({
  walk: WalkRefSchema,
  kind: WalkEventKindSchema,
  stopId: z.nullable(StopIdSchema),
  adultId: AdultIdSchema,
  clock: ClockSchema,
  actor: ActorIdSchema,
  /** The time shown ("arrivée à 8 h 27"): the author's local time when tapping. */
  at: AuthorTimeSchema,
  /** Undo by the same device: the entry is rewritten with cancelled true. */
  cancelled: z.boolean(),
})
export type WalkEvent = z.output<typeof StoredWalkEventSchema>

export const walkEventKeyOf = (event: { readonly walk: WalkRef; readonly kind: WalkEventKind; readonly stopId: string | null; readonly actor: ActorId }): string =>
  `${walkKeyOf(event.walk)}|${event.kind}|${event.stopId ?? 'school'}|${event.actor}`

// ---------------------------------------------------------------------------------------------
// Logbook notes
// ---------------------------------------------------------------------------------------------

export const WALK_NOTE_MAX = 500

export const WalkNoteInputSchema = z.object({
  text: shortText(WALK_NOTE_MAX),
})
export type WalkNoteInput = z.input<typeof WalkNoteInputSchema>

export const StoredWalkNoteSchema = z.looseObject({
  id: WalkNoteIdSchema,
  walk: WalkRefSchema,
  /** Personal (an incident may name a child): goes through the codec. */
  text: storedShortText(WALK_NOTE_MAX),
  adultId: AdultIdSchema,
  familyId: FamilyIdSchema,
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: AuthorTimeSchema,
  withdrawn: z.optional(WithdrawnSchema),
})
export type WalkNote = z.output<typeof StoredWalkNoteSchema>

export const walkNoteKeyOf = (note: { readonly id: WalkNoteId }): string => note.id

export interface WalkLogRecords {
  readonly absences: readonly Absence[]
  readonly checkIns: readonly CheckIn[]
  readonly events: readonly WalkEvent[]
  readonly notes: readonly WalkNote[]
  /** Guests' first names, on the walk's day only (none in exports: they do not outlive the day). */
  readonly guestNames?: readonly GuestName[]
}

export const NO_WALK_LOG: WalkLogRecords = { absences: [], checkIns: [], events: [], notes: [], guestNames: [] }

/** The highest clock of the walk-log records (0 when none): the shared clock must pass it. */
export const maxWalkLogClock = (log: WalkLogRecords): number => {
  let max = 0
  for (const record of [...log.checkIns, ...log.events]) max = Math.max(max, record.clock)
  for (const record of [...log.absences, ...log.notes]) max = Math.max(max, record.clock, record.withdrawn?.clock ?? 0)
  return max
}

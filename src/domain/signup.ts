// Volunteer sign-ups: flat entries keyed by walk and adult, ordered by a logical clock, never a shared counter.
//
// Two offline phones signing up for the same slot both write their own entry; every phone then
// derives the same holder (lowest logical clock, then lowest actor id) and puts the other on the
// waiting list. Wall-clock time from phones is never used for ordering: phone clocks drift.
import { z } from 'zod/mini'
import { LocalDateSchema, type LocalDate } from './dates.ts'
import { ActorIdSchema, AdultIdSchema, FamilyIdSchema, LineIdSchema, type AdultId, type LineId } from './ids.ts'
import { DirectionSchema, type Direction } from './line.ts'
import { OnBehalfSchema } from './on-behalf.ts'
import { AuthorTimeSchema } from './record-order.ts'

/**
 * Far above any real count of writes, far below 2^53: one forged entry with a huge clock must not
 * push every later write past what validation accepts (it is invalid itself, and ignored).
 */
export const MAX_CLOCK = 2 ** 40

export const SlotSchema = z.enum(['lead', 'tail', 'extra'])
/** lead = conducteur (front), tail = serre-file (back), extra = any further adult the ratio needs. */
export type Slot = z.infer<typeof SlotSchema>

/** Identifies one walk: a line, a date, a direction. */
export interface WalkRef {
  readonly lineId: LineId
  readonly date: LocalDate
  readonly direction: Direction
}

/** A walk named in a record (offers, releases, walk-log marks). */
export const WalkRefSchema = z.object({ lineId: LineIdSchema, date: LocalDateSchema, direction: DirectionSchema })

export type WalkKey = string & { readonly __walkKey: true }
export const walkKeyOf = (walk: WalkRef): WalkKey => `${walk.lineId}|${walk.date}|${walk.direction}` as WalkKey

/** An adult's place on a walk (`walk|adult`): one current entry per adult per walk, so one place each. */
export const signUpKeyOf = (walk: WalkRef, adultId: AdultId): string => `${walkKeyOf(walk)}|${adultId}`

/**
 * The document key a device writes an adult's place under: `walk|adult|actor`. Each device writes its own key and
 * deletes the keys of that place it has seen, so the keys left are exactly the writes nobody saw (concurrent ones),
 * and the current entry is chosen by a rule (currentEntryOf) rather than by Yjs client order. Entries written by
 * earlier versions use the place key itself (`walk|adult`), still read.
 */
export const signUpEntryKeyOf = (walk: WalkRef, adultId: AdultId, actor: string): string => `${signUpKeyOf(walk, adultId)}|${actor}`

/** The place key (`walk|adult`) of an entry key, either form; null when the key has neither shape. */
export const placeKeyOfEntry = (entryKey: string): string | null => {
  const parts = entryKey.split('|')
  return parts.length === 4 || parts.length === 5 ? parts.slice(0, 4).join('|') : null
}

/**
 * The current entry among the entries left for one place (writes nobody saw, see signUpEntryKeyOf): a withdrawal
 * wins over writes that did not see it; otherwise the latest (clock, actor) wins. The same on every phone.
 */
export const currentEntryOf = <T extends Pick<SignUp, 'status' | 'clock' | 'actor' | 'adultId'>>(entries: readonly T[]): T | undefined => {
  const withdrawn = entries.filter((entry) => entry.status === 'withdrawn')
  const pool = withdrawn.length > 0 ? withdrawn : entries
  return pool.reduce<T | undefined>((best, entry) => (best === undefined || compareSignUps(entry, best) > 0 ? entry : best), undefined)
}

export const StoredSignUpSchema = z.looseObject({
  lineId: LineIdSchema,
  date: LocalDateSchema,
  direction: DirectionSchema,
  adultId: AdultIdSchema,
  familyId: FamilyIdSchema,
  slot: SlotSchema,
  /** 'withdrawn' keeps the entry (and its clock) so a late, older write cannot resurrect it. */
  status: z.enum(['active', 'withdrawn']),
  /** Lamport clock: greater than every clock the author's phone had seen when writing. */
  clock: z.number().check(z.int(), z.nonnegative(), z.lte(MAX_CLOCK)),
  actor: ActorIdSchema,
  /** The author's local time when writing, for the journal's display only (never ordered on); absent in older entries. */
  at: z.optional(AuthorTimeSchema),
  /** Made by another member at the family's request (on-behalf.ts); absent when the family made it. */
  onBehalf: z.optional(OnBehalfSchema),
})
export type SignUp = z.output<typeof StoredSignUpSchema>

/** Deterministic order of sign-ups competing for a slot: logical clock, then author id. */
export const compareSignUps = (a: Pick<SignUp, 'clock' | 'actor' | 'adultId'>, b: Pick<SignUp, 'clock' | 'actor' | 'adultId'>): number =>
  a.clock - b.clock || (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0) || (a.adultId < b.adultId ? -1 : a.adultId > b.adultId ? 1 : 0)

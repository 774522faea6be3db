// Stored records of the rotating coordinator: roster entries, roster setting, period offers and responses, handover notes and acknowledgements.
//
// All are flat entries (plain JSON values, written whole) so two phones never share a nested map;
// conflicts are decided when deriving, by logical order, never by the CRDT's own last-writer rule.
import { z } from 'zod/mini'
import { LocalDateSchema, SettingDateSchema, weekdayOf, type LocalDate } from '../dates.ts'
import { ActorIdSchema, FamilyIdSchema, type FamilyId } from '../ids.ts'
import { AuthorTimeSchema } from '../record-order.ts'
import { MAX_CLOCK } from '../signup.ts'

const ClockSchema = z.number().check(z.int(), z.nonnegative(), z.lte(MAX_CLOCK))
const MondaySchema = SettingDateSchema.check(z.refine((date) => weekdayOf(date) === 1, { message: 'notMonday' }))

export const PERIOD_LENGTHS = ['week', 'twoWeeks', 'month'] as const
export const PeriodLengthSchema = z.enum(PERIOD_LENGTHS)
/** 'month': the whole weeks whose Monday falls in one calendar month (a handover is always on a Monday). */
export type PeriodLength = z.infer<typeof PeriodLengthSchema>

/** The roster's one setting (a `settings` field); changing it restarts the rotation from `startsOn`. */
export const CoordinatorRosterSettingSchema = z.looseObject({
  periodLength: PeriodLengthSchema,
  /** The Monday the first period begins; no coordinator before it. */
  startsOn: MondaySchema,
})
export type CoordinatorRosterSetting = z.output<typeof CoordinatorRosterSettingSchema>

/** The Monday before the 2026 rentrée (Tuesday 1 September 2026). */
export const DEFAULT_ROSTER_SETTING: CoordinatorRosterSetting = {
  periodLength: 'week',
  startsOn: '2026-08-31' as LocalDate,
}

/**
 * A family accepting (or giving up) the duty from the period that contains `from` onwards.
 * `position` is a fractional index in the rotation order (ties by familyId), so concurrent joins
 * never fight over a list. `from` keeps past periods as they were: the UI writes the start of
 * the next period, so a change never moves the current coordinator. Document key:
 * rosterEntryKeyOf (one entry per family and effective date; a family's state for a period is
 * its latest entry, by logical order, whose `from` is on or before that period's start).
 */
export const StoredRosterEntrySchema = z.looseObject({
  familyId: FamilyIdSchema,
  accepted: z.boolean(),
  // Finite: z.number() refuses Infinity and NaN.
  position: z.number(),
  from: LocalDateSchema,
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: z.optional(AuthorTimeSchema),
})
export type RosterEntry = z.output<typeof StoredRosterEntrySchema>
export const rosterEntryKeyOf = (entry: Pick<RosterEntry, 'familyId' | 'from'>): string => `${entry.familyId}|${entry.from}`

/** A coordinator period offer's id: a random UUID, the document key of the (write-once) offer. */
export const PeriodOfferIdSchema = z.uuid().brand<'PeriodOfferId'>()
export type PeriodOfferId = z.infer<typeof PeriodOfferIdSchema>
export const createPeriodOfferId = (): PeriodOfferId => PeriodOfferIdSchema.parse(crypto.randomUUID())

/**
 * "Je cherche un remplaçant" for a coordinator period (kind 'replacement': any other family may
 * take it) or "Échange" (kind 'trade': my period against `target`, a period of another family,
 * who accepts or declines). Shaped like the walk-slot offers of src/domain/swaps (same kinds,
 * `target`, `withdrawn`). Written once by its author; withdrawing rewrites the whole entry with
 * `withdrawn` added (only the author ever writes it), and that stamp is ordered against the
 * responses like any other event. Document key: the offer id.
 */
export const StoredPeriodOfferSchema = z.looseObject({
  id: PeriodOfferIdSchema,
  kind: z.enum(['replacement', 'trade']),
  periodStart: LocalDateSchema,
  familyId: FamilyIdSchema,
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: AuthorTimeSchema,
  /** Trades only: the other family's period wanted in exchange. */
  target: z.optional(z.object({ familyId: FamilyIdSchema, periodStart: LocalDateSchema })),
  withdrawn: z.optional(z.object({ clock: ClockSchema, actor: ActorIdSchema, at: AuthorTimeSchema })),
})
export type PeriodOffer = z.output<typeof StoredPeriodOfferSchema>

/**
 * One family's answer: 'take' (a replacement), 'accept' or 'decline' (a trade, by its target
 * family only). The duty belongs to a family, so the key is per family: periodResponseKeyOf.
 */
export const StoredPeriodResponseSchema = z.looseObject({
  offerId: PeriodOfferIdSchema,
  familyId: FamilyIdSchema,
  kind: z.enum(['take', 'accept', 'decline']),
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: AuthorTimeSchema,
})
export type PeriodResponse = z.output<typeof StoredPeriodResponseSchema>
export const periodResponseKeyOf = (response: Pick<PeriodResponse, 'offerId' | 'familyId'>): string => `${response.offerId}|${response.familyId}`

export const HANDOVER_NOTE_MAX = 500

/** What the note form accepts. */
export const HandoverNoteInputSchema = z.object({
  text: z.string().check(
    z.trim(), z.minLength(1, { message: 'required' }), z.maxLength(HANDOVER_NOTE_MAX, { message: 'tooLong' }),
  ),
})

/** A note for the coordinator of the period starting `periodStart`, by any family (a duty, not a permission). Key: handoverKeyOf. */
export const StoredHandoverNoteSchema = z.looseObject({
  periodStart: LocalDateSchema,
  familyId: FamilyIdSchema,
  text: z.string().check(z.minLength(1), z.maxLength(HANDOVER_NOTE_MAX)),
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: z.optional(AuthorTimeSchema),
})
export type HandoverNote = z.output<typeof StoredHandoverNoteSchema>

/** The incoming coordinator's "j'ai pris connaissance" for the period starting `periodStart`. Key: handoverKeyOf. */
export const StoredHandoverAckSchema = z.looseObject({
  periodStart: LocalDateSchema,
  familyId: FamilyIdSchema,
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: AuthorTimeSchema,
})
export type HandoverAck = z.output<typeof StoredHandoverAckSchema>

export const handoverKeyOf = (record: { readonly periodStart: LocalDate; readonly familyId: FamilyId }): string =>
  `${record.periodStart}|${record.familyId}`

/** Every coordination record of a collective, as the document readers return them (valid ones only). */
export interface CoordinationRecords {
  readonly setting: CoordinatorRosterSetting
  readonly roster: readonly RosterEntry[]
  readonly offers: readonly PeriodOffer[]
  readonly responses: readonly PeriodResponse[]
}

/**
 * The highest logical clock among coordination records. Sign-ups, slot swaps and these records
 * share one Lamport time: a new record's clock is one more than the max over all of them.
 */
export const maxCoordinationClock = (records: Partial<CoordinationRecords> & { readonly notes?: readonly HandoverNote[]; readonly acks?: readonly HandoverAck[] }): number => {
  let max = 0
  for (const stamp of [...(records.roster ?? []), ...(records.offers ?? []), ...(records.responses ?? []), ...(records.notes ?? []), ...(records.acks ?? [])]) max = Math.max(max, stamp.clock)
  for (const offer of records.offers ?? []) max = Math.max(max, offer.withdrawn?.clock ?? 0)
  return max
}

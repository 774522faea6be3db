// Stored swap records (offers, responses, releases): Zod schemas, document keys and their deterministic order.
//
// Each record is a flat document entry written by one author and never rewritten by anyone else,
// so concurrent phones never fight over one value; who wins is derived later (see resolve.ts).
import { z } from 'zod/mini'
import { ActorIdSchema, AdultIdSchema, FamilyIdSchema } from '../ids.ts'
import { OnBehalfSchema } from '../on-behalf.ts'
import { AuthorTimeSchema, compareLogical, type LogicalStamp } from '../record-order.ts'
import { MAX_CLOCK, SlotSchema, WalkRefSchema, walkKeyOf, type WalkRef } from '../signup.ts'

export const OfferIdSchema = z.uuid().brand<'OfferId'>()
export type OfferId = z.infer<typeof OfferIdSchema>
export const createOfferId = (): OfferId => OfferIdSchema.parse(crypto.randomUUID())

const ClockSchema = z.number().check(z.int(), z.nonnegative(), z.lte(MAX_CLOCK))
/** The author's local time, ISO 8601: shown in the journal, never used to order anything (phone clocks drift). */
const AtSchema = AuthorTimeSchema


/** One logical instant: the Lamport clock of a record and its author device. */
export type Stamp = LogicalStamp

/**
 * The author's own sign-up a record was made from (its slot and stamp), read from their entry when writing:
 * a later rewrite of that entry (another slot, a withdrawal) does not erase the seat the record gives away.
 */
export const SeatClaimSchema = z.object({ slot: SlotSchema, clock: ClockSchema, actor: ActorIdSchema })
export type SeatClaim = z.output<typeof SeatClaimSchema>

export const StoredOfferSchema = z.looseObject({
  id: OfferIdSchema,
  kind: z.enum(['replacement', 'trade']),
  /** The walk whose slot is offered; the slot is the one `adultId` holds on it. */
  walk: WalkRefSchema,
  adultId: AdultIdSchema,
  familyId: FamilyIdSchema,
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: AtSchema,
  /** Trades only: the family asked, and optionally which of its slots (else any one they hold). */
  target: z.optional(z.object({ familyId: FamilyIdSchema, walk: z.optional(WalkRefSchema) })),
  /** The sign-up the offered seat came from; absent on offers written by older versions. */
  seat: z.optional(SeatClaimSchema),
  /** Written later by the same author (the whole entry is rewritten with this field added). */
  withdrawn: z.optional(z.looseObject({ clock: ClockSchema, actor: ActorIdSchema, at: AtSchema, onBehalf: z.optional(OnBehalfSchema) })),
  /** Made by another member at the family's request (../on-behalf.ts). */
  onBehalf: z.optional(OnBehalfSchema),
})
export type Offer = z.output<typeof StoredOfferSchema>

export const StoredResponseSchema = z.looseObject({
  offerId: OfferIdSchema,
  adultId: AdultIdSchema,
  familyId: FamilyIdSchema,
  /** take: replacement offers; accept / decline: trades. */
  kind: z.enum(['take', 'accept', 'decline']),
  /** Trades: which walk's slot the responder gives (must match the offer's target walk when it names one). */
  gives: z.optional(WalkRefSchema),
  /** Trade accepts: the responder's sign-up on the walk they give (see SeatClaimSchema). */
  seat: z.optional(SeatClaimSchema),
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: AtSchema,
  onBehalf: z.optional(OnBehalfSchema),
})
export type SwapResponse = z.output<typeof StoredResponseSchema>

/**
 * A release: the adult gives up a slot they got through `offerId` (taken or traded); the slot
 * becomes empty (à pourvoir), the first adult waiting for that kind of slot moves up, and the
 * previous holder does not get it back. A separate record, not a sign-up entry, because the
 * sign-up key walk|adult is the adult's own entry and a later sign-up would overwrite it.
 */
export const StoredReleaseSchema = z.looseObject({
  offerId: OfferIdSchema,
  adultId: AdultIdSchema,
  familyId: FamilyIdSchema,
  walk: WalkRefSchema,
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: AtSchema,
  onBehalf: z.optional(OnBehalfSchema),
})
export type Release = z.output<typeof StoredReleaseSchema>

export interface SwapRecords {
  readonly offers: readonly Offer[]
  readonly responses: readonly SwapResponse[]
  readonly releases: readonly Release[]
}

export const NO_SWAP_RECORDS: SwapRecords = { offers: [], responses: [], releases: [] }

/** Document keys: offers[id], responses[offerId|adultId], releases[offerId|adultId]. */
export const offerKeyOf = (offer: Pick<Offer, 'id'>): string => offer.id
export const responseKeyOf = (record: Pick<SwapResponse, 'offerId' | 'adultId'>): string => `${record.offerId}|${record.adultId}`
export const releaseKeyOf = responseKeyOf

export const sameWalk = (a: WalkRef, b: WalkRef): boolean => walkKeyOf(a) === walkKeyOf(b)

/** Logical clock, then author id: the one order every phone agrees on (shared with the other record kinds). */
export const compareStamps = compareLogical

/** Next Lamport clock over sign-ups and swap records alike (they share one logical time). */
export const nextSwapClock = (records: SwapRecords, signUps: readonly Stamp[]): number => {
  let max = 0
  for (const stamp of [...signUps, ...records.responses, ...records.releases]) max = Math.max(max, stamp.clock)
  for (const offer of records.offers) max = Math.max(max, offer.clock, offer.withdrawn?.clock ?? 0)
  return max + 1
}

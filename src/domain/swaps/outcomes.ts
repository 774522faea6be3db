// Shapes of a swap resolution: what became of each offer and response, the transfers made, the effective walks.
import type { AdultId, LineId } from '../ids.ts'
import type { WalkRota } from '../rota-types.ts'
import type { SignUp, Slot, WalkKey } from '../signup.ts'
import type { Offer, OfferId, Release, Stamp, SwapResponse } from './records.ts'
import type { ReleasedSeat } from './seats.ts'

/**
 * open: no winner yet (the holder stays responsible); taken / traded: a response won; withdrawn:
 * withdrawn before any response won; void: the author no longer holds the slot; invalid: the
 * record cannot be applied (walk not scheduled, unknown adult, trade without target).
 * "Expired" is a display status over `open` (see expiry.ts): resolution never reads the wall clock.
 */
export type OfferStatus = 'open' | 'taken' | 'traded' | 'withdrawn' | 'void' | 'invalid'

export interface OfferOutcome {
  readonly offer: Offer
  readonly status: OfferStatus
  /** The response that won (take or accept). */
  readonly winner: SwapResponse | null
  /** The author withdrew after a response had already won: the withdrawal had no effect. */
  readonly lateWithdrawal: boolean
}

/** A trade that failed, and why: both parties are told. */
export type TradeFailure = 'authorNoLongerHolds' | 'responderNoLongerHolds' | 'wouldHoldTwo'

/**
 * won; alreadyTaken (déjà pris par `by`); withdrawn (offre retirée); void (the author no longer
 * held the slot); notEligible (already on that walk, or the author); busyElsewhere (on another walk at
 * that time); tradeFailed; declined;
 * invalid (wrong kind, wrong family, missing or mismatched `gives`, unknown offer or adult).
 */
export type ResponseResult =
  | { readonly kind: 'won' }
  | { readonly kind: 'alreadyTaken'; readonly by: AdultId }
  | { readonly kind: 'withdrawn' }
  | { readonly kind: 'void' }
  | { readonly kind: 'notEligible' }
  | { readonly kind: 'busyElsewhere' }
  | { readonly kind: 'tradeFailed'; readonly reason: TradeFailure }
  | { readonly kind: 'declined' }
  | { readonly kind: 'invalid' }

export interface ResponseOutcome {
  readonly response: SwapResponse
  readonly result: ResponseResult
}

/** applied: the seat was emptied (or refilled from the waiting list); ignored: the adult did not hold it through that offer any more. */
export interface ReleaseOutcome {
  readonly release: Release
  readonly applied: boolean
}

/** One seat changing holder; the two halves of a trade share the offer id and the deciding stamp. */
export interface Transfer {
  readonly offerId: OfferId
  readonly kind: 'replacement' | 'trade'
  readonly stamp: Stamp
  readonly walkKey: WalkKey
  readonly slot: Slot
  readonly from: AdultId
  readonly to: AdultId
}

/** A WalkRota after swaps: holders, waiting list and state recomputed; seats left empty by a release. */
export interface EffectiveWalk extends WalkRota {
  readonly released: readonly ReleasedSeat[]
  /** Sign-ups of adults already on the walk through a swap: not counted, shown so that nothing is dropped silently. */
  readonly superseded: readonly SignUp[]
  /** Holders who came through a swap, with the offer. */
  readonly viaSwap: readonly { readonly adultId: AdultId; readonly offerId: OfferId }[]
}

export interface SwapResolution {
  /** Walks touched by a swap record; every other walk is exactly resolveWalk (see effectiveWalkOf). */
  readonly walks: ReadonlyMap<WalkKey, EffectiveWalk>
  readonly offers: ReadonlyMap<OfferId, OfferOutcome>
  readonly responses: readonly ResponseOutcome[]
  readonly releases: readonly ReleaseOutcome[]
  readonly transfers: readonly Transfer[]
  /**
   * Sign-ups counted nowhere because their adult is on another walk at that time (decided with swaps applied, see
   * bookings.ts), with the line the adult is on then (null: none, e.g. that walk was cancelled).
   */
  readonly setAside: ReadonlyMap<SignUp, LineId | null>
  /**
   * Sign-ups brought back for the time a swap record held them (see ghosts.ts); `vanished`: still there when they ended
   * (false for one with no end yet, its entry missing on this phone: it is counted where it sits).
   */
  readonly ended: readonly { readonly walkKey: WalkKey; readonly vanished: boolean }[]
}

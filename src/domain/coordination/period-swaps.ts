// Coordinator period offers applied to the rotation: one taker per offer, "déjà pris" for the others, trades both-or-neither.
//
// Same rule as the walk-slot swaps (src/domain/swaps): withdrawals and responses form one stream
// of events ordered by (clock, actor), then kind and key; each is applied to the assignment as it
// stands. A take applies only while the offer is open and its author (and, for a trade, the
// target family) still holds the period; otherwise it changes nothing. So every phone derives the
// same coordinators, and every period keeps exactly one.
import type { FamilyId } from '../ids.ts'
import { compareLogical, compareText, type LogicalStamp } from '../record-order.ts'
import { periodResponseKeyOf, type PeriodOffer, type PeriodOfferId, type PeriodResponse } from './records.ts'

/** Beyond this many periods after the start an offer is not resolved (about 20 years of weeks): bounds the work a forged record can cause. */
export const MAX_PERIOD_INDEX = 1_000

/**
 * open: unanswered (see `stale`); taken: the period (both, for a trade) changed hands;
 * withdrawn, declined: closed without change; invalid: names no real period or an impossible trade.
 */
export type PeriodOfferStatus = 'open' | 'taken' | 'withdrawn' | 'declined' | 'invalid'

/**
 * won: this answer moved the period; alreadyTaken: the offer was closed by then ("déjà pris" /
 * "offre retirée"); void: the period had moved before it applied, nothing changed; ignored: a
 * family not allowed to give it (a third family accepting a trade, the author taking its own).
 */
export type PeriodResponseResult = 'won' | 'alreadyTaken' | 'void' | 'ignored'

export interface PeriodOfferOutcome {
  readonly offer: PeriodOffer
  readonly status: PeriodOfferStatus
  /** The answer that closed the offer ('take', 'accept' or 'decline'), if any. */
  readonly winner: PeriodResponse | null
  /** Withdrawn after it was taken: the withdrawal changed nothing. */
  readonly lateWithdrawal: boolean
  /** Open, but its author (or the trade's target) no longer holds the period: cannot be taken as is. */
  readonly stale: boolean
}

export interface Assignment {
  readonly coordinator: FamilyId | null
  /** The offer that last moved this period, null when it is the rotation's own choice. */
  readonly offerId: PeriodOfferId | null
}

export interface PeriodSwapResolution {
  readonly assignment: readonly Assignment[]
  /** In offer logical order. */
  readonly offers: readonly PeriodOfferOutcome[]
  /** Keyed by periodResponseKeyOf. */
  readonly responses: ReadonlyMap<string, PeriodResponseResult>
}

type Event =
  | { readonly kind: 'response'; readonly stamp: LogicalStamp; readonly key: string; readonly response: PeriodResponse }
  | { readonly kind: 'withdrawal'; readonly stamp: LogicalStamp; readonly key: string; readonly offer: PeriodOffer }

const compareEvents = (a: Event, b: Event): number => compareLogical(a.stamp, b.stamp) || compareText(a.kind, b.kind) || compareText(a.key, b.key)

interface State {
  status: PeriodOfferStatus
  winner: PeriodResponse | null
  lateWithdrawal: boolean
  own: number
  other: number | null
}

const isAllowed = (offer: PeriodOffer, response: PeriodResponse): boolean =>
  offer.kind === 'trade' ? response.kind !== 'take' && response.familyId === offer.target?.familyId : response.kind === 'take' && response.familyId !== offer.familyId

/** Applies every offer to `base` (the rotation's coordinator per period index, 0..n). `indexOf` maps an exact period start to its index. */
export const resolvePeriodOffers = (
  base: readonly (FamilyId | null)[],
  offers: readonly PeriodOffer[],
  responses: readonly PeriodResponse[],
  indexOf: (date: string) => number | null,
): PeriodSwapResolution => {
  const assignment: Assignment[] = base.map((coordinator) => ({ coordinator, offerId: null }))
  const sorted = [...offers].sort((a, b) => compareLogical(a, b) || compareText(a.id, b.id))
  const states = new Map<PeriodOfferId, State>()
  for (const offer of sorted) {
    if (states.has(offer.id)) continue
    const own = indexOf(offer.periodStart)
    const other = offer.target === undefined ? null : indexOf(offer.target.periodStart)
    const invalid =
      own === null || own >= base.length ||
      (offer.kind === 'trade' && (offer.target === undefined || other === null || other >= base.length || other === own || offer.target.familyId === offer.familyId))
    states.set(offer.id, { status: invalid ? 'invalid' : 'open', winner: null, lateWithdrawal: false, own: own ?? -1, other: offer.kind === 'trade' ? other : null })
  }
  // Offer ids are document keys, so unique; a duplicate (a bug elsewhere) keeps its first, in logical order.
  const offerById = new Map<PeriodOfferId, PeriodOffer>()
  for (const offer of sorted) if (!offerById.has(offer.id)) offerById.set(offer.id, offer)

  const events: Event[] = [
    ...sorted.flatMap((offer): Event[] => (offer.withdrawn ? [{ kind: 'withdrawal', stamp: offer.withdrawn, key: offer.id, offer }] : [])),
    ...responses.map((response): Event => ({ kind: 'response', stamp: response, key: periodResponseKeyOf(response), response })),
  ].sort(compareEvents)

  const results = new Map<string, PeriodResponseResult>()
  for (const event of events) {
    if (event.kind === 'withdrawal') {
      const state = states.get(event.offer.id)
      if (state?.status === 'open') state.status = 'withdrawn'
      else if (state?.status === 'taken') state.lateWithdrawal = true
      continue
    }
    const { response } = event
    const offer = offerById.get(response.offerId)
    const state = states.get(response.offerId)
    if (offer === undefined || state === undefined || state.status === 'invalid' || !isAllowed(offer, response)) {
      results.set(event.key, 'ignored')
      continue
    }
    if (state.status !== 'open') {
      results.set(event.key, 'alreadyTaken')
      continue
    }
    if (response.kind === 'decline') {
      Object.assign(state, { status: 'declined', winner: response })
      results.set(event.key, 'won')
      continue
    }
    const holdsOwn = assignment[state.own]?.coordinator === offer.familyId
    const holdsOther = state.other === null || assignment[state.other]?.coordinator === offer.target?.familyId
    if (!holdsOwn || !holdsOther) {
      results.set(event.key, 'void')
      continue
    }
    // Both sides of a trade change in this one step, or (above) neither does.
    assignment[state.own] = { coordinator: response.familyId, offerId: offer.id }
    if (state.other !== null) assignment[state.other] = { coordinator: offer.familyId, offerId: offer.id }
    Object.assign(state, { status: 'taken', winner: response })
    results.set(event.key, 'won')
  }

  const outcomes = sorted.flatMap((offer): PeriodOfferOutcome[] => {
    const state = states.get(offer.id)
    if (state === undefined || offerById.get(offer.id) !== offer) return []
    const stale =
      state.status === 'open' &&
      (assignment[state.own]?.coordinator !== offer.familyId || (state.other !== null && assignment[state.other]?.coordinator !== offer.target?.familyId))
    return [{ offer, status: state.status, winner: state.winner, lateWithdrawal: state.lateWithdrawal, stale }]
  })
  return { assignment, offers: outcomes, responses: results }
}

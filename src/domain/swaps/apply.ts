// Applying one ordered swap event to the seats: a take, a trade accept or decline, a withdrawal, a release.
import type { ResponseResult, TradeFailure } from './outcomes.ts'
import { compareStamps, type Offer, type Release, type SwapResponse } from './records.ts'
import { giveSeat, isOnWalkAt, releaseSeat, seatOf, tiedSeat, type Acquisition } from './seats.ts'
import { seatsFor, type OfferState, type SwapContext } from './context.ts'
import { fitsOffer, givenWalk } from './validity.ts'
import { busyElsewhereAt } from './bookings.ts'

const record = (context: SwapContext, response: SwapResponse, result: ResponseResult): void => {
  context.responses.push({ response, result })
}

/** What stops any response before its kind-specific checks: a bad record, a winner already, a withdrawal. */
const blocked = (context: SwapContext, state: OfferState | undefined, response: SwapResponse): ResponseResult | null => {
  if (state === undefined || state.status === 'invalid' || !fitsOffer(context, state.offer, response)) return { kind: 'invalid' }
  if (response.kind === 'decline') return { kind: 'declined' }
  if (state.winner !== null) return { kind: 'alreadyTaken', by: state.winner.adultId }
  if (state.status === 'withdrawn') return { kind: 'withdrawn' }
  if (response.adultId === state.offer.adultId) return { kind: 'notEligible' }
  return null
}

const win = (context: SwapContext, state: OfferState, response: SwapResponse): void => {
  state.status = state.offer.kind === 'trade' ? 'traded' : 'taken'
  state.winner = response
  record(context, response, { kind: 'won' })
}

/** Replacement: the author must still hold the slot, the taker must be neither on the walk nor on another at that time. */
const applyTake = (context: SwapContext, state: OfferState, response: SwapResponse): void => {
  const offer = state.offer
  const walk = seatsFor(context, offer.walk)
  const seat = walk === null ? undefined : tiedSeat(walk, offer.adultId, offer, offer.seat)
  if (walk === null || seat === undefined) return record(context, response, { kind: 'void' })
  if (isOnWalkAt(walk, response.adultId, response)) return record(context, response, { kind: 'notEligible' })
  if (busyElsewhereAt(context, response.adultId, walk.base, response, new Set([walk.base.key]))) {
    return record(context, response, { kind: 'busyElsewhere' })
  }
  const via: Acquisition = { offerId: offer.id, stamp: response }
  context.transfers.push({ offerId: offer.id, kind: 'replacement', stamp: response, walkKey: walk.base.key, slot: seat.slot, from: offer.adultId, to: response.adultId })
  giveSeat(walk, seat, response.adultId, response.familyId, via)
  win(context, state, response)
}

/** Trade: both seats change holders in the same step, or neither does and both parties are told why. */
const applyAccept = (context: SwapContext, state: OfferState, response: SwapResponse): void => {
  const offer = state.offer
  const mine = seatsFor(context, offer.walk)
  const gives = givenWalk(offer, response)
  const theirs = gives === undefined ? null : seatsFor(context, gives)
  if (mine === null || theirs === null) return record(context, response, { kind: 'invalid' })
  const mySeat = tiedSeat(mine, offer.adultId, offer, offer.seat)
  const theirSeat = tiedSeat(theirs, response.adultId, response, response.seat)
  const fail = (reason: TradeFailure): void => record(context, response, { kind: 'tradeFailed', reason })
  if (mySeat === undefined) return fail('authorNoLongerHolds')
  if (theirSeat === undefined) return fail('responderNoLongerHolds')
  if (mine !== theirs && (isOnWalkAt(theirs, offer.adultId, response) || isOnWalkAt(mine, response.adultId, response))) return fail('wouldHoldTwo')
  // Elsewhere at either time, other than the two walks the trade itself changes.
  const both = new Set([mine.base.key, theirs.base.key])
  const busy = busyElsewhereAt(context, offer.adultId, theirs.base, response, both) || busyElsewhereAt(context, response.adultId, mine.base, response, both)
  if (busy) return fail('wouldHoldTwo')
  const via: Acquisition = { offerId: offer.id, stamp: response }
  context.transfers.push(
    { offerId: offer.id, kind: 'trade', stamp: response, walkKey: mine.base.key, slot: mySeat.slot, from: offer.adultId, to: response.adultId },
    { offerId: offer.id, kind: 'trade', stamp: response, walkKey: theirs.base.key, slot: theirSeat.slot, from: response.adultId, to: offer.adultId },
  )
  giveSeat(mine, mySeat, response.adultId, response.familyId, via)
  giveSeat(theirs, theirSeat, offer.adultId, offer.familyId, via)
  win(context, state, response)
}

export const applyResponse = (context: SwapContext, response: SwapResponse): void => {
  const state = context.offers.get(response.offerId)
  const stop = blocked(context, state, response)
  if (stop !== null || state === undefined) return record(context, response, stop ?? { kind: 'invalid' })
  if (response.kind === 'take') applyTake(context, state, response)
  else applyAccept(context, state, response)
}

/** Before any winner it closes the offer; after one it changes nothing (the author is told "déjà pris"). */
export const applyWithdrawal = (context: SwapContext, offer: Offer): void => {
  const state = context.offers.get(offer.id)
  if (state === undefined || state.status === 'invalid') return
  if (state.winner !== null) state.lateWithdrawal = true
  else state.status = 'withdrawn'
}

/** Only a seat the adult still holds through that very offer, acquired before the release, is emptied. */
export const applyRelease = (context: SwapContext, release: Release): void => {
  const walk = seatsFor(context, release.walk)
  const seat = walk === null ? undefined : seatOf(walk, release.adultId)
  const applies = walk !== null && seat !== undefined && seat.via?.offerId === release.offerId && compareStamps(release, seat.via.stamp) > 0
  if (applies) releaseSeat(walk, seat, release.offerId)
  context.releases.push({ release, applied: applies })
}

// Static checks on swap records, before any ordering: what can never be applied is "invalid", and its responders are told.
import { compareStamps, sameWalk, type Offer, type SwapResponse } from './records.ts'
import { seatsFor, type SwapContext } from './context.ts'

/** The offer's walk (and a trade's target walk) is scheduled, its author exists in its family, a trade names a family. */
export const isValidOffer = (context: SwapContext, offer: Offer): boolean => {
  if (context.families.get(offer.adultId) !== offer.familyId) return false
  if (seatsFor(context, offer.walk) === null) return false
  if (offer.kind === 'replacement') return true
  if (offer.target === undefined) return false
  return offer.target.walk === undefined || seatsFor(context, offer.target.walk) !== null
}

/**
 * A response fits its offer: the right kind, written after the offer (Lamport order: a phone
 * that answers has seen the offer), by an existing adult of the family it claims (the author answering is 'notEligible', not invalid).
 * A trade answer comes from the target family and names (or defaults to) a scheduled walk.
 */
export const fitsOffer = (context: SwapContext, offer: Offer, response: SwapResponse): boolean => {
  if (context.families.get(response.adultId) !== response.familyId) return false
  if (compareStamps(response, offer) <= 0) return false
  if (offer.kind === 'replacement') return response.kind === 'take'
  if (response.kind === 'take' || offer.target?.familyId !== response.familyId) return false
  if (response.kind === 'decline') return true
  const gives = givenWalk(offer, response)
  return gives !== undefined && seatsFor(context, gives) !== null
}

/** The walk a trade responder gives: the one the offer names, else the one the response names (they must agree). */
export const givenWalk = (offer: Offer, response: SwapResponse): Offer['walk'] | undefined => {
  const named = offer.target?.walk
  if (named === undefined) return response.gives
  if (response.gives !== undefined && !sameWalk(named, response.gives)) return undefined
  return named
}

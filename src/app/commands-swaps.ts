// The slot swap commands: offer, trade, withdraw, take, answer, release; each validates against the effective rota, writes once, then resolves.
import * as edit from '../doc/mutations.ts'
import type { AdultId } from '../domain/ids.ts'
import type { ResponseResult } from '../domain/swaps/outcomes.ts'
import { canTake, isExpired } from '../domain/swaps/expiry.ts'
import { responseKeyOf, type Offer, type OfferId } from '../domain/swaps/records.ts'
import { err, ok, type Result } from '../lib/result.ts'
import type { SwapCommands, SwapError, TakeOutcome, TradeOutcome } from './api.ts'
import type { CommandContext } from './commands.ts'
import { onBehalfNow } from './acting.ts'
import { authorTime } from '../doc/clock.ts'
import { effectiveWalkOf, familyHolds, holds, onAnotherWalkAt, startOf } from './queries/rota.ts'
import { swapStateOf } from './queries/swap-state.ts'


const takeOutcomeOf = (result: ResponseResult): Result<TakeOutcome, SwapError> => {
  switch (result.kind) {
    case 'won': return ok('taken')
    case 'alreadyTaken': return ok('alreadyTaken')
    case 'withdrawn': return ok('withdrawn')
    case 'void': return ok('void')
    case 'notEligible': return err('notEligible')
    case 'busyElsewhere': return err('busyElsewhere')
    default: return err('notRecorded')
  }
}

const tradeOutcomeOf = (result: ResponseResult): Result<TradeOutcome, SwapError> => {
  switch (result.kind) {
    case 'won': return ok('traded')
    case 'declined': return ok('declined')
    case 'notEligible': return err('notEligible')
    case 'invalid': return err('notRecorded')
    default: return ok('failed')
  }
}

/** An offer that can no longer be answered: what to tell, without writing anything. */
const closedOutcome = (status: string): Result<TakeOutcome, SwapError> =>
  status === 'withdrawn' ? ok('withdrawn') : status === 'void' ? ok('void') : status === 'invalid' ? err('notFound') : ok('alreadyTaken')

export const createSwapCommands = ({ doc, view, me, acting, now }: CommandContext): SwapCommands => {
  const author = (): edit.Authored => {
    const onBehalf = onBehalfNow(acting, now())
    return { actor: me.get().actorId, at: authorTime(now()), ...(onBehalf && { onBehalf }) }
  }
  const adultOf = (adultId: AdultId) => view.get().adults.find((adult) => adult.id === adultId)
  const offerOf = (offerId: OfferId): Offer | undefined => view.get().swaps.offers.find((offer) => offer.id === offerId)
  /** The adult's result for the offer, resolved with every record this phone has right after writing. */
  const resultOf = (offerId: OfferId, adultId: AdultId): ResponseResult | null => {
    const key = responseKeyOf({ offerId, adultId })
    const outcome = swapStateOf(view.get(), now()).resolution.responses.find((candidate) => responseKeyOf(candidate.response) === key)
    return outcome?.result ?? null
  }

  const checkHolder = (walk: Offer['walk'], adultId: AdultId): SwapError | null => {
    const current = view.get()
    if (adultOf(adultId) === undefined) return 'unknownAdult'
    const start = startOf(current, walk)
    const effective = effectiveWalkOf(current, walk, now())
    if (start === null || effective === null || effective.cancellation !== null) return 'notFound'
    if (now() >= start) return 'expired'
    return holds(effective, adultId) ? null : 'notHolder'
  }

  return {
    offerSlot(walk, adultId) {
      const problem = checkHolder(walk, adultId)
      if (problem !== null) return err(problem)
      const familyId = adultOf(adultId)?.familyId
      if (familyId === undefined) return err('unknownAdult')
      const id = edit.writeOffer(doc, { kind: 'replacement', walk, adultId, familyId, ...author() })
      return id === null ? err('notRecorded') : ok(id)
    },

    proposeTrade(walk, adultId, target) {
      const problem = checkHolder(walk, adultId)
      if (problem !== null) return err(problem)
      const familyId = adultOf(adultId)?.familyId
      if (familyId === undefined) return err('unknownAdult')
      const current = view.get()
      if (!current.families.some((family) => family.id === target.familyId)) return err('notFound')
      if (target.familyId === familyId) return err('notEligible')
      if (target.walk !== undefined) {
        const theirs = effectiveWalkOf(current, target.walk, now())
        if (theirs === null || theirs.cancellation !== null) return err('notFound')
        if (!familyHolds(current, theirs, target.familyId)) return err('notHolder')
      }
      const id = edit.writeOffer(doc, { kind: 'trade', walk, adultId, familyId, target, ...author() })
      return id === null ? err('notRecorded') : ok(id)
    },

    withdrawOffer(offerId) {
      const offer = offerOf(offerId)
      if (offer === undefined) return err('notFound')
      const mine = me.get()
      if (offer.actor !== mine.actorId && offer.familyId !== mine.familyId) return err('notHolder')
      if (offer.withdrawn !== undefined) return ok(undefined)
      return edit.writeOfferWithdrawal(doc, offerId, author()) ? ok(undefined) : err('notRecorded')
    },

    takeOffer(offerId, adultId) {
      const adult = adultOf(adultId)
      if (adult === undefined) return err('unknownAdult')
      const offer = offerOf(offerId)
      const current = view.get()
      const state = swapStateOf(current, now())
      const offerView = state.offerById.get(offerId)
      if (offer === undefined || offerView === undefined) return err('notFound')
      if (offer.kind !== 'replacement') return err('notEligible')
      if (isExpired(offerView, now())) return err('expired')
      if (!canTake(offerView, now())) return closedOutcome(offerView.status)
      const walk = effectiveWalkOf(current, offer.walk, now())
      if (offer.adultId === adultId || (walk !== null && holds(walk, adultId))) return err('notEligible')
      if (onAnotherWalkAt(current, offer.walk, adultId, now())) return err('busyElsewhere')
      if (!edit.writeResponse(doc, { offerId, adultId, familyId: adult.familyId, kind: 'take', ...author() })) return err('notRecorded')
      const result = resultOf(offerId, adultId)
      return result === null ? err('notRecorded') : takeOutcomeOf(result)
    },

    answerTrade(offerId, adultId, answer) {
      const adult = adultOf(adultId)
      if (adult === undefined) return err('unknownAdult')
      const offer = offerOf(offerId)
      const current = view.get()
      const state = swapStateOf(current, now())
      const offerView = state.offerById.get(offerId)
      if (offer === undefined || offerView === undefined || offer.kind !== 'trade') return err('notFound')
      if (offer.target?.familyId !== adult.familyId) return err('notEligible')
      if (isExpired(offerView, now())) return err('expired')
      if (!canTake(offerView, now())) return ok('failed')
      let gives = undefined
      if (answer.accept) {
        gives = answer.gives ?? offer.target.walk
        if (gives === undefined) return err('notFound')
        const start = startOf(current, gives)
        const theirs = effectiveWalkOf(current, gives, now())
        if (start === null || theirs === null || theirs.cancellation !== null) return err('notFound')
        if (now() >= start) return err('expired')
        if (!holds(theirs, adultId)) return err('notHolder')
      }
      const kind = answer.accept ? 'accept' : 'decline'
      if (!edit.writeResponse(doc, { offerId, adultId, familyId: adult.familyId, kind, gives, ...author() })) return err('notRecorded')
      const result = resultOf(offerId, adultId)
      return result === null ? err('notRecorded') : tradeOutcomeOf(result)
    },

    releaseSlot(offerId, adultId) {
      const adult = adultOf(adultId)
      if (adult === undefined) return err('unknownAdult')
      const current = view.get()
      const state = swapStateOf(current, now())
      const held = [...state.resolution.walks.values()].find((walk) =>
        walk.viaSwap.some((via) => via.adultId === adultId && via.offerId === offerId))
      if (held === undefined) return err(offerOf(offerId) === undefined ? 'notFound' : 'notHolder')
      const walk = { lineId: held.lineId, date: held.date, direction: held.direction }
      const start = startOf(current, walk)
      if (start === null || now() >= start) return err('expired')
      return edit.writeRelease(doc, { offerId, adultId, familyId: adult.familyId, walk, ...author() }) ? ok(undefined) : err('notRecorded')
    },
  }
}

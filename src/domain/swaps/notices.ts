// What each family is told about swaps: lost takes, withdrawn or failed offers, its own offers' fate, requests addressed to it.
import type { AdultId, FamilyId } from '../ids.ts'
import type { WalkRef } from '../signup.ts'
import { displayStatusOf, type OfferView } from './expiry.ts'
import type { SwapResolution, TradeFailure } from './outcomes.ts'
import type { OfferId } from './records.ts'

/**
 * takeLost: "déjà pris par `other`"; offerWithdrawn: "offre retirée"; offerVoid: the holder no
 * longer had the slot; notEligible: already on that walk; busyElsewhere: on another walk at that time; tradeFailed (both parties, with the
 * reason); offerTaken / tradeDone: to the author (tradeDone also to the responder);
 * lateWithdrawal: the author withdrew after `other` had taken; declined: to the author;
 * pendingOffer / offerExpired: the author's own open offers; tradeRequest: to the target family.
 */
export type NoticeKind =
  | 'takeLost' | 'offerWithdrawn' | 'offerVoid' | 'notEligible' | 'busyElsewhere' | 'tradeFailed' | 'offerTaken' | 'tradeDone'
  | 'lateWithdrawal' | 'declined' | 'pendingOffer' | 'offerExpired' | 'tradeRequest'

export interface Notice {
  readonly kind: NoticeKind
  readonly offerId: OfferId
  /** The offered walk. */
  readonly walk: WalkRef
  /** The family member concerned (for a tradeRequest, the requester: the request is to the whole family). */
  readonly adultId: AdultId
  /** The other person: the winner, the taker, the decliner, the trade partner, the requester; null when none. */
  readonly other: AdultId | null
  readonly reason?: TradeFailure
}

const responderNotices = (resolution: SwapResolution, views: ReadonlyMap<OfferId, OfferView>, familyId: FamilyId): Notice[] =>
  resolution.responses.flatMap(({ response, result }): Notice[] => {
    const view = views.get(response.offerId)
    if (view === undefined || response.familyId !== familyId) return []
    const base = { offerId: view.offer.id, walk: view.offer.walk, adultId: response.adultId, other: view.offer.adultId }
    switch (result.kind) {
      case 'alreadyTaken': return [{ ...base, kind: 'takeLost', other: result.by }]
      case 'withdrawn': return [{ ...base, kind: 'offerWithdrawn' }]
      case 'void': return [{ ...base, kind: 'offerVoid' }]
      case 'notEligible': return [{ ...base, kind: 'notEligible' }]
      case 'busyElsewhere': return [{ ...base, kind: 'busyElsewhere' }]
      case 'tradeFailed': return [{ ...base, kind: 'tradeFailed', reason: result.reason }]
      case 'won': return view.offer.kind === 'trade' ? [{ ...base, kind: 'tradeDone' }] : []
      default: return []
    }
  })

const authorNotices = (resolution: SwapResolution, view: OfferView, now: number): Notice[] => {
  const { offer, winner } = view
  const base = { offerId: offer.id, walk: offer.walk, adultId: offer.adultId, other: winner?.adultId ?? null }
  const notices: Notice[] = []
  if (winner !== null) notices.push({ ...base, kind: offer.kind === 'trade' ? 'tradeDone' : 'offerTaken' })
  if (view.lateWithdrawal) notices.push({ ...base, kind: 'lateWithdrawal' })
  const status = displayStatusOf(view, now)
  if (status === 'open') notices.push({ ...base, kind: 'pendingOffer' })
  if (status === 'expired') notices.push({ ...base, kind: 'offerExpired' })
  for (const { response, result } of resolution.responses) {
    if (response.offerId !== offer.id) continue
    if (result.kind === 'declined') notices.push({ ...base, kind: 'declined', other: response.adultId })
    if (result.kind === 'tradeFailed') notices.push({ ...base, kind: 'tradeFailed', other: response.adultId, reason: result.reason })
  }
  return notices
}

/** A trade asked of the family, still open and not started, that none of its adults has answered yet. */
const requestNotices = (resolution: SwapResolution, view: OfferView, familyId: FamilyId, now: number): Notice[] => {
  const { offer } = view
  if (offer.kind !== 'trade' || offer.target?.familyId !== familyId || displayStatusOf(view, now) !== 'open') return []
  const answered = resolution.responses.some(({ response }) => response.offerId === offer.id && response.familyId === familyId)
  return answered ? [] : [{ kind: 'tradeRequest', offerId: offer.id, walk: offer.walk, adultId: offer.adultId, other: offer.adultId }]
}

/** Every notice for the family, offers in logical order (see offerViews). */
export const noticesFor = (resolution: SwapResolution, views: readonly OfferView[], familyId: FamilyId, now: number): Notice[] => {
  const byId = new Map(views.map((view) => [view.offer.id, view] as const))
  const own = views.flatMap((view) => (view.offer.familyId === familyId ? authorNotices(resolution, view, now) : []))
  const requests = views.flatMap((view) => requestNotices(resolution, view, familyId, now))
  return [...own, ...responderNotices(resolution, byId, familyId), ...requests]
}

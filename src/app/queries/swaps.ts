// The swap screens' read model: offers on a walk, who may take, a family's slots to trade, the home block's lists, the app badge count.
import { compareDates, mondayOf, type LocalDate } from '../../domain/dates.ts'
import type { AdultId, FamilyId } from '../../domain/ids.ts'
import type { Adult } from '../../domain/people.ts'
import { walkStartInstant, type MyRole } from '../../domain/rota/index.ts'
import type { WalkRota } from '../../domain/rota-types.ts'
import { walkKeyOf, type Slot, type WalkRef } from '../../domain/signup.ts'
import { canTake, displayStatusOf, noticesFor, urgentItems, type EffectiveWalk, type Notice, type OfferView, type UrgentItem } from '../../domain/swaps/index.ts'
import { effectiveWalkOf, HORIZON_WEEKS, nextHeldWalk, walksOfWeeks, type RotaModel } from './rota.ts'
import { swapStateOf } from './swap-state.ts'

export { walkKeyOf } from '../../domain/signup.ts'

export const refOf = (walk: WalkRef): WalkRef => ({ lineId: walk.lineId, date: walk.date, direction: walk.direction })

/** Offers of the walk still shown (open, or open but expired since the walk started), in logical order. */
export const shownOffersOn = (offers: readonly OfferView[], walk: WalkRef, now: number): OfferView[] => {
  const key = walkKeyOf(walk)
  return offers.filter((view) => walkKeyOf(view.offer.walk) === key && (displayStatusOf(view, now) === 'open' || displayStatusOf(view, now) === 'expired'))
}

/** The open (or expired) offer of the slot `adultId` holds on the walk, if any. */
export const offerOfHolder = (offers: readonly OfferView[], walk: WalkRef, adultId: AdultId, now: number): OfferView | undefined =>
  shownOffersOn(offers, walk, now).find((view) => view.offer.adultId === adultId)

/** Everyone on the walk: holders and waiting adults (they may not take another place on it). */
const onWalk = (walk: WalkRota): Set<AdultId> =>
  new Set([walk.lead, walk.tail, ...walk.extras, ...walk.waiting].flatMap((signUp) => (signUp ? [signUp.adultId] : [])))

/** The adults of my family who may take a replacement offer on the walk: not the author, not already on it. */
export const eligibleTakers = (walk: WalkRota, myAdults: readonly Adult[], offer: Pick<OfferView['offer'], 'adultId'>): Adult[] => {
  const there = onWalk(walk)
  return myAdults.filter((adult) => adult.id !== offer.adultId && !there.has(adult.id))
}

/** Whether "Prendre" may still be written: open offer, walk not started. */
export const takeOpen = (view: Pick<OfferView, 'status' | 'startsAt'>, now: number): boolean => canTake(view, now)

export interface HeldSlot {
  readonly walk: WalkRota
  readonly slot: Slot
  readonly adultId: AdultId
}

/** The slots a family holds on walks not started yet (from `today`), in walk order: what it can trade. */
export const heldSlotsOf = (walks: readonly WalkRota[], familyId: FamilyId, now: number): HeldSlot[] =>
  walks.flatMap((walk) => {
    if (walk.cancellation || walkStartInstant(walk) <= now) return []
    const held = [walk.lead, walk.tail, ...walk.extras].flatMap((signUp) => (signUp && signUp.familyId === familyId ? [signUp] : []))
    return held.map((signUp) => ({ walk, slot: signUp.slot, adultId: signUp.adultId }))
  })

/** Notices about walks from `today` on (older ones are history, in the journal). */
export const currentNotices = (notices: readonly Notice[], today: LocalDate): Notice[] =>
  notices.filter((notice) => compareDates(notice.walk.date, today) >= 0)

/** Notices asking my family to act: trade requests to answer. */
export const requestsOf = (notices: readonly Notice[]): Notice[] => notices.filter((notice) => notice.kind === 'tradeRequest')

/** The app badge: urgent walks (everyone's concern) plus the requests waiting for my family's answer. */
export const badgeCount = (urgent: readonly UrgentItem[], notices: readonly Notice[]): number => urgent.length + requestsOf(notices).length

/** The slots a family holds on the coming weeks' walks not started yet: what it can give in a trade. */
export const tradableSlotsOf = (model: RotaModel, familyId: FamilyId, today: LocalDate, now: number): HeldSlot[] =>
  heldSlotsOf(walksOfWeeks(model, today, HORIZON_WEEKS, now), familyId, now)

/** The slot the offer's author holds on the walk as shown (lead, tail, else an extra place). */
export const offeredSlotOf = (walk: Pick<WalkRota, 'lead' | 'tail'>, offer: Pick<OfferView['offer'], 'adultId'>): Slot =>
  walk.lead?.adultId === offer.adultId ? 'lead' : walk.tail?.adultId === offer.adultId ? 'tail' : 'extra'

/** The first name of whoever's answer won the offer, right now (after my answer was written), for "déjà pris par X". */
export const offerWinnerName = (model: RotaModel, offerId: string, now: number): string | null => {
  const winner = [...swapStateOf(model, now).resolution.offers.values()].find((outcome) => outcome.offer.id === offerId)?.winner?.adultId
  return winner === undefined ? null : (model.adults.find((adult) => adult.id === winner)?.firstName ?? null)
}

const isPending = (notice: Notice): boolean => notice.kind === 'pendingOffer' || notice.kind === 'tradeRequest'

/** Days ahead the urgent list looks at: this week and the next cover the 48 h window on any day. */
const URGENT_WEEKS = 2

export interface SwapHome {
  readonly urgent: readonly UrgentItem[]
  /** My family's offers waiting for a taker and trades asked of it. */
  readonly pending: readonly Notice[]
  /** Replacement offers of other families that can still be taken, each with its walk as shown (undefined when not derived). */
  readonly openOffers: ReadonlyArray<{ readonly offer: OfferView; readonly walk: EffectiveWalk | undefined }>
  readonly next: { readonly walk: EffectiveWalk; readonly role: MyRole } | null
  readonly offersById: ReadonlyMap<string, OfferView>
  /** The app badge's count: urgent walks plus requests waiting for my family's answer. */
  readonly badge: number
}

/** The home screen's swap block: urgent walks for everyone, my next walk, my pending offers and requests, notices, open offers. */
export const swapHomeOf = (model: RotaModel, familyId: FamilyId | null, today: LocalDate, now: number): SwapHome => {
  const swaps = swapStateOf(model, now)
  const walks = walksOfWeeks(model, today, URGENT_WEEKS, now)
  const urgent = urgentItems(walks, swaps.offers, now)
  const notices = familyId === null ? [] : currentNotices(noticesFor(swaps.resolution, swaps.offers, familyId, now), today)
  const walkOfOffer = (offer: OfferView): EffectiveWalk | undefined =>
    walks.find((walk) => walk.key === walkKeyOf(offer.offer.walk)) ?? effectiveWalkOf(model, offer.offer.walk, now) ?? undefined
  const openOffers = swaps.offers
    .filter((offer) => offer.offer.kind === 'replacement' && takeOpen(offer, now) && offer.offer.familyId !== familyId)
    .map((offer) => ({ offer, walk: walkOfOffer(offer) }))
  return {
    urgent,
    pending: notices.filter(isPending),
    openOffers,
    next: familyId === null ? null : nextHeldWalk(model, familyId, today, now),
    offersById: swaps.offerById,
    badge: badgeCount(urgent, notices),
  }
}

/** A swap notice's name for a dismissal: what happened (kind) to which offer, whom (a new answer: a new name). */
export const swapNoticeKey = (notice: Notice): string =>
  `swap|${notice.kind}|${notice.offerId}|${notice.adultId}|${notice.other ?? ''}`

/**
 * What happened to my family's offers and answers (taken, déjà pris, échange fait...): the news every screen of the
 * collective shows, so the giver of a taken offer is told wherever they are, with the offers to word them.
 */
export const swapNewsOf = (model: RotaModel, familyId: FamilyId | null, today: LocalDate, now: number) => {
  const swaps = swapStateOf(model, now)
  const notices = familyId === null ? [] : noticesFor(swaps.resolution, swaps.offers, familyId, now)
  return { news: currentNotices(notices, today).filter((notice) => !isPending(notice)), offersById: swaps.offerById }
}

/** The Monday of the week a walk is on: where "Voir" links to. */
export const weekMondayOf = (walk: Pick<WalkRef, 'date'>): LocalDate => mondayOf(walk.date)

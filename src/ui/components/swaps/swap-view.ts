// Pure selections of the swap screens: offers on a walk, who may take, a family's slots to trade, home lists, the app badge count.
import { compareDates, type LocalDate } from '../../../domain/dates.ts'
import type { AdultId, FamilyId } from '../../../domain/ids.ts'
import type { Adult } from '../../../domain/people.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { walkKeyOf, type Slot, type WalkRef } from '../../../domain/signup.ts'
import { canTake, displayStatusOf, type Notice, type OfferView, type UrgentItem } from '../../../domain/swaps/index.ts'

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
export const heldSlotsOf = (walks: readonly WalkRota[], familyId: FamilyId, startsAt: (walk: WalkRota) => number, now: number): HeldSlot[] =>
  walks.flatMap((walk) => {
    if (walk.cancellation || startsAt(walk) <= now) return []
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

/** What setAppBadge needs; absent on most desktop browsers and older phones. */
export interface BadgeNavigator {
  setAppBadge?: (count?: number) => Promise<void>
  clearAppBadge?: () => Promise<void>
}

/** Sets the badge (clears it at 0) where supported; never throws (a refused permission is not an error to show). */
export const applyBadge = (nav: BadgeNavigator | undefined, count: number): void => {
  if (!nav || typeof nav.setAppBadge !== 'function') return
  const done = count > 0 ? nav.setAppBadge(count) : typeof nav.clearAppBadge === 'function' ? nav.clearAppBadge() : nav.setAppBadge(0)
  done.catch(() => undefined)
}

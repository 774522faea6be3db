// When an offer can still be answered: it expires when its walk starts (Paris time). Display only: resolution never reads the clock.
import { walkStartInstant } from '../rota/resolve.ts'
import { walkOf, type WalkModel } from '../rota/walks.ts'
import type { OfferOutcome, OfferStatus, SwapResolution } from './outcomes.ts'

/** An offer's outcome with the instant its walk starts (null when the walk is not scheduled). */
export interface OfferView extends OfferOutcome {
  readonly startsAt: number | null
}

/** What a screen shows: an open offer whose walk has started is 'expired' (nobody took it in time). */
export type OfferDisplayStatus = OfferStatus | 'expired'

export const offerViews = (model: WalkModel, resolution: SwapResolution): OfferView[] =>
  [...resolution.offers.values()].map((outcome) => {
    const walk = walkOf(model, outcome.offer.walk)
    return { ...outcome, startsAt: walk === null ? null : walkStartInstant(walk) }
  })

export const isExpired = (view: Pick<OfferView, 'startsAt'>, now: number): boolean => view.startsAt === null || now >= view.startsAt

/**
 * Whether the app may write a new take (or trade answer) now: the offer is open and its walk has
 * not started. A take written offline before the start and synced later still counts: the
 * resolution orders records by logical clock, never by wall time.
 */
export const canTake = (view: Pick<OfferView, 'status' | 'startsAt'>, now: number): boolean => view.status === 'open' && !isExpired(view, now)

export const displayStatusOf = (view: Pick<OfferView, 'status' | 'startsAt'>, now: number): OfferDisplayStatus =>
  view.status === 'open' && isExpired(view, now) ? 'expired' : view.status

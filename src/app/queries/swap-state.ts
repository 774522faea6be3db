// The one swap state of a view: swaps resolved over the sign-ups at an instant, cached per view and instant, read by commands and screens alike.
import type { CollectiveModel } from '../../domain/model.ts'
import { NO_SWAP_RECORDS, offerViews, resolveSwaps, type OfferView, type SwapRecords, type SwapResolution } from '../../domain/swaps/index.ts'
import type { OfferId } from '../../domain/swaps/records.ts'

/** The collective as the rota reads it: the model plus its swap records (absent in older test doubles). */
export type RotaModel = CollectiveModel & { readonly swaps?: SwapRecords }

export interface SwapState {
  readonly resolution: SwapResolution
  /** Every offer with its outcome and the instant its walk starts, in logical order. */
  readonly offers: readonly OfferView[]
  readonly offerById: ReadonlyMap<OfferId, OfferView>
}

// Keyed on the view object: the session replaces the view on every change, so a cached state is never stale.
const cache = new WeakMap<object, { readonly now: number; readonly state: SwapState }>()

/** The swaps resolved over the sign-ups at `now`, computed once per view and instant (every screen part and command shares it). */
export const swapStateOf = (model: RotaModel, now: number): SwapState => {
  const cached = cache.get(model)
  if (cached && cached.now === now) return cached.state
  const resolution = resolveSwaps(model, model.swaps ?? NO_SWAP_RECORDS, now)
  const offers = offerViews(model, resolution)
  const state: SwapState = { resolution, offers, offerById: new Map(offers.map((offer) => [offer.offer.id, offer])) }
  cache.set(model, { now, state })
  return state
}

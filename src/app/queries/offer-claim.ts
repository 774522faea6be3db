// What a walk slot offer amounts to once other phones synced: the rule "Je cherche un remplaçant" and its withdrawal's
// toasts follow.
import type { AdultId } from '../../domain/ids.ts'
import { swapStateOf, type RotaModel } from './swap-state.ts'

/** A slot offer as the synced swaps resolve it now. */
export type SlotOfferNow =
  | { readonly kind: 'open' }
  /** Taken (a replacement) or traded (a trade): `by` holds the slot now. */
  | { readonly kind: 'taken'; readonly by: AdultId }
  | { readonly kind: 'withdrawn' }
  /** The author no longer held the slot (another phone's change came first), or this copy does not hold the offer. */
  | { readonly kind: 'void' }

export const slotOfferNow = (model: RotaModel, offerId: string, now: number): SlotOfferNow => {
  const view = [...swapStateOf(model, now).offerById.values()].find((offer) => offer.offer.id === offerId)
  if (view === undefined) return { kind: 'void' }
  const { status, winner } = view
  if ((status === 'taken' || status === 'traded') && winner) return { kind: 'taken', by: winner.adultId }
  if (status === 'open') return { kind: 'open' }
  return status === 'withdrawn' ? { kind: 'withdrawn' } : { kind: 'void' }
}

/** Whether "C'est noté : créneau proposé" still holds: the offer is open. */
export const slotOfferHolds = (now: SlotOfferNow): boolean => now.kind === 'open'

/** Whether "Offre retirée : {name} reste sur le trajet" still holds: nobody's take had won before the withdrawal. */
export const slotWithdrawalHolds = (now: SlotOfferNow): boolean => now.kind !== 'taken'

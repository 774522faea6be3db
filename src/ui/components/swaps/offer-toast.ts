// What a walk slot offer's toast says as the synced swaps move: "créneau proposé" or "offre retirée" while it holds,
// else who took the slot, else why the offer does not stand.
import {
  slotOfferHolds, slotOfferNow, slotWithdrawalHolds, type SlotOfferNow,
} from '../../../app/queries/offer-claim.ts'
import type { RotaModel } from '../../../app/queries/swap-state.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { ReadableStore } from '../../../lib/store.ts'
import type { ToastFollow } from '../../hooks/toast-follow.ts'
import type { Translate } from '../../i18n/translate.ts'

export interface OfferToastValues {
  /** The holder who offered the slot. */
  readonly name: string
  readonly day: string
  readonly direction: string
  readonly adultName: (id: AdultId) => string
}

const textValues = ({ name, day, direction }: OfferToastValues) => ({ name, day, direction })

/** "C'est noté : créneau proposé" once the offer stands at `now`: who took it, null once withdrawn elsewhere. */
export const slotOfferToast = (
  t: Translate, now: SlotOfferNow, confirmed: string, values: OfferToastValues,
): string | null => {
  if (slotOfferHolds(now)) return confirmed
  if (now.kind === 'taken') return t('swap.offerTakenBy', { ...textValues(values), taker: values.adultName(now.by) })
  // Withdrawn by our other phone: that phone says so; nothing true is left to confirm here.
  return now.kind === 'withdrawn' ? null : t('swap.offerVoid', textValues(values))
}

/** "Proposition d'échange envoyée" once the offer stands at `now`: done, failed, or null once withdrawn elsewhere. */
export const tradeSentToast = (t: Translate, now: SlotOfferNow, confirmed: string): string | null => {
  if (slotOfferHolds(now)) return confirmed
  if (now.kind === 'taken') return t('swap.traded')
  return now.kind === 'withdrawn' ? null : t('swap.tradeFailed')
}

/** "Offre retirée : {name} reste sur le trajet" once the offer stands at `now`: too late when a take came first. */
export const slotWithdrawalToast = (
  t: Translate, now: SlotOfferNow, confirmed: string, values: OfferToastValues,
): string =>
  slotWithdrawalHolds(now) || now.kind !== 'taken'
    ? confirmed
    : t('swap.withdrawTooLate', { ...textValues(values), taker: values.adultName(now.by) })

/** The announcer's follow for a toast about slot offer `offerId`: its text read again from the synced swaps. */
export const followSlotOffer = (
  view: ReadableStore<RotaModel>, offerId: string, text: (now: SlotOfferNow) => string | null,
): ToastFollow => ({ source: view, text: () => text(slotOfferNow(view.get(), offerId, Date.now())) })

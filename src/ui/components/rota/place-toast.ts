// What a sign-up's toast says as the synced rota moves: its confirmation while it holds, else the truth, else nothing.
import { claimHolds, placeOf, type Place } from '../../../app/queries/place-claim.ts'
import type { RotaModel } from '../../../app/queries/rota.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { WalkRef } from '../../../domain/signup.ts'
import type { ReadableStore } from '../../../lib/store.ts'
import type { ToastFollow } from '../../hooks/toast-follow.ts'
import type { Translate } from '../../i18n/translate.ts'
import { slotText } from './rota-format.ts'

export interface PlaceToastValues {
  readonly name: string
  readonly day: string
  readonly direction: string
}

/**
 * The toast for a sign-up that said `claimed` (`confirmed`: its own text) once the adult stands at `current`: the same
 * text while it holds; "Finalement, …" when a place came or went through another phone's change; null when the adult is
 * no longer on the walk (withdrawn elsewhere, walk cancelled): nothing true is left to confirm.
 */
export const placeToastText = (
  t: Translate, claimed: Place, current: Place, confirmed: string, values: PlaceToastValues,
): string | null => {
  if (claimHolds(claimed, current)) return confirmed
  if (current.kind === 'held') {
    return t('rota.signUp.nowHeld', { ...values, slot: slotText(t, current.slot).toLowerCase() })
  }
  if (current.kind === 'waiting' && claimed.kind === 'held') {
    return t('rota.signUp.nowWaiting', { ...values, slot: slotText(t, claimed.slot).toLowerCase() })
  }
  return null
}

/** The announcer's follow for a toast about `adultId` on `walk`: its text read again from the adult's place. */
export const followPlace = (
  view: ReadableStore<RotaModel>, walk: WalkRef, adultId: AdultId, text: (current: Place) => string | null,
): ToastFollow => ({ source: view, text: () => text(placeOf(view.get(), walk, adultId, Date.now())) })

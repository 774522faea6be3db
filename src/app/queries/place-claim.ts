// Where an adult stands on a walk as the screens show it now, and whether what a confirmation said of it still holds.
import type { AdultId } from '../../domain/ids.ts'
import type { Slot, WalkRef } from '../../domain/signup.ts'
import { effectiveWalkOf, heldPlaces, type RotaModel } from './rota.ts'

/** An adult on a walk: holding a place (which), on its waiting list, or not on it (withdrawn, cancelled, lost). */
export type Place =
  | { readonly kind: 'held'; readonly slot: Slot }
  | { readonly kind: 'waiting' }
  | { readonly kind: 'off' }

export const OFF: Place = { kind: 'off' }

/** The adult's place on the effective walk (sign-ups, then swaps) at `now`. */
export const placeOf = (model: RotaModel, walk: WalkRef, adultId: AdultId, now: number): Place => {
  const effective = effectiveWalkOf(model, walk, now)
  if (effective === null || effective.cancellation !== null) return OFF
  const held = heldPlaces(effective).find((place) => place.signUp.adultId === adultId)
  if (held) return { kind: 'held', slot: held.slot }
  return effective.waiting.some((signUp) => signUp.adultId === adultId) ? { kind: 'waiting' } : OFF
}

/**
 * Whether a confirmation that said `claimed` still tells the truth about `current`: another phone's sign-up, take or
 * withdrawal synced since may have moved the adult, and a toast must never contradict the card next to it.
 */
export const claimHolds = (claimed: Place, current: Place): boolean =>
  claimed.kind === current.kind && (claimed.kind !== 'held' || current.kind !== 'held' || claimed.slot === current.slot)

// Reads the commands need from the live view: the effective rota of one walk (after swaps), offer views, the coordinator schedule.
import { coordinatorSchedule, periodIn, type CoordinatorSchedule } from '../domain/coordination/schedule.ts'
import { periodAt, periodIndexOf } from '../domain/coordination/periods.ts'
import type { LocalDate } from '../domain/dates.ts'
import type { AdultId, FamilyId } from '../domain/ids.ts'
import { walkStartInstant } from '../domain/rota/resolve.ts'
import { walkOf } from '../domain/rota/walks.ts'
import type { WalkRef } from '../domain/signup.ts'
import { offerViews, type OfferView } from '../domain/swaps/expiry.ts'
import type { EffectiveWalk, SwapResolution } from '../domain/swaps/outcomes.ts'
import { effectiveWalks, resolveSwaps } from '../domain/swaps/resolve.ts'
import type { OfferId } from '../domain/swaps/records.ts'
import type { CollectiveView } from './api.ts'

export interface SwapState {
  readonly resolution: SwapResolution
  readonly offers: ReadonlyMap<OfferId, OfferView>
}

export const swapStateOf = (view: CollectiveView, now: number): SwapState => {
  const resolution = resolveSwaps(view, view.swaps, now)
  return { resolution, offers: new Map(offerViews(view, resolution).map((offer) => [offer.offer.id, offer])) }
}

/** The walk as every rota screen shows it (swaps applied); null when it does not run. */
export const effectiveWalk = (view: CollectiveView, state: SwapState, ref: WalkRef, now: number): EffectiveWalk | null => {
  const walk = walkOf(view, ref)
  if (walk === null || walk.cancellation !== null) return null
  return effectiveWalks(view, state.resolution, [walk], now)[0] ?? null
}

export const holdersOf = (walk: EffectiveWalk): AdultId[] =>
  [walk.lead, walk.tail, ...walk.extras].flatMap((signUp) => (signUp === null ? [] : [signUp.adultId]))

/** The instant the walk starts, null when it is not scheduled. */
export const startOf = (view: CollectiveView, ref: WalkRef): number | null => {
  const walk = walkOf(view, ref)
  return walk === null ? null : walkStartInstant(walk)
}

/** A family holds a slot of the walk (any of its adults). */
export const familyHolds = (view: CollectiveView, walk: EffectiveWalk, familyId: FamilyId): boolean =>
  holdersOf(walk).some((adultId) => view.adults.find((adult) => adult.id === adultId)?.familyId === familyId)

/** The schedule through `date` (and every period an offer names). */
export const scheduleThrough = (view: CollectiveView, date: LocalDate): CoordinatorSchedule => coordinatorSchedule(view.coordination, date)

/** The family holding the period that starts exactly on `periodStart`; undefined when no period starts that day. */
export const periodHolder = (view: CollectiveView, periodStart: LocalDate): FamilyId | null | undefined => {
  const index = periodIndexOf(view.coordination.setting, periodStart)
  if (index === null || periodAt(view.coordination.setting, index).start !== periodStart) return undefined
  return periodIn(scheduleThrough(view, periodStart), periodStart)?.coordinator
}

// The mutable working state of one swap resolution: walks' seats built on demand, offer states, outcome lists.
import type { AdultId, FamilyId } from '../ids.ts'
import type { CollectiveModel } from '../model.ts'
import { resolveIndexedWalk, type RotaOptions } from '../rota/resolve.ts'
import { indexWithout, type SignUpIndex } from '../rota/signup-index.ts'
import { walkOf } from '../rota/walks.ts'
import { walkKeyOf, type SignUp, type WalkKey, type WalkRef } from '../signup.ts'
import { withEndedSignUps, type EndedSignUp } from './ghosts.ts'
import type { OfferStatus, ReleaseOutcome, ResponseOutcome, Transfer } from './outcomes.ts'
import type { Offer, OfferId, SwapResponse } from './records.ts'
import { seatsOf, type WalkSeats } from './seats.ts'

export type SwapModel = Pick<
  CollectiveModel,
  'settings' | 'lines' | 'stops' | 'exceptions' | 'holidays' | 'holidayOverrides' | 'families' | 'adults' | 'children' | 'signUps'
  | 'absences'
>

export interface OfferState {
  readonly offer: Offer
  status: OfferStatus
  winner: SwapResponse | null
  lateWithdrawal: boolean
}

export interface SwapContext {
  readonly model: SwapModel
  readonly now: number
  readonly options: RotaOptions
  readonly index: SignUpIndex
  /** Sign-ups this pass counts nowhere (double bookings, see bookings.ts): not in `index`. */
  readonly setAside: ReadonlySet<SignUp>
  /** null: the walk is not scheduled (line gone, not that day): records on it are invalid. */
  readonly walks: Map<WalkKey, WalkSeats | null>
  readonly families: ReadonlyMap<AdultId, FamilyId>
  readonly offers: Map<OfferId, OfferState>
  readonly responses: ResponseOutcome[]
  readonly releases: ReleaseOutcome[]
  readonly transfers: Transfer[]
  readonly ended: { readonly walkKey: WalkKey; readonly vanished: boolean }[]
}

/**
 * `families` maps every adult to their family; `ended` are the sign-ups swap records bring back (see ghosts.ts);
 * `setAside` the sign-ups this pass counts nowhere.
 */
export const createContext = (
  model: SwapModel, now: number, options: RotaOptions, families: ReadonlyMap<AdultId, FamilyId>, ended: readonly EndedSignUp[],
  setAside: ReadonlySet<SignUp>,
): SwapContext => ({
  model,
  now,
  options,
  index: withEndedSignUps(indexWithout(model, setAside), ended),
  setAside,
  walks: new Map(),
  families,
  offers: new Map(),
  responses: [],
  releases: [],
  transfers: [],
  ended: [],
})

/** The walk's seats, resolved from the sign-ups the first time a swap record names the walk. */
export const seatsFor = (context: SwapContext, ref: WalkRef): WalkSeats | null => {
  const key = walkKeyOf(ref)
  const known = context.walks.get(key)
  if (known !== undefined) return known
  const walk = walkOf(context.model, ref)
  const seats = walk === null ? null : seatsOf(resolveIndexedWalk(context.model, context.index, walk, context.now, context.options))
  context.walks.set(key, seats)
  return seats
}

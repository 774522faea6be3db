// One adult, one walk at a time: sign-ups of one adult on two running walks at the same time (two offline phones,
// two offline plan publications) resolve to the earliest (clock, actor); the others are set aside and told.
// The bookings of a whole list are kept per list in signup-index.ts; the swaps decide them again (swaps/bookings.ts).
import type { AdultId } from '../ids.ts'
import type { CollectiveModel } from '../model.ts'
import { compareSignUps, type SignUp } from '../signup.ts'
import { walkOf, type WalkModel } from './walks.ts'

export interface DoubleBooking {
  readonly adultId: AdultId
  /** The place the adult keeps: the earliest sign-up by (clock, actor). */
  readonly kept: SignUp
  /** Places on other walks at the same time, counted nowhere until the adult withdraws them. */
  readonly dropped: readonly SignUp[]
}

/** What finding double bookings needs; hand-built models without lines count every walk as running. */
export type BookingModel = Pick<CollectiveModel, 'adults' | 'signUps'> & Partial<WalkModel>

const canDeriveWalks = (model: BookingModel): model is BookingModel & WalkModel =>
  model.settings !== undefined && model.lines !== undefined && model.stops !== undefined && model.exceptions !== undefined
  && model.holidays !== undefined

const runs = (model: BookingModel, signUp: SignUp): boolean => {
  if (!canDeriveWalks(model)) return true
  const walk = walkOf(model, signUp)
  return walk !== null && walk.cancellation === null
}

/** The double bookings among the active sign-ups of existing adults on the walks of one date and direction. */
export const bookingsAtOneTime = (model: BookingModel, walks: Iterable<readonly SignUp[]>): DoubleBooking[] => {
  const byAdult = new Map<AdultId, SignUp[]>()
  for (const signUps of walks) {
    for (const signUp of signUps) {
      const list = byAdult.get(signUp.adultId)
      if (list === undefined) byAdult.set(signUp.adultId, [signUp])
      else list.push(signUp)
    }
  }
  const bookings: DoubleBooking[] = []
  for (const list of byAdult.values()) {
    if (list.length < 2) continue
    const [kept, ...dropped] = list.filter((signUp) => runs(model, signUp)).sort(compareSignUps)
    if (kept !== undefined && dropped.length > 0) bookings.push({ adultId: kept.adultId, kept, dropped })
  }
  return bookings
}

/** Bookings by date, then by the kept sign-up's (clock, actor): the same order on every phone. */
export const compareBookings = (a: DoubleBooking, b: DoubleBooking): number =>
  (a.kept.date < b.kept.date ? -1 : a.kept.date > b.kept.date ? 1 : 0) || compareSignUps(a.kept, b.kept)
  || (a.adultId < b.adultId ? -1 : a.adultId > b.adultId ? 1 : 0)

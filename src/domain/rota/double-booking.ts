// One adult, one walk at a time: sign-ups of one adult on two running walks at the same time (two offline phones,
// two offline plan publications) resolve to the earliest (clock, actor); the others are set aside and told.
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

const cache = new WeakMap<readonly SignUp[], { readonly model: BookingModel; readonly bookings: readonly DoubleBooking[] }>()

/** Every double booking of the collective, by date, direction and adult; cached per sign-up list and model. */
export const doubleBookings = (model: BookingModel): readonly DoubleBooking[] => {
  const cached = cache.get(model.signUps)
  if (cached?.model === model) return cached.bookings
  const adults = new Set(model.adults.map((adult) => adult.id))
  const byTime = new Map<string, SignUp[]>()
  for (const signUp of model.signUps) {
    if (signUp.status !== 'active' || !adults.has(signUp.adultId)) continue
    const key = `${signUp.adultId}|${signUp.date}|${signUp.direction}`
    const list = byTime.get(key)
    if (list === undefined) byTime.set(key, [signUp])
    else list.push(signUp)
  }
  const bookings: DoubleBooking[] = []
  for (const list of byTime.values()) {
    if (list.length < 2) continue
    const running = list.filter((signUp) => runs(model, signUp)).sort(compareSignUps)
    const [kept, ...dropped] = running
    if (kept !== undefined && dropped.length > 0) bookings.push({ adultId: kept.adultId, kept, dropped })
  }
  bookings.sort((a, b) => (a.kept.date < b.kept.date ? -1 : a.kept.date > b.kept.date ? 1 : 0) || compareSignUps(a.kept, b.kept))
  cache.set(model.signUps, { model, bookings })
  return bookings
}

/** The sign-ups set aside by double bookings (never counted on their walk). */
export const droppedSignUps = (model: BookingModel): ReadonlySet<SignUp> => {
  const bookings = doubleBookings(model)
  const known = droppedCache.get(bookings)
  if (known !== undefined) return known
  const dropped = new Set(bookings.flatMap((booking) => booking.dropped))
  droppedCache.set(bookings, dropped)
  return dropped
}

const droppedCache = new WeakMap<readonly DoubleBooking[], ReadonlySet<SignUp>>()

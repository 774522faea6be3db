// The indexes of one sign-up list, built once per list: sign-ups by walk, double bookings, what they set aside.
//
// A remote update gives the view a new list that differs from the previous one on a walk or two. Re-reading ten
// thousand sign-ups per update is what a phone felt; so the document's reader says which walks it changed
// (recordSignUpChange) and the new list's indexes patch those of the list it came from. A change recorded on a list
// nobody indexed is folded into that list's own change, so a burst of updates keeps no older list alive. Without a
// recorded change (tests, imports, another model) everything is built again: the result is the same either way
// (tests/unit/domain/signup-index.test.ts).
import { chunkedMap, type ChunkedMap } from '../../lib/chunked-map.ts'
import type { AdultId } from '../ids.ts'
import { walkKeyOf, type SignUp, type WalkKey } from '../signup.ts'
import { bookingsAtOneTime, compareBookings, type BookingModel, type DoubleBooking } from './double-booking.ts'

/** Active sign-ups of existing adults, grouped by walk, without the ones a double booking sets aside. */
export interface SignUpIndex {
  /** The walk's sign-ups in the list's order; empty when none. */
  signUpsOf(key: WalkKey): readonly SignUp[]
}

type ByWalk = ChunkedMap<WalkKey, readonly SignUp[]>

const NONE: readonly SignUp[] = []
const indexOf = (byWalk: ByWalk): SignUpIndex => ({ signUpsOf: (key) => byWalk.get(key) ?? NONE })

interface IndexState {
  /** The model parts the indexes depend on besides the list: another one, everything is built again. */
  readonly model: BookingModel
  /** Active sign-ups of existing adults by walk, double bookings included. */
  readonly all: ByWalk
  /** The walks with sign-ups, by date and direction (`date|direction`). */
  readonly byTime: ChunkedMap<string, ReadonlySet<WalkKey>>
  readonly bookings: readonly DoubleBooking[]
  readonly dropped: ReadonlySet<SignUp>
  /** `all` without the sign-ups `dropped` holds. */
  readonly byWalk: ByWalk
  readonly index: SignUpIndex
}

interface SignUpChange {
  readonly from: readonly SignUp[]
  /** Every sign-up now on each changed walk (any status, any adult); empty when none is left. */
  readonly walks: ReadonlyMap<WalkKey, readonly SignUp[]>
}

/** Past this many changed walks, building everything again is as quick as patching. */
const MAX_CHANGED_WALKS = 2_000

const states = new WeakMap<readonly SignUp[], IndexState>()
const changes = new WeakMap<readonly SignUp[], SignUpChange>()

/** `lineId|date|direction` -> `date|direction` (ids never hold a `|`). */
const timeOf = (key: WalkKey): string => key.slice(key.indexOf('|') + 1)
/** Walks and times are kept in chunks of a month (`yyyy-mm`): an update copies the month it changed. */
const monthOfWalk = (key: WalkKey): string => key.slice(key.indexOf('|') + 1, key.indexOf('|') + 8)
const monthOfTime = (time: string): string => time.slice(0, 7)

const sameParts = (a: BookingModel, b: BookingModel): boolean =>
  a.adults === b.adults && a.lines === b.lines && a.stops === b.stops && a.exceptions === b.exceptions
  && a.holidays === b.holidays && a.settings === b.settings && a.holidayOverrides === b.holidayOverrides

/**
 * Records that the list `next` is `from` with the sign-ups of `walks` changed (the document's reader calls it).
 * Lists of walks given here must hold every sign-up of that walk in `next`, in `next`'s order.
 */
export const recordSignUpChange = (next: readonly SignUp[], from: readonly SignUp[], walks: ReadonlyMap<WalkKey, readonly SignUp[]>): void => {
  const earlier = states.has(from) ? undefined : changes.get(from)
  if (earlier === undefined) {
    changes.set(next, { from, walks })
    return
  }
  const merged = new Map(earlier.walks)
  for (const [key, signUps] of walks) merged.set(key, signUps)
  if (merged.size <= MAX_CHANGED_WALKS) changes.set(next, { from: earlier.from, walks: merged })
}

const counted = (adults: ReadonlySet<AdultId>, signUps: readonly SignUp[]): SignUp[] =>
  signUps.filter((signUp) => signUp.status === 'active' && adults.has(signUp.adultId))

const addTo = (byTime: Map<string, Set<WalkKey>>, key: WalkKey): void => {
  const time = timeOf(key)
  const walks = byTime.get(time)
  if (walks === undefined) byTime.set(time, new Set([key]))
  else walks.add(key)
}

/** A lone walk counts too: a hand-built list may hold one adult twice on a walk (the document keeps one place each). */
const bookingsAt = (model: BookingModel, all: ByWalk, walks: ReadonlySet<WalkKey> | undefined): DoubleBooking[] =>
  walks === undefined ? [] : bookingsAtOneTime(model, [...walks].map((key) => all.get(key) ?? NONE))

const withoutDropped = (signUps: readonly SignUp[], dropped: ReadonlySet<SignUp>): readonly SignUp[] =>
  signUps.some((signUp) => dropped.has(signUp)) ? signUps.filter((signUp) => !dropped.has(signUp)) : signUps

const droppedOf = (bookings: readonly DoubleBooking[]): Set<SignUp> => new Set(bookings.flatMap((booking) => booking.dropped))

const buildState = (model: BookingModel): IndexState => {
  const adults = new Set<AdultId>(model.adults.map((adult) => adult.id))
  const grouped = new Map<WalkKey, SignUp[]>()
  for (const signUp of model.signUps) {
    if (signUp.status !== 'active' || !adults.has(signUp.adultId)) continue
    const key = walkKeyOf(signUp)
    const list = grouped.get(key)
    if (list === undefined) grouped.set(key, [signUp])
    else list.push(signUp)
  }
  const times = new Map<string, Set<WalkKey>>()
  for (const key of grouped.keys()) addTo(times, key)
  const all: ByWalk = chunkedMap(grouped, monthOfWalk)
  const byTime = chunkedMap<string, ReadonlySet<WalkKey>>(times, monthOfTime)
  const bookings = [...times.values()].flatMap((walks) => bookingsAt(model, all, walks)).sort(compareBookings)
  const dropped = droppedOf(bookings)
  const byWalk = chunkedMap([...grouped].map(([key, signUps]) => [key, withoutDropped(signUps, dropped)] as const), monthOfWalk)
  return { model, all, byTime, bookings, dropped, byWalk, index: indexOf(byWalk) }
}

/** The state of `change.from` with the changed walks read again: only their dates and directions are looked at. */
const patchState = (model: BookingModel, base: IndexState, change: SignUpChange): IndexState => {
  const adults = new Set<AdultId>(model.adults.map((adult) => adult.id))
  const walkChanges = new Map<WalkKey, readonly SignUp[] | undefined>()
  const timeChanges = new Map<string, Set<WalkKey>>()
  for (const [key, signUps] of change.walks) {
    const time = timeOf(key)
    const walks = timeChanges.get(time) ?? new Set(base.byTime.get(time))
    timeChanges.set(time, walks)
    const kept = counted(adults, signUps)
    walkChanges.set(key, kept.length === 0 ? undefined : kept)
    if (kept.length === 0) walks.delete(key)
    else walks.add(key)
  }
  const all = base.all.with(walkChanges)
  const byTime = base.byTime.with([...timeChanges].map(([time, walks]) => [time, walks.size === 0 ? undefined : walks] as const))
  const bookings = [
    ...base.bookings.filter((booking) => !timeChanges.has(timeOf(walkKeyOf(booking.kept)))),
    ...[...timeChanges.values()].flatMap((walks) => bookingsAt(model, all, walks)),
  ].sort(compareBookings)
  const dropped = droppedOf(bookings)
  // Every walk at a changed time: a booking there may set aside (or give back) a sign-up of a walk that did not change.
  const indexChanges = new Map<WalkKey, readonly SignUp[] | undefined>([...walkChanges.keys()].map((key) => [key, undefined]))
  for (const walks of timeChanges.values()) for (const key of walks) indexChanges.set(key, withoutDropped(all.get(key) ?? NONE, dropped))
  const byWalk = base.byWalk.with(indexChanges)
  return { model, all, byTime, bookings, dropped, byWalk, index: indexOf(byWalk) }
}

/** How many lists were indexed from scratch and how many patched (bench and tests read it). */
export const signUpIndexCounts = { built: 0, patched: 0 }

const stateOf = (model: BookingModel): IndexState => {
  const known = states.get(model.signUps)
  if (known !== undefined && sameParts(known.model, model)) return known
  const change = changes.get(model.signUps)
  const base = change === undefined ? undefined : states.get(change.from)
  const patch = change !== undefined && base !== undefined && sameParts(base.model, model)
  const state = patch ? patchState(model, base, change) : buildState(model)
  signUpIndexCounts[patch ? 'patched' : 'built'] += 1
  states.set(model.signUps, state)
  changes.delete(model.signUps)
  return state
}

/** Active sign-ups of existing adults by walk; the sign-ups a double booking sets aside hold no place anywhere. */
export const indexSignUps = (model: BookingModel): SignUpIndex => stateOf(model).index

/** Every double booking of the collective, by date, then (clock, actor) of the place kept. */
export const doubleBookings = (model: BookingModel): readonly DoubleBooking[] => stateOf(model).bookings

/** The sign-ups set aside by double bookings (never counted on their walk); the same set for the same list. */
export const droppedSignUps = (model: BookingModel): ReadonlySet<SignUp> => stateOf(model).dropped

/** The index without the sign-ups `dropped` lists: the swaps decide double bookings again once takes are applied. */
export const indexWithout = (model: BookingModel, dropped: ReadonlySet<SignUp>): SignUpIndex => {
  const state = stateOf(model)
  if (dropped === state.dropped) return state.index
  // Only walks of a sign-up in either set differ from the list's own index.
  const changed = new Set([...dropped, ...state.dropped].map((signUp) => walkKeyOf(signUp)))
  const byWalk = state.byWalk.with([...changed].map((key) => [key, withoutDropped(state.all.get(key) ?? NONE, dropped)] as const))
  return indexOf(byWalk)
}

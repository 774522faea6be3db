// One adult, one walk at a time, decided on the rota with swaps applied: who is busy elsewhere, which sign-ups are set aside.
//
// rota/double-booking.ts sets aside, among one adult's sign-ups at one date and direction, all but the earliest.
// Swaps change that: a sign-up whose place went to someone else through a take or a trade books its author no
// more (their next sign-up at that time counts again), and a place received through a swap books the taker from
// the take on (a later sign-up at that time is set aside; a take by someone already busy is refused).
import type { AdultId, LineId } from '../ids.ts'
import { doubleBookings } from '../rota/signup-index.ts'
import { walkOf } from '../rota/walks.ts'
import { compareSignUps, walkKeyOf, type SignUp, type WalkKey, type WalkRef } from '../signup.ts'
import { seatsFor, type SwapContext } from './context.ts'
import { compareStamps, type Stamp } from './records.ts'
import { isOnWalkAt, type WalkSeats } from './seats.ts'

const sameTime = (a: WalkRef, b: WalkRef): boolean => a.date === b.date && a.direction === b.direction
const timeOf = (walk: WalkRef): string => `${walk.date}|${walk.direction}`

/** The dates and directions of the walks the swaps touched: a double booking elsewhere stands as the sign-ups decided it. */
const swappedTimes = (context: SwapContext): Set<string> =>
  new Set([...context.walks.values()].flatMap((walk) => (walk === null ? [] : [timeOf(walk.base)])))

/** The adult's indexed (not set aside) sign-ups on other running walks at the walk's date and direction. */
const signUpsAtThatTime = (context: SwapContext, adultId: AdultId, ref: WalkRef, except: ReadonlySet<WalkKey>): SignUp[] =>
  context.model.lines.flatMap((line) => {
    const other = { lineId: line.id, date: ref.date, direction: ref.direction }
    const key = walkKeyOf(other)
    if (except.has(key)) return []
    const walk = walkOf(context.model, other)
    if (walk === null || walk.cancellation !== null) return []
    return context.index.signUpsOf(key).filter((signUp) => signUp.adultId === adultId)
  })

const runs = (walk: WalkSeats): boolean => walk.base.cancellation === null

/**
 * Whether, at the logical instant `at`, the adult holds or waits for a place on another running walk at the same
 * date and direction: through a swap or a sign-up on a walk the swaps touched (as its seats stand now), or through
 * a sign-up older than `at` on a walk they did not touch. `except`: the walks the step itself changes (a trade).
 */
export const busyElsewhereAt = (context: SwapContext, adultId: AdultId, ref: WalkRef, at: Stamp, except: ReadonlySet<WalkKey>): boolean => {
  for (const [key, walk] of context.walks) {
    if (walk !== null && !except.has(key) && runs(walk) && sameTime(walk.base, ref) && isOnWalkAt(walk, adultId, at)) return true
  }
  return signUpsAtThatTime(context, adultId, ref, except)
    .some((signUp) => !context.walks.has(walkKeyOf(signUp)) && compareStamps(signUp, at) < 0)
}

const holdsOrWaits = (walk: WalkSeats, adultId: AdultId): boolean =>
  walk.seats.some((seat) => seat.holder?.adultId === adultId) || walk.waiting.some((signUp) => signUp.adultId === adultId)

/** Whether the adult still holds or waits on the walk of `signUp` once every swap event is applied. */
const stillOn = (context: SwapContext, signUp: SignUp): boolean => {
  const walk = context.walks.get(walkKeyOf(signUp))
  return walk === undefined || (walk !== null && holdsOrWaits(walk, signUp.adultId))
}

/** The walk the adult is on at that time once every swap event is applied, other than `ref`'s own; null if none. */
const walkAtThatTime = (context: SwapContext, adultId: AdultId, ref: WalkRef, setAside: ReadonlySet<SignUp>): LineId | null => {
  const own = walkKeyOf(ref)
  for (const walk of context.walks.values()) {
    if (walk !== null && walk.base.key !== own && runs(walk) && sameTime(walk.base, ref) && holdsOrWaits(walk, adultId)) return walk.base.lineId
  }
  const signUp = signUpsAtThatTime(context, adultId, ref, new Set([own]))
    .find((other) => !setAside.has(other) && !context.walks.has(walkKeyOf(other)))
  return signUp?.lineId ?? null
}

/** A place received through a swap and still held, with the instant it was received. */
interface Received {
  readonly walk: WalkSeats
  readonly adultId: AdultId
  readonly at: Stamp
}

const receivedPlaces = (context: SwapContext): Received[] =>
  [...context.walks.values()].flatMap((walk) => (walk === null || !runs(walk) ? [] : walk.seats.flatMap((seat) =>
    seat.holder === null || seat.via === null ? [] : [{ walk, adultId: seat.holder.adultId, at: seat.via.stamp }])))

/**
 * The sign-ups to set aside once the swaps of a pass are applied, or null when the pass's set stands:
 * - an adult of a double booking who is on no walk at that time any more (the place kept went to someone else
 *   through a swap): their earliest sign-up set aside counts again;
 * - a sign-up written after its author received a place at the same time through a swap: set aside.
 */
export const setAsideAfterSwaps = (context: SwapContext, setAside: ReadonlySet<SignUp>): Set<SignUp> | null => {
  const next = new Set(setAside)
  const swapped = swappedTimes(context)
  for (const booking of doubleBookings(context.model)) {
    if (!swapped.has(timeOf(booking.kept))) continue
    const signUps = [booking.kept, ...booking.dropped]
    const onSomeWalk = signUps.some((signUp) => !setAside.has(signUp) && stillOn(context, signUp))
      || walkAtThatTime(context, booking.adultId, booking.kept, setAside) !== null
    const candidate = signUps.find((signUp) => setAside.has(signUp))
    if (!onSomeWalk && candidate !== undefined) next.delete(candidate)
  }
  for (const received of receivedPlaces(context)) {
    const later = signUpsAtThatTime(context, received.adultId, received.walk.base, new Set([received.walk.base.key]))
      .filter((signUp) => compareStamps(signUp, received.at) > 0 && stillOn(context, signUp))
    for (const signUp of later) next.add(signUp)
  }
  const changed = next.size !== setAside.size || [...next].some((signUp) => !setAside.has(signUp))
  return changed ? next : null
}

/** Where each set-aside sign-up's adult is at that time (the line they keep), for the notice; null if nowhere. */
export const keptLinesOf = (context: SwapContext, setAside: ReadonlySet<SignUp>): Map<SignUp, LineId | null> => {
  const swapped = swappedTimes(context)
  const keptBy = new Map(doubleBookings(context.model).flatMap((booking) => booking.dropped.map((signUp) => [signUp, booking.kept] as const)))
  return new Map([...setAside].sort(compareSignUps).map((signUp) => {
    const kept = swapped.has(timeOf(signUp)) ? undefined : keptBy.get(signUp)
    return [signUp, kept?.lineId ?? walkAtThatTime(context, signUp.adultId, signUp, setAside)] as const
  }))
}

/** The walks a pass must resolve with seats (so the effective rota shows the pass's set-aside sign-ups). */
export const touchWalksOf = (context: SwapContext, signUps: Iterable<SignUp>): void => {
  for (const signUp of signUps) seatsFor(context, signUp)
}

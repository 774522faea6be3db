// The seats of one walk while transfers are applied: who sits in each slot, who waits, which seats a release emptied.
import type { AdultId, FamilyId } from '../ids.ts'
import type { WalkRota } from '../rota-types.ts'
import { compareSignUps, type SignUp, type Slot } from '../signup.ts'
import { compareStamps, type OfferId, type SeatClaim, type Stamp } from './records.ts'

/** How a holder got a seat by swap: the offer and the deciding record (take, accept) of the transfer. */
export interface Acquisition {
  readonly offerId: OfferId
  readonly stamp: Stamp
}

export interface Seat {
  readonly slot: Slot
  holder: SignUp | null
  /** Set when the holder came through a swap; null for a holder from the sign-ups. */
  via: Acquisition | null
}

/** A seat emptied by a release and not refilled from the waiting list. */
export interface ReleasedSeat {
  readonly slot: Slot
  readonly releasedBy: AdultId
  readonly offerId: OfferId
}

export interface WalkSeats {
  readonly base: WalkRota
  readonly seats: Seat[]
  waiting: SignUp[]
  readonly released: ReleasedSeat[]
  /** Sign-ups of adults who hold a seat through a swap: they are on the walk already (see absorbSuperseded). */
  readonly superseded: SignUp[]
}

/**
 * Seats as resolveWalk left them: lead, tail, then every extra place the ratio needs (filled or not),
 * plus extras kept although a declared absence lowered the need (resolveWalk never unseats them).
 */
export const seatsOf = (base: WalkRota): WalkSeats => {
  const extraPlaces = Math.max(0, base.requiredAdults - 2, base.extras.length)
  const seats: Seat[] = [
    { slot: 'lead', holder: base.lead, via: null },
    { slot: 'tail', holder: base.tail, via: null },
    ...Array.from({ length: extraPlaces }, (_, i): Seat => ({ slot: 'extra', holder: base.extras[i] ?? null, via: null })),
  ]
  return { base, seats, waiting: [...base.waiting], released: [], superseded: [] }
}

export const seatOf = (walk: WalkSeats, adultId: AdultId): Seat | undefined => walk.seats.find((seat) => seat.holder?.adultId === adultId)

/**
 * The seat a record (offer, trade accept) gives away: the one its author held when writing it. A seat got
 * by swap counts if acquired before the record; a seat from a sign-up, if it is that very sign-up (the
 * record's claim) or, for records written without a claim, a sign-up older than the record. A place the
 * author got later (signing up again, another slot) is never given away by an older record.
 */
export const tiedSeat = (walk: WalkSeats, adultId: AdultId, record: Stamp, claim: SeatClaim | undefined): Seat | undefined =>
  walk.seats.find((seat) => {
    const holder = seat.holder
    if (holder === null || holder.adultId !== adultId) return false
    if (seat.via !== null) return compareStamps(seat.via.stamp, record) < 0
    if (claim === undefined) return compareStamps(holder, record) < 0
    return holder.slot === claim.slot && holder.clock === claim.clock && holder.actor === claim.actor
  })

/**
 * Holding or waiting at the logical instant `at`: either way the adult is already on the walk and
 * may not take another place on it. A sign-up clocked after `at` does not count (it was written
 * later, e.g. after a release); absorbSuperseded settles it once every event is applied.
 */
export const isOnWalkAt = (walk: WalkSeats, adultId: AdultId, at: Stamp): boolean =>
  walk.seats.some((seat) => seat.holder?.adultId === adultId && (seat.via !== null || compareStamps(seat.holder, at) < 0)) ||
  walk.waiting.some((signUp) => signUp.adultId === adultId && compareStamps(signUp, at) < 0)

/**
 * The new holder is written as a sign-up dated by the deciding record, so every screen that
 * reads a WalkRota shows them without knowing about swaps.
 */
export const giveSeat = (walk: WalkSeats, seat: Seat, adultId: AdultId, familyId: FamilyId, via: Acquisition): void => {
  const { lineId, date, direction } = walk.base
  seat.holder = { lineId, date, direction, adultId, familyId, slot: seat.slot, status: 'active', clock: via.stamp.clock, actor: via.stamp.actor }
  seat.via = via
}

/** Empties the seat, then the first adult waiting for that kind of slot moves up (as resolveWalk would have done); true if someone did. */
export const emptySeat = (walk: WalkSeats, seat: Seat): boolean => {
  seat.holder = null
  seat.via = null
  const next = walk.waiting.filter((signUp) => signUp.slot === seat.slot).sort(compareSignUps)[0]
  if (next === undefined) return false
  seat.holder = next
  walk.waiting = walk.waiting.filter((signUp) => signUp !== next)
  return true
}

export const releaseSeat = (walk: WalkSeats, seat: Seat, offerId: OfferId): void => {
  const releasedBy = seat.holder?.adultId
  if (!emptySeat(walk, seat) && releasedBy !== undefined) walk.released.push({ slot: seat.slot, releasedBy, offerId })
}

/**
 * A sign-up that ended when its author rewrote their entry (see ghostSignUps): from that logical instant it
 * holds nothing. Still seated (nobody took it): the seat goes to the next adult waiting, as a withdrawal does.
 */
export const endSignUp = (walk: WalkSeats, ended: SignUp): boolean => {
  const waited = walk.waiting.includes(ended)
  walk.waiting = walk.waiting.filter((signUp) => signUp !== ended)
  const seat = walk.seats.find((candidate) => candidate.holder === ended)
  if (seat !== undefined) emptySeat(walk, seat)
  return waited || seat !== undefined
}

/**
 * After every event: an adult holding a seat through a swap who also has a later sign-up on the
 * walk (written concurrently, or after the take) keeps the swapped seat; the sign-up is listed as
 * superseded, and a seat it held goes to the next adult waiting. So no adult ends on two seats.
 */
export const absorbSuperseded = (walk: WalkSeats): void => {
  const swapped = new Set(walk.seats.flatMap((seat) => (seat.holder !== null && seat.via !== null ? [seat.holder.adultId] : [])))
  if (swapped.size === 0) return
  walk.superseded.push(...walk.waiting.filter((signUp) => swapped.has(signUp.adultId)))
  walk.waiting = walk.waiting.filter((signUp) => !swapped.has(signUp.adultId))
  for (const seat of walk.seats) {
    if (seat.holder === null || seat.via !== null || !swapped.has(seat.holder.adultId)) continue
    walk.superseded.push(seat.holder)
    emptySeat(walk, seat)
  }
}

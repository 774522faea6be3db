// Sign-ups a swap record gave away, brought back for the logical time they held: their entry rewritten or missing.
//
// A sign-up entry keeps only its latest value (one entry per adult and walk). When the author of an offer (or
// a trade accept) later writes that entry again (another slot, a withdrawal), the sign-up the record gave away
// would vanish from the rota, and the take would apply to whatever the author holds now. The record's claim
// (slot and stamp of that sign-up) restores it from its clock until the rewrite, the instant it ends.
//
// A phone may also have the records but not the entry: the records synced first, or a rewrite's delete of the
// old value arrived without the new one. The claimed sign-up then stands with no end, as it did where the
// records were written; were it to count only once the entry is written again, that write (a published plan, a
// sign-up) would bring back a take or an accept that was void before it, and give it the place just written.
// Known limit: a second rewrite (withdrawn, then signed up again) moves the end to itself, the first one being
// lost with the entry's older value; only the author's next claimed sign-up bounds it (see endedSignUps).
import type { AdultId, FamilyId } from '../ids.ts'
import { compareSignUps, signUpKeyOf, walkKeyOf, type SignUp, type WalkKey, type WalkRef } from '../signup.ts'
import type { SignUpIndex } from '../rota/signup-index.ts'
import { compareStamps, type SeatClaim, type Stamp, type SwapRecords } from './records.ts'
import { givenWalk } from './validity.ts'

export interface EndedSignUp {
  readonly walk: WalkRef
  readonly signUp: SignUp
  /**
   * When it ended: the stamp of the entry that replaced it, or of the author's next claimed sign-up on the walk if
   * earlier (a place holds one sign-up at a time); null while neither is known (the entry missing on this phone).
   */
  readonly endedAt: Stamp | null
}

interface Claim {
  readonly walk: WalkRef
  readonly adultId: AdultId
  readonly record: Stamp
  readonly seat: SeatClaim
}

const claimsOf = (records: SwapRecords): Claim[] => {
  const offers = new Map(records.offers.map((offer) => [offer.id, offer]))
  const fromOffers = records.offers.flatMap((offer): Claim[] =>
    offer.seat === undefined ? [] : [{ walk: offer.walk, adultId: offer.adultId, record: offer, seat: offer.seat }])
  const fromAccepts = records.responses.flatMap((response): Claim[] => {
    const offer = offers.get(response.offerId)
    const walk = offer === undefined ? undefined : givenWalk(offer, response)
    if (response.kind !== 'accept' || response.seat === undefined || walk === undefined) return []
    return [{ walk, adultId: response.adultId, record: response, seat: response.seat }]
  })
  return [...fromOffers, ...fromAccepts]
}

const earliest = (a: Stamp | null, b: Stamp | null): Stamp | null =>
  (a === null || (b !== null && compareStamps(b, a) < 0) ? b : a)

/**
 * The sign-ups to bring back, per walk: a claim older than its record (a forged one is ignored) whose entry was
 * rewritten after the record, or is missing while the adult is still in the collective (a removed adult brings
 * nothing back). Each ends at the rewrite or at the author's next claimed sign-up of that place, whichever comes first.
 */
export const endedSignUps = (signUps: readonly SignUp[], records: SwapRecords, families: ReadonlyMap<AdultId, FamilyId>): EndedSignUp[] => {
  const claims = claimsOf(records)
    .filter((claim) => families.has(claim.adultId) && compareStamps(claim.seat, claim.record) < 0)
  if (claims.length === 0) return []
  const claimed = new Set(claims.map((claim) => claim.adultId))
  const entries = new Map(signUps.filter((signUp) => claimed.has(signUp.adultId)).map((signUp) => [signUpKeyOf(signUp, signUp.adultId), signUp]))
  // The sign-ups claimed on each place: the next one after a claimed sign-up had replaced it, at the latest.
  const seatsByPlace = new Map<string, Stamp[]>()
  for (const claim of claims) {
    const place = signUpKeyOf(claim.walk, claim.adultId)
    seatsByPlace.set(place, [...(seatsByPlace.get(place) ?? []), claim.seat])
  }
  const ended = new Map<string, EndedSignUp>()
  for (const claim of claims) {
    const place = signUpKeyOf(claim.walk, claim.adultId)
    const entry = entries.get(place)
    const familyId = families.get(claim.adultId)
    if (familyId === undefined) continue
    // Brought back when missing, or rewritten after the record: an entry that was not is the claimed sign-up
    // itself, or one that had replaced it before the record was written (the record then gives nothing).
    if (entry !== undefined && (compareStamps(entry, claim.record) <= 0 || compareStamps(entry, claim.seat) === 0)) {
      continue
    }
    const key = `${place}|${claim.seat.clock}|${claim.seat.actor}|${claim.seat.slot}`
    if (ended.has(key)) continue
    const next = (seatsByPlace.get(place) ?? []).reduce<Stamp | null>(
      (found, seat) => (compareStamps(seat, claim.seat) > 0 ? earliest(found, seat) : found), null)
    const rewrite = entry === undefined ? null : { clock: entry.clock, actor: entry.actor }
    const { lineId, date, direction } = claim.walk
    const signUp: SignUp = { lineId, date, direction, adultId: claim.adultId, familyId, slot: claim.seat.slot, status: 'active', clock: claim.seat.clock, actor: claim.seat.actor }
    ended.set(key, { walk: claim.walk, signUp, endedAt: earliest(rewrite, next) })
  }
  // In key order, whatever the order the records were read in: every phone touches the walks in the same order.
  return [...ended].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item)
}

/** The active sign-ups per walk with the ended ones added back, in the index's order. */
export const withEndedSignUps = (index: SignUpIndex, ended: readonly EndedSignUp[]): SignUpIndex => {
  if (ended.length === 0) return index
  const added = new Map<WalkKey, readonly SignUp[]>()
  for (const { walk, signUp } of ended) {
    const key = walkKeyOf(walk)
    added.set(key, [...(added.get(key) ?? index.signUpsOf(key)), signUp].sort(compareSignUps))
  }
  return { signUpsOf: (key) => added.get(key) ?? index.signUpsOf(key) }
}

// Sign-ups a swap record gave away before their author rewrote the entry: brought back for the logical time they held.
//
// A sign-up entry keeps only its latest value (one entry per adult and walk). When the author of an offer (or
// a trade accept) later writes that entry again (another slot, a withdrawal), the sign-up the record gave away
// would vanish from the rota, and the take would apply to whatever the author holds now. The record's claim
// (slot and stamp of that sign-up) restores it from its clock until the rewrite, the instant it ends.
import type { AdultId, FamilyId } from '../ids.ts'
import { compareSignUps, signUpKeyOf, walkKeyOf, type SignUp, type WalkKey, type WalkRef } from '../signup.ts'
import type { SignUpIndex } from '../rota/signup-index.ts'
import { compareStamps, type SeatClaim, type Stamp, type SwapRecords } from './records.ts'
import { givenWalk } from './validity.ts'

export interface EndedSignUp {
  readonly walk: WalkRef
  readonly signUp: SignUp
  /** The stamp of the entry that replaced it. */
  readonly endedAt: Stamp
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

/**
 * The sign-ups to bring back, per walk: a claim older than its record (a forged one is ignored) whose entry was
 * rewritten after the record. The entry must still exist: a removed adult or a cleaned-up walk brings nothing back.
 */
export const endedSignUps = (signUps: readonly SignUp[], records: SwapRecords, families: ReadonlyMap<AdultId, FamilyId>): EndedSignUp[] => {
  const claims = claimsOf(records)
  if (claims.length === 0) return []
  const claimed = new Set(claims.map((claim) => claim.adultId))
  const entries = new Map(signUps.filter((signUp) => claimed.has(signUp.adultId)).map((signUp) => [signUpKeyOf(signUp, signUp.adultId), signUp]))
  const ended = new Map<string, EndedSignUp>()
  for (const claim of claims) {
    const entry = entries.get(signUpKeyOf(claim.walk, claim.adultId))
    const familyId = families.get(claim.adultId)
    if (entry === undefined || familyId === undefined || compareStamps(claim.seat, claim.record) >= 0) continue
    if (compareStamps(entry, claim.record) <= 0 || compareStamps(entry, claim.seat) === 0) continue
    const key = `${signUpKeyOf(claim.walk, claim.adultId)}|${claim.seat.clock}|${claim.seat.actor}|${claim.seat.slot}`
    if (ended.has(key)) continue
    const { lineId, date, direction } = claim.walk
    const signUp: SignUp = { lineId, date, direction, adultId: claim.adultId, familyId, slot: claim.seat.slot, status: 'active', clock: claim.seat.clock, actor: claim.seat.actor }
    ended.set(key, { walk: claim.walk, signUp, endedAt: { clock: entry.clock, actor: entry.actor } })
  }
  return [...ended.values()]
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

// Builders for the swap tests: offers, responses and releases with readable ids, and a resolver over every input order.
import { localDate } from '../../../src/domain/dates.ts'
import type { Direction } from '../../../src/domain/line.ts'
import type { CollectiveModel } from '../../../src/domain/model.ts'
import type { SignUp, WalkRef } from '../../../src/domain/signup.ts'
import { resolveSwaps, type Offer, type OfferId, type Release, type SwapRecords, type SwapResolution, type SwapResponse } from '../../../src/domain/swaps/index.ts'
import { actorId, adultId, createAdult, createModel, createSignUp, familyId, lineId, uuid } from './rota-fixtures.ts'

export const offerId = (n: number): OfferId => uuid(9, n)

/** W1: Thursday 3 December 2026 aller (08:10); W2: Friday 4 aller; W3: Thursday 3 retour (16:40). */
export const W1: WalkRef = { lineId: lineId(1), date: localDate('2026-12-03'), direction: 'aller' }
export const W2: WalkRef = { lineId: lineId(1), date: localDate('2026-12-04'), direction: 'aller' }
export const W3: WalkRef = { lineId: lineId(1), date: localDate('2026-12-03'), direction: 'retour' }

const AT = '2026-11-28T10:00:00+01:00'

/** Adult n belongs to family n, except adult 11 who is in family 2 (two adults in one family). */
export const familyOf = (adult: number) => familyId(adult === 11 ? 2 : adult)

export const signUp = (adult: number, slot: SignUp['slot'], clock: number, walk: WalkRef = W1, status: SignUp['status'] = 'active'): SignUp => ({
  ...createSignUp(adult, slot, clock, adult, { date: walk.date, direction: walk.direction as Direction }, status),
  familyId: familyOf(adult),
})

export interface OfferFields {
  kind?: Offer['kind']
  walk?: WalkRef
  target?: { family: number; walk?: WalkRef }
  withdrawnAt?: number
  /** The author's sign-up the offer was made from (slot and clock, actor = the author): new offers record it. */
  seat?: { slot: SignUp['slot']; clock: number }
}

export const offer = (n: number, adult: number, clock: number, fields: OfferFields = {}): Offer => ({
  id: offerId(n),
  kind: fields.kind ?? (fields.target ? 'trade' : 'replacement'),
  walk: fields.walk ?? W1,
  adultId: adultId(adult),
  familyId: familyOf(adult),
  clock,
  actor: actorId(adult),
  at: AT,
  ...(fields.target ? { target: { familyId: familyId(fields.target.family), ...(fields.target.walk ? { walk: fields.target.walk } : {}) } } : {}),
  ...(fields.withdrawnAt === undefined ? {} : { withdrawn: { clock: fields.withdrawnAt, actor: actorId(adult), at: AT } }),
  ...(fields.seat ? { seat: { slot: fields.seat.slot, clock: fields.seat.clock, actor: actorId(adult) } } : {}),
})

export const response = (offer: number, adult: number, kind: SwapResponse['kind'], clock: number, gives?: WalkRef, actor = adult): SwapResponse => ({
  offerId: offerId(offer),
  adultId: adultId(adult),
  familyId: familyOf(adult),
  kind,
  ...(gives ? { gives } : {}),
  clock,
  actor: actorId(actor),
  at: AT,
})

export const release = (offer: number, adult: number, clock: number, walk: WalkRef = W1): Release => ({
  offerId: offerId(offer),
  adultId: adultId(adult),
  familyId: familyOf(adult),
  walk,
  clock,
  actor: actorId(adult),
  at: AT,
})

export const swapModel = (signUps: SignUp[]): CollectiveModel =>
  createModel({ signUps, adults: [...Array.from({ length: 10 }, (_, i) => createAdult(i + 1, i + 1)), createAdult(11, 2)] })

type Tagged = { offer: Offer } | { response: SwapResponse } | { release: Release }

export const recordsOf = (tagged: readonly Tagged[]): SwapRecords => ({
  offers: tagged.flatMap((t) => ('offer' in t ? [t.offer] : [])),
  responses: tagged.flatMap((t) => ('response' in t ? [t.response] : [])),
  releases: tagged.flatMap((t) => ('release' in t ? [t.release] : [])),
})

export const tag = (records: SwapRecords): Tagged[] => [
  ...records.offers.map((o) => ({ offer: o })),
  ...records.responses.map((r) => ({ response: r })),
  ...records.releases.map((r) => ({ release: r })),
]

/** Every permutation (for the few records of a table case). */
export const permutations = <T>(list: readonly T[]): T[][] =>
  list.length <= 1 ? [[...list]] : list.flatMap((item, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [item, ...rest]))

/** Everything a resolution says, as ordered arrays, so that toEqual also compares order. */
export const summaryOf = (resolution: SwapResolution) => ({
  walks: [...resolution.walks.entries()],
  offers: [...resolution.offers.entries()],
  responses: resolution.responses,
  releases: resolution.releases,
  transfers: resolution.transfers,
})

export const resolveRecords = (signUps: SignUp[], records: SwapRecords, now: number): SwapResolution => resolveSwaps(swapModel(signUps), records, now)

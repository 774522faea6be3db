// Swap resolution, table-driven: every case is resolved with its records in every input order, with the same result.
import { describe, expect, it } from 'vitest'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { walkKeyOf, type SignUp, type WalkRef } from '../../../src/domain/signup.ts'
import {
  checkSwapInvariants, effectiveWalks,
  type OfferStatus, type ResponseResult, type SwapRecords, type SwapResolution, type SwapResponse,
} from '../../../src/domain/swaps/index.ts'
import { walkOf } from '../../../src/domain/rota/walks.ts'
import { actorId, adultId } from './rota-fixtures.ts'
import { offer, offerId, permutations, recordsOf, release, resolveRecords, response, signUp, summaryOf, swapModel, tag, W1, W2, W3 } from './swaps-fixtures.ts'

const FAR_BEFORE = parisToInstant(localDate('2026-11-01'), '12:00' as TimeOfDay)

interface Case {
  name: string
  signUps: SignUp[]
  records: SwapRecords
  /** Expected lead and tail per walk (adult numbers, null when empty). */
  holders: [WalkRef, number | null, number | null][]
  offers: Record<number, OfferStatus>
  /** 'offer|adult' -> result kind (and `by` for alreadyTaken). */
  results: Record<string, ResponseResult>
  check?: (resolution: SwapResolution) => void
}

const rec = (...items: Parameters<typeof recordsOf>[0]): SwapRecords => recordsOf(items)

type Seat = { slot: SignUp['slot']; clock: number }

/** A trade accept recording the responder's seat (their sign-up on the walk given), as phones write it. */
const accepting = (offer: number, adult: number, clock: number, gives: WalkRef, seat: Seat): SwapResponse =>
  ({ ...response(offer, adult, 'accept', clock, gives), seat: { ...seat, actor: actorId(adult) } })

/** Offer n by adult 1, made from their sign-up `seat`. */
const offerOf = (n: number, clock: number, seat: Seat, fields: Parameters<typeof offer>[3] = {}) =>
  offer(n, 1, clock, { ...fields, seat })
const LEAD_1: Seat = { slot: 'lead', clock: 1 }

const MISSING_ENTRY_CASES: Case[] = [
  {
    name: 'entry missing: the offered sign-up is brought back, so the take wins',
    signUps: [signUp(2, 'tail', 1)],
    records: rec({ offer: offerOf(1, 2, LEAD_1) }, { response: response(1, 3, 'take', 3) }),
    holders: [[W1, 3, 2]],
    offers: { 1: 'taken' },
    results: { '1|3': { kind: 'won' } },
  },
  {
    name: 'entry missing and nobody took: the author still holds the seat offered, the offer is open',
    signUps: [],
    records: rec({ offer: offerOf(1, 2, LEAD_1) }),
    holders: [[W1, 1, null]],
    offers: { 1: 'open' },
    results: {},
  },
  {
    name: 'entry missing, taken then released: the lead is released, the author does not get it back',
    signUps: [],
    records: rec({ offer: offerOf(1, 2, LEAD_1) }, { response: response(1, 3, 'take', 3) }, { release: release(1, 3, 4) }),
    holders: [[W1, null, null]],
    offers: { 1: 'taken' },
    results: { '1|3': { kind: 'won' } },
    check: (resolution) => expect(resolution.releases.map((outcome) => outcome.applied)).toEqual([true]),
  },
  {
    name: 'entry missing, the lead offered then the tail: the lead ended where the tail began (a later take is void)',
    signUps: [],
    records: rec(
      { offer: offerOf(1, 2, LEAD_1) }, { offer: offerOf(2, 4, { slot: 'tail', clock: 3 }) },
      { response: response(1, 3, 'take', 5) },
    ),
    holders: [[W1, null, 1]],
    offers: { 1: 'void', 2: 'open' },
    results: { '1|3': { kind: 'void' } },
  },
  {
    name: 'trade, the responder\'s entry missing: the sign-up the accept gives is brought back, both slots move',
    signUps: [signUp(1, 'lead', 1)],
    records: rec(
      { offer: offerOf(1, 2, LEAD_1, { target: { family: 2, walk: W2 } }) },
      { response: accepting(1, 2, 3, W2, { slot: 'tail', clock: 1 }) },
    ),
    holders: [[W1, 2, null], [W2, null, 1]],
    offers: { 1: 'traded' },
    results: { '1|2': { kind: 'won' } },
  },
  {
    name: 'trade, the author\'s entry missing: the sign-up the offer gives is brought back, both slots move',
    signUps: [signUp(2, 'tail', 1, W2)],
    records: rec(
      { offer: offerOf(1, 2, LEAD_1, { target: { family: 2, walk: W2 } }) },
      { response: accepting(1, 2, 3, W2, { slot: 'tail', clock: 1 }) },
    ),
    holders: [[W1, 2, null], [W2, null, 1]],
    offers: { 1: 'traded' },
    results: { '1|2': { kind: 'won' } },
  },
]

const cases: Case[] = [
  {
    name: 'replacement: a take moves the slot to the taker',
    signUps: [signUp(1, 'lead', 1), signUp(2, 'tail', 1)],
    records: rec({ offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 3) }),
    holders: [[W1, 3, 2]],
    offers: { 1: 'taken' },
    results: { '1|3': { kind: 'won' } },
  },
  {
    name: 'replacement without a take: the holder stays responsible and shown',
    signUps: [signUp(1, 'lead', 1)],
    records: rec({ offer: offer(1, 1, 2) }),
    holders: [[W1, 1, null]],
    offers: { 1: 'open' },
    results: {},
  },
  {
    name: 'two concurrent takes: lowest (clock, actor) wins, the other keeps their own slot',
    signUps: [signUp(1, 'lead', 1), signUp(3, 'tail', 1, W2)],
    records: rec({ offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 5, undefined, 7) }, { response: response(1, 4, 'take', 5, undefined, 2) }),
    holders: [[W1, 4, null], [W2, null, 3]],
    offers: { 1: 'taken' },
    results: { '1|4': { kind: 'won' }, '1|3': { kind: 'alreadyTaken', by: adultId(4) } },
  },
  {
    name: 'take clocked before the withdrawal: the take wins, the withdrawal has no effect',
    signUps: [signUp(1, 'lead', 1)],
    records: rec({ offer: offer(1, 1, 2, { withdrawnAt: 6 }) }, { response: response(1, 3, 'take', 5) }),
    holders: [[W1, 3, null]],
    offers: { 1: 'taken' },
    results: { '1|3': { kind: 'won' } },
    check: (resolution) => expect(resolution.offers.get(offerId(1))?.lateWithdrawal).toBe(true),
  },
  {
    name: 'withdrawal clocked before the take: no transfer, the taker is told "offre retirée"',
    signUps: [signUp(1, 'lead', 1)],
    records: rec({ offer: offer(1, 1, 2, { withdrawnAt: 4 }) }, { response: response(1, 3, 'take', 5) }),
    holders: [[W1, 1, null]],
    offers: { 1: 'withdrawn' },
    results: { '1|3': { kind: 'withdrawn' } },
  },
  {
    name: 'a taker already on the walk (holding or waiting) is not eligible; the next taker wins',
    signUps: [signUp(1, 'lead', 1), signUp(2, 'tail', 1), signUp(5, 'tail', 2)],
    records: rec({ offer: offer(1, 1, 2) }, { response: response(1, 2, 'take', 3) }, { response: response(1, 5, 'take', 3) }, { response: response(1, 4, 'take', 4) }),
    holders: [[W1, 4, 2]],
    offers: { 1: 'taken' },
    results: { '1|2': { kind: 'notEligible' }, '1|5': { kind: 'notEligible' }, '1|4': { kind: 'won' } },
  },
  {
    name: 'an offer of a slot its author does not hold is void',
    signUps: [signUp(2, 'lead', 1)],
    records: rec({ offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 3) }),
    holders: [[W1, 2, null]],
    offers: { 1: 'void' },
    results: { '1|3': { kind: 'void' } },
  },
  {
    name: 'trade: both slots change holders at once',
    signUps: [signUp(1, 'lead', 1, W1), signUp(2, 'tail', 1, W2)],
    records: rec({ offer: offer(1, 1, 2, { target: { family: 2, walk: W2 } }) }, { response: response(1, 2, 'accept', 3) }),
    holders: [[W1, 2, null], [W2, null, 1]],
    offers: { 1: 'traded' },
    results: { '1|2': { kind: 'won' } },
  },
  {
    name: 'trade where the responder had already given its slot away: fails for both, nothing moves',
    signUps: [signUp(1, 'lead', 1, W1), signUp(2, 'tail', 1, W2)],
    records: rec(
      { offer: offer(2, 2, 2, { walk: W2 }) },
      { response: response(2, 3, 'take', 3) },
      { offer: offer(1, 1, 2, { target: { family: 2 } }) },
      { response: response(1, 2, 'accept', 5, W2) },
    ),
    holders: [[W1, 1, null], [W2, null, 3]],
    offers: { 1: 'open', 2: 'taken' },
    results: { '2|3': { kind: 'won' }, '1|2': { kind: 'tradeFailed', reason: 'responderNoLongerHolds' } },
  },
  {
    name: 'trade where the author had already given its slot away: fails for both',
    signUps: [signUp(1, 'lead', 1, W1), signUp(2, 'tail', 1, W2)],
    records: rec(
      { offer: offer(2, 1, 2) },
      { response: response(2, 3, 'take', 3) },
      { offer: offer(1, 1, 2, { target: { family: 2, walk: W2 } }) },
      { response: response(1, 2, 'accept', 5) },
    ),
    holders: [[W1, 3, null], [W2, null, 2]],
    offers: { 1: 'void', 2: 'taken' },
    results: { '2|3': { kind: 'won' }, '1|2': { kind: 'tradeFailed', reason: 'authorNoLongerHolds' } },
  },
  {
    name: 'trade accepted by two adults of the family: lowest (clock, actor) wins',
    signUps: [signUp(1, 'lead', 1, W1), signUp(2, 'tail', 1, W2), signUp(11, 'tail', 1, W3)],
    records: rec(
      { offer: offer(1, 1, 2, { target: { family: 2 } }) },
      { response: response(1, 2, 'accept', 4, W2) },
      { response: response(1, 11, 'accept', 3, W3) },
    ),
    holders: [[W1, 11, null], [W2, null, 2], [W3, null, 1]],
    offers: { 1: 'traded' },
    results: { '1|11': { kind: 'won' }, '1|2': { kind: 'alreadyTaken', by: adultId(11) } },
  },
  {
    name: 'trade declined: recorded, nothing moves, the offer stays open',
    signUps: [signUp(1, 'lead', 1, W1), signUp(2, 'tail', 1, W2)],
    records: rec({ offer: offer(1, 1, 2, { target: { family: 2 } }) }, { response: response(1, 2, 'decline', 3) }),
    holders: [[W1, 1, null], [W2, null, 2]],
    offers: { 1: 'open' },
    results: { '1|2': { kind: 'declined' } },
  },
  {
    name: 'trade accept naming another walk than the offer asks for is invalid',
    signUps: [signUp(1, 'lead', 1, W1), signUp(2, 'tail', 1, W2), signUp(2, 'tail', 1, W3)],
    records: rec({ offer: offer(1, 1, 2, { target: { family: 2, walk: W2 } }) }, { response: response(1, 2, 'accept', 3, W3) }),
    holders: [[W1, 1, null], [W2, null, 2]],
    offers: { 1: 'open' },
    results: { '1|2': { kind: 'invalid' } },
  },
  {
    name: 'trade within one walk swaps lead and tail',
    signUps: [signUp(1, 'lead', 1), signUp(2, 'tail', 1)],
    records: rec({ offer: offer(1, 1, 2, { target: { family: 2, walk: W1 } }) }, { response: response(1, 2, 'accept', 3) }),
    holders: [[W1, 2, 1]],
    offers: { 1: 'traded' },
    results: { '1|2': { kind: 'won' } },
  },
  {
    name: 'chain: B takes from A, then offers it again and C takes it',
    signUps: [signUp(1, 'lead', 1)],
    records: rec({ offer: offer(1, 1, 2) }, { response: response(1, 2, 'take', 3) }, { offer: offer(2, 2, 4) }, { response: response(2, 3, 'take', 5) }),
    holders: [[W1, 3, null]],
    offers: { 1: 'taken', 2: 'taken' },
    results: { '1|2': { kind: 'won' }, '2|3': { kind: 'won' } },
    check: (resolution) => expect(resolution.walks.get(walkKeyOf(W1))?.viaSwap).toEqual([{ adultId: adultId(3), offerId: offerId(2) }]),
  },
  {
    name: 'release of a slot received in a trade: keyed by the trade offer and the receiver',
    signUps: [signUp(1, 'lead', 1, W1), signUp(2, 'tail', 1, W2)],
    records: rec({ offer: offer(1, 1, 2, { target: { family: 2, walk: W2 } }) }, { response: response(1, 2, 'accept', 3) }, { release: release(1, 1, 4, W2) }),
    holders: [[W1, 2, null], [W2, null, null]],
    offers: { 1: 'traded' },
    results: { '1|2': { kind: 'won' } },
    check: (resolution) => expect(resolution.walks.get(walkKeyOf(W2))?.released).toEqual([{ slot: 'tail', releasedBy: adultId(1), offerId: offerId(1) }]),
  },
  {
    name: 'chain of three with a lost take in the middle: each offer has one taker, the loser keeps nothing',
    signUps: [signUp(1, 'lead', 1)],
    records: rec(
      { offer: offer(1, 1, 2) }, { response: response(1, 2, 'take', 3) }, { response: response(1, 5, 'take', 4) },
      { offer: offer(2, 2, 5) }, { response: response(2, 3, 'take', 6) },
    ),
    holders: [[W1, 3, null]],
    offers: { 1: 'taken', 2: 'taken' },
    results: { '1|2': { kind: 'won' }, '1|5': { kind: 'alreadyTaken', by: adultId(2) }, '2|3': { kind: 'won' } },
  },
  {
    name: 'release after take: the slot is empty (à pourvoir), the original holder does not get it back',
    signUps: [signUp(1, 'lead', 1), signUp(2, 'tail', 1)],
    records: rec({ offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 3) }, { release: release(1, 3, 4) }),
    holders: [[W1, null, 2]],
    offers: { 1: 'taken' },
    results: { '1|3': { kind: 'won' } },
    check: (resolution) => {
      const walk = resolution.walks.get(walkKeyOf(W1))
      expect(walk?.released).toEqual([{ slot: 'lead', releasedBy: adultId(3), offerId: offerId(1) }])
      expect(walk?.state).toBe('toFill')
      expect(resolution.releases.map((r) => r.applied)).toEqual([true])
    },
  },
  {
    name: 'release after take: the first adult waiting for that slot moves up',
    signUps: [signUp(1, 'lead', 1), signUp(4, 'lead', 2), signUp(5, 'lead', 3)],
    records: rec({ offer: offer(1, 1, 4) }, { response: response(1, 3, 'take', 5) }, { release: release(1, 3, 6) }),
    holders: [[W1, 4, null]],
    offers: { 1: 'taken' },
    results: { '1|3': { kind: 'won' } },
    check: (resolution) => expect(resolution.walks.get(walkKeyOf(W1))?.waiting.map((s) => s.adultId)).toEqual([adultId(5)]),
  },
  {
    name: 'a release clocked before the take, or of a slot passed on, has no effect',
    signUps: [signUp(1, 'lead', 1)],
    records: rec({ offer: offer(1, 1, 2) }, { response: response(1, 2, 'take', 4) }, { release: release(1, 2, 3) }),
    holders: [[W1, 2, null]],
    offers: { 1: 'taken' },
    results: { '1|2': { kind: 'won' } },
    check: (resolution) => expect(resolution.releases.map((r) => r.applied)).toEqual([false]),
  },
  {
    name: 'a take clocked before its offer (impossible with Lamport clocks) is invalid',
    signUps: [signUp(1, 'lead', 1)],
    records: rec({ offer: offer(1, 1, 5) }, { response: response(1, 2, 'take', 4) }),
    holders: [[W1, 1, null]],
    offers: { 1: 'open' },
    results: { '1|2': { kind: 'invalid' } },
  },
  {
    name: 'known limit: the original holder withdrawing their own sign-up after the take voids the take (the taker is told)',
    signUps: [signUp(1, 'lead', 1, W1, 'withdrawn'), signUp(5, 'lead', 2)],
    records: rec({ offer: offer(1, 1, 3) }, { response: response(1, 3, 'take', 4) }),
    holders: [[W1, 5, null]],
    offers: { 1: 'void' },
    results: { '1|3': { kind: 'void' } },
  },
  {
    name: 'a taker who released and then signs up again gets the place through the sign-up; the original holder does not',
    signUps: [signUp(1, 'lead', 1), signUp(3, 'lead', 6)],
    records: rec({ offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 3) }, { release: release(1, 3, 4) }),
    holders: [[W1, 3, null]],
    offers: { 1: 'taken' },
    results: { '1|3': { kind: 'won' } },
    check: (resolution) => {
      expect(resolution.releases.map((r) => r.applied)).toEqual([true])
      expect(resolution.walks.get(walkKeyOf(W1))?.viaSwap).toEqual([])
    },
  },
  {
    name: 'a sign-up clocked after the take by the taker is superseded: one seat each, the sign-up listed, its seat passed on',
    signUps: [signUp(1, 'lead', 1), signUp(3, 'tail', 6), signUp(4, 'tail', 7)],
    records: rec({ offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 3) }),
    holders: [[W1, 3, 4]],
    offers: { 1: 'taken' },
    results: { '1|3': { kind: 'won' } },
    check: (resolution) => expect(resolution.walks.get(walkKeyOf(W1))?.superseded.map((s) => [s.adultId, s.slot])).toEqual([[adultId(3), 'tail']]),
  },
  {
    name: 'a sign-up clocked before the take makes the taker not eligible',
    signUps: [signUp(1, 'lead', 1), signUp(3, 'tail', 2)],
    records: rec({ offer: offer(1, 1, 3) }, { response: response(1, 3, 'take', 4) }),
    holders: [[W1, 1, 3]],
    offers: { 1: 'open' },
    results: { '1|3': { kind: 'notEligible' } },
  },
  {
    name: 'seat tie: the author re-signs for the tail after the take: the taker keeps the lead, the author holds the tail',
    signUps: [signUp(1, 'tail', 4), signUp(2, 'tail', 1, W2)],
    records: rec({ offer: offer(1, 1, 2, { seat: { slot: 'lead', clock: 1 } }) }, { response: response(1, 3, 'take', 3) }),
    holders: [[W1, 3, 1]],
    offers: { 1: 'taken' },
    results: { '1|3': { kind: 'won' } },
  },
  {
    name: 'seat tie: taken, released, then the author re-signs for the tail: the lead stays released, the author holds the tail',
    signUps: [signUp(1, 'tail', 5)],
    records: rec({ offer: offer(1, 1, 2, { seat: { slot: 'lead', clock: 1 } }) }, { response: response(1, 3, 'take', 3) }, { release: release(1, 3, 4) }),
    holders: [[W1, null, 1]],
    offers: { 1: 'taken' },
    results: { '1|3': { kind: 'won' } },
    check: (resolution) => expect(resolution.walks.get(walkKeyOf(W1))?.released.map((seat) => seat.slot)).toEqual(['lead']),
  },
  {
    name: 'seat tie: the author moved to the tail before any take: a later take is void, the next adult waiting gets the lead',
    signUps: [signUp(1, 'tail', 4), signUp(2, 'lead', 2)],
    records: rec({ offer: offer(1, 1, 3, { seat: { slot: 'lead', clock: 1 } }) }, { response: response(1, 3, 'take', 5) }),
    holders: [[W1, 2, 1]],
    offers: { 1: 'void' },
    results: { '1|3': { kind: 'void' } },
  },
  {
    name: 'seat tie, offer without its seat (older phones): a take never applies to a place its author got after the offer',
    signUps: [signUp(1, 'tail', 5)],
    records: rec({ offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 3) }, { release: release(1, 3, 4) }),
    holders: [[W1, null, 1]],
    offers: { 1: 'void' },
    results: { '1|3': { kind: 'void' } },
  },
  // The author's entry missing on this phone (the records synced before it, or its rewrite's delete came without
  // the new value): what the records claim stands until an entry says when it ended, as it will once it arrives.
  ...MISSING_ENTRY_CASES,
]

/** Through effectiveWalks, as a screen would: walks no record touched come straight from the sign-ups. */
const holderNumber = (signUps: SignUp[], resolution: SwapResolution, ref: WalkRef, seat: 'lead' | 'tail'): string | null => {
  const model = swapModel(signUps)
  const walk = walkOf(model, ref)
  if (walk === null) throw new Error('test walk not scheduled')
  return effectiveWalks(model, resolution, [walk], FAR_BEFORE)[0]?.[seat]?.adultId ?? null
}

describe('swap resolution, table-driven, every input order', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const reference = resolveRecords(testCase.signUps, testCase.records, FAR_BEFORE)
      for (const [walk, lead, tail] of testCase.holders) {
        expect(holderNumber(testCase.signUps, reference, walk, 'lead'), `lead of ${walkKeyOf(walk)}`).toBe(lead === null ? null : adultId(lead))
        expect(holderNumber(testCase.signUps, reference, walk, 'tail'), `tail of ${walkKeyOf(walk)}`).toBe(tail === null ? null : adultId(tail))
      }
      for (const [n, status] of Object.entries(testCase.offers)) expect(reference.offers.get(offerId(Number(n)))?.status, `offer ${n}`).toBe(status)
      const results = Object.fromEntries(reference.responses.map(({ response: r, result }) => [`${Number(r.offerId.slice(-12))}|${Number(r.adultId.slice(-12))}`, result]))
      expect(results).toEqual(testCase.results)
      testCase.check?.(reference)
      expect(checkSwapInvariants(swapModel(testCase.signUps), testCase.records, reference, FAR_BEFORE)).toEqual([])
      for (const order of permutations(tag(testCase.records))) {
        const shuffled = [...testCase.signUps].reverse()
        expect(summaryOf(resolveRecords(shuffled, recordsOf(order), FAR_BEFORE))).toEqual(summaryOf(reference))
      }
    })
  }
})

/**
 * What a plan publication (or any later sign-up) does to a place whose entry is missing: writes it, clocked after every
 * record. Every response and release (all clocked before it) keeps its result, and no seat moves differently: a record
 * void without the entry never comes back to life because the entry was written again.
 */
describe('swap resolution: writing the claimed entry later changes nothing before it', () => {
  const LATER = 9
  const REWRITES = [['lead', 'active'], ['tail', 'active'], ['extra', 'active'], ['lead', 'withdrawn']] as const
  for (const testCase of MISSING_ENTRY_CASES) {
    it(testCase.name, () => {
      const without = resolveRecords(testCase.signUps, testCase.records, FAR_BEFORE)
      const claimed = [
        ...testCase.records.offers.map((o) => ({ adultId: o.adultId, walk: o.walk })),
        ...testCase.records.responses.flatMap((r) => (r.gives ? [{ adultId: r.adultId, walk: r.gives }] : [])),
      ]
      const hasEntry = (id: string, walk: WalkRef): boolean =>
        testCase.signUps.some((s) => s.adultId === id && walkKeyOf(s) === walkKeyOf(walk))
      const missing = claimed.filter(({ adultId: id, walk }) => !hasEntry(id, walk))
      expect(missing.length).toBeGreaterThan(0)
      for (const { adultId: id, walk } of missing) {
        for (const [slot, status] of REWRITES) {
          const signUps = [...testCase.signUps, signUp(Number(id.slice(-12)), slot, LATER, walk, status)]
          const after = resolveRecords(signUps, testCase.records, FAR_BEFORE)
          const label = `${walkKeyOf(walk)} written ${slot} ${status}`
          expect(after.responses, label).toEqual(without.responses)
          expect(after.releases, label).toEqual(without.releases)
          expect(after.transfers, label).toEqual(without.transfers)
          expect(checkSwapInvariants(swapModel(signUps), testCase.records, after, FAR_BEFORE), label).toEqual([])
        }
      }
    })
  }
})

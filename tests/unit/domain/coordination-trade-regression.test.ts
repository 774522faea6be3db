// Regression (convergence seed 5000628, CONVERGENCE_BASE=5000000 with CONVERGENCE_NO_WALK_LOG=1): a period received in a
// trade is given away again by a later replacement; the trade still moved both periods, and the checks must say so.
import { describe, expect, it } from 'vitest'
import { checkPeriodTrades } from '../../../src/domain/coordination/invariants.ts'
import { periodResponseKeyOf, type CoordinationRecords, type PeriodOffer, type PeriodResponse } from '../../../src/domain/coordination/records.ts'
import { coordinatorSchedule, type CoordinatorSchedule } from '../../../src/domain/coordination/schedule.ts'
import type { LocalDate } from '../../../src/domain/dates.ts'
import { checkCoordinators } from '../../convergence/invariants-swaps.ts'
import { join, offerId, orders, records, replacementOffer, respond, tradeOffer, weekStart } from './coordination-fixtures.ts'

// A B C D take turns: period k goes to family (k mod 4) + 1; period 4 is A's, period 6 is C's.
const ABCD = [join(1, 1, 1), join(2, 2, 2), join(3, 3, 3), join(4, 4, 4)]
const THROUGH = weekStart(8)

const holders = (result: CoordinatorSchedule): number[] => result.periods.map((p) => (p.coordinator === null ? 0 : Number(p.coordinator.slice(-12))))

/** Every subset of a short list: the records one phone may have received so far. */
const subsets = <T>(list: readonly T[]): T[][] => list.reduce<T[][]>((all, item) => [...all, ...all.map((subset) => [...subset, item])], [[]])

// A trades period 4 for C's period 6 (C accepts at 12), then B takes A's replacement offer for period 6 (at 13).
// In the seed the replacement was written before the trade (by a phone that still saw A on that period): it was
// stale until the trade gave A the period, then takeable. Written after the trade, it is the everyday chain.
const trade = tradeOffer(1, 1, weekStart(4), 3, weekStart(6), 11)
const accept = respond(1, 3, 'accept', 12)
const take = respond(2, 2, 'take', 13)
const cases: readonly (readonly [string, PeriodOffer])[] = [
  ['written before the trade (the seed)', replacementOffer(2, 1, weekStart(6), 10)],
  ['written after the trade', replacementOffer(2, 1, weekStart(6), 12)],
]

describe.each(cases)('a period received in a trade, then given away by a replacement %s', (_name, replacement) => {
  const full = records({ roster: ABCD, offers: [trade, replacement], responses: [accept, take] })

  it('moves both periods in the trade, then only the given one again, in every record order', () => {
    const reference = coordinatorSchedule(full, THROUGH)
    expect(holders(reference).slice(4, 7)).toEqual([3, 2, 2])
    expect(reference.periods[4]?.offerId).toBe(offerId(1))
    expect(reference.periods[6]?.offerId).toBe(offerId(2))
    expect(reference.responses.get(periodResponseKeyOf(accept))).toBe('won')
    expect(reference.responses.get(periodResponseKeyOf(take))).toBe('won')
    for (const offers of orders(full.offers)) {
      for (const responses of orders(full.responses)) expect(coordinatorSchedule({ ...full, offers, responses }, THROUGH)).toEqual(reference)
    }
  })

  it('passes the harness invariant (it read the last offer on each period as the trade\'s own move)', () => {
    expect(checkCoordinators({ coordination: { ...full, notes: [], acks: [] } })).toEqual([])
  })

  it('keeps every trade both-or-neither on every phone, whatever it has received and in whatever order', () => {
    for (const offers of subsets(full.offers)) {
      for (const responses of subsets(full.responses)) {
        for (const offerOrder of orders(offers)) {
          for (const responseOrder of orders(responses)) {
            const phone: CoordinationRecords = { ...full, offers: offerOrder, responses: responseOrder }
            expect(checkPeriodTrades(phone, THROUGH), JSON.stringify({ offers: offerOrder.map((o) => o.id), responses: responseOrder.map(periodResponseKeyOf) })).toEqual([])
          }
        }
      }
    }
  })
})

describe('the both-or-neither check still catches a trade that moves one period only', () => {
  /** A planted resolver bug: a taken trade's target period keeps its rotation coordinator. */
  const oneSided = (input: CoordinationRecords, through: LocalDate): CoordinatorSchedule => {
    const result = coordinatorSchedule(input, through)
    const targets = new Map(result.offers.flatMap((o) => (o.offer.kind === 'trade' && o.offer.target ? [[o.offer.id, o.offer.target.periodStart] as const] : [])))
    return {
      ...result,
      periods: result.periods.map((p) => (p.offerId !== null && targets.get(p.offerId) === p.start ? { ...p, coordinator: p.base, offerId: null } : p)),
    }
  }

  it.each([
    ['alone', [trade], [accept]],
    ['before a replacement of the received period', [trade, replacementOffer(2, 1, weekStart(6), 12)], [accept, take]],
  ] as const)('%s', (_name, offers, responses) => {
    const input = records({ roster: ABCD, offers: [...offers], responses: [...responses] as PeriodResponse[] })
    expect(checkPeriodTrades(input, THROUGH)).toEqual([])
    expect(checkPeriodTrades(input, THROUGH, oneSided)).toEqual([expect.stringMatching(new RegExp(`period trade ${offerId(1)}.*moved 1 period`))])
  })
})

// Coordinator period offers: one taker among concurrent takes, withdrawals, trades both-or-neither, chains, invalid offers, in every input order.
import { describe, expect, it } from 'vitest'
import { maxCoordinationClock, periodResponseKeyOf, StoredPeriodOfferSchema, type PeriodOffer, type PeriodResponse } from '../../../src/domain/coordination/records.ts'
import { coordinatorSchedule, type CoordinatorSchedule } from '../../../src/domain/coordination/schedule.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { familyId } from './rota-fixtures.ts'
import { join, offerId, orders, records, replacementOffer, respond, tradeOffer, weekStart } from './coordination-fixtures.ts'

// A B C D take turns: period k goes to family (k mod 4) + 1; period 4 is A's, period 6 is C's.
const ABCD = [join(1, 1, 1), join(2, 2, 2), join(3, 3, 3), join(4, 4, 4)]

const schedule = (offers: PeriodOffer[], responses: PeriodResponse[], roster = ABCD): CoordinatorSchedule =>
  coordinatorSchedule(records({ roster, offers, responses }), weekStart(8))

const holders = (result: CoordinatorSchedule): number[] => result.periods.map((p) => (p.coordinator === null ? 0 : Number(p.coordinator.slice(-12))))
const statusOf = (result: CoordinatorSchedule, n: number) => result.offers.find((o) => o.offer.id === offerId(n))
const resultOf = (result: CoordinatorSchedule, response: PeriodResponse) => result.responses.get(periodResponseKeyOf(response))

/** Same schedule, outcomes and results whatever order the offers and responses come in. */
const inEveryOrder = (offers: PeriodOffer[], responses: PeriodResponse[], check: (result: CoordinatorSchedule) => void): void => {
  const reference = schedule(offers, responses)
  check(reference)
  for (const offerOrder of orders(offers)) {
    for (const responseOrder of orders(responses)) {
      const result = schedule(offerOrder, responseOrder)
      expect(result.periods).toEqual(reference.periods)
      expect(result.offers).toEqual(reference.offers)
      expect([...result.responses].sort()).toEqual([...reference.responses].sort())
    }
  }
}

describe('replacement offers', () => {
  it('gives the period to the only taker', () => {
    const take = respond(1, 2, 'take', 11)
    inEveryOrder([replacementOffer(1, 1, weekStart(4), 10)], [take], (result) => {
      expect(holders(result)[4]).toBe(2)
      expect(result.periods[4]).toMatchObject({ base: familyId(1), offerId: offerId(1) })
      expect(statusOf(result, 1)).toMatchObject({ status: 'taken', winner: take })
    })
  })

  it('keeps the offerer responsible while nobody takes it', () => {
    inEveryOrder([replacementOffer(1, 1, weekStart(4), 10)], [], (result) => {
      expect(holders(result)[4]).toBe(1)
      expect(statusOf(result, 1)).toMatchObject({ status: 'open', stale: false })
    })
  })

  it.each([
    ['lower clock wins', respond(1, 3, 'take', 11), respond(1, 2, 'take', 12)],
    ['equal clocks: lower actor wins', respond(1, 2, 'take', 11), respond(1, 3, 'take', 11)],
  ])('concurrent takes, %s; the other is told "déjà pris"', (_name, winner, loser) => {
    inEveryOrder([replacementOffer(1, 1, weekStart(4), 10)], [winner, loser], (result) => {
      expect(result.periods[4]?.coordinator).toBe(winner.familyId)
      expect(resultOf(result, winner)).toBe('won')
      expect(resultOf(result, loser)).toBe('alreadyTaken')
    })
  })

  it.each([
    ['a withdrawal before the take closes it', 12, 13, 'withdrawn', 1, 'alreadyTaken', false],
    ['a take before the withdrawal wins', 14, 13, 'taken', 2, 'won', true],
  ] as const)('%s', (_name, withdrawnAt, takeAt, status, holder, result, late) => {
    const take = respond(1, 2, 'take', takeAt)
    inEveryOrder([replacementOffer(1, 1, weekStart(4), 10, withdrawnAt)], [take], (resolved) => {
      expect(statusOf(resolved, 1)).toMatchObject({ status, lateWithdrawal: late })
      expect(holders(resolved)[4]).toBe(holder)
      expect(resultOf(resolved, take)).toBe(result)
    })
  })

  it('ignores the offerer taking its own period and a trade answer on a replacement', () => {
    const own = respond(1, 1, 'take', 11)
    const accept = respond(1, 2, 'accept', 12)
    inEveryOrder([replacementOffer(1, 1, weekStart(4), 10)], [own, accept], (result) => {
      expect(resultOf(result, own)).toBe('ignored')
      expect(resultOf(result, accept)).toBe('ignored')
      expect(statusOf(result, 1)?.status).toBe('open')
    })
  })

  it('follows a chain: A gives to B, B gives to C', () => {
    const offers = [replacementOffer(1, 1, weekStart(4), 10), replacementOffer(2, 2, weekStart(4), 12)]
    inEveryOrder(offers, [respond(1, 2, 'take', 11), respond(2, 3, 'take', 13)], (result) => {
      expect(holders(result)[4]).toBe(3)
      expect(result.periods[4]?.offerId).toBe(offerId(2))
    })
  })

  it('voids a take on a period its offerer no longer holds, and marks the offer stale', () => {
    const offers = [replacementOffer(1, 1, weekStart(4), 10), replacementOffer(2, 1, weekStart(4), 10)]
    const second = respond(2, 3, 'take', 12)
    inEveryOrder(offers, [respond(1, 2, 'take', 11), second], (result) => {
      expect(holders(result)[4]).toBe(2)
      expect(resultOf(result, second)).toBe('void')
      expect(statusOf(result, 2)).toMatchObject({ status: 'open', stale: true })
    })
  })
})

describe('trades change both periods or neither', () => {
  const trade = tradeOffer(1, 1, weekStart(4), 3, weekStart(6), 10)

  it('swaps both periods when the target family accepts', () => {
    inEveryOrder([trade], [respond(1, 3, 'accept', 11)], (result) => {
      expect(holders(result).slice(4, 7)).toEqual([3, 2, 1])
      expect(result.periods[6]?.offerId).toBe(offerId(1))
    })
  })

  it('changes nothing when declined', () => {
    const decline = respond(1, 3, 'decline', 11)
    inEveryOrder([trade], [decline], (result) => {
      expect(holders(result).slice(4, 7)).toEqual([1, 2, 3])
      expect(statusOf(result, 1)).toMatchObject({ status: 'declined', winner: decline })
    })
  })

  it('is closed by a withdrawal that comes before the accept', () => {
    const accept = respond(1, 3, 'accept', 12)
    inEveryOrder([{ ...trade, withdrawn: { clock: 11, actor: trade.actor, at: trade.at } }], [accept], (result) => {
      expect(holders(result).slice(4, 7)).toEqual([1, 2, 3])
      expect(resultOf(result, accept)).toBe('alreadyTaken')
    })
  })

  it('changes neither when the target gave its period away first', () => {
    const offers = [trade, replacementOffer(2, 3, weekStart(6), 10)]
    const accept = respond(1, 3, 'accept', 13)
    inEveryOrder(offers, [respond(2, 4, 'take', 12), accept], (result) => {
      expect(holders(result).slice(4, 7)).toEqual([1, 2, 4])
      expect(resultOf(result, accept)).toBe('void')
      expect(statusOf(result, 1)).toMatchObject({ status: 'open', stale: true })
    })
  })

  it('ignores an accept from a third family', () => {
    const third = respond(1, 2, 'accept', 11)
    inEveryOrder([trade], [third], (result) => {
      expect(resultOf(result, third)).toBe('ignored')
      expect(holders(result).slice(4, 7)).toEqual([1, 2, 3])
    })
  })
})

describe('invalid offers change nothing', () => {
  it.each([
    ['a date that starts no period', replacementOffer(1, 1, localDate('2026-09-30'), 10)],
    ['a period before the roster starts', replacementOffer(1, 1, localDate('2026-08-24'), 10)],
    ['a trade with its own family', tradeOffer(1, 1, weekStart(4), 1, weekStart(8), 10)],
    ['a trade of a period with itself', tradeOffer(1, 1, weekStart(4), 3, weekStart(4), 10)],
    ['a trade without a target', { ...tradeOffer(1, 1, weekStart(4), 3, weekStart(6), 10), target: undefined }],
  ])('%s', (_name, offer) => {
    const result = schedule([offer], [respond(1, 3, 'take', 11), respond(1, 3, 'accept', 12)])
    expect(statusOf(result, 1)?.status).toBe('invalid')
    expect(holders(result)).toEqual([1, 2, 3, 4, 1, 2, 3, 4, 1])
  })

  it('leaves a period without coordinator when the roster is empty, whatever is taken', () => {
    const result = schedule([replacementOffer(1, 1, weekStart(4), 10)], [respond(1, 2, 'take', 11)], [])
    expect(holders(result)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0])
  })

  it('requires the author time and keeps unknown fields on offers', () => {
    const { at: _at, ...withoutAt } = replacementOffer(1, 1, weekStart(4), 10)
    expect(StoredPeriodOfferSchema.safeParse(withoutAt).success).toBe(false)
    expect(StoredPeriodOfferSchema.parse({ ...replacementOffer(1, 1, weekStart(4), 10), later: true })).toMatchObject({ later: true })
  })

  it('computes the periods a trade names even beyond the requested date', () => {
    const far = tradeOffer(1, 1, weekStart(4), 3, weekStart(30), 10)
    const result = coordinatorSchedule(records({ roster: ABCD, offers: [far], responses: [respond(1, 3, 'accept', 11)] }), weekStart(5))
    expect(result.periods).toHaveLength(31)
    expect(result.periods[4]?.coordinator).toBe(familyId(3))
    expect(result.periods[30]?.coordinator).toBe(familyId(1))
  })
})

describe('logical clock', () => {
  it('takes the max over every coordination record, withdrawals included', () => {
    expect(maxCoordinationClock({})).toBe(0)
    expect(maxCoordinationClock({ roster: ABCD, offers: [replacementOffer(1, 1, weekStart(4), 10, 17)], responses: [respond(1, 2, 'take', 12)] })).toBe(17)
  })
})

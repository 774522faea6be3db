// Fair shares: weights per child or per family, exemptions, the all-zero fallback, coordinator credits, the year's balance.
import { describe, expect, it } from 'vitest'
import { addDays, localDate } from '../../../src/domain/dates.ts'
import type { FamilyId } from '../../../src/domain/ids.ts'
import { coordinatorCredits, fairShares, familyWeightOn, yearBalanceBefore, type Demand } from '../../../src/domain/planning/share.ts'
import type { FairnessModel } from '../../../src/domain/planning/types.ts'
import { seededRandom, seedFromEnv } from '../../helpers/seeded-random.ts'
import { join, records, replacementOffer, respond, weekStart } from './coordination-fixtures.ts'
import { exemption, fairnessModel, families, type PlanningFields } from './planning-fixtures.ts'
import { createAdult, createChild, createException, createLine, createSignUp, familyId, lineId, stopId } from './rota-fixtures.ts'
import { offer, response } from './swaps-fixtures.ts'

const D = localDate('2026-12-03')
const demand = (places: number, date = '2026-12-03'): Demand => ({ date: localDate(date), places })
const sharesOf = (shares: Map<FamilyId, number>): number[] => [...shares.values()]

/** Family 1: two children walking (one aller, one retour only) and one whose line is gone; family 2: one walking, one with no day; family 3: none. */
const CHILDREN = [
  createChild(1, 1),
  createChild(2, 1, { routes: { retour: { lineId: lineId(1), stopId: stopId(1) } } }),
  createChild(3, 1, { routes: { aller: { lineId: lineId(99), stopId: stopId(1) } } }),
  createChild(4, 2),
  createChild(5, 2, { days: [] }),
]

const model = (planning: PlanningFields = {}, overrides: Partial<FairnessModel> = {}): FairnessModel => fairnessModel({ children: CHILDREN, ...overrides }, planning)

describe('familyWeightOn', () => {
  it('counts children walking per child: a route on an existing line and at least one day', () => {
    expect([1, 2, 3].map((n) => familyWeightOn(model(), familyId(n), D))).toEqual([2, 1, 0])
  })

  it('gives a family no weight before the day it joined, and its usual weight from that day', () => {
    const joined = model({}, { families: families(3).map((family, i) => (i === 1 ? { ...family, joinedOn: localDate('2026-12-03') } : family)) })
    expect(familyWeightOn(joined, familyId(2), localDate('2026-12-02'))).toBe(0)
    expect(familyWeightOn(joined, familyId(2), D)).toBe(1)
    expect(sharesOf(fairShares(joined, [demand(4, '2026-12-02'), demand(3)]))).toEqual([4 + 2, 0 + 1, 0])
  })

  it('counts a child added mid-year from the day it joined only, per child', () => {
    // Family 1: child 1 joined on 3 December, child 2 has no joining day (an older record): it counts all year.
    const joined = model({}, { children: CHILDREN.map((child, i) => (i === 0 ? { ...child, joinedOn: D } : child)) })
    expect(familyWeightOn(joined, familyId(1), localDate('2026-12-02'))).toBe(1)
    expect(familyWeightOn(joined, familyId(1), D)).toBe(2)
    expect(familyWeightOn(joined, familyId(1), localDate('2027-03-01'))).toBe(2)
    // 2 December: family 1 weighs 1, family 2 weighs 1; 3 December: 2 and 1.
    expect(sharesOf(fairShares(joined, [demand(4, '2026-12-02'), demand(3)]))).toEqual([2 + 2, 2 + 1, 0])
  })

  it('counts children joining on different days one by one, whatever their order in the document', () => {
    const dates = ['2027-01-10', '2026-11-02', '2026-12-03']
    const children = dates.map((date, i) => createChild(i + 1, 1, { joinedOn: localDate(date) }))
    const joined = model({}, { children })
    const on = ['2026-11-01', '2026-11-02', '2026-12-02', '2026-12-03', '2027-01-09', '2027-01-10']
    expect(on.map((date) => familyWeightOn(joined, familyId(1), localDate(date)))).toEqual([0, 1, 1, 2, 2, 3])
    // The same days through fairShares (weights cached per date), beside family 2's child counting all year.
    const withOther = model({}, { children: [...children, createChild(4, 2)] })
    expect(sharesOf(fairShares(withOther, on.map((date) => demand(6, date))))).toEqual([0 + 3 + 3 + 4 + 4 + 4.5, 6 + 3 + 3 + 2 + 2 + 1.5, 0])
  })

  it('per family, counts a family from the first day one of its children counts', () => {
    const children = [createChild(1, 1, { joinedOn: localDate('2026-12-10') }), createChild(2, 1, { joinedOn: localDate('2027-01-04') }), createChild(3, 2)]
    const perFamily = model({ fairness: { basis: 'perFamily' } }, { children })
    expect(['2026-12-09', '2026-12-10', '2027-01-04'].map((date) => familyWeightOn(perFamily, familyId(1), localDate(date)))).toEqual([0, 1, 1])
    expect(sharesOf(fairShares(perFamily, [demand(4, '2026-12-09'), demand(4, '2026-12-10'), demand(4, '2027-01-04')]))).toEqual([0 + 2 + 2, 4 + 2 + 2, 0])
  })

  it('a child not yet joined leaves the places to the families with an adult when no child counts that day', () => {
    const children = [createChild(1, 1, { joinedOn: localDate('2026-12-10') })]
    const late = fairnessModel({ children, adults: [createAdult(1, 1), createAdult(2, 2)] })
    expect(sharesOf(fairShares(late, [demand(6, '2026-12-09')]))).toEqual([3, 3, 0])
    expect(sharesOf(fairShares(late, [demand(6, '2026-12-10')]))).toEqual([6, 0, 0])
  })

  it('counts 1 per family with a child walking, per family', () => {
    expect([1, 2, 3].map((n) => familyWeightOn(model({ fairness: { basis: 'perFamily' } }), familyId(n), D))).toEqual([1, 1, 0])
  })

  it.each([
    ['a 0 % exemption', [exemption(1, 1, '2026-12-01', '2026-12-10', 0)], 0],
    ['a 50 % exemption', [exemption(1, 1, '2026-12-01', '2026-12-10', 50)], 1],
    ['an exemption starting and ending that day', [exemption(1, 1, '2026-12-03', '2026-12-03', 25)], 0.5],
    ['overlapping exemptions: the smallest share wins', [exemption(1, 1, '2026-11-01', '2026-12-31', 50), exemption(2, 1, '2026-12-02', '2026-12-04', 25), exemption(3, 1, '2026-12-03', '2026-12-03', 75)], 0.5],
    ['a withdrawn exemption is ignored', [exemption(1, 1, '2026-12-01', '2026-12-10', 0, true), exemption(2, 1, '2026-12-01', '2026-12-10', 50)], 1],
    ['exemptions outside the date are ignored', [exemption(1, 1, '2026-12-04', '2026-12-10', 0), exemption(2, 1, '2026-11-01', '2026-12-02', 0)], 2],
    ["another family's exemption is ignored", [exemption(1, 2, '2026-12-01', '2026-12-10', 0)], 2],
  ])('%s', (_name, exemptions, weight) => {
    expect(familyWeightOn(model({ exemptions }), familyId(1), D)).toBe(weight)
  })

  it('a reduced share applies to the per-family weight too', () => {
    expect(familyWeightOn(model({ fairness: { basis: 'perFamily' }, exemptions: [exemption(1, 1, '2026-12-01', '2026-12-10', 50)] }), familyId(1), D)).toBe(0.5)
  })
})

describe('fairShares', () => {
  it('lists every family, with 0 when there is nothing to share', () => {
    expect([...fairShares(model(), []).entries()]).toEqual([[familyId(1), 0], [familyId(2), 0], [familyId(3), 0]])
  })

  it('splits places by children walking, per child', () => {
    expect(sharesOf(fairShares(model(), [demand(2), demand(4, '2026-12-04')]))).toEqual([4, 2, 0])
  })

  it('splits places equally among families with a child walking, per family', () => {
    expect(sharesOf(fairShares(model({ fairness: { basis: 'perFamily' } }), [demand(6)]))).toEqual([3, 3, 0])
  })

  it('applies an exemption only to the demands on its dates', () => {
    const shares = fairShares(model({ exemptions: [exemption(1, 1, '2026-12-03', '2026-12-03', 0)] }), [demand(3), demand(3, '2026-12-04')])
    // 3 December: family 2 alone; 4 December: 2 for family 1, 1 for family 2.
    expect(sharesOf(shares)).toEqual([2, 4, 0])
  })

  it('a 50 % exemption halves the family weight that day', () => {
    expect(sharesOf(fairShares(model({ exemptions: [exemption(1, 1, '2026-12-01', '2026-12-31', 50)] }), [demand(4)]))).toEqual([2, 2, 0])
  })

  it('shares equally among families with an adult when nobody walks', () => {
    // Family 3 has no adult: it cannot walk, it takes no share.
    const noChildren = fairnessModel({ adults: [createAdult(1, 1), createAdult(2, 2), createAdult(12, 2)] })
    expect(sharesOf(fairShares(noChildren, [demand(6)]))).toEqual([3, 3, 0])
  })

  it('shares among the other families with an adult on a day every walking family is exempted, never with an exempted one', () => {
    const allExempted = model({ exemptions: [exemption(1, 1, '2026-12-01', '2026-12-10', 0), exemption(2, 2, '2026-12-03', '2026-12-03', 0)] })
    expect(sharesOf(fairShares(allExempted, [demand(3)]))).toEqual([0, 0, 3])
    expect(sharesOf(fairShares(allExempted, [demand(3, '2026-12-04')]))).toEqual([0, 3, 0])
  })

  it('leaves places unshared when no family has an adult or a child walking', () => {
    expect(sharesOf(fairShares(fairnessModel({ adults: [] }), [demand(6)]))).toEqual([0, 0, 0])
  })

  it('the shares add up to the demands (seeded random collectives)', () => {
    const seed = seedFromEnv('PLANNING_SEED', 20261203)
    const random = seededRandom(seed)
    const pick = (n: number): number => Math.floor(random() * n)
    for (let round = 0; round < 200; round++) {
      const familyCount = 1 + pick(8)
      const children = Array.from({ length: pick(12) }, (_, i) => createChild(i + 1, 1 + pick(familyCount), {
        days: random() < 0.9 ? [1, 2, 4, 5] : [],
        ...(random() < 0.3 ? { joinedOn: addDays(D, pick(20) - 10) } : {}),
      }))
      const exemptions = Array.from({ length: pick(5) }, (_, i) => {
        const from = addDays(D, pick(20) - 10)
        return exemption(i + 1, 1 + pick(familyCount), from, addDays(from, pick(10)), [0, 25, 50, 75][pick(4)] ?? 0, random() < 0.2)
      })
      const shareModel = fairnessModel(
        { families: families(familyCount), children, adults: Array.from({ length: familyCount }, (_, i) => createAdult(i + 1, 1 + pick(familyCount))) },
        { fairness: { basis: random() < 0.5 ? 'perChild' : 'perFamily' }, exemptions },
      )
      const demands = Array.from({ length: pick(30) }, () => demand(1 + pick(4), addDays(D, pick(20) - 10)))
      const shares = fairShares(shareModel, demands)
      const total = sharesOf(shares).reduce((a, b) => a + b, 0)
      // A day when every family is either exempted at 0 % or has neither a walking child nor an adult: nobody can take it.
      const zeroOn = (familyIndex: number, date: string) =>
        exemptions.some((e) => e.familyId === familyId(familyIndex) && e.withdrawn === undefined && e.sharePercent === 0 && e.from <= date && date <= e.to)
      const shareable = (date: string) => shareModel.families.some((family, i) =>
        familyWeightOn(shareModel, family.id, localDate(date)) > 0 || (shareModel.adults.some((adult) => adult.familyId === family.id) && !zeroOn(i + 1, date)))
      const expected = demands.reduce((sum, d) => sum + (shareable(d.date) ? d.places : 0), 0)
      expect(Math.abs(total - expected), `seed ${seed} round ${round}: PLANNING_SEED=${seed} replays it`).toBeLessThan(1e-9)
      expect(sharesOf(shares).every((share) => share >= 0), `seed ${seed} round ${round}`).toBe(true)
      expect(shares.size).toBe(familyCount)
      // One demand on a day someone weighs: the cached per-date weights agree with familyWeightOn.
      const first = demands[0]
      if (first === undefined) continue
      const weights = shareModel.families.map((family) => familyWeightOn(shareModel, family.id, first.date))
      const sum = weights.reduce((a, b) => a + b, 0)
      if (sum === 0) continue
      const single = sharesOf(fairShares(shareModel, [first]))
      weights.forEach((weight, i) => expect(Math.abs((single[i] ?? 0) - (first.places * weight) / sum), `seed ${seed} round ${round}`).toBeLessThan(1e-9))
    }
  })
})

describe('coordinatorCredits', () => {
  // Families 1 and 2 take turns weekly from Monday 31 August 2026: period k is family (k mod 2) + 1.
  const roster = [join(1, 1, 1), join(2, 2, 2)]
  const credits = (coordination = records({ roster }), planning: PlanningFields = {}, from = weekStart(1), to = addDays(weekStart(3), 6)) =>
    coordinatorCredits(fairnessModel({ coordination }, planning), { from, to }).map((credit) => [Number(credit.familyId.slice(-12)), credit.start, credit.walks])

  it('credits each period starting in the range to its coordinator', () => {
    expect(credits()).toEqual([[2, weekStart(1), 2], [1, weekStart(2), 2], [2, weekStart(3), 2]])
  })

  it('counts a period by its start only', () => {
    expect(credits(undefined, {}, addDays(weekStart(1), 1), weekStart(3))).toEqual([[1, weekStart(2), 2], [2, weekStart(3), 2]])
  })

  it('follows period swaps', () => {
    const coordination = records({ roster, offers: [replacementOffer(1, 1, weekStart(2), 10)], responses: [respond(1, 3, 'take', 11)] })
    expect(credits(coordination)).toEqual([[2, weekStart(1), 2], [3, weekStart(2), 2], [2, weekStart(3), 2]])
  })

  it('uses the collective credit setting, and gives nothing when it is 0', () => {
    expect(credits(undefined, { fairness: { coordinatorCredit: 5 } }).map(([, , walks]) => walks)).toEqual([5, 5, 5])
    expect(credits(undefined, { fairness: { coordinatorCredit: 0 } })).toEqual([])
  })

  it('skips periods without a coordinator, and coordinators who are no longer a family of the collective', () => {
    expect(credits(records())).toEqual([])
    expect(credits(records({ roster: [join(1, 1, 1), join(9, 2, 2)] }))).toEqual([[1, weekStart(2), 2]])
  })
})

describe('yearBalanceBefore', () => {
  // Line 1 runs on Thursdays only: 3 and 10 September are before the 17th (4 walks, 2 adults each).
  const thursdays = (signUps = [
    createSignUp(1, 'lead', 1, 1, { date: '2026-09-03' }),
    createSignUp(1, 'lead', 2, 1, { date: '2026-09-03', direction: 'retour' }),
    createSignUp(1, 'lead', 3, 1, { date: '2026-09-10' }),
    createSignUp(1, 'lead', 4, 1, { date: '2026-09-10', direction: 'retour' }),
    createSignUp(2, 'tail', 5, 2, { date: '2026-09-03' }),
    // Not counted: on the date itself, and in the previous school year.
    createSignUp(2, 'lead', 6, 2, { date: '2026-09-17' }),
    createSignUp(2, 'lead', 7, 2, { date: '2026-06-04' }),
  ], overrides: Partial<FairnessModel> = {}, planning: PlanningFields = {}) =>
    fairnessModel({ lines: [createLine(1, { days: [4] })], children: [createChild(1, 1), createChild(2, 2)], signUps, ...overrides }, planning)
  const SEPT_17 = localDate('2026-09-17')
  const NOW = Date.UTC(2026, 8, 20)

  it('is the places held before the date minus the fair share of all the places held', () => {
    // 5 places held (4 by family 1, 1 by family 2), shared 2.5 / 2.5: the walks' open places put nobody behind.
    expect(sharesOf(yearBalanceBefore(thursdays(), SEPT_17, NOW))).toEqual([1.5, -1.5, 0])
  })

  it('counts nothing on the first day of the school year', () => {
    expect(sharesOf(yearBalanceBefore(thursdays(), localDate('2026-09-01'), NOW))).toEqual([0, 0, 0])
  })

  it('adds coordinator credits before the date, the period starting on 31 August included', () => {
    // Periods of 31 August and 14 September: family 1; 7 September: family 2; 5 places held and 6 credited, shared 5.5 / 5.5.
    const balance = yearBalanceBefore(thursdays(undefined, { coordination: records({ roster: [join(1, 1, 1), join(2, 2, 2)] }) }), SEPT_17, NOW)
    expect(sharesOf(balance)).toEqual([4 + 4 - 5.5, 1 + 2 - 5.5, 0])
  })

  it('leaves cancelled walks out, held or not', () => {
    const cancelled = thursdays(undefined, { exceptions: [createException(1, { date: '2026-09-10', lineId: null, direction: null, reason: 'strike', note: '' })] })
    expect(sharesOf(yearBalanceBefore(cancelled, SEPT_17, NOW))).toEqual([2 - 1.5, 1 - 1.5, 0])
  })

  it('counts the place where a swap moved it', () => {
    const swapped = thursdays(undefined, {
      swaps: { offers: [offer(1, 1, 20, { walk: { lineId: lineId(1), date: localDate('2026-09-03'), direction: 'retour' } })], responses: [response(1, 3, 'take', 21)], releases: [] },
    })
    // Family 3 has no child walking: its place counts for it, and the 5 places are shared by families 1 and 2.
    expect(sharesOf(yearBalanceBefore(swapped, SEPT_17, NOW))).toEqual([3 - 2.5, 1 - 2.5, 1])
  })

  it('puts nobody behind for walks nobody held (before the collective used the app)', () => {
    expect(sharesOf(yearBalanceBefore(thursdays([]), SEPT_17, NOW))).toEqual([0, 0, 0])
  })
})

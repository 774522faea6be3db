// The planner and habitué·e·s: preferred among equally fair plans, one place reserved where a child requires one, explained.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import type { Child } from '../../../src/domain/people.ts'
import { planRota } from '../../../src/domain/planning/plan.ts'
import { scorePlan, solvePlanProblem } from '../../../src/domain/planning/solver.ts'
import type { DateRange, FairnessModel, PlanProblem, ProblemAdult, ProblemWalk } from '../../../src/domain/planning/types.ts'
import { walkKeyOf } from '../../../src/domain/signup.ts'
import { availability, createFamily, fairnessModel, parisAt } from './planning-fixtures.ts'
import { absence } from './walk-log-fixtures.ts'
import { adultId, childId, createAdult, createChild, createSignUp, familyId, lineId, stopId } from './rota-fixtures.ts'

const walk = (key: string, candidates: string[], extra: Partial<ProblemWalk> = {}): ProblemWalk => ({
  key, time: `t-${key}`, week: 'w1', open: 1, candidates, ...extra,
})
const adult = (id: string, familyId: string): ProblemAdult => ({ id, familyId, weeklyRoom: new Map(), busy: new Set() })
const even = (ids: readonly string[]) => ids.map((id) => ({ id, target: 500, existing: 0 }))

describe('solvePlanProblem with habitué·e·s', () => {
  it('gives the walk to the preferred one of two equally fair candidates, whatever the order', () => {
    const adults = [adult('a', 'A'), adult('b', 'B')]
    for (const candidates of [['a', 'b'], ['b', 'a']]) {
      for (const preferred of ['a', 'b']) {
        const problem: PlanProblem = { walks: [walk('k1', candidates, { preferred: [preferred] })], adults, families: even(['A', 'B']) }
        expect(solvePlanProblem(problem).assignments).toEqual([{ walkKey: 'k1', adultId: preferred }])
      }
    }
  })

  it('never trades fairness for a preference', () => {
    // Family A is already at its target: b takes the walk although a is the habitué·e.
    const problem: PlanProblem = {
      walks: [walk('k1', ['a', 'b'], { preferred: ['a'] })],
      adults: [adult('a', 'A'), adult('b', 'B')],
      families: [{ id: 'A', target: 1000, existing: 1 }, { id: 'B', target: 1000, existing: 0 }],
    }
    expect(solvePlanProblem(problem).assignments).toEqual([{ walkKey: 'k1', adultId: 'b' }])
  })

  it('fills a reserved place with a reserved candidate, even against fairness', () => {
    const problem: PlanProblem = {
      walks: [walk('k1', ['a', 'b', 'c'], { open: 2, reserved: ['c'] })],
      adults: [adult('a', 'A'), adult('b', 'B'), adult('c', 'C')],
      families: [{ id: 'A', target: 1000, existing: 0 }, { id: 'B', target: 1000, existing: 0 }, { id: 'C', target: 0, existing: 3 }],
    }
    const solution = solvePlanProblem(problem)
    expect(solution.assignments.map((a) => a.adultId)).toContain('c')
    expect(solution.covered).toBe(2)
    // Without c the walk is not valid once full.
    expect(scorePlan(problem, [{ walkKey: 'k1', adultId: 'a' }, { walkKey: 'k1', adultId: 'b' }])).toBeNull()
    expect(scorePlan(problem, [{ walkKey: 'k1', adultId: 'a' }])).not.toBeNull()
  })

  it('leaves the reserved place open when no reserved candidate can take it, and fills the others', () => {
    const problem: PlanProblem = {
      walks: [walk('k1', ['a', 'b'], { open: 2, reserved: [] }), walk('k2', ['c'], { open: 1, reserved: ['c'], time: 'busy' })],
      adults: [adult('a', 'A'), adult('b', 'B'), { ...adult('c', 'C'), busy: new Set(['busy']) }],
      families: even(['A', 'B', 'C']),
    }
    const solution = solvePlanProblem(problem)
    expect(solution.covered).toBe(1)
    expect(solution.assignments.map((a) => a.walkKey)).toEqual(['k1'])
  })
})

// Thursday 3 September 2026, line 1: one aller walk to plan, two places (the floor), three families with a child each.
const THURSDAY: DateRange = { from: localDate('2026-09-03'), to: localDate('2026-09-03') }
const BEFORE = parisAt('2026-08-28', '12:00')
const ALLER = { lineId: lineId(1), date: localDate('2026-09-03'), direction: 'aller' as const }
const KEY = walkKeyOf(ALLER)
const onAller = (n: number, extra: Partial<Child> = {}): Child =>
  createChild(n, n, { routes: { aller: { lineId: lineId(1), stopId: stopId(1) } }, days: [4], ...extra })
const LEA = onAller(1, { firstName: 'Léa', support: 'Lui tenir la main aux traversées' })
const aller = [{ weekday: 4 as const, direction: 'aller' as const, lineId: lineId(1) }]

const model = (lea: Child, habitues: FairnessModel['habitues'], extra: Partial<FairnessModel> = {}): FairnessModel => ({
  ...fairnessModel({
    families: [1, 2, 3, 4].map(createFamily),
    adults: [1, 2, 3, 4].map((n) => createAdult(n, n)),
    children: [lea, onAller(2), onAller(3)],
    ...extra,
  }, { availability: [1, 2, 3].map((n) => availability(n, n, { recurring: aller })) }),
  ...(habitues === undefined ? {} : { habitues }),
})
const proposed = (m: FairnessModel): string[] => planRota(m, THURSDAY, BEFORE).assignments.map((a) => a.adultId).sort()
const uncoveredAller = (m: FairnessModel) => planRota(m, THURSDAY, BEFORE).uncovered.filter((walk) => walk.key === KEY)
/** The one of adults 1-3 the plan leaves out when nobody is an habitué·e: the three are equally fair. */
const LEFT_OUT = adultId([1, 2, 3].find((n) => !proposed(model(LEA, undefined)).includes(adultId(n))) ?? 0)

describe('planRota with habitué·e·s', () => {
  it('prefers the adult who already walked with a child with support expected on the walk', () => {
    expect(proposed(model(LEA, undefined))).toHaveLength(2)
    expect(proposed(model(LEA, new Map([[childId(1), [LEFT_OUT]]])))).toContain(LEFT_OUT)
    // Not for a child without support, nor one not expected on the walk.
    expect(proposed(model({ ...LEA, support: '' }, new Map([[childId(1), [LEFT_OUT]]])))).not.toContain(LEFT_OUT)
    expect(proposed(model({ ...LEA, days: [1] }, new Map([[childId(1), [LEFT_OUT]]])))).not.toContain(LEFT_OUT)
  })

  it('gives the same plan for records in any order', () => {
    const m = model(LEA, new Map([[childId(1), [LEFT_OUT]]]))
    const shuffled = { ...m, children: [...m.children].reverse(), adults: [...m.adults].reverse(), planning: { ...m.planning, availability: [...m.planning.availability].reverse() } }
    expect(planRota(shuffled, THURSDAY, BEFORE)).toEqual(planRota(m, THURSDAY, BEFORE))
  })

  it('reserves a place for an habitué·e of a child who requires one', () => {
    const m = model({ ...LEA, needsHabitue: true }, new Map([[childId(1), [LEFT_OUT]]]))
    expect(proposed(m)).toContain(LEFT_OUT)
    expect(uncoveredAller(m)).toEqual([])
  })

  it('fills the other places and leaves one to fill by hand when no habitué·e is available, with why', () => {
    // Adult 4 walked with Léa but said nothing about when they can walk.
    const m = model({ ...LEA, needsHabitue: true }, new Map([[childId(1), [adultId(4)]]]))
    expect(proposed(m)).toHaveLength(1)
    expect(uncoveredAller(m)).toEqual([{ walk: ALLER, key: KEY, missing: 1, reason: 'noHabitue', withoutHabitue: [childId(1)] }])
    // Never walked with anyone yet: the same.
    expect(uncoveredAller(model({ ...LEA, needsHabitue: true }, undefined))[0]?.reason).toBe('noHabitue')
  })

  it('requires nothing for a child declared absent from the walk', () => {
    const m = model({ ...LEA, needsHabitue: true }, undefined, { absences: [absence(1, 1, '2026-09-03')] })
    expect(proposed(m)).toHaveLength(2)
    expect(uncoveredAller(m)).toEqual([])
  })

  it('requires nothing more once an habitué·e holds a place', () => {
    const signUps = [{ ...createSignUp(4, 'lead', 1, 4, { line: 1, date: ALLER.date, direction: 'aller' }), familyId: familyId(4) }]
    const m = model({ ...LEA, needsHabitue: true }, new Map([[childId(1), [adultId(4)]]]), { signUps })
    expect(proposed(m)).toHaveLength(1)
    expect(uncoveredAller(m)).toEqual([])
  })
})

// Hand-made cases of the planner solver: what stays uncovered, who gets places against their targets, constraints, scoring and score order.
import { describe, expect, it } from 'vitest'
import { comparePlanScores, scorePlan, solvePlanProblem } from '../../../src/domain/planning/solver.ts'
import type { PlanProblem, ProblemAdult, ProblemAssignment, ProblemFamily, ProblemWalk } from '../../../src/domain/planning/types.ts'

const walk = (key: string, candidates: string[], extra: Partial<ProblemWalk> = {}): ProblemWalk => ({
  key, time: `t-${key}`, week: 'w1', open: 1, candidates, ...extra,
})
const adult = (id: string, familyId: string, extra: Partial<ProblemAdult> = {}): ProblemAdult => ({
  id, familyId, weeklyRoom: new Map(), busy: new Set(), ...extra,
})
const family = (id: string, target: number, existing = 0): ProblemFamily => ({ id, target, existing })
const holders = (assignments: readonly ProblemAssignment[]): string[] => assignments.map((a) => `${a.walkKey}:${a.adultId}`)

describe('solvePlanProblem', () => {
  it('leaves a walk uncovered when no candidate can take it, and covers the rest', () => {
    const problem: PlanProblem = {
      walks: [walk('k1', []), walk('k2', ['a']), walk('k3', ['b'], { time: 'busy' })],
      adults: [adult('a', 'A'), adult('b', 'B', { busy: new Set(['busy']) })],
      families: [family('A', 5000), family('B', 5000)],
    }
    const solution = solvePlanProblem(problem)
    expect(holders(solution.assignments)).toEqual(['k2:a'])
    expect(solution.covered).toBe(1)
  })

  it('gives nothing to a family far above its target when others can cover', () => {
    const problem: PlanProblem = {
      walks: ['k1', 'k2', 'k3'].map((k) => walk(k, ['ahead', 'behind1', 'behind2'])),
      adults: [adult('ahead', 'A'), adult('behind1', 'B'), adult('behind2', 'B')],
      families: [family('A', 2000, 10), family('B', 6000, 1)],
    }
    const solution = solvePlanProblem(problem)
    expect(solution.assignments.map((a) => a.adultId).filter((id) => id === 'ahead')).toEqual([])
    expect(solution).toMatchObject({ covered: 3, largestGap: 8000, totalGap: 10000 })
  })

  it('still covers a walk that only a family above its target can take', () => {
    const problem: PlanProblem = {
      walks: [walk('k1', ['ahead'])],
      adults: [adult('ahead', 'A')],
      families: [family('A', 0, 3)],
    }
    expect(holders(solvePlanProblem(problem).assignments)).toEqual(['k1:ahead'])
  })

  it('lets places already held shift who gets the open places', () => {
    const walks = [walk('k1', ['a', 'b']), walk('k2', ['a', 'b'])]
    const adults = [adult('a', 'A'), adult('b', 'B')]
    const even = solvePlanProblem({ walks, adults, families: [family('A', 3000), family('B', 3000)] })
    expect(even.assignments.map((x) => x.adultId).sort()).toEqual(['a', 'b'])
    const aheadA = solvePlanProblem({ walks, adults, families: [family('A', 3000, 2), family('B', 3000)] })
    expect(aheadA.assignments.map((x) => x.adultId)).toEqual(['b', 'b'])
    expect(aheadA).toMatchObject({ largestGap: 1000, totalGap: 2000 })
  })

  it('rounds fractional targets to the closer whole number of places', () => {
    const walks = ['k1', 'k2', 'k3'].map((k) => walk(k, ['a', 'b']))
    const adults = [adult('a', 'A'), adult('b', 'B')]
    const solution = solvePlanProblem({ walks, adults, families: [family('A', 2400), family('B', 600)] })
    expect(solution.assignments.map((x) => x.adultId).sort()).toEqual(['a', 'a', 'b'])
    expect(solution).toMatchObject({ covered: 3, largestGap: 400, totalGap: 800 })
  })

  it('respects a weekly room, one walk per adult at a time, and open places', () => {
    const problem: PlanProblem = {
      walks: [
        walk('k1', ['a', 'b'], { open: 2, time: 'mon' }),
        walk('k2', ['a'], { time: 'mon' }),
        walk('k3', ['b'], { time: 'tue' }),
        walk('k4', ['c'], { time: 'wed', week: 'w2' }),
      ],
      adults: [adult('a', 'A'), adult('b', 'B', { weeklyRoom: new Map([['w1', 1]]) }), adult('c', 'C', { weeklyRoom: new Map([['w2', 0]]) })],
      families: [family('A', 9000), family('B', 9000), family('C', 9000)],
    }
    const solution = solvePlanProblem(problem)
    // b can walk once in w1, a once on Monday: two of k1, k2, k3 are covered; c has no room in w2.
    expect(solution.covered).toBe(2)
    expect(scorePlan(problem, solution.assignments)).not.toBeNull()
    expect(solution.assignments.some((x) => x.adultId === 'c')).toBe(false)
  })

  it('spreads an adult\'s places over weeks when the score allows it', () => {
    const problem: PlanProblem = {
      walks: [
        walk('k1', ['a1', 'a2'], { time: 'w1-mon', week: 'w1' }),
        walk('k2', ['a1', 'a2'], { time: 'w1-tue', week: 'w1' }),
        walk('k3', ['a1', 'a2'], { time: 'w2-mon', week: 'w2' }),
        walk('k4', ['a1', 'a2'], { time: 'w2-tue', week: 'w2' }),
      ],
      adults: [adult('a1', 'A'), adult('a2', 'A')],
      families: [family('A', 4000)],
    }
    const solution = solvePlanProblem(problem)
    const perAdultWeek = new Map<string, number>()
    for (const x of solution.assignments) {
      const week = problem.walks.find((w) => w.key === x.walkKey)?.week
      const key = `${x.adultId}/${week}`
      perAdultWeek.set(key, (perAdultWeek.get(key) ?? 0) + 1)
    }
    expect([...perAdultWeek.values()]).toEqual([1, 1, 1, 1])
  })

  it('lists assignments in walk order, then in the walk\'s candidate order', () => {
    const problem: PlanProblem = {
      walks: [walk('k2', ['b', 'a'], { open: 2 }), walk('k1', ['a', 'b'], { open: 2, time: 'other' })],
      adults: [adult('a', 'A'), adult('b', 'B')],
      families: [family('A', 9000), family('B', 9000)],
    }
    expect(holders(solvePlanProblem(problem).assignments)).toEqual(['k2:b', 'k2:a', 'k1:a', 'k1:b'])
  })

  it('counts the places of an adult whose family is not listed, for no family', () => {
    const problem: PlanProblem = {
      walks: [walk('k1', ['x'])],
      adults: [adult('x', 'unknown')],
      families: [family('A', 1500)],
    }
    expect(solvePlanProblem(problem)).toEqual({ covered: 1, largestGap: 1500, totalGap: 1500, assignments: [{ walkKey: 'k1', adultId: 'x' }] })
  })

  it('handles an empty problem', () => {
    expect(solvePlanProblem({ walks: [], adults: [], families: [] })).toEqual({ covered: 0, largestGap: 0, totalGap: 0, assignments: [] })
  })
})

describe('scorePlan', () => {
  const problem: PlanProblem = {
    walks: [walk('k1', ['a', 'b'], { open: 1, time: 'mon' }), walk('k2', ['a'], { time: 'mon' }), walk('k3', ['b'], { time: 'tue' })],
    adults: [adult('a', 'A', { busy: new Set(['sat']) }), adult('b', 'B', { weeklyRoom: new Map([['w1', 1]]) })],
    families: [family('A', 1500), family('B', -500, 1)],
  }

  it('scores a valid plan', () => {
    expect(scorePlan(problem, [{ walkKey: 'k1', adultId: 'b' }, { walkKey: 'k2', adultId: 'a' }])).toEqual({
      covered: 2, largestGap: 2500, totalGap: 3000,
    })
  })

  it.each([
    ['an unknown walk', [{ walkKey: 'nope', adultId: 'a' }]],
    ['a non-candidate', [{ walkKey: 'k3', adultId: 'a' }]],
    ['more than open', [{ walkKey: 'k1', adultId: 'a' }, { walkKey: 'k1', adultId: 'b' }]],
    ['an adult twice on a walk', [{ walkKey: 'k2', adultId: 'a' }, { walkKey: 'k2', adultId: 'a' }]],
    ['two walks at one time', [{ walkKey: 'k1', adultId: 'a' }, { walkKey: 'k2', adultId: 'a' }]],
    ['beyond the weekly room', [{ walkKey: 'k1', adultId: 'b' }, { walkKey: 'k3', adultId: 'b' }]],
  ])('rejects %s', (_name, assignments) => {
    expect(scorePlan(problem, assignments)).toBeNull()
  })

  it('rejects an adult at a time they are busy', () => {
    const busyProblem: PlanProblem = { ...problem, walks: [walk('k9', ['a'], { time: 'sat' })] }
    expect(scorePlan(busyProblem, [{ walkKey: 'k9', adultId: 'a' }])).toBeNull()
  })
})

describe('comparePlanScores', () => {
  it('prefers more places covered, then a smaller largest gap, then a smaller total gap', () => {
    const base = { covered: 5, largestGap: 1000, totalGap: 3000 }
    expect(comparePlanScores({ ...base, covered: 6, largestGap: 9000 }, base)).toBeLessThan(0)
    expect(comparePlanScores({ ...base, largestGap: 900, totalGap: 9000 }, base)).toBeLessThan(0)
    expect(comparePlanScores({ ...base, totalGap: 2999 }, base)).toBeLessThan(0)
    expect(comparePlanScores(base, { ...base })).toBe(0)
    expect(comparePlanScores(base, { ...base, covered: 6 })).toBeGreaterThan(0)
  })
})

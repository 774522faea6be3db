// Seeded property tests of the planner solver: exact optimum against exhaustive search on small instances, every constraint on large ones, determinism.
//   Replay one failing seed: PLAN_SEED=<seed> npx vitest run --project unit tests/unit/domain/planning-solver-property.test.ts
import { describe, expect, it } from 'vitest'
import { scorePlan, solvePlanProblem } from '../../../src/domain/planning/solver.ts'
import type { PlanProblem, ProblemSolution } from '../../../src/domain/planning/types.ts'
import { exhaustiveOptimum, LARGE_SHAPE, randomPlanProblem } from '../../helpers/plan-problems.ts'

const replayed = process.env.PLAN_SEED
const seeds = (count: number, first: number): number[] =>
  replayed !== undefined && Number.isInteger(Number(replayed)) ? [Number(replayed)] : Array.from({ length: count }, (_, i) => first + i)

/** Every constraint, checked here without the solver's scorePlan; returns what is broken. */
const violations = (problem: PlanProblem, solution: ProblemSolution): string[] => {
  const broken: string[] = []
  for (const walk of problem.walks) {
    const on = solution.assignments.filter((a) => a.walkKey === walk.key).map((a) => a.adultId)
    if (on.length > walk.open) broken.push(`${walk.key}: ${on.length} > open ${walk.open}`)
    if (new Set(on).size !== on.length) broken.push(`${walk.key}: an adult twice`)
    for (const id of on) if (!walk.candidates.includes(id)) broken.push(`${walk.key}: ${id} is not a candidate`)
  }
  const walkOf = new Map(problem.walks.map((w) => [w.key, w] as const))
  for (const adult of problem.adults) {
    const walks = solution.assignments.filter((a) => a.adultId === adult.id).map((a) => walkOf.get(a.walkKey))
    const times = walks.map((w) => w?.time)
    if (new Set(times).size !== times.length) broken.push(`${adult.id}: two walks at one time`)
    for (const time of times) if (time !== undefined && adult.busy.has(time)) broken.push(`${adult.id}: busy at ${time}`)
    for (const [week, room] of adult.weeklyRoom) {
      const count = walks.filter((w) => w?.week === week).length
      if (count > room) broken.push(`${adult.id}: ${count} walks in ${week} > ${room}`)
    }
  }
  return broken
}

describe('solvePlanProblem on seeded random instances', () => {
  it('finds the exhaustive optimum on small instances', () => {
    for (const seed of seeds(300, 7_000)) {
      const problem = randomPlanProblem(seed)
      const solution = solvePlanProblem(problem)
      const optimum = exhaustiveOptimum(problem)
      const score = scorePlan(problem, solution.assignments)
      expect(score, `seed ${seed}`).toEqual(optimum)
      expect({ covered: solution.covered, largestGap: solution.largestGap, totalGap: solution.totalGap }, `seed ${seed}`).toEqual(optimum)
      expect(violations(problem, solution), `seed ${seed}`).toEqual([])
    }
  })

  it('respects every constraint on large instances (30 families, 200 walks)', () => {
    for (const seed of seeds(8, 90_000)) {
      const problem = randomPlanProblem(seed, LARGE_SHAPE)
      const solution = solvePlanProblem(problem)
      expect(scorePlan(problem, solution.assignments), `seed ${seed}`).not.toBeNull()
      expect(violations(problem, solution), `seed ${seed}`).toEqual([])
      expect(solution.covered, `seed ${seed}`).toBe(solution.assignments.length)
      expect(solution.covered, `seed ${seed}`).toBeGreaterThan(0)
    }
  })

  it('gives the same assignments for the same input', () => {
    for (const seed of seeds(5, 91_000)) {
      const first = solvePlanProblem(randomPlanProblem(seed, LARGE_SHAPE))
      const second = solvePlanProblem(randomPlanProblem(seed, LARGE_SHAPE))
      expect(second, `seed ${seed}`).toEqual(first)
    }
  })
})

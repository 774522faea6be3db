// Seeded random PlanProblem instances and an exhaustive-search reference optimum, for the planner solver's tests only.
import type { PlanProblem, PlanScore, ProblemAdult, ProblemFamily, ProblemWalk } from '../../src/domain/planning/types.ts'
import { seededRandom } from './seeded-random.ts'

export interface ProblemShape {
  readonly families: readonly [number, number]
  readonly adultsPerFamily: readonly [number, number]
  readonly walks: readonly [number, number]
  readonly open: readonly [number, number]
  /** Distinct times (days x directions); each day belongs to one week of `daysPerWeek` days. */
  readonly days: number
  readonly daysPerWeek: number
  /** Chance that an adult is a candidate of a walk. */
  readonly availability: number
  /** Chance that an adult has a weekly room listed for a given week (0 to `maxRoom`). */
  readonly weeklyCap: number
  readonly maxRoom: number
  /** Chance that an adult is busy at a given time. */
  readonly busy: number
  readonly maxExisting: number
  /** Largest positive target, in thousandths (some targets are negative, some whole). */
  readonly maxTarget: number
}

export const SMALL_SHAPE: ProblemShape = {
  families: [2, 4], adultsPerFamily: [1, 3], walks: [3, 7], open: [1, 2], days: 3, daysPerWeek: 2,
  availability: 0.45, weeklyCap: 0.3, maxRoom: 2, busy: 0.1, maxExisting: 3, maxTarget: 7000,
}

export const LARGE_SHAPE: ProblemShape = {
  families: [30, 30], adultsPerFamily: [1, 3], walks: [200, 200], open: [1, 3], days: 35, daysPerWeek: 5,
  availability: 0.12, weeklyCap: 0.4, maxRoom: 3, busy: 0.05, maxExisting: 4, maxTarget: 16000,
}

/** Roughly the benchmark's size: 40 families, 80 adults, 170 walks, about 400 open places. */
export const BENCH_SHAPE: ProblemShape = {
  families: [40, 40], adultsPerFamily: [2, 2], walks: [170, 170], open: [2, 3], days: 35, daysPerWeek: 5,
  availability: 0.2, weeklyCap: 0.5, maxRoom: 2, busy: 0.05, maxExisting: 3, maxTarget: 20000,
}

/** A random problem, the same for the same seed and shape. */
export const randomPlanProblem = (seed: number, shape: ProblemShape = SMALL_SHAPE): PlanProblem => {
  const random = seededRandom(seed)
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1))
  const chance = (p: number): boolean => random() < p
  const weeks = Math.ceil(shape.days / shape.daysPerWeek)
  const times = Array.from({ length: shape.days * 2 }, (_, i) => `d${Math.floor(i / 2)}${i % 2 === 0 ? 'am' : 'pm'}`)
  const weekOf = (time: string): string => `w${Math.floor(Number(time.slice(1, -2)) / shape.daysPerWeek)}`
  const families: ProblemFamily[] = []
  const adults: ProblemAdult[] = []
  const familyCount = int(shape.families[0], shape.families[1])
  for (let f = 0; f < familyCount; f++) {
    const id = `f${f}`
    const existing = int(0, shape.maxExisting)
    // Targets: whole, fractional and negative values, in thousandths.
    const target = chance(0.15) ? -int(1, 2500) : chance(0.3) ? 1000 * int(0, Math.floor(shape.maxTarget / 1000)) : int(0, shape.maxTarget)
    families.push({ id, existing, target })
    const adultCount = int(shape.adultsPerFamily[0], shape.adultsPerFamily[1])
    for (let a = 0; a < adultCount; a++) {
      const weeklyRoom = new Map<string, number>()
      for (let w = 0; w < weeks; w++) if (chance(shape.weeklyCap)) weeklyRoom.set(`w${w}`, int(0, shape.maxRoom))
      const busy = new Set(times.filter(() => chance(shape.busy)))
      adults.push({ id: `a${f}.${a}`, familyId: id, weeklyRoom, busy })
    }
  }
  // Sometimes an adult whose family is not listed: their places cover walks but count for no family.
  if (chance(0.2)) adults.push({ id: 'x', familyId: 'unlisted', weeklyRoom: new Map(), busy: new Set() })
  const walkCount = int(shape.walks[0], shape.walks[1])
  const walks: ProblemWalk[] = []
  for (let w = 0; w < walkCount; w++) {
    const time = times[int(0, times.length - 1)] ?? 'd0am'
    const candidates = shuffled(adults.filter(() => chance(shape.availability)).map((a) => a.id), random)
    // Sometimes a candidate listed twice: still at most once on the walk.
    if (candidates.length > 0 && chance(0.05)) candidates.push(candidates[0] ?? '')
    walks.push({ key: `k${w}`, time, week: weekOf(time), open: int(shape.open[0], shape.open[1]), candidates })
  }
  return { walks, adults, families }
}

const shuffled = <T>(items: T[], random: () => number): T[] => {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const tmp = out[i] as T
    out[i] = out[j] as T
    out[j] = tmp
  }
  return out
}

/**
 * The optimum by exhaustive search: every choice of up to `open` candidates per walk, walk by
 * walk, keeping only choices that respect the constraints. States that cannot be told apart later
 * (same places per family, same weekly counts, same adults used at a time still to come) are merged,
 * so the search stays small; the best final state is the optimum. Independent of the solver.
 */
export const exhaustiveOptimum = (problem: PlanProblem): PlanScore => {
  const adultsById = new Map(problem.adults.map((a) => [a.id, a] as const))
  const families = problem.families
  const familyIndex = new Map(families.map((f, i) => [f.id, i] as const))
  interface State {
    readonly covered: number
    readonly places: readonly number[]
    readonly used: ReadonlySet<string>
  }
  // Walks in week then time order (the optimum does not depend on the order). After a time's (a
  // week's) last walk, who was used then no longer matters: forgetting it merges more states.
  const ordered = [...problem.walks].sort((x, y) => (x.week === y.week ? (x.time < y.time ? -1 : x.time > y.time ? 1 : 0) : x.week < y.week ? -1 : 1))
  const lastWalkOf = new Map<string, number>()
  ordered.forEach((w, i) => {
    lastWalkOf.set(`t:${w.time}:`, i)
    lastWalkOf.set(`w:${w.week}:`, i)
  })
  const stillMatters = (key: string, done: number): boolean => {
    const prefix = key.slice(0, key.indexOf(':', 2) + 1)
    return (lastWalkOf.get(prefix) ?? -1) > done
  }
  let states = new Map<string, State>([['', { covered: 0, places: families.map(() => 0), used: new Set() }]])
  ordered.forEach((walk, index) => {
    const next = new Map<string, State>()
    for (const state of states.values()) {
      for (const chosen of subsetsUpTo(walk.candidates, walk.open)) {
        const used = new Set(state.used)
        const places = [...state.places]
        let ok = true
        for (const adultId of chosen) {
          const adult = adultsById.get(adultId)
          const timeKey = `t:${walk.time}:${adultId}`
          if (adult === undefined || adult.busy.has(walk.time) || used.has(timeKey)) {
            ok = false
            break
          }
          used.add(timeKey)
          // Only a listed weekly room needs counting.
          const room = adult.weeklyRoom.get(walk.week)
          if (room !== undefined) {
            const weekKey = `w:${walk.week}:${adultId}`
            let count = 0
            while (used.has(`${weekKey}:${count}`)) count++
            if (count + 1 > room) {
              ok = false
              break
            }
            used.add(`${weekKey}:${count}`)
          }
          const f = familyIndex.get(adult.familyId)
          if (f !== undefined) places[f] = (places[f] ?? 0) + 1
        }
        if (!ok) continue
        for (const key of [...used]) if (!stillMatters(key, index)) used.delete(key)
        const candidate: State = { covered: state.covered + chosen.length, places, used }
        const key = `${candidate.covered}|${places.join(',')}|${[...used].sort().join(',')}`
        if (!next.has(key)) next.set(key, candidate)
      }
    }
    states = next
  })
  let best: PlanScore | null = null
  for (const state of states.values()) {
    let largestGap = 0
    let totalGap = 0
    families.forEach((f, i) => {
      const gap = Math.abs(1000 * (f.existing + (state.places[i] ?? 0)) - f.target)
      largestGap = Math.max(largestGap, gap)
      totalGap += gap
    })
    const score = { covered: state.covered, largestGap, totalGap }
    if (best === null || isBetter(score, best)) best = score
  }
  return best ?? { covered: 0, largestGap: 0, totalGap: 0 }
}

const isBetter = (a: PlanScore, b: PlanScore): boolean =>
  a.covered !== b.covered ? a.covered > b.covered : a.largestGap !== b.largestGap ? a.largestGap < b.largestGap : a.totalGap < b.totalGap

const subsetsUpTo = (items: readonly string[], size: number): string[][] => {
  const out: string[][] = [[]]
  const grow = (start: number, current: string[]): void => {
    if (current.length >= size) return
    for (let i = start; i < items.length; i++) {
      const item = items[i] ?? ''
      const extended = [...current, item]
      out.push(extended)
      grow(i + 1, extended)
    }
  }
  grow(0, [])
  return out
}

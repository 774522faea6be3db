// Planner benchmark (printed, never asserted): a seeded 40-family collective (3 lines, both directions, 7 weeks), a fresh start and one with the autumn carried over: planning time, gaps to fair share, lower bounds, a first-come baseline.
import { parisToInstant } from '../src/domain/calendar/paris-time.ts'
import { DEFAULT_ROSTER_SETTING, StoredRosterEntrySchema, type CoordinationRecords } from '../src/domain/coordination/records.ts'
import { daysBetween, localDate, mondayOf, type LocalDate, type TimeOfDay, type Weekday } from '../src/domain/dates.ts'
import { StoredFamilySchema, type Family } from '../src/domain/family.ts'
import { ActorIdSchema, type ActorId, type AdultId } from '../src/domain/ids.ts'
import { StoredLineSchema, StoredStopSchema, type Direction, type Line, type Stop } from '../src/domain/line.ts'
import { StoredAdultSchema, StoredChildSchema, type Adult, type Child } from '../src/domain/people.ts'
import { isAvailableFor } from '../src/domain/planning/availability.ts'
import { runningWalks } from '../src/domain/planning/held.ts'
import { planRota } from '../src/domain/planning/plan.ts'
import { planContext, problemOf } from '../src/domain/planning/problem.ts'
import { DEFAULT_FAIRNESS_SETTING, StoredAvailabilitySchema, StoredExemptionSchema, type Availability, type Exemption } from '../src/domain/planning/records.ts'
import { yearBalanceBefore } from '../src/domain/planning/share.ts'
import { scorePlan, solvePlanProblem } from '../src/domain/planning/solver.ts'
import type { DateRange, FairnessModel, PlanProblem, PlanScore, ProblemAssignment } from '../src/domain/planning/types.ts'
import { resolveIndexedWalk } from '../src/domain/rota/resolve.ts'
import { indexSignUps } from '../src/domain/rota/signup-index.ts'
import { deriveWalks } from '../src/domain/rota/walks.ts'
import { DEFAULT_SETTINGS } from '../src/domain/settings.ts'
import { StoredSignUpSchema, type SignUp, type Slot } from '../src/domain/signup.ts'
import { NO_SWAP_RECORDS } from '../src/domain/swaps/records.ts'
import { seededRandom } from '../tests/helpers/seeded-random.ts'
import { time, timeMedian } from './timing.ts'

const SEED = 2027
const FAMILIES = 40
const LINES = [['Ligne des Pins', 6], ['Ligne du Lac', 5], ['Ligne de la Gare', 7]] as const
/** Seven school weeks with no holiday in zone B (winter holidays start after class on Saturday 20 February 2027). */
const PERIOD: DateRange = { from: localDate('2027-01-04'), to: localDate('2027-02-19') }
const HISTORY: DateRange = { from: localDate('2026-09-01'), to: localDate('2026-12-18') }
const NOW = parisToInstant(localDate('2027-01-01'), '10:00' as TimeOfDay)
const RUNS = 7
const AT = '2027-01-01T10:00:00+01:00'
const WEEKDAYS: readonly Weekday[] = [1, 2, 4, 5]
const DIRECTIONS: readonly Direction[] = ['aller', 'retour']
/** How much less often an adult signs up, in the autumn, for a walk of their line they did not list as available. */
const UNLISTED = 0.25
/** Walks a week a family means to do, per child walking, when it signs up first-come. */
const INTENT = 1.1

const random = seededRandom(SEED)
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
const uuid = (prefix: number, n: number): string => `00000000-0000-4000-8${String(prefix).padStart(3, '0')}-${String(n).padStart(12, '0')}`

interface Member { family: Family; adults: Adult[]; line: number; children: number; eagerness: number[] }

const buildLines = (): { lines: Line[]; stops: Stop[] } => {
  const lines = LINES.map(([name], l) => StoredLineSchema.parse({ id: uuid(1, l + 1), name, colour: '#2e7d32', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }))
  const stops = LINES.flatMap(([, count], l) => Array.from({ length: count }, (_, s) => StoredStopSchema.parse({
    id: uuid(2, 10 * (l + 1) + s), lineId: uuid(1, l + 1), name: `Arrêt ${l}-${s}`, position: s + 1,
    times: { aller: `08:${String(5 + 3 * s).padStart(2, '0')}`, retour: `16:${String(55 - 3 * s).padStart(2, '0')}` },
    access: { stepFree: true, dangerousCrossing: false, note: '' },
  })))
  return { lines, stops }
}

/** Families of one or two adults and one to three children on one line; most children walk four days. */
const buildFamilies = (lines: readonly Line[], stops: readonly Stop[]): { members: Member[]; children: Child[] } => {
  const members: Member[] = []
  const children: Child[] = []
  for (let n = 1; n <= FAMILIES; n++) {
    const line = (n - 1) % lines.length
    const family = StoredFamilySchema.parse({ id: uuid(3, n), displayName: `Famille ${n}` })
    const adultCount = random() < 0.75 ? 2 : 1
    const adults = Array.from({ length: adultCount }, (_, i) => StoredAdultSchema.parse({
      id: uuid(4, 10 * n + i), familyId: family.id, firstName: `Parent ${n}-${i}`, phone: '06 12 34 56 78', charterAcceptedOn: '2026-09-01', insured: true,
    }))
    const lineStops = stops.filter((stop) => stop.lineId === lines[line]!.id)
    const childCount = 1 + (random() < 0.4 ? 1 : 0) + (random() < 0.1 ? 1 : 0)
    for (let c = 0; c < childCount; c++) {
      const route = { lineId: lines[line]!.id, stopId: pick(lineStops).id }
      children.push(StoredChildSchema.parse({
        id: uuid(5, 10 * n + c), familyId: family.id, firstName: `Enfant ${n}-${c}`, initial: 'B',
        routes: random() < 0.9 ? { aller: route, retour: route } : { aller: route },
        days: random() < 0.8 ? [1, 2, 4, 5] : [1, 2, 4], support: '', countsExtra: random() < 0.08,
      }))
    }
    // "The same few parents doing most walks": a few are far more eager than the rest.
    members.push({ family, adults, line, children: childCount, eagerness: adults.map(() => (random() < 0.15 ? 2.5 : 0.5 + random())) })
  }
  return { members, children }
}

/** Varied availability: mornings only, afternoons only, a few fixed days, or anything on their line (some on another line too). */
const buildAvailability = (members: readonly Member[], lines: readonly Line[]): Availability[] =>
  members.flatMap((member) => member.adults.flatMap((adult) => {
    if (random() < 0.2) return []
    const own = lines[member.line]!.id
    const kind = pick(['mornings', 'afternoons', 'days', 'days', 'anything'] as const)
    const days = kind === 'days' ? WEEKDAYS.filter(() => random() < 0.4) : WEEKDAYS.filter(() => random() < 0.6)
    const directions: readonly Direction[] = kind === 'mornings' ? ['aller'] : kind === 'afternoons' ? ['retour'] : DIRECTIONS
    const linesFor = random() < 0.15 ? [own, lines[(member.line + 1) % lines.length]!.id] : [own]
    const recurring = linesFor.flatMap((lineId) => days.flatMap((weekday) => directions.map((direction) => ({ weekday, direction, lineId }))))
    const exceptions = Array.from({ length: random() < 0.4 ? 1 + Math.floor(random() * 3) : 0 }, () => ({
      date: pick(['2027-01-08', '2027-01-14', '2027-01-25', '2027-02-02', '2027-02-11', '2027-02-15']), available: random() < 0.2, direction: null, lineId: null,
    }))
    return [StoredAvailabilitySchema.parse({
      adultId: adult.id, familyId: member.family.id, recurring, exceptions,
      weeklyMax: random() < 0.3 ? pick([1, 1, 2, 3]) : null, preference: pick(['lead', 'tail', 'none', 'none'] as const), actor: uuid(6, 1), at: AT,
    })]
  }))

/**
 * Sign-ups as phones write them, first come first served: each place of a walk is taken with
 * probability `rate` by an adult free then (one place at a time, weekly maximum kept), of the
 * walk's line or available for it. The draw favours, in this order: adults who said they can walk
 * then (those who did not, a quarter as often), eager adults, and families behind what they mean
 * to do (about INTENT walks a week per child). So the more available families take more walks,
 * every walk is about covered, and a family that can seldom walk ends the autumn behind.
 */
const buildSignUps = (base: Omit<FairnessModel, 'signUps'>, members: readonly Member[], range: DateRange, rate: number, clock: { value: number }, actors: Map<AdultId, ActorId>): SignUp[] => {
  const model = { ...base, signUps: [] }
  const index = indexSignUps(model)
  const records = new Map(base.planning.availability.map((record) => [record.adultId, record]))
  const busy = new Set<string>()
  const perWeek = new Map<string, number>()
  const done = new Map<string, number>()
  const signUps: SignUp[] = []
  for (const walk of deriveWalks(model, range.from, range.to)) {
    if (walk.cancellation !== null) continue
    const required = resolveIndexedWalk(model, index, walk, NOW).requiredAdults
    const weeks = (daysBetween(range.from, walk.date) + 1) / 7
    const weekOf = (adult: Adult): number => perWeek.get(`${adult.id}|${mondayOf(walk.date)}`) ?? 0
    const free = (adult: Adult): boolean => {
      const max = records.get(adult.id)?.weeklyMax ?? null
      return !busy.has(`${adult.id}|${walk.date}|${walk.direction}`) && (max === null || weekOf(adult) < max)
    }
    const pool = members.flatMap((member) => member.adults.flatMap((adult, i) => {
      const record = records.get(adult.id)
      const able = record !== undefined && isAvailableFor(record, walk)
      if (!free(adult) || (!able && base.lines[member.line]!.id !== walk.lineId)) return []
      const behind = INTENT * member.children * weeks - (done.get(member.family.id) ?? 0)
      return [{ adult, weight: member.eagerness[i]! * (able ? 1 : UNLISTED) * Math.min(3, Math.max(0.2, 1 + behind / 2)) }]
    }))
    const slots: Slot[] = ['lead', 'tail', ...Array.from({ length: required - 2 }, () => 'extra' as const)]
    const taken = new Set<AdultId>()
    for (const slot of slots) {
      if (random() >= rate) continue
      const left = pool.filter(({ adult }) => !taken.has(adult.id))
      let draw = random() * left.reduce((sum, { weight }) => sum + weight, 0)
      const chosen = left.find(({ weight }) => (draw -= weight) <= 0) ?? left[left.length - 1]
      if (chosen === undefined) continue
      taken.add(chosen.adult.id)
      busy.add(`${chosen.adult.id}|${walk.date}|${walk.direction}`)
      const week = `${chosen.adult.id}|${mondayOf(walk.date)}`
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1)
      done.set(chosen.adult.familyId, (done.get(chosen.adult.familyId) ?? 0) + 1)
      const actor = actors.get(chosen.adult.id) ?? ActorIdSchema.parse(uuid(6, 100 + actors.size))
      actors.set(chosen.adult.id, actor)
      signUps.push(StoredSignUpSchema.parse({
        lineId: walk.lineId, date: walk.date, direction: walk.direction, adultId: chosen.adult.id, familyId: chosen.adult.familyId,
        slot, status: 'active', clock: ++clock.value, actor,
      }))
    }
  }
  return signUps
}

const rosterFrom = (from: LocalDate): CoordinationRecords => ({
  setting: DEFAULT_ROSTER_SETTING,
  roster: [2, 7, 11, 19, 23, 31, 36, 40].map((n, i) => StoredRosterEntrySchema.parse({ familyId: uuid(3, n), accepted: true, position: i + 1, from, clock: i + 1, actor: uuid(6, 1) })),
  offers: [],
  responses: [],
})

/**
 * The same collective twice: `carried` used the app since September (autumn sign-ups and coordinator
 * periods count in each family's balance); `fresh` starts with the period (same families,
 * availability and sign-ups in the period; its coordinator rotation starts then too).
 */
const buildModels = (): { fresh: FairnessModel; carried: FairnessModel } => {
  const { lines, stops } = buildLines()
  const { members, children } = buildFamilies(lines, stops)
  const availability = buildAvailability(members, lines)
  const exemptions: Exemption[] = [
    // A new baby this winter; an illness in the autumn (carried over in the balance).
    StoredExemptionSchema.parse({ id: uuid(10, 1), familyId: members[4]!.family.id, from: '2027-01-04', to: '2027-02-28', sharePercent: 0, actor: uuid(6, 1), at: AT }),
    StoredExemptionSchema.parse({ id: uuid(10, 2), familyId: members[16]!.family.id, from: '2026-10-01', to: '2026-12-18', sharePercent: 50, actor: uuid(6, 1), at: AT }),
  ]
  const base = {
    profile: null,
    settings: { ...DEFAULT_SETTINGS, holidayZone: 'B' as const },
    lines, stops, children, exceptions: [], holidays: [],
    families: members.map((member) => member.family),
    adults: members.flatMap((member) => member.adults),
    swaps: NO_SWAP_RECORDS,
    coordination: rosterFrom(HISTORY.from),
    planning: { fairness: DEFAULT_FAIRNESS_SETTING, availability, exemptions },
  }
  const clock = { value: 100 }
  const actors = new Map<AdultId, ActorId>()
  const history = buildSignUps(base, members, HISTORY, 0.95, clock, actors)
  const period = buildSignUps(base, members, PERIOD, 0.12, clock, actors)
  return {
    fresh: { ...base, coordination: rosterFrom(mondayOf(PERIOD.from)), signUps: period },
    carried: { ...base, signUps: [...history, ...period] },
  }
}

/** First come, first served: each open place, walk by walk, to the first candidate still free at that time and under their weekly maximum. */
const naivePlan = (problem: PlanProblem): ProblemAssignment[] => {
  const adults = new Map(problem.adults.map((adult) => [adult.id, adult]))
  const busy = new Set<string>()
  const perWeek = new Map<string, number>()
  const assignments: ProblemAssignment[] = []
  for (const walk of problem.walks) {
    let open = walk.open
    for (const adultId of walk.candidates) {
      if (open === 0) break
      const adult = adults.get(adultId)
      const weekKey = `${adultId}|${walk.week}`
      if (adult === undefined || adult.busy.has(walk.time) || busy.has(`${adultId}|${walk.time}`)) continue
      if ((perWeek.get(weekKey) ?? 0) >= (adult.weeklyRoom.get(walk.week) ?? Infinity)) continue
      busy.add(`${adultId}|${walk.time}`)
      perWeek.set(weekKey, (perWeek.get(weekKey) ?? 0) + 1)
      assignments.push({ walkKey: walk.key, adultId })
      open--
    }
  }
  return assignments
}

/** Each family's reachable counts: from what it holds to that plus what its adults could add (one place per time, weekly room per week). */
const reachOf = (problem: PlanProblem): Map<string, number> => {
  const reach = new Map<string, number>()
  for (const adult of problem.adults) {
    const timesPerWeek = new Map<string, Set<string>>()
    for (const walk of problem.walks) {
      if (!walk.candidates.includes(adult.id) || adult.busy.has(walk.time)) continue
      const times = timesPerWeek.get(walk.week) ?? new Set<string>()
      times.add(walk.time)
      timesPerWeek.set(walk.week, times)
    }
    let places = 0
    for (const [week, times] of timesPerWeek) places += Math.min(times.size, adult.weeklyRoom.get(week) ?? Infinity)
    reach.set(adult.familyId, (reach.get(adult.familyId) ?? 0) + places)
  }
  return reach
}

interface Box { readonly lo: number; readonly hi: number; readonly target: number }
const gapAt = (box: Box, count: number): number => Math.abs(1000 * count - box.target)

/**
 * Lower bounds (thousandths) on the gaps of any plan covering `covered` places: each family ends
 * with an integer count in [held, held + reach] and the counts add up to held + covered.
 * `simple` drops the sum: each family's distance from its target to the nearest reachable count.
 */
const lowerBounds = (problem: PlanProblem, covered: number): { simple: { largest: number; total: number }; largest: number; total: number } => {
  const reach = reachOf(problem)
  const boxes: Box[] = problem.families.map((family) => ({ lo: family.existing, hi: family.existing + (reach.get(family.id) ?? 0), target: family.target }))
  const sum = boxes.reduce((total, box) => total + box.lo, 0) + covered
  const nearest = boxes.map((box) => Math.min(box.hi, Math.max(box.lo, Math.round(box.target / 1000))))
  const simpleGaps = boxes.map((box, i) => gapAt(box, nearest[i]!))
  // Largest: the smallest G for which every family has a count within G of its target and the counts can add up to `sum`.
  const fits = (limit: number): boolean => {
    let low = 0
    let high = 0
    for (const box of boxes) {
      const a = Math.max(box.lo, Math.ceil((box.target - limit) / 1000))
      const b = Math.min(box.hi, Math.floor((box.target + limit) / 1000))
      if (a > b) return false
      low += a
      high += b
    }
    return low <= sum && sum <= high
  }
  let low = 0
  let high = Math.max(...boxes.map((box) => Math.max(gapAt(box, box.lo), gapAt(box, box.hi))))
  while (low < high) {
    const mid = Math.floor((low + high) / 2)
    if (fits(mid)) high = mid
    else low = mid + 1
  }
  // Total: the gaps are convex in each count, so moving one place at a time where it costs least is optimal.
  const counts = [...nearest]
  let current = counts.reduce((a, b) => a + b, 0)
  while (current !== sum) {
    const step = current < sum ? 1 : -1
    let best = -1
    let bestCost = Infinity
    boxes.forEach((box, i) => {
      const next = counts[i]! + step
      if (next < box.lo || next > box.hi) return
      const cost = gapAt(box, next) - gapAt(box, counts[i]!)
      if (cost < bestCost) { bestCost = cost; best = i }
    })
    if (best < 0) break
    counts[best] = counts[best]! + step
    current += step
  }
  return {
    simple: { largest: Math.max(0, ...simpleGaps), total: simpleGaps.reduce((a, b) => a + b, 0) },
    largest: low,
    total: boxes.reduce((total, box, i) => total + gapAt(box, counts[i]!), 0),
  }
}

const walksText = (thousandths: number): string => (thousandths / 1000).toFixed(2)
const scoreText = (score: PlanScore | null): string =>
  score === null ? 'INVALID' : `${score.covered} places covered, largest gap ${walksText(score.largestGap)}, total gap ${walksText(score.totalGap)} walks`

const reasonsText = (walks: readonly { readonly reason: string }[]): string => {
  const counts = new Map<string, number>()
  for (const walk of walks) counts.set(walk.reason, (counts.get(walk.reason) ?? 0) + 1)
  return [...counts].map(([reason, count]) => `${reason} ${count}`).join(', ') || 'none'
}

/** "largest behind 4.20, largest ahead 6.10 walks": no family is named, a benchmark prints no ranking. */
const balanceText = (model: FairnessModel): string => {
  const balances = [...yearBalanceBefore(model, PERIOD.from, NOW).values()]
  const behind = Math.max(0, ...balances.map((balance) => -balance))
  const ahead = Math.max(0, ...balances)
  return `carried balance: largest behind ${behind.toFixed(2)}, largest ahead ${ahead.toFixed(2)} walks`
}

const scenario = (title: string, model: FairnessModel): void => {
  const plan = time(() => planRota(model, PERIOD, NOW))
  const planMs = timeMedian(RUNS, () => planRota(model, PERIOD, NOW))
  const context = planContext(model, PERIOD, NOW)
  const contextMs = timeMedian(RUNS, () => planContext(model, PERIOD, NOW))
  const problem = problemOf(context)
  const solveMs = timeMedian(RUNS, () => solvePlanProblem(problem))
  const solution = solvePlanProblem(problem)
  const held = model.signUps.filter((signUp) => signUp.date < PERIOD.from).length
  // What the autumn walks needed (required adults of those not cancelled), for how well the history covers them.
  const needed = runningWalks(model, HISTORY.from, HISTORY.to, NOW).reduce((sum, walk) => sum + walk.requiredAdults, 0)
  const before = held === 0 ? 'no sign-up before the period' : `${held} of the ${needed} autumn places held`
  console.log(`${title}: ${before}; ${balanceText(model)}`)
  console.log(`  planRota median ${planMs.toFixed(0)} ms (first ${plan.ms.toFixed(0)}; problem ${contextMs.toFixed(0)}, solver ${solveMs.toFixed(0)}); ${plan.value.uncovered.length} walks left open (${reasonsText(plan.value.uncovered)})`)
  console.log(`  planner:  ${scoreText(solution)}`)
  const bound = lowerBounds(problem, solution.covered)
  console.log(`  lower bound, each family alone: largest >= ${walksText(bound.simple.largest)}, total >= ${walksText(bound.simple.total)}; counts adding up to ${solution.covered}: largest >= ${walksText(bound.largest)}, total >= ${walksText(bound.total)} (planner +${walksText(solution.largestGap - bound.largest)}, +${walksText(solution.totalGap - bound.total)})`)
  const naive = naivePlan(problem)
  const naiveMs = timeMedian(RUNS, () => naivePlan(problem))
  const naiveScore = scorePlan(problem, naive)
  console.log(`  baseline (first come, first served): ${scoreText(naiveScore)}; ${naiveMs.toFixed(2)} ms`)
  if (naiveScore !== null) {
    console.log(`  planner / baseline: covered ${solution.covered} vs ${naiveScore.covered}, largest gap x${(solution.largestGap / Math.max(naiveScore.largestGap, 1)).toFixed(2)}, total gap x${(solution.totalGap / Math.max(naiveScore.totalGap, 1)).toFixed(2)}, solver time x${(solveMs / Math.max(naiveMs, 0.001)).toFixed(0)}`)
  }
}

const main = (): void => {
  const generated = time(buildModels)
  const { fresh, carried } = generated.value
  const context = planContext(carried, PERIOD, NOW)
  const problem = problemOf(context)
  const weeks = new Set(context.walks.map((walk) => mondayOf(walk.walk.date))).size
  const pairs = problem.walks.reduce((sum, walk) => sum + walk.candidates.length, 0)
  console.log(`planner on a ${FAMILIES}-family collective (seed ${SEED}, generated in ${generated.ms.toFixed(0)} ms): ${carried.lines.length} lines, both directions, ${carried.adults.length} adults (${carried.planning.availability.length} with availability), ${carried.children.length} children, ${carried.planning.exemptions.length} reduced shares, ${carried.coordination.roster.length} coordinators`)
  console.log(`period ${PERIOD.from}..${PERIOD.to} (${weeks} weeks): ${context.walks.length} walks, ${fresh.signUps.length} sign-ups already, ${problem.walks.reduce((sum, walk) => sum + walk.open, 0)} open places on ${problem.walks.length} walks, ${pairs} (walk, candidate) pairs`)
  scenario('(a) fresh start, targets = fair share of the period', fresh)
  scenario(`(b) autumn ${HISTORY.from}..${HISTORY.to} carried over, targets = fair share - balance`, carried)
}

main()

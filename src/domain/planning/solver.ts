// The planner's exact solver on the abstract PlanProblem (most places covered, then smallest largest gap, then smallest total gap), its scoring and score order.
import { FlowGraph, UNLIMITED } from '../../lib/flow.ts'
import type { PlanProblem, PlanScore, ProblemAssignment, ProblemSolution } from './types.ts'

/*
 * Why a flow network: every constraint is a capacity on a laminar family of sets (a walk's open
 * places; an adult's walks at one time, which lie in one week; an adult's walks in a week), so
 *   source -> walk (open) -> (adult, time) (1) -> (adult, week) (weekly room) -> family -> sink
 * has integral flows that are exactly the valid plans, and the flow into a family is its places.
 *   1. K = max flow: the most places that can be covered.
 *   2. The smallest largest gap G: binary search over the finitely many gaps a family can have;
 *      G is reachable iff a flow of value K keeps every family between the counts lo..hi whose
 *      gap is at most G (lower bounds first, then augment: flow into the sink never decreases).
 *   3. With those bounds, a cheapest flow of value K, where a family's k-th place costs how much
 *      its gap changes (convex), and places below lo are forced by a very negative cost. A smaller
 *      secondary cost prefers a walk's habitué·e·s (ProblemWalk.preferred) and, below that, spreads an
 *      adult's places over weeks; it is scaled below one unit of gap, so it only chooses among plans
 *      with the same score.
 * A walk with `reserved` candidates gets a second node: source -> reserved (1) -> (adult, time) for
 * those candidates only; its other places go through the walk node (open - 1). The (adult, time)
 * node's capacity 1 keeps one adult from taking two places of one walk.
 */

/** Which secondary costs the cheapest flow adds (fewer when the exact integer costs would get too large). */
type Secondary = 'all' | 'habitues' | 'none'

const PER_WALK = 1000

interface Family {
  readonly existing: number
  readonly target: number
  /** Most places the family could get (its adults' usable capacity, at most K). */
  reach: number
}

interface AssignmentEdge {
  readonly edge: number
  readonly walk: number
  readonly adult: number
}

interface Network {
  readonly graph: FlowGraph
  readonly source: number
  readonly sink: number
  /** One node per listed family, in problem order. */
  readonly familyNodes: readonly number[]
  /** Adults whose family is not listed: their places count as covered but for no family's gap. */
  readonly unlistedNode: number
  readonly families: Family[]
  /** Walk -> (adult, time) edges, in walk order then candidate order. */
  readonly assignments: readonly AssignmentEdge[]
  /** Sum of every secondary cost (habitué·e·s, spreading): any plan's secondary cost is at most it. */
  readonly secondaryTotal: number
}

interface Bounds {
  readonly lo: number
  readonly hi: number
}

const gapOf = (family: Family, places: number): number => Math.abs(PER_WALK * (family.existing + places) - family.target)

/** Builds everything up to the family nodes; sink edges are added by each phase. */
const buildNetwork = (problem: PlanProblem, secondary: Secondary): Network => {
  checkContract(problem)
  const graph = new FlowGraph()
  const source = graph.addNode()
  const sink = graph.addNode()
  const familyIndex = new Map<string, number>()
  const families: Family[] = []
  const familyNodes: number[] = []
  for (const f of problem.families) {
    if (familyIndex.has(f.id)) continue
    familyIndex.set(f.id, families.length)
    families.push({ existing: f.existing, target: f.target, reach: 0 })
    familyNodes.push(graph.addNode())
  }
  const unlistedNode = graph.addNode()
  const adultIndex = new Map<string, number>()
  problem.adults.forEach((a, i) => {
    if (!adultIndex.has(a.id)) adultIndex.set(a.id, i)
  })
  const timeNodes = new Map<string, number>()
  const weekNodes = new Map<string, { readonly node: number; readonly adult: number; readonly week: string; inflow: number }>()
  const assignments: AssignmentEdge[] = []
  // Walk -> (adult, time) edges are added once the secondary costs are known; each node keeps its edges' order.
  const links: Link[] = []
  problem.walks.forEach((walk, w) => {
    const open = Math.max(0, walk.open)
    const reserved = walk.reserved === undefined || open === 0 ? null : new Set(walk.reserved)
    const walkNode = graph.addNode()
    graph.addEdge(source, walkNode, reserved === null ? open : open - 1)
    const reservedNode = reserved === null ? null : graph.addNode()
    if (reservedNode !== null) graph.addEdge(source, reservedNode, 1)
    const preferred = new Set(walk.preferred ?? [])
    const seen = new Set<number>()
    for (const candidate of walk.candidates) {
      const a = adultIndex.get(candidate)
      const adult = a === undefined ? undefined : problem.adults[a]
      if (a === undefined || adult === undefined || seen.has(a)) continue
      seen.add(a)
      if (adult.busy.has(walk.time) || (adult.weeklyRoom.get(walk.week) ?? 1) <= 0) continue
      const timeKey = `${a}\u0000${walk.time}`
      let timeNode = timeNodes.get(timeKey)
      if (timeNode === undefined) {
        timeNode = graph.addNode()
        timeNodes.set(timeKey, timeNode)
        const weekKey = `${a}\u0000${walk.week}`
        let week = weekNodes.get(weekKey)
        if (week === undefined) {
          week = { node: graph.addNode(), adult: a, week: walk.week, inflow: 0 }
          weekNodes.set(weekKey, week)
        }
        week.inflow += 1
        graph.addEdge(timeNode, week.node, 1)
      }
      const habitue = preferred.size === 0 || preferred.has(candidate)
      links.push({ from: walkNode, timeNode, walk: w, adult: a, habitue })
      if (reservedNode !== null && reserved?.has(candidate) === true) {
        links.push({ from: reservedNode, timeNode, walk: w, adult: a, habitue })
      }
    }
  })
  const spread = secondary === 'all'
  let spreadTotal = 0
  for (const week of weekNodes.values()) spreadTotal += spread ? triangle(unitsOf(problem, week)) : 0
  // One habitué·e more outweighs any spreading: their weight is above the whole spreading cost.
  const weight = secondary === 'none' ? 0 : spreadTotal + 1
  let secondaryTotal = spreadTotal
  for (const link of links) {
    const cost = link.habitue ? 0 : weight
    secondaryTotal += cost
    assignments.push({ edge: graph.addEdge(link.from, link.timeNode, 1, cost), walk: link.walk, adult: link.adult })
  }
  for (const week of weekNodes.values()) {
    const adult = problem.adults[week.adult]
    if (adult === undefined) continue
    const units = unitsOf(problem, week)
    const f = familyIndex.get(adult.familyId)
    const target = f === undefined ? unlistedNode : (familyNodes[f] ?? unlistedNode)
    const family = f === undefined ? undefined : families[f]
    if (family !== undefined) family.reach += units
    // The k-th place of an adult in one week costs k - 1: places spread over adults and weeks.
    for (let k = 0; k < units; k++) graph.addEdge(week.node, target, 1, spread ? k : 0)
  }
  return { graph, source, sink, familyNodes, unlistedNode, families, assignments, secondaryTotal }
}

interface Link {
  readonly from: number
  readonly timeNode: number
  readonly walk: number
  readonly adult: number
  /** A preferred candidate, or a walk without preference: no habitué·e cost. */
  readonly habitue: boolean
}

/** Places an adult can take in a week: weekly room, at most one per time. */
interface WeekNode {
  readonly adult: number
  readonly week: string
  readonly inflow: number
}

const unitsOf = (problem: PlanProblem, week: WeekNode): number =>
  Math.min(problem.adults[week.adult]?.weeklyRoom.get(week.week) ?? UNLIMITED, week.inflow)

/** 0 + 1 + ... + (units - 1): the spreading cost of every place of one adult-week taken. */
const triangle = (units: number): number => (units * (units - 1)) / 2

/** Walk keys are unique and walks at one time lie in one week (same date): the network relies on both. */
const checkContract = (problem: PlanProblem): void => {
  const keys = new Set<string>()
  const weekOfTime = new Map<string, string>()
  for (const walk of problem.walks) {
    if (keys.has(walk.key)) throw new Error(`PlanProblem: walk key ${walk.key} is not unique`)
    keys.add(walk.key)
    const week = weekOfTime.get(walk.time)
    if (week !== undefined && week !== walk.week) throw new Error(`PlanProblem: time ${walk.time} spans two weeks`)
    weekOfTime.set(walk.time, walk.week)
  }
}

/** The counts lo..hi (within 0..reach) whose gap is at most G, or null when there are none. */
const boundsFor = (family: Family, largestGap: number): Bounds | null => {
  let lo = -1
  let hi = -1
  for (let a = 0; a <= family.reach; a++) {
    if (gapOf(family, a) > largestGap) continue
    if (lo === -1) lo = a
    hi = a
  }
  return lo === -1 ? null : { lo, hi }
}

/** Phase 2 feasibility: can a flow of value `covered` keep every family within its bounds? */
const reachable = (net: Network, sinkEdges: readonly number[], unlistedEdge: number, covered: number, bounds: readonly Bounds[]): boolean => {
  net.graph.reset()
  let lower = 0
  bounds.forEach((b, f) => {
    net.graph.setCapacity(sinkEdges[f] ?? -1, b.lo)
    lower += b.lo
  })
  net.graph.setCapacity(unlistedEdge, 0)
  if (net.graph.maxFlow(net.source, net.sink) < lower) return false
  bounds.forEach((b, f) => net.graph.setCapacity(sinkEdges[f] ?? -1, b.hi))
  net.graph.setCapacity(unlistedEdge, UNLIMITED)
  return lower + net.graph.maxFlow(net.source, net.sink) >= covered
}

/** Phases 1 and 2: the most places covered and, for the smallest reachable largest gap, each family's bounds. */
const coverAndBounds = (problem: PlanProblem): { readonly covered: number; readonly bounds: readonly Bounds[] } => {
  const net = buildNetwork(problem, 'none')
  const sinkEdges = net.familyNodes.map((node) => net.graph.addEdge(node, net.sink, UNLIMITED))
  const unlistedEdge = net.graph.addEdge(net.unlistedNode, net.sink, UNLIMITED)
  const covered = net.graph.maxFlow(net.source, net.sink)
  for (const family of net.families) family.reach = Math.min(family.reach, covered)
  let floor = 0
  const gaps = new Set<number>()
  for (const family of net.families) {
    let best = UNLIMITED
    for (let a = 0; a <= family.reach; a++) {
      const gap = gapOf(family, a)
      gaps.add(gap)
      best = Math.min(best, gap)
    }
    floor = Math.max(floor, best)
  }
  const options = [...gaps].filter((g) => g >= floor).sort((x, y) => x - y)
  const boundsAt = (g: number): Bounds[] | null => {
    const all: Bounds[] = []
    for (const family of net.families) {
      const b = boundsFor(family, g)
      if (b === null) return null
      all.push(b)
    }
    return reachable(net, sinkEdges, unlistedEdge, covered, all) ? all : null
  }
  // The largest option leaves every family unbounded within its reach, so it is always reachable.
  let low = 0
  let high = Math.max(0, options.length - 1)
  let best = boundsAt(options[high] ?? 0)
  if (best === null) throw new Error('solvePlanProblem: the unconstrained flow is not reachable')
  while (low < high) {
    const mid = (low + high) >> 1
    const found = boundsAt(options[mid] ?? 0)
    if (found === null) low = mid + 1
    else {
      best = found
      high = mid
    }
  }
  return { covered, bounds: best }
}

/** Phase 3: a cheapest flow of value `covered` under the bounds, with the `secondary` costs. */
const cheapestPlan = (
  problem: PlanProblem, covered: number, bounds: readonly Bounds[], secondary: Secondary,
): Network | null => {
  const net = buildNetwork(problem, secondary)
  const scale = net.secondaryTotal + 1
  const perPlace = (PER_WALK + 1) * scale
  const forced = 2 * covered * perPlace + 1
  if (covered * (forced + perPlace) > Number.MAX_SAFE_INTEGER / 4) return null
  net.families.forEach((family, f) => {
    const b = bounds[f] ?? { lo: 0, hi: 0 }
    const node = net.familyNodes[f] ?? net.unlistedNode
    for (let k = 1; k <= b.hi; k++) {
      const step = (gapOf(family, k) - gapOf(family, k - 1)) * scale
      net.graph.addEdge(node, net.sink, 1, k <= b.lo ? step - forced : step)
    }
  })
  net.graph.addEdge(net.unlistedNode, net.sink, UNLIMITED)
  const { flow } = net.graph.minCostFlow(net.source, net.sink, covered)
  if (flow !== covered) throw new Error('solvePlanProblem: the cheapest flow does not cover every coverable place')
  return net
}

/** The exact optimum, deterministic: the same problem (same array orders) gives the same assignments. */
export const solvePlanProblem = (problem: PlanProblem): ProblemSolution => {
  const { covered, bounds } = coverAndBounds(problem)
  const net = cheapestPlan(problem, covered, bounds, 'all') ?? cheapestPlan(problem, covered, bounds, 'habitues')
    ?? cheapestPlan(problem, covered, bounds, 'none')
  if (net === null) throw new Error('solvePlanProblem: problem too large for exact integer costs')
  const assignments: ProblemAssignment[] = []
  for (const a of net.assignments) {
    if (net.graph.flowOn(a.edge) === 0) continue
    const walk = problem.walks[a.walk]
    const adult = problem.adults[a.adult]
    if (walk !== undefined && adult !== undefined) assignments.push({ walkKey: walk.key, adultId: adult.id })
  }
  const score = scorePlan(problem, assignments)
  if (score === null) throw new Error('solvePlanProblem: produced a plan that breaks a constraint')
  return { ...score, assignments }
}

/** The plan's score, or null when an assignment breaks a constraint of the problem. */
export const scorePlan = (problem: PlanProblem, assignments: readonly ProblemAssignment[]): PlanScore | null => {
  const walks = new Map(problem.walks.map((w) => [w.key, w] as const))
  const adults = new Map<string, PlanProblem['adults'][number]>()
  for (const a of problem.adults) if (!adults.has(a.id)) adults.set(a.id, a)
  const perWalk = new Map<string, number>()
  const perWeek = new Map<string, number>()
  const perFamily = new Map<string, number>()
  const used = new Set<string>()
  for (const { walkKey, adultId } of assignments) {
    const walk = walks.get(walkKey)
    const adult = adults.get(adultId)
    if (walk === undefined || adult === undefined || !walk.candidates.includes(adultId) || adult.busy.has(walk.time)) return null
    const pairKey = `w\u0000${walkKey}\u0000${adultId}`
    const timeKey = `t\u0000${walk.time}\u0000${adultId}`
    if (used.has(pairKey) || used.has(timeKey)) return null
    used.add(pairKey)
    used.add(timeKey)
    const onWalk = (perWalk.get(walkKey) ?? 0) + 1
    if (onWalk > walk.open) return null
    perWalk.set(walkKey, onWalk)
    const weekKey = `${walk.week}\u0000${adultId}`
    const inWeek = (perWeek.get(weekKey) ?? 0) + 1
    if (inWeek > (adult.weeklyRoom.get(walk.week) ?? Infinity)) return null
    perWeek.set(weekKey, inWeek)
    perFamily.set(adult.familyId, (perFamily.get(adult.familyId) ?? 0) + 1)
  }
  if (!reservedPlacesHeld(problem, assignments, perWalk)) return null
  let largestGap = 0
  let totalGap = 0
  const counted = new Set<string>()
  for (const f of problem.families) {
    if (counted.has(f.id)) continue
    counted.add(f.id)
    const gap = Math.abs(PER_WALK * (f.existing + (perFamily.get(f.id) ?? 0)) - f.target)
    largestGap = Math.max(largestGap, gap)
    totalGap += gap
  }
  return { covered: assignments.length, largestGap, totalGap }
}

/** A walk with a reserved place has all its places filled only if one of them went to a reserved candidate. */
const reservedPlacesHeld = (
  problem: PlanProblem, assignments: readonly ProblemAssignment[], perWalk: ReadonlyMap<string, number>,
): boolean => {
  const held = new Set<string>()
  const reservedOf = new Map(problem.walks.flatMap((w) => (w.reserved === undefined ? [] : [[w.key, new Set(w.reserved)] as const])))
  for (const { walkKey, adultId } of assignments) if (reservedOf.get(walkKey)?.has(adultId) === true) held.add(walkKey)
  return problem.walks.every((w) => w.reserved === undefined || held.has(w.key) || (perWalk.get(w.key) ?? 0) < w.open)
}

/** Below zero when a is better: more places covered, then a smaller largest gap, then a smaller total gap. */
export const comparePlanScores = (a: PlanScore, b: PlanScore): number =>
  b.covered - a.covered || a.largestGap - b.largestGap || a.totalGap - b.totalGap

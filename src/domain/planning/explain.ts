// Why a walk keeps open places after a proposal, and who could still take one: both read sign-ups plus the proposed places.
import type { LocalDate } from '../dates.ts'
import type { AdultId } from '../ids.ts'
import type { WalkKey } from '../signup.ts'
import type { PlanAdult, PlanContext, PlanWalk } from './problem.ts'
import { timeOf } from './problem.ts'
import type { PlannedSlot, UncoveredReason, UncoveredWalk } from './types.ts'

/** What a list of proposed places adds to each adult and walk. */
export interface PlanLoad {
  /** Adults proposed on each walk. */
  readonly onWalk: ReadonlyMap<WalkKey, ReadonlySet<AdultId>>
  /** Times each adult is proposed at. */
  readonly times: ReadonlyMap<AdultId, ReadonlySet<string>>
  /** Places proposed per adult and week (its Monday). */
  readonly perWeek: ReadonlyMap<AdultId, ReadonlyMap<LocalDate, number>>
}

export const loadOf = (context: PlanContext, assignments: readonly PlannedSlot[]): PlanLoad => {
  const onWalk = new Map<WalkKey, Set<AdultId>>()
  const times = new Map<AdultId, Set<string>>()
  const perWeek = new Map<AdultId, Map<LocalDate, number>>()
  for (const assignment of assignments) {
    const adults = onWalk.get(assignment.key) ?? new Set<AdultId>()
    adults.add(assignment.adultId)
    onWalk.set(assignment.key, adults)
    const adultTimes = times.get(assignment.adultId) ?? new Set<string>()
    adultTimes.add(timeOf(assignment.walk))
    times.set(assignment.adultId, adultTimes)
    const week = context.byKey.get(assignment.key)?.week
    if (week === undefined) continue
    const weeks = perWeek.get(assignment.adultId) ?? new Map<LocalDate, number>()
    weeks.set(week, (weeks.get(week) ?? 0) + 1)
    perWeek.set(assignment.adultId, weeks)
  }
  return { onWalk, times, perWeek }
}

/** Whether the adult's weekly maximum leaves room for one more place in `week`, counting held and proposed places. */
export const hasWeeklyRoom = (adult: PlanAdult, week: LocalDate, load: PlanLoad): boolean =>
  adult.weeklyMax === null || (adult.heldPerWeek.get(week) ?? 0) + (load.perWeek.get(adult.id)?.get(week) ?? 0) < adult.weeklyMax

/** Whether the adult holds or is proposed a place at the walk's time. */
export const isBusyAt = (adult: PlanAdult, walk: PlanWalk, load: PlanLoad): boolean =>
  adult.busy.has(walk.time) || (load.times.get(adult.id)?.has(walk.time) ?? false)

/** Whether the adult could take one more place on the walk: not on it already, free at that time, with weekly room left. */
const canTakeOne = (adult: PlanAdult, walk: PlanWalk, load: PlanLoad): boolean =>
  load.onWalk.get(walk.key)?.has(adult.id) !== true && !isBusyAt(adult, walk, load) && hasWeeklyRoom(adult, walk.week, load)

/** Whether a child on the walk still requires an habitué·e: none holds a place nor is proposed on it. */
const lacksHabitue = (walk: PlanWalk, load: PlanLoad): boolean => {
  const reserved = walk.reserved
  if (reserved === null) return false
  for (const adultId of load.onWalk.get(walk.key) ?? []) if (reserved.has(adultId)) return false
  return true
}

/**
 * No candidate at all (or every one already on the walk): 'noOneAvailable'. A child requires an
 * habitué·e and none of them can take a place: 'noHabitue' (to fill by hand). Someone could still be
 * added (only after the coordinator's edits): 'leftOpen'. Else every candidate left at their weekly
 * maximum: 'weeklyMax'; otherwise they are on another walk at that time (or at their maximum): 'sameTime'.
 */
const reasonFor = (context: PlanContext, walk: PlanWalk, load: PlanLoad): UncoveredReason => {
  const placed = load.onWalk.get(walk.key)
  const left = walk.candidates.flatMap((adultId) => {
    const adult = context.adults.get(adultId)
    return adult === undefined || placed?.has(adultId) === true ? [] : [adult]
  })
  if (left.length === 0) return 'noOneAvailable'
  const habitueCanTakeOne = left.some((adult) => walk.reserved?.has(adult.id) === true && canTakeOne(adult, walk, load))
  if (lacksHabitue(walk, load) && !habitueCanTakeOne) return 'noHabitue'
  if (left.some((adult) => canTakeOne(adult, walk, load))) return 'leftOpen'
  return left.every((adult) => !hasWeeklyRoom(adult, walk.week, load)) ? 'weeklyMax' : 'sameTime'
}

/** Walks that have not started and still miss places once `assignments` are taken, in walk order. */
export const uncoveredWalks = (context: PlanContext, assignments: readonly PlannedSlot[], load: PlanLoad = loadOf(context, assignments)): UncoveredWalk[] =>
  context.walks.flatMap((walk) => {
    const missing = walk.open - (load.onWalk.get(walk.key)?.size ?? 0)
    if (missing <= 0) return []
    const reason = reasonFor(context, walk, load)
    const withoutHabitue = reason === 'noHabitue' ? { withoutHabitue: walk.requiredBy } : {}
    return [{ walk: walk.walk, key: walk.key, missing, reason, ...withoutHabitue }]
  })

/**
 * Adults who could take one more place on the walk given `assignments` (typically a plan's places
 * on other walks): available, not on the walk already, not holding or proposed at the same time,
 * with weekly room left. In adult order (family display order, then id). A walk that has started
 * or is not in the period has none.
 */
export const candidatesFor = (context: PlanContext, key: WalkKey, assignments: readonly PlannedSlot[]): AdultId[] => {
  const walk = context.byKey.get(key)
  if (walk === undefined || !walk.upcoming) return []
  const load = loadOf(context, assignments)
  return walk.candidates.filter((adultId) => {
    const adult = context.adults.get(adultId)
    return adult !== undefined && canTakeOne(adult, walk, load)
  })
}

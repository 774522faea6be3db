// The planner: a proposal of holders for a period's open places (planRota), its summary after the coordinator's edits, who could take a place, and adding one by hand.
//
// Existing sign-ups are never moved: they are the problem's fixed part (busy times, weekly counts,
// families' places). The solver (solver.ts) finds the exact optimum: most places covered, then the
// smallest largest gap to each family's target, then the smallest total gap.
import type { AdultId, FamilyId } from '../ids.ts'
import type { Slot, WalkKey } from '../signup.ts'
import { candidatesFor, loadOf, uncoveredWalks } from './explain.ts'
import { planContext, problemOf, type PlanContext, type PlanWalk } from './problem.ts'
import type { RolePreference } from './records.ts'
import { compareSlots, labelSlots } from './slots.ts'
import { solvePlanProblem } from './solver.ts'
import type { DateRange, FairnessModel, FamilyPlanRow, Plan, PlannedSlot, ProblemAssignment } from './types.ts'

/** Turns the solver's places into slots, walk by walk (preferences first, see labelSlots). */
const plannedSlots = (context: PlanContext, assignments: readonly ProblemAssignment[]): PlannedSlot[] => {
  const byWalk = new Map<string, Set<string>>()
  for (const assignment of assignments) {
    const adults = byWalk.get(assignment.walkKey) ?? new Set<string>()
    adults.add(assignment.adultId)
    byWalk.set(assignment.walkKey, adults)
  }
  return context.walks.flatMap((walk) => {
    const placed = byWalk.get(walk.key)
    if (placed === undefined) return []
    // Candidate order, whatever order the solver listed them in.
    const inOrder = walk.candidates.filter((adultId) => placed.has(adultId))
    return labelSlots(walk.freeSlots, inOrder, (adultId) => context.adults.get(adultId)?.preference ?? 'none').flatMap(({ adultId, slot }) => {
      const familyId = context.familyOf.get(adultId)
      return familyId === undefined ? [] : [{ walk: walk.walk, key: walk.key, slot, adultId, familyId }]
    })
  })
}

/** Walk order (date, line, direction), then lead, tail, extras; places on walks outside the period last, by key; otherwise as given. */
const inWalkOrder = (context: PlanContext, assignments: readonly PlannedSlot[]): PlannedSlot[] => {
  const indexOf = (key: WalkKey): number => context.byKey.get(key)?.index ?? Number.MAX_SAFE_INTEGER
  return assignments
    .map((assignment, position) => ({ assignment, position }))
    .sort((a, b) =>
      indexOf(a.assignment.key) - indexOf(b.assignment.key) ||
      (a.assignment.key < b.assignment.key ? -1 : a.assignment.key > b.assignment.key ? 1 : 0) ||
      compareSlots(a.assignment.slot, b.assignment.slot) ||
      a.position - b.position)
    .map(({ assignment }) => assignment)
}

const familyRows = (context: PlanContext, assignments: readonly PlannedSlot[]): FamilyPlanRow[] => {
  const proposed = new Map<FamilyId, number>()
  for (const assignment of assignments) {
    const familyId = context.familyOf.get(assignment.adultId) ?? assignment.familyId
    proposed.set(familyId, (proposed.get(familyId) ?? 0) + 1)
  }
  return context.families.map((family) => ({
    familyId: family.id,
    target: family.target / 1000,
    balanceBefore: family.balanceBefore,
    before: family.existing,
    after: family.existing + (proposed.get(family.id) ?? 0),
  }))
}

/** Gaps are summed in thousandths (targets are whole thousandths), so they are exact and the same on every phone. */
const gapsOf = (rows: readonly FamilyPlanRow[]): { largestGap: number; totalGap: number } => {
  let largest = 0
  let total = 0
  for (const row of rows) {
    const gap = Math.abs(row.after * 1000 - Math.round(row.target * 1000))
    largest = Math.max(largest, gap)
    total += gap
  }
  return { largestGap: largest / 1000, totalGap: total / 1000 }
}

const summary = (context: PlanContext, assignments: readonly PlannedSlot[]): Plan => {
  const families = familyRows(context, assignments)
  return {
    period: context.period,
    openPlaces: context.walks.reduce((sum, walk) => sum + walk.open, 0),
    assignments,
    uncovered: uncoveredWalks(context, assignments, loadOf(context, assignments)),
    families,
    ...gapsOf(families),
  }
}

/**
 * The proposal for `period` at `now` (epoch ms): a holder for each open place of the walks that
 * have not started, where the constraints allow (availability, weekly maximums, one place per
 * adult at a time), fair to each family's target; the same for the same records on every phone.
 */
export const planRota = (model: FairnessModel, period: DateRange, now: number): Plan => {
  const context = planContext(model, period, now)
  const solution = solvePlanProblem(problemOf(context))
  return summary(context, plannedSlots(context, solution.assignments))
}

/** The same Plan for an edited list of places: uncovered walks, families' counts and gaps recomputed; places kept as given, in walk order. */
export const summarisePlan = (model: FairnessModel, period: DateRange, assignments: readonly PlannedSlot[], now: number): Plan => {
  const context = planContext(model, period, now)
  return summary(context, inWalkOrder(context, assignments))
}

/**
 * Adults who could take one more place on the walk `key`, given the plan's places elsewhere
 * (available, not on that walk, free at that time in sign-ups and plan, weekly room left), in
 * family display order.
 */
export const planCandidates = (model: FairnessModel, plan: Plan, key: WalkKey, now: number): AdultId[] =>
  candidatesFor(planContext(model, plan.period, now), key, plan.assignments)

/**
 * The walk's slots still free once the plan's places on it are taken out, in order (lead, tail,
 * extras). A place whose slot is not among them (a list edited elsewhere) still takes one: the last.
 */
const slotsLeft = (walk: PlanWalk, assignments: readonly PlannedSlot[]): Slot[] => {
  const left = [...walk.freeSlots]
  for (const assignment of assignments) {
    if (assignment.key !== walk.key) continue
    const index = left.indexOf(assignment.slot)
    left.splice(index < 0 ? left.length - 1 : index, 1)
  }
  return left
}

/** The first free slot (a walk needs a front and a back before extras); an adult preferring the tail gets it when lead and tail are both free. */
const slotFor = (left: readonly Slot[], preference: RolePreference): Slot | undefined =>
  preference === 'tail' && left.includes('lead') && left.includes('tail') ? 'tail' : left[0]

/**
 * The plan with `adultId` added by hand on the walk `key`, summarised again (families' counts,
 * gaps, open walks). Null when that adult cannot take a place there (see planCandidates) or the
 * walk has no open place left. The adult gets the walk's first free slot, honouring a lead or
 * tail preference when both are free.
 */
export const addPlannedPlace = (model: FairnessModel, plan: Plan, key: WalkKey, adultId: AdultId, now: number): Plan | null => {
  const context = planContext(model, plan.period, now)
  const walk = context.byKey.get(key)
  const adult = context.adults.get(adultId)
  const familyId = context.familyOf.get(adultId)
  if (walk === undefined || adult === undefined || familyId === undefined) return null
  if (!candidatesFor(context, key, plan.assignments).includes(adultId)) return null
  const slot = slotFor(slotsLeft(walk, plan.assignments), adult.preference)
  if (slot === undefined) return null
  return summary(context, inWalkOrder(context, [...plan.assignments, { walk: walk.walk, key, slot, adultId, familyId }]))
}

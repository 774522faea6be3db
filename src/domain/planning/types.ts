// Shapes of fair shares, the fairness ledger ("Équité") and the planner's proposal that the rules compute and screens show.
import type { CoordinationRecords } from '../coordination/records.ts'
import type { LocalDate } from '../dates.ts'
import type { AdultId, ChildId, FamilyId } from '../ids.ts'
import type { CollectiveModel } from '../model.ts'
import type { Slot, WalkKey, WalkRef } from '../signup.ts'
import type { SwapRecords } from '../swaps/records.ts'
import type { PlanningRecords } from './records.ts'

/**
 * What the fairness rules and the planner read: the collective, its swaps (who really holds a
 * walk), its coordinator rotation (credits) and its planning records. CollectiveView is one.
 */
export interface FairnessModel extends CollectiveModel {
  readonly swaps: SwapRecords
  readonly coordination: CoordinationRecords
  readonly planning: PlanningRecords
  /**
   * For each child with support instructions, the adults who already walked with them (the app computes it from the
   * walk log, src/app/queries/habitues.ts): the planner prefers them, and requires one for a child with
   * `needsHabitue`. Absent: nobody is an habitué·e.
   */
  readonly habitues?: ReadonlyMap<ChildId, readonly AdultId[]>
}

/** An inclusive date range. */
export interface DateRange {
  readonly from: LocalDate
  readonly to: LocalDate
}

/** One family's line in "Équité", over the school year. Counts are walks (adult places on a walk). */
export interface LedgerRow {
  readonly familyId: FamilyId
  /** Places its adults held on walks that have started this school year (effective rota, after swaps). */
  readonly done: number
  /** Places its adults hold on walks still to come this school year. */
  readonly planned: number
  /** Coordinator periods it held that have started this school year, times the collective's credit. */
  readonly credits: number
  /**
   * Its fair share of what the collective gave this school year (places held on walks that have
   * started, and coordinator credits); fractional. A walk nobody took puts nobody behind.
   */
  readonly share: number
  /** done + credits - share: above zero, the family has given more than its share so far. */
  readonly balance: number
  /** The last day of the reduced share that applies today, or null. */
  readonly reducedUntil: LocalDate | null
}

export interface Ledger {
  /** The school year the ledger covers (1 September to 31 August). */
  readonly year: DateRange
  /** Every family of the collective, in the model's family order (never ranked). */
  readonly rows: readonly LedgerRow[]
}

/** Why the planner leaves places of a walk open. */
export type UncoveredReason =
  /** No adult said they can walk then (availability, exceptions), or every one of them is already on this walk. */
  | 'noOneAvailable'
  /** Those available have reached their weekly maximum. */
  | 'weeklyMax'
  /** Those available are already on another walk at the same time (or at their weekly maximum). */
  | 'sameTime'
  /**
   * Someone available could still take a place: at least one candidate is free at that time with
   * weekly room left, given the plan. The planner's own proposal never leaves such a walk (it
   * covers as many places as it can); the coordinator's edits can (a place removed or moved away).
   */
  | 'leftOpen'
  /**
   * A child expected on the walk requires an habitué·e (`needsHabitue`) and none is on it nor can take a place: the
   * planner leaves that place to fill by hand (it still fills the walk's other places). See UncoveredWalk.withoutHabitue.
   */
  | 'noHabitue'

/** One place the planner proposes: an adult on a walk's slot. */
export interface PlannedSlot {
  readonly walk: WalkRef
  readonly key: WalkKey
  readonly slot: Slot
  readonly adultId: AdultId
  readonly familyId: FamilyId
}

export interface UncoveredWalk {
  readonly walk: WalkRef
  readonly key: WalkKey
  /** Places still open on the walk after the proposal. */
  readonly missing: number
  readonly reason: UncoveredReason
  /** With 'noHabitue': the children requiring an habitué·e that no adult on the walk has walked with, by id. */
  readonly withoutHabitue?: readonly ChildId[]
}

/** A family's walks in the planned period, before and after the proposal, against its target. */
export interface FamilyPlanRow {
  readonly familyId: FamilyId
  /**
   * Its fair share of the period's places, minus its balance over the school year before the
   * period (a family ahead is asked for less, one behind for more); fractional, never below 0.
   */
  readonly target: number
  /** Its balance over the school year before the period (done + credits - share, as in "Équité"). */
  readonly balanceBefore: number
  /** Places it already holds in the period (sign-ups and swaps: never moved by the planner). */
  readonly before: number
  /** before + places proposed. */
  readonly after: number
}

export interface Plan {
  readonly period: DateRange
  /** Open places of walks that have not started, in the period. */
  readonly openPlaces: number
  /** Proposed places, in walk order (date, line, direction), lead before tail before extras. */
  readonly assignments: readonly PlannedSlot[]
  /** Walks still missing places after the proposal, with why. */
  readonly uncovered: readonly UncoveredWalk[]
  /** Every family with a target or a place, in the model's family order. */
  readonly families: readonly FamilyPlanRow[]
  /** max over families of |after - target|, in walks. */
  readonly largestGap: number
  /** sum over families of |after - target|, in walks. */
  readonly totalGap: number
}

// ---------------------------------------------------------------------------------------------
// The solver's abstract problem (src/domain/planning/solver.ts): ids are plain strings, targets
// are integers in thousandths of a walk, so every comparison is exact and the same on every phone.
// ---------------------------------------------------------------------------------------------

export interface ProblemWalk {
  readonly key: string
  /** Walks sharing a `time` happen at once (same date and direction): an adult takes at most one of them. */
  readonly time: string
  /** The week (its Monday) the walk counts in for weekly maximums. */
  readonly week: string
  /** Places to fill (at least 1). */
  readonly open: number
  /** Adults who can walk then and are not already on this walk, in a fixed order. */
  readonly candidates: readonly string[]
  /**
   * Candidates preferred on this walk (habitué·e·s of a child with support expected on it): a secondary cost, below
   * one unit of gap, chooses them among plans with the same score. Absent: none.
   */
  readonly preferred?: readonly string[]
  /**
   * When present, one of the open places is reserved for these candidates (habitué·e·s a child on the walk requires):
   * left open when none of them can take it; the other places are for any candidate.
   */
  readonly reserved?: readonly string[]
}

export interface ProblemAdult {
  readonly id: string
  readonly familyId: string
  /** Places left per week under the adult's weekly maximum; a week not listed: no maximum. */
  readonly weeklyRoom: ReadonlyMap<string, number>
  /** Times (see ProblemWalk.time) at which the adult already holds a walk. */
  readonly busy: ReadonlySet<string>
}

export interface ProblemFamily {
  readonly id: string
  /** Places the family already holds in the period. */
  readonly existing: number
  /** Its target in thousandths of a walk (may be negative). */
  readonly target: number
}

export interface PlanProblem {
  readonly walks: readonly ProblemWalk[]
  readonly adults: readonly ProblemAdult[]
  readonly families: readonly ProblemFamily[]
}

export interface ProblemAssignment {
  readonly walkKey: string
  readonly adultId: string
}

/** The objective, compared in this order: more places covered, then smaller largest gap, then smaller total gap. */
export interface PlanScore {
  readonly covered: number
  /** Thousandths of a walk. */
  readonly largestGap: number
  /** Thousandths of a walk. */
  readonly totalGap: number
}

export interface ProblemSolution extends PlanScore {
  /** Sorted by walk order in the problem, then adult order in the walk's candidates. */
  readonly assignments: readonly ProblemAssignment[]
}

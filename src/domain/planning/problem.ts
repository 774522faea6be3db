// The planner's view of a period (open walks, candidates, adults' busy times and weekly room, families' targets) and the abstract PlanProblem built from it.
//
// Everything here is ordered canonically (walks by date, line, direction; families by display
// name then id; adults by family then id), never by the order records arrive in: two phones with
// the same records, read in any order, build the same problem and so get the same plan.
import { addDays, compareDates, daysBetween, mondayOf, type LocalDate } from '../dates.ts'
import type { AdultId, ChildId, FamilyId } from '../ids.ts'
import type { Family } from '../family.ts'
import { hasSupport } from '../support-consent.ts'
import { hasStarted } from '../rota/walk-state.ts'
import { deriveWalks } from '../rota/walks.ts'
import type { SignUp, Slot, WalkKey, WalkRef } from '../signup.ts'
import type { EffectiveWalk } from '../swaps/outcomes.ts'
import { effectiveWalks, resolveSwaps } from '../swaps/resolve.ts'
import { isAvailableFor } from './availability.ts'
import type { Availability, RolePreference } from './records.ts'
import { coordinatorCredits, fairShares, yearBalanceBefore, type Demand } from './share.ts'
import type { DateRange, FairnessModel, PlanProblem, ProblemAdult, ProblemWalk } from './types.ts'

/** Half a school year: a longer period is a mistyped date, and would make a very large problem. */
export const PLAN_MAX_DAYS = 183

/** One running (not cancelled) walk of the period, as the planner sees it. */
export interface PlanWalk {
  readonly walk: WalkRef
  readonly key: WalkKey
  /** Position in walk order (date, line, direction). */
  readonly index: number
  /** `${date}|${direction}`: walks sharing it happen at once, whatever the line. */
  readonly time: string
  /** The Monday of its week (weekly maximums). */
  readonly week: LocalDate
  readonly requiredAdults: number
  /** Whether the walk starts after `now` (only those get proposals). */
  readonly upcoming: boolean
  /** Places to fill: required adults minus holders, 0 for a walk that has started. */
  readonly open: number
  /** The slots those places are, in order: lead if empty, tail if empty, then extras. */
  readonly freeSlots: readonly Slot[]
  /**
   * Adults with an entry on the walk: holding or waiting, and also withdrawn (they chose to leave
   * it, so the planner does not put them back). Never proposed on it.
   */
  readonly onWalk: ReadonlySet<AdultId>
  /** Available adults of existing families not on the walk, in adult order; empty for a walk that has started. */
  readonly candidates: readonly AdultId[]
  /** Habitué·e·s of the children with support expected on the walk (declared absences left out): preferred. */
  readonly preferred: ReadonlySet<AdultId>
  /** Children expected on it who require an habitué·e (`needsHabitue`) that no holder is, in expected order. */
  readonly requiredBy: readonly ChildId[]
  /** Adults who walked with every child of `requiredBy`: one open place is theirs. Null when `requiredBy` is empty. */
  readonly reserved: ReadonlySet<AdultId> | null
}

/** An adult who said when they can walk, and whose family exists. */
export interface PlanAdult {
  readonly id: AdultId
  readonly familyId: FamilyId
  readonly availability: Availability
  readonly weeklyMax: number | null
  readonly preference: RolePreference
  /** Times (PlanWalk.time) at which the adult already holds a place or waits for one. */
  readonly busy: ReadonlySet<string>
  /** Places already held per week (its Monday), over whole weeks around the period. */
  readonly heldPerWeek: ReadonlyMap<LocalDate, number>
}

export interface PlanFamily {
  readonly id: FamilyId
  /** Places held in the period plus coordinator credits starting in it. */
  readonly existing: number
  /** Fair share of the period minus the balance before it, never below 0, in thousandths of a walk. */
  readonly target: number
  /** Its balance over the school year before the period, in walks (shown beside the target). */
  readonly balanceBefore: number
}

export interface PlanContext {
  readonly period: DateRange
  /** Every running walk of the period, in walk order. */
  readonly walks: readonly PlanWalk[]
  readonly byKey: ReadonlyMap<WalkKey, PlanWalk>
  /** Adults with an availability record and an existing family, in adult order. */
  readonly adults: ReadonlyMap<AdultId, PlanAdult>
  /** Every adult of an existing family -> that family (the adult's family now decides, not the one copied into a sign-up). */
  readonly familyOf: ReadonlyMap<AdultId, FamilyId>
  /** Every family, in display order. */
  readonly families: readonly PlanFamily[]
}

/** The order families are shown in (display name, then id), as the document reader sorts them. */
export const familyDisplayOrder = (families: readonly Family[]): Family[] =>
  [...families].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

export const timeOf = (walk: WalkRef): string => `${walk.date}|${walk.direction}`

/** The period actually planned: `to` before `from` gives an empty range, a very long one is cut at PLAN_MAX_DAYS. */
export const clampPeriod = (period: DateRange): DateRange =>
  compareDates(period.to, period.from) >= 0 && daysBetween(period.from, period.to) >= PLAN_MAX_DAYS
    ? { from: period.from, to: addDays(period.from, PLAN_MAX_DAYS - 1) }
    : period

/** The habitué·e·s of each child with support (sets), and the children with support requiring one. */
interface HabitueIndex {
  readonly habitues: ReadonlyMap<ChildId, ReadonlySet<AdultId>>
  readonly requiring: ReadonlySet<ChildId>
}

const indexHabitues = (model: FairnessModel): HabitueIndex => {
  const supported = model.children.filter(hasSupport)
  const habitues = new Map<ChildId, ReadonlySet<AdultId>>()
  for (const child of supported) habitues.set(child.id, new Set(model.habitues?.get(child.id) ?? []))
  return { habitues, requiring: new Set(supported.filter((child) => child.needsHabitue === true).map((c) => c.id)) }
}

type HabitueNeeds = Pick<PlanWalk, 'preferred' | 'requiredBy' | 'reserved'>
const NO_NEEDS: HabitueNeeds = { preferred: new Set(), requiredBy: [], reserved: null }

/** What the walk's expected children ask of its holders: only their few entries are read, never the log. */
const habitueNeedsOf = (walk: EffectiveWalk, holders: readonly SignUp[], index: HabitueIndex): HabitueNeeds => {
  const preferred = new Set<AdultId>()
  const requiredBy: ChildId[] = []
  for (const childId of walk.expectedChildIds) {
    const known = index.habitues.get(childId)
    if (known === undefined) continue
    for (const adultId of known) preferred.add(adultId)
    if (index.requiring.has(childId) && !holders.some((holder) => known.has(holder.adultId))) requiredBy.push(childId)
  }
  if (preferred.size === 0 && requiredBy.length === 0) return NO_NEEDS
  const reserved = requiredBy.length === 0 ? null
    : new Set([...preferred].filter((adultId) => requiredBy.every((childId) => index.habitues.get(childId)?.has(adultId))))
  return { preferred, requiredBy, reserved }
}

const holdersOf = (walk: EffectiveWalk): SignUp[] => [...(walk.lead === null ? [] : [walk.lead]), ...(walk.tail === null ? [] : [walk.tail]), ...walk.extras]

const freeSlotsOf = (walk: EffectiveWalk, open: number): Slot[] => {
  const slots: Slot[] = []
  if (walk.lead === null) slots.push('lead')
  if (walk.tail === null) slots.push('tail')
  while (slots.length < open) slots.push('extra')
  return slots.slice(0, open)
}

/** Effective walks over whole weeks around the period (weekly maximums count Monday to Sunday), cancelled ones left out. */
const runningWalksAround = (model: FairnessModel, period: DateRange, now: number): EffectiveWalk[] => {
  const from = mondayOf(period.from)
  const to = addDays(mondayOf(period.to), 6)
  const walks = deriveWalks(model, from, to).filter((walk) => walk.cancellation === null)
  return effectiveWalks(model, resolveSwaps(model, model.swaps, now), walks, now)
}

/** Adults with any entry (active or withdrawn) per walk key. */
const entriesByWalk = (model: FairnessModel): Map<string, Set<AdultId>> => {
  const entries = new Map<string, Set<AdultId>>()
  for (const signUp of model.signUps) {
    const key = `${signUp.lineId}|${signUp.date}|${signUp.direction}`
    const set = entries.get(key) ?? new Set<AdultId>()
    set.add(signUp.adultId)
    entries.set(key, set)
  }
  return entries
}

interface HeldIndex {
  readonly busy: Map<AdultId, Set<string>>
  readonly perWeek: Map<AdultId, Map<LocalDate, number>>
  readonly perFamily: Map<FamilyId, number>
}

const indexHeld = (walks: readonly EffectiveWalk[], period: DateRange, familyOf: ReadonlyMap<AdultId, FamilyId>): HeldIndex => {
  const busy = new Map<AdultId, Set<string>>()
  const perWeek = new Map<AdultId, Map<LocalDate, number>>()
  const perFamily = new Map<FamilyId, number>()
  for (const walk of walks) {
    const week = mondayOf(walk.date)
    const inPeriod = compareDates(period.from, walk.date) <= 0 && compareDates(walk.date, period.to) <= 0
    for (const holder of holdersOf(walk)) {
      const times = busy.get(holder.adultId) ?? new Set<string>()
      times.add(timeOf(walk))
      busy.set(holder.adultId, times)
      const weeks = perWeek.get(holder.adultId) ?? new Map<LocalDate, number>()
      weeks.set(week, (weeks.get(week) ?? 0) + 1)
      perWeek.set(holder.adultId, weeks)
      const familyId = familyOf.get(holder.adultId)
      if (inPeriod && familyId !== undefined) perFamily.set(familyId, (perFamily.get(familyId) ?? 0) + 1)
    }
    // Waiting at that time is busy too: a place proposed elsewhere then would be set aside as a double booking.
    for (const waiting of walk.waiting) {
      const times = busy.get(waiting.adultId) ?? new Set<string>()
      times.add(timeOf(walk))
      busy.set(waiting.adultId, times)
    }
  }
  return { busy, perWeek, perFamily }
}

const planAdults = (model: FairnessModel, familyOf: ReadonlyMap<AdultId, FamilyId>, familyRank: ReadonlyMap<FamilyId, number>, held: HeldIndex): Map<AdultId, PlanAdult> => {
  const adults: PlanAdult[] = []
  for (const availability of model.planning.availability) {
    const familyId = familyOf.get(availability.adultId)
    if (familyId === undefined) continue
    adults.push({
      id: availability.adultId,
      familyId,
      availability,
      weeklyMax: availability.weeklyMax,
      preference: availability.preference,
      busy: held.busy.get(availability.adultId) ?? new Set(),
      heldPerWeek: held.perWeek.get(availability.adultId) ?? new Map(),
    })
  }
  // One record per adult is the document's rule; were there two, the first in adult order is kept.
  adults.sort((a, b) => (familyRank.get(a.familyId) ?? 0) - (familyRank.get(b.familyId) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const byId = new Map<AdultId, PlanAdult>()
  for (const adult of adults) if (!byId.has(adult.id)) byId.set(adult.id, adult)
  return byId
}

const planFamilies = (model: FairnessModel, ordered: readonly Family[], period: DateRange, walks: readonly EffectiveWalk[], held: HeldIndex, now: number): PlanFamily[] => {
  const credits = coordinatorCredits(model, period)
  const demands: Demand[] = [
    ...walks.filter((walk) => compareDates(period.from, walk.date) <= 0 && compareDates(walk.date, period.to) <= 0).map((walk) => ({ date: walk.date, places: walk.requiredAdults })),
    ...credits.map((credit) => ({ date: credit.start, places: credit.walks })),
  ]
  const shares = fairShares(model, demands)
  const balances = yearBalanceBefore(model, period.from, now)
  const creditsOf = new Map<FamilyId, number>()
  for (const credit of credits) creditsOf.set(credit.familyId, (creditsOf.get(credit.familyId) ?? 0) + credit.walks)
  return ordered.map((family) => ({
    id: family.id,
    existing: (held.perFamily.get(family.id) ?? 0) + (creditsOf.get(family.id) ?? 0),
    // A family far ahead is asked for nothing, not for "minus three walks": a negative target would
    // only make its gap (which nothing can reduce) the largest one and blunt the objective for the others.
    target: Math.max(0, Math.round(1000 * ((shares.get(family.id) ?? 0) - (balances.get(family.id) ?? 0)))),
    balanceBefore: balances.get(family.id) ?? 0,
  }))
}

/** Builds the planner's view of `period` at `now` (epoch ms). */
export const planContext = (model: FairnessModel, requested: DateRange, now: number): PlanContext => {
  const period = clampPeriod(requested)
  const ordered = familyDisplayOrder(model.families)
  const familyRank = new Map(ordered.map((family, i) => [family.id, i]))
  const familyOf = new Map(model.adults.filter((adult) => familyRank.has(adult.familyId)).map((adult) => [adult.id, adult.familyId]))
  if (compareDates(period.to, period.from) < 0) {
    return { period, walks: [], byKey: new Map(), adults: new Map(), familyOf, families: ordered.map((family) => ({ id: family.id, existing: 0, target: 0, balanceBefore: 0 })) }
  }
  const around = runningWalksAround(model, period, now)
  const held = indexHeld(around, period, familyOf)
  const adults = planAdults(model, familyOf, familyRank, held)
  const entries = entriesByWalk(model)
  const habitues = indexHabitues(model)
  const walks = around
    .filter((walk) => compareDates(period.from, walk.date) <= 0 && compareDates(walk.date, period.to) <= 0)
    .map((walk, index): PlanWalk => {
      const holders = holdersOf(walk)
      const onWalk = new Set<AdultId>([...holders, ...walk.waiting, ...walk.superseded].map((signUp) => signUp.adultId))
      for (const adultId of entries.get(walk.key) ?? []) onWalk.add(adultId)
      const upcoming = !hasStarted(walk, now)
      const open = upcoming ? Math.max(0, walk.requiredAdults - holders.length) : 0
      const ref: WalkRef = { lineId: walk.lineId, date: walk.date, direction: walk.direction }
      const candidates = upcoming ? [...adults.values()].filter((adult) => !onWalk.has(adult.id) && isAvailableFor(adult.availability, ref)).map((adult) => adult.id) : []
      const needs = upcoming ? habitueNeedsOf(walk, holders, habitues) : NO_NEEDS
      return { walk: ref, key: walk.key, index, time: timeOf(walk), week: mondayOf(walk.date), requiredAdults: walk.requiredAdults, upcoming, open, freeSlots: freeSlotsOf(walk, open), onWalk, candidates, ...needs }
    })
  const families = planFamilies(model, ordered, period, around, held, now)
  return { period, walks, byKey: new Map(walks.map((walk) => [walk.key, walk])), adults, familyOf, families }
}

const problemAdult = (adult: PlanAdult, weeks: readonly LocalDate[]): ProblemAdult => {
  const weeklyRoom = new Map<string, number>()
  if (adult.weeklyMax !== null) for (const week of weeks) weeklyRoom.set(week, Math.max(0, adult.weeklyMax - (adult.heldPerWeek.get(week) ?? 0)))
  return { id: adult.id, familyId: adult.familyId, weeklyRoom, busy: adult.busy }
}

/** The walk's preferred and reserved candidates, in candidate order; absent when it has none. */
const habitueParts = (walk: PlanWalk): Pick<ProblemWalk, 'preferred' | 'reserved'> => {
  const preferred = walk.candidates.filter((adultId) => walk.preferred.has(adultId))
  const reserved = walk.reserved
  return {
    ...(preferred.length === 0 ? {} : { preferred }),
    ...(reserved === null ? {} : { reserved: walk.candidates.filter((adultId) => reserved.has(adultId)) }),
  }
}

/** The abstract problem the solver works on: walks with open places, every planning adult, every family. */
export const problemOf = (context: PlanContext): PlanProblem => {
  const open = context.walks.filter((walk) => walk.open > 0)
  const weeks = [...new Set(open.map((walk) => walk.week))]
  const walks: ProblemWalk[] = open.map((walk) => ({
    key: walk.key, time: walk.time, week: walk.week, open: walk.open, candidates: walk.candidates, ...habitueParts(walk),
  }))
  return {
    walks,
    adults: [...context.adults.values()].map((adult) => problemAdult(adult, weeks)),
    families: context.families.map((family) => ({ id: family.id, existing: family.existing, target: family.target })),
  }
}

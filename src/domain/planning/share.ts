// Fair shares: each family's part of the places needed (and coordinator credits), by children walking since they joined, reduced by exemptions.
import { schoolYearOf } from '../calendar/school-year.ts'
import { coordinatorSchedule } from '../coordination/schedule.ts'
import { compareDates, type LocalDate } from '../dates.ts'
import type { AdultId, FamilyId } from '../ids.ts'
import type { Family } from '../family.ts'
import type { Child } from '../people.ts'
import type { EffectiveWalk } from '../swaps/outcomes.ts'
import { countHolders, creditYearStart, dayBefore, familyOfAdult, holdersOf, runningWalks, zeroPerFamily } from './held.ts'
import { exemptionAppliesOn, type Exemption } from './records.ts'
import type { DateRange, FairnessModel } from './types.ts'

/** A walk's required adults on its date, or a coordinator credit on its period start. */
export interface Demand {
  readonly date: LocalDate
  readonly places: number
}

export interface CoordinatorCredit {
  readonly familyId: FamilyId
  readonly start: LocalDate
  readonly walks: number
}

type WeightModel = Pick<FairnessModel, 'families' | 'children' | 'lines' | 'planning'>
type ShareModel = Pick<FairnessModel, 'families' | 'children' | 'lines' | 'planning' | 'adults'>

/** A child "walks" when it has a route (aller or retour) on a line that exists and at least one day. */
const isWalking = (child: Child, lineIds: ReadonlySet<string>): boolean =>
  child.days.length > 0 && [child.routes.aller, child.routes.retour].some((route) => route !== undefined && lineIds.has(route.lineId))

/**
 * The walking children of each family by the day they joined (families without any are absent):
 * `always` counts those without a joining day (records older than it), `since` the joining days, sorted.
 */
interface WalkingChildren {
  readonly always: number
  readonly since: readonly LocalDate[]
}

const walkingChildren = (model: Pick<FairnessModel, 'children' | 'lines'>): Map<FamilyId, WalkingChildren> => {
  const lineIds = new Set<string>(model.lines.map((line) => line.id))
  const found = new Map<FamilyId, { always: number; since: LocalDate[] }>()
  for (const child of model.children) {
    if (!isWalking(child, lineIds)) continue
    const entry = found.get(child.familyId) ?? { always: 0, since: [] }
    if (child.joinedOn === undefined) entry.always += 1
    else entry.since.push(child.joinedOn)
    found.set(child.familyId, entry)
  }
  for (const entry of found.values()) entry.since.sort(compareDates)
  return found
}

/** How many of a family's walking children count on `date`: a child added mid-year counts from the day it joined. */
const walkingOn = (walking: WalkingChildren | undefined, date: LocalDate): number => {
  if (walking === undefined) return 0
  let count = walking.always
  for (const joinedOn of walking.since) {
    if (joinedOn > date) break
    count += 1
  }
  return count
}

/** The smallest share (0..1) among the exemptions applying that date: overlapping reductions never add up below it. */
const exemptionFactor = (exemptions: readonly Exemption[], date: LocalDate): number => {
  let factor = 1
  for (const exemption of exemptions) if (exemptionAppliesOn(exemption, date)) factor = Math.min(factor, exemption.sharePercent / 100)
  return factor
}

const baseWeight = (model: WeightModel, walking: number): number =>
  model.planning.fairness.basis === 'perChild' ? walking : walking > 0 ? 1 : 0

/** Before the day it joined (when known), a family has no share: it owes nothing for walks before it was there. */
const hasJoinedBy = (family: Pick<Family, 'joinedOn'> | undefined, date: LocalDate): boolean =>
  family?.joinedOn === undefined || family.joinedOn <= date

/** A family's weight on `date`: children walking and joined by then (or 1 per family with one), times its exemption's share; 0 before it joined. */
export const familyWeightOn = (model: WeightModel, familyId: FamilyId, date: LocalDate): number => {
  if (!hasJoinedBy(model.families.find((family) => family.id === familyId), date)) return 0
  const base = baseWeight(model, walkingOn(walkingChildren(model).get(familyId), date))
  if (base === 0) return 0
  return base * exemptionFactor(model.planning.exemptions.filter((exemption) => exemption.familyId === familyId), date)
}

/** Weights of every family on one date, computed once per date however many demands fall on it. */
const weightsByDate = (model: ShareModel): ((date: LocalDate) => readonly number[]) => {
  const walking = walkingChildren(model)
  const walkingOf = model.families.map((family) => walking.get(family.id))
  const exemptions = model.families.map((family) => model.planning.exemptions.filter((exemption) => exemption.familyId === family.id && exemption.withdrawn === undefined))
  // Nobody walking that day (a new collective, every family exempted): the places are still
  // needed, so they are shared equally among the families that have an adult.
  // A family at 0 % stays at 0 % here too, and a family not yet there takes no part.
  const familiesWithAdults = new Set<string>(model.adults.map((adult) => adult.familyId))
  const cache = new Map<LocalDate, readonly number[]>()
  return (date) => {
    const cached = cache.get(date)
    if (cached !== undefined) return cached
    const factors = model.families.map((family, i) => (hasJoinedBy(family, date) ? exemptionFactor(exemptions[i] ?? [], date) : 0))
    const weights = walkingOf.map((children, i) => {
      const base = baseWeight(model, walkingOn(children, date))
      return base === 0 ? 0 : base * (factors[i] ?? 0)
    })
    const fallback = model.families.map((family, i) => (familiesWithAdults.has(family.id) ? (factors[i] ?? 0) : 0))
    const result = weights.some((weight) => weight > 0) ? weights : fallback
    cache.set(date, result)
    return result
  }
}

/**
 * Each family's fair share of the demands (every model family present, 0 allowed): each demand's
 * places split by the families' weights that date. When no family has an adult either, nobody can
 * take a share and the places are left out.
 */
export const fairShares = (model: ShareModel, demands: readonly Demand[]): Map<FamilyId, number> => {
  const weightsOn = weightsByDate(model)
  const totals = model.families.map(() => 0)
  for (const demand of demands) {
    const weights = weightsOn(demand.date)
    const sum = weights.reduce((a, b) => a + b, 0)
    if (sum === 0) continue
    weights.forEach((weight, i) => {
      totals[i] = (totals[i] ?? 0) + (demand.places * weight) / sum
    })
  }
  return new Map(model.families.map((family, i) => [family.id, totals[i] ?? 0]))
}

/**
 * Coordinator periods starting in `range` (after period swaps) held by a family of the
 * collective, each worth the collective's credit; none when the credit is 0.
 */
export const coordinatorCredits = (model: Pick<FairnessModel, 'families' | 'coordination' | 'planning'>, range: DateRange): CoordinatorCredit[] => {
  const walks = model.planning.fairness.coordinatorCredit
  if (walks <= 0 || compareDates(range.to, range.from) < 0) return []
  const families = new Set<string>(model.families.map((family) => family.id))
  return coordinatorSchedule(model.coordination, range.to).periods.flatMap((period) =>
    period.coordinator !== null && families.has(period.coordinator) && range.from <= period.start && period.start <= range.to
      ? [{ familyId: period.coordinator, start: period.start, walks }]
      : [],
  )
}

/**
 * The demands of running walks (their required adults) and of coordinator credits: what a period
 * to plan needs. What is already past is shared with heldDemandsOf instead.
 */
export const demandsOf = (walks: readonly { readonly date: LocalDate; readonly requiredAdults: number }[], credits: readonly CoordinatorCredit[]): Demand[] => [
  ...walks.map((walk) => ({ date: walk.date, places: walk.requiredAdults })),
  ...credits.map((credit) => ({ date: credit.start, places: credit.walks })),
]

/**
 * The demands of walks as they were held: the places families of the collective held (after
 * swaps) and the credits. Sharing what was actually given, not what walks needed, keeps the
 * balances summing to zero: a walk nobody took (before the collective used the app, or left
 * open) puts nobody behind.
 */
export const heldDemandsOf = (walks: readonly EffectiveWalk[], credits: readonly CoordinatorCredit[], families: ReadonlyMap<AdultId, FamilyId>): Demand[] => [
  ...walks.flatMap((walk) => {
    const places = holdersOf(walk).filter((holder) => families.has(holder.adultId)).length
    return places === 0 ? [] : [{ date: walk.date, places }]
  }),
  ...credits.map((credit) => ({ date: credit.start, places: credit.walks })),
]

/**
 * Each family's balance over the school year of `date`, strictly before it: places held on
 * running walks (after swaps) plus coordinator credits, minus its fair share of all the places
 * held and credits (heldDemandsOf). Above zero: the family has given more than its share.
 */
export const yearBalanceBefore = (model: FairnessModel, date: LocalDate, now: number): Map<FamilyId, number> => {
  const until = dayBefore(date)
  const walks = runningWalks(model, schoolYearOf(date).from, until, now)
  const credits = coordinatorCredits(model, { from: creditYearStart(date), to: until })
  const given = zeroPerFamily(model)
  const families = familyOfAdult(model)
  for (const walk of walks) countHolders(given, walk, families)
  for (const credit of credits) given.set(credit.familyId, (given.get(credit.familyId) ?? 0) + credit.walks)
  const shares = fairShares(model, heldDemandsOf(walks, credits, families))
  return new Map([...given].map(([familyId, count]) => [familyId, count - (shares.get(familyId) ?? 0)]))
}

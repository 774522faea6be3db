// Pure helpers of "Planifier": the period as typed -> a date range or an error, proposals grouped by day and walk, one place edited, the adults offered for a place or to add.
import { daysBetween, LocalDateSchema, type LocalDate } from '../../../domain/dates.ts'
import type { AdultId, ChildId } from '../../../domain/ids.ts'
import type { Direction } from '../../../domain/line.ts'
import type { Adult } from '../../../domain/people.ts'
import { PLAN_MAX_DAYS } from '../../../domain/planning/problem.ts'
import type { DateRange, Plan, PlannedSlot, UncoveredReason } from '../../../domain/planning/types.ts'
import type { WalkKey, WalkRef } from '../../../domain/signup.ts'

export type PeriodErrors = Partial<Record<'from' | 'to', 'invalidDate' | 'endBeforeStart' | 'periodTooLong'>>

/** The period to plan, or why not: dates that are not dates, an end before the start, more than PLAN_MAX_DAYS days. */
export const periodOf = (from: string, to: string): { ok: true; period: DateRange } | { ok: false; errors: PeriodErrors } => {
  const start = LocalDateSchema.safeParse(from)
  const end = LocalDateSchema.safeParse(to)
  const errors: PeriodErrors = {}
  if (!start.success) errors.from = 'invalidDate'
  if (!end.success) errors.to = 'invalidDate'
  if (!start.success || !end.success) return { ok: false, errors }
  if (end.data < start.data) return { ok: false, errors: { to: 'endBeforeStart' } }
  if (daysBetween(start.data, end.data) >= PLAN_MAX_DAYS) return { ok: false, errors: { to: 'periodTooLong' } }
  return { ok: true, period: { from: start.data, to: end.data } }
}

/** One proposed place with its position in the plan's list (what an edit refers to). */
export interface IndexedPlace {
  readonly index: number
  readonly place: PlannedSlot
}

export interface ProposedWalk {
  readonly key: WalkKey
  readonly walk: WalkRef
  readonly places: readonly IndexedPlace[]
  /** Places still open after the proposal (0 when the walk is covered), and why. */
  readonly missing: number
  readonly reason: UncoveredReason | null
  /** With 'noHabitue': the children requiring an habitué·e the walk lacks. */
  readonly withoutHabitue: readonly ChildId[]
}

export interface ProposedDay {
  readonly date: LocalDate
  readonly walks: readonly ProposedWalk[]
}

const DIRECTION_RANK: Readonly<Record<Direction, number>> = { aller: 0, retour: 1 }

/**
 * The proposal by day, then walk (line name, then aller before retour): each walk with its proposed
 * places (their index in the plan's list, what an edit refers to) and the places still missing.
 * A day with only uncovered walks is listed too: the coordinator sees each day's gaps where they are.
 */
export const groupByDay = (plan: Pick<Plan, 'assignments' | 'uncovered'>, lineName: (walk: WalkRef) => string): ProposedDay[] => {
  type Entry = Omit<ProposedWalk, 'places'> & { places: IndexedPlace[] }
  const walks = new Map<WalkKey, Entry>()
  const entry = (key: WalkKey, walk: WalkRef): Entry => {
    const found = walks.get(key) ?? { key, walk, places: [], missing: 0, reason: null, withoutHabitue: [] }
    walks.set(key, found)
    return found
  }
  plan.assignments.forEach((place, index) => entry(place.key, place.walk).places.push({ index, place }))
  for (const uncovered of plan.uncovered) {
    const { missing, reason, withoutHabitue = [] } = uncovered
    Object.assign(entry(uncovered.key, uncovered.walk), { missing, reason, withoutHabitue })
  }
  const sorted = [...walks.values()].sort((a, b) =>
    a.walk.date.localeCompare(b.walk.date) || lineName(a.walk).localeCompare(lineName(b.walk), 'fr') || a.walk.lineId.localeCompare(b.walk.lineId)
    || DIRECTION_RANK[a.walk.direction] - DIRECTION_RANK[b.walk.direction])
  const days: { date: LocalDate; walks: ProposedWalk[] }[] = []
  for (const walk of sorted) {
    const last = days.at(-1)
    if (last?.date === walk.walk.date) last.walks.push(walk)
    else days.push({ date: walk.walk.date, walks: [walk] })
  }
  return days
}

/**
 * The list after one place changed hands: another adult (with their family), or nobody (the place
 * is dropped from the proposal). An adult unknown to the collective changes nothing.
 */
export const editPlace = (assignments: readonly PlannedSlot[], index: number, adultId: AdultId | null, adults: readonly Adult[]): PlannedSlot[] => {
  if (adultId === null) return assignments.filter((_, i) => i !== index)
  const adult = adults.find((candidate) => candidate.id === adultId)
  if (adult === undefined) return [...assignments]
  return assignments.map((place, i) => (i === index ? { ...place, adultId: adult.id, familyId: adult.familyId } : place))
}

/** The adults a place can go to: the one holding it first, then the candidates (without repeating it). */
export const placeChoices = (current: AdultId, candidates: readonly AdultId[]): AdultId[] => [current, ...candidates.filter((id) => id !== current)]

/** What "Confirmer" does with a place: nothing (the holder kept), hand it to an adult or to nobody, or refuse a choice no longer offered. */
export type PlaceChange = { readonly kind: 'keep' } | { readonly kind: 'edit'; readonly adultId: AdultId | null } | { readonly kind: 'refused' }

/**
 * The choice in the select, as "Confirmer" applies it. Only the explicit "Personne" option ('') gives
 * the place to nobody: an adult who left the choices meanwhile (another place edited, a sync) is
 * refused, never turned into "Personne".
 */
export const placeChange = (holder: AdultId, choices: readonly AdultId[], chosen: string): PlaceChange => {
  if (chosen === holder) return { kind: 'keep' }
  if (chosen === '') return { kind: 'edit', adultId: null }
  const adult = choices.find((id) => id === chosen)
  return adult === undefined ? { kind: 'refused' } : { kind: 'edit', adultId: adult }
}

/** The value the select shows: the choice while still offered ("Personne" always is), else the holder (a select never shows a gone option). */
export const placeSelectValue = (holder: AdultId, choices: readonly AdultId[], chosen: string): string =>
  chosen === '' || choices.some((id) => id === chosen) ? chosen : holder

/** The adult "Confirmer l’ajout" adds: the one chosen if still a candidate (the plan may have changed meanwhile), else the first candidate, else nobody. */
export const addChoice = (candidates: readonly AdultId[], chosen: string): AdultId | null =>
  candidates.find((id) => id === chosen) ?? candidates[0] ?? null

/** An element id for a walk's controls: its key (line id, date, direction) without the "|" separators. */
export const walkDomId = (key: WalkKey): string => key.replaceAll('|', '-')

// A walk's state over time, the one rule behind "à pourvoir": only a walk that runs, has not started and lacks adults.
//
// A walk that started is history: covered, or understaffed (it went without enough adults), or, when nobody held a
// place and it predates the collective's first family, "before the collective". Every screen, count and export reads
// this state (src/domain/rota/resolve.ts and the swaps' effective walks compute it), so none lists such a walk to fill.
import { parisToInstant } from '../calendar/paris-time.ts'
import type { LocalDate, TimeOfDay } from '../dates.ts'
import type { Family } from '../family.ts'
import type { Direction } from '../line.ts'
import type { WalkState } from '../rota-types.ts'
import type { Walk } from './walks.ts'

export const URGENT_WITHIN_MS = 48 * 3_600_000

/** Used for urgency only, when no stop of the line has a time: usual French school hours. */
export const DEFAULT_START_TIMES: Readonly<Record<Direction, TimeOfDay>> = {
  aller: '08:30' as TimeOfDay,
  retour: '16:30' as TimeOfDay,
}

type WalkTime = Pick<Walk, 'date' | 'direction' | 'startTime'>

/** The instant a walk starts (Paris time), for urgency. */
export const walkStartInstant = (walk: WalkTime): number =>
  parisToInstant(walk.date, walk.startTime ?? DEFAULT_START_TIMES[walk.direction])

/** Paris is UTC+1 or UTC+2: reading the wall time as UTC is within this of the true instant. */
const MAX_PARIS_OFFSET_MS = 3 * 3_600_000

/** The start read as UTC: decides walks far from `now` without the (slower) Intl time-zone lookup. */
const wallClockAsUtc = (walk: WalkTime): number => {
  const [y, m, d] = walk.date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = (walk.startTime ?? DEFAULT_START_TIMES[walk.direction]).split(':').map(Number) as [number, number]
  return Date.UTC(y, m - 1, d, hh, mm)
}

/** walkStartInstant(walk) <= now: from then on nobody signs up, and a missing adult is history. */
export const hasStarted = (walk: WalkTime, now: number): boolean => {
  const rough = wallClockAsUtc(walk) - now
  if (rough > MAX_PARIS_OFFSET_MS) return false
  if (rough < -MAX_PARIS_OFFSET_MS) return true
  return walkStartInstant(walk) <= now
}

/** Within 48 h and not started yet. */
const isUrgent = (walk: WalkTime, now: number): boolean => {
  const rough = wallClockAsUtc(walk) - now
  if (rough > URGENT_WITHIN_MS + MAX_PARIS_OFFSET_MS || rough < -MAX_PARIS_OFFSET_MS) return false
  const untilStart = walkStartInstant(walk) - now
  return untilStart > 0 && untilStart <= URGENT_WITHIN_MS
}

const firstDays = new WeakMap<readonly Pick<Family, 'joinedOn'>[], LocalDate | null>()

/**
 * The collective's first day as its records tell it: the day its first family joined (`joinedOn`, kept by exports,
 * restores and new school years). Null when unknown: no family yet, or a family written before joining days were
 * recorded (there from the start, as the fair shares count it). Cached per families array (the view keeps it).
 */
export const collectiveFirstDay = (
  model: { readonly families: readonly Pick<Family, 'joinedOn'>[] },
): LocalDate | null => {
  const cached = firstDays.get(model.families)
  if (cached !== undefined) return cached
  let first: LocalDate | null = null
  for (const family of model.families) {
    if (family.joinedOn === undefined) {
      first = null
      break
    }
    if (first === null || family.joinedOn < first) first = family.joinedOn
  }
  firstDays.set(model.families, first)
  return first
}

/**
 * The state of a walk with `holders` of `required` places at `now`. The first day only names history: a walk not
 * started stays to fill whatever joining day a phone's clock wrote.
 */
export const walkStateOf = (
  walk: Pick<Walk, 'date' | 'direction' | 'startTime' | 'cancellation'>, holders: number, required: number, now: number,
  firstDay: LocalDate | null,
): WalkState => {
  if (walk.cancellation !== null) return 'cancelled'
  if (holders >= required) return 'covered'
  if (hasStarted(walk, now)) {
    return holders === 0 && firstDay !== null && walk.date < firstDay ? 'beforeCollective' : 'understaffed'
  }
  return isUrgent(walk, now) ? 'urgent' : 'toFill'
}

/** Whether the walk still needs adults someone can give: to fill or urgent. "À faire", the handover and counts ask. */
export const needsAdults = (walk: Pick<{ readonly state: WalkState }, 'state'>): boolean =>
  walk.state === 'toFill' || walk.state === 'urgent'

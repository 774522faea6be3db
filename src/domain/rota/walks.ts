// Walks derived from lines, settings and the calendar: line x date x direction, cancelled ones flagged, never stored.
import { holidayNameOf, holidayOn } from '../calendar/school-calendar.ts'
import { publicHolidayOn } from '../calendar/public-holidays.ts'
import type { CalendarException } from '../calendar-records.ts'
import { datesBetween, weekdayOf, type LocalDate, type TimeOfDay } from '../dates.ts'
import type { LineId } from '../ids.ts'
import { DIRECTIONS, type Direction, type Line, type Stop } from '../line.ts'
import type { CollectiveModel } from '../model.ts'
import { walkKeyOf, type WalkKey, type WalkRef } from '../signup.ts'
import type { WalkCancellation } from '../rota-types.ts'

/** One walk as derived: where and when, and why it does not run if it does not. */
export interface Walk extends WalkRef {
  readonly key: WalkKey
  /** Earliest time of passage at a stop of the line in this direction; null when no stop has one. */
  readonly startTime: TimeOfDay | null
  readonly cancellation: WalkCancellation | null
}

export type WalkModel = Pick<CollectiveModel, 'settings' | 'lines' | 'stops' | 'exceptions' | 'holidays' | 'holidayOverrides'>

/**
 * The start is the earliest time at any stop, not the time at the first stop by position: stops
 * are ordered along the aller, so the retour starts at the other end of the list.
 */
export const startTimeOf = (stops: readonly Stop[], lineId: LineId, direction: Direction): TimeOfDay | null => {
  let earliest: TimeOfDay | null = null
  for (const stop of stops) {
    const time = stop.lineId === lineId ? stop.times[direction] : undefined
    if (time !== undefined && (earliest === null || time < earliest)) earliest = time
  }
  return earliest
}

/** Exceptions naming this line and direction beat broader ones; then the lowest id, the same on every phone. */
const specificity = (exception: CalendarException): number => (exception.lineId === null ? 0 : 2) + (exception.direction === null ? 0 : 1)

export const matchingException = (exceptions: readonly CalendarException[], walk: WalkRef): CalendarException | null => {
  let best: CalendarException | null = null
  for (const exception of exceptions) {
    if (exception.date !== walk.date) continue
    if (exception.lineId !== null && exception.lineId !== walk.lineId) continue
    if (exception.direction !== null && exception.direction !== walk.direction) continue
    if (best === null || specificity(exception) > specificity(best) || (specificity(exception) === specificity(best) && exception.id < best.id)) {
      best = exception
    }
  }
  return best
}

/**
 * Why the walk does not run, or null. The collective's own exception is named first (it says
 * more: "grève"), then a school holiday (shipped and not ignored, or imported), then a public holiday.
 */
export const walkCancellationOf = (
  model: Pick<WalkModel, 'settings' | 'exceptions' | 'holidays' | 'holidayOverrides'>, walk: WalkRef,
): WalkCancellation | null => {
  const exception = matchingException(model.exceptions, walk)
  if (exception !== null) return { kind: 'exception', reason: exception.reason, note: exception.note }
  const holiday = holidayOn(model.settings, model.holidays, walk.date, model.holidayOverrides)
  if (holiday !== null) return { kind: 'holiday', ...holidayNameOf(holiday) }
  const publicHoliday = publicHolidayOn(walk.date, model.settings.alsaceMoselle === true)
  if (publicHoliday !== null) return { kind: 'publicHoliday', label: publicHoliday.label, id: publicHoliday.id }
  return null
}

/** Whether the line is scheduled that date (its days and the collective's operating weekdays), ignoring cancellations. */
export const lineRunsOn = (model: Pick<WalkModel, 'settings'>, line: Line, date: LocalDate): boolean => {
  const weekday = weekdayOf(date)
  return line.days.includes(weekday) && model.settings.operatingWeekdays.includes(weekday)
}

const createWalk = (model: WalkModel, line: Line, date: LocalDate, direction: Direction, startTime: TimeOfDay | null): Walk => {
  const ref: WalkRef = { lineId: line.id, date, direction }
  return { ...ref, key: walkKeyOf(ref), startTime, cancellation: walkCancellationOf(model, ref) }
}

/**
 * Every scheduled walk from `from` to `to` (both included), cancelled ones included and flagged,
 * ordered by date, then line (model order), then aller before retour.
 */
export const deriveWalks = (model: WalkModel, from: LocalDate, to: LocalDate): Walk[] => {
  const starts = new Map(model.lines.map((line) => [line.id, new Map(DIRECTIONS.map((d) => [d, startTimeOf(model.stops, line.id, d)]))]))
  const walks: Walk[] = []
  for (const date of datesBetween(from, to)) {
    for (const line of model.lines) {
      if (!lineRunsOn(model, line, date)) continue
      for (const direction of DIRECTIONS) {
        if (!line.directions.includes(direction)) continue
        walks.push(createWalk(model, line, date, direction, starts.get(line.id)?.get(direction) ?? null))
      }
    }
  }
  return walks
}

/** The walk for a reference, or null when the line does not exist or is not scheduled that day in that direction. */
export const walkOf = (model: WalkModel, ref: WalkRef): Walk | null => {
  const line = model.lines.find((candidate) => candidate.id === ref.lineId)
  if (line === undefined || !line.directions.includes(ref.direction) || !lineRunsOn(model, line, ref.date)) return null
  return createWalk(model, line, ref.date, ref.direction, startTimeOf(model.stops, line.id, ref.direction))
}

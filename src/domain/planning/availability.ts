// Whether an adult said they can walk a given walk: date exceptions first, then the recurring weekday pattern.
import { weekdayOf } from '../dates.ts'
import type { WalkRef } from '../signup.ts'
import type { Availability, AvailabilityException } from './records.ts'

/**
 * A null direction covers every direction of the date. A null line covers every line for "pas le 12"
 * (saying no must always be safe), but for "exceptionnellement libre" only the lines the adult
 * usually walks (the form cannot pick a line; being offered a line never chosen would surprise);
 * an adult with no recurring slot at all has no usual line, so then it covers every line.
 */
const exceptionMatches = (availability: Availability, exception: AvailabilityException, walk: WalkRef): boolean =>
  exception.date === walk.date &&
  (exception.direction === null || exception.direction === walk.direction) &&
  (exception.lineId === null ? lineCoveredByAnyLine(availability, exception, walk) : exception.lineId === walk.lineId)

const lineCoveredByAnyLine = (availability: Availability, exception: AvailabilityException, walk: WalkRef): boolean =>
  !exception.available || availability.recurring.length === 0 || availability.recurring.some((slot) => slot.lineId === walk.lineId)

/**
 * "Pas le 12 décembre" beats everything (saying no must always be safe), then "exceptionnellement
 * libre", then the recurring weekday x direction x line pattern.
 */
export const isAvailableFor = (availability: Availability, walk: WalkRef): boolean => {
  let availableByException = false
  for (const exception of availability.exceptions) {
    if (!exceptionMatches(availability, exception, walk)) continue
    if (!exception.available) return false
    availableByException = true
  }
  if (availableByException) return true
  const weekday = weekdayOf(walk.date)
  return availability.recurring.some((slot) => slot.weekday === weekday && slot.direction === walk.direction && slot.lineId === walk.lineId)
}

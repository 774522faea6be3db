// Whether an adult said they can walk a given walk: date exceptions first, then the recurring weekday pattern.
import { weekdayOf } from '../dates.ts'
import type { WalkRef } from '../signup.ts'
import type { Availability, AvailabilityException } from './records.ts'

/** An exception with a null direction or line covers every direction or line of its date. */
const exceptionMatches = (exception: AvailabilityException, walk: WalkRef): boolean =>
  exception.date === walk.date &&
  (exception.direction === null || exception.direction === walk.direction) &&
  (exception.lineId === null || exception.lineId === walk.lineId)

/**
 * "Pas le 12 décembre" beats everything (saying no must always be safe), then "exceptionnellement
 * libre", then the recurring weekday x direction x line pattern.
 */
export const isAvailableFor = (availability: Availability, walk: WalkRef): boolean => {
  let availableByException = false
  for (const exception of availability.exceptions) {
    if (!exceptionMatches(exception, walk)) continue
    if (!exception.available) return false
    availableByException = true
  }
  if (availableByException) return true
  const weekday = weekdayOf(walk.date)
  return availability.recurring.some((slot) => slot.weekday === weekday && slot.direction === walk.direction && slot.lineId === walk.lineId)
}

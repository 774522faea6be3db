// The planner's default period: from tomorrow until the next school holidays, or six weeks when none come soon.
import { instantToParisDate } from '../calendar/paris-time.ts'
import { holidayOn, type HolidayPeriod } from '../calendar/school-calendar.ts'
import { addDays, type LocalDate } from '../dates.ts'
import { deriveWalks } from '../rota/walks.ts'
import type { DateRange, FairnessModel } from './types.ts'

/** How far ahead the next holidays are looked for. */
export const HOLIDAY_SEARCH_WEEKS = 16
/** The period when no holidays come within the search. */
export const DEFAULT_PLANNING_WEEKS = 6

/**
 * From tomorrow (Paris) to the day before the next school holidays: the day before the holiday
 * period that cancels the first walk after a school day (holidays under way tomorrow are skipped,
 * their walks need nobody), found within 16 weeks; else 6 weeks.
 */
export const defaultPlanningPeriod = (model: FairnessModel, now: number): DateRange => {
  const from = addDays(instantToParisDate(now), 1)
  const holidays = new Map<LocalDate, HolidayPeriod | null>()
  let schoolDaySeen = false
  for (const walk of deriveWalks(model, from, addDays(from, HOLIDAY_SEARCH_WEEKS * 7 - 1))) {
    if (!holidays.has(walk.date)) holidays.set(walk.date, holidayOn(model.settings, model.holidays, walk.date, model.holidayOverrides ?? []))
    const holiday = holidays.get(walk.date) ?? null
    if (holiday === null) schoolDaySeen = true
    // The period holds the school day seen, which is not in the holiday period: it ends after it.
    else if (schoolDaySeen) return { from, to: addDays(holiday.start, -1) }
  }
  return { from, to: addDays(from, DEFAULT_PLANNING_WEEKS * 7 - 1) }
}

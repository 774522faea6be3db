// Whether a date is a school day for a collective: shipped holidays of its zone, imported holidays, public holidays, weekdays.
import { addDays, weekdayOf, type LocalDate } from '../dates.ts'
import type { ImportedHoliday } from '../calendar-records.ts'
import type { HolidayZone, Settings } from '../settings.ts'
import { publicHolidayOn } from './public-holidays.ts'
import { SHIPPED_SCHOOL_HOLIDAYS, type DecreeHoliday } from './school-holidays-data.ts'

/** An inclusive period of days without school. */
export interface HolidayPeriod {
  readonly start: LocalDate
  readonly end: LocalDate
  readonly label: string
}

export type SchoolDayStatus =
  | { readonly kind: 'schoolDay' }
  | { readonly kind: 'holiday'; readonly label: string }
  | { readonly kind: 'publicHoliday'; readonly label: string }
  | { readonly kind: 'notOperating' }

/** What the calendar needs from the collective: its zone and the weekdays it walks. */
export type CalendarSettings = Pick<Settings, 'holidayZone' | 'operatingWeekdays'>

/**
 * The arrêté's "after class on Saturday" becomes a first day without school: that Saturday
 * itself when the collective has no class on it (four-day week), else the day after.
 */
export const decreeToPeriod = (holiday: DecreeHoliday, operatingWeekdays: readonly number[]): HolidayPeriod => {
  const lastDay = holiday.classesEndAfter
  const start = operatingWeekdays.includes(weekdayOf(lastDay)) ? addDays(lastDay, 1) : lastDay
  return { start, end: addDays(holiday.classesResumeOn, -1), label: holiday.label }
}

/** Shipped holiday periods of a zone, inclusive, in date order. */
export const shippedHolidayPeriods = (zone: HolidayZone, operatingWeekdays: readonly number[]): readonly HolidayPeriod[] =>
  SHIPPED_SCHOOL_HOLIDAYS.filter((holiday) => holiday.zones.includes(zone))
    .map((holiday) => decreeToPeriod(holiday, operatingWeekdays))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))

const contains = (period: HolidayPeriod, date: LocalDate): boolean => period.start <= date && date <= period.end

/**
 * The holiday covering the date: shipped periods first, then imported ones (which add to the
 * shipped data and are the only source for other years); among imports the earliest start wins,
 * then the label, so every phone shows the same label.
 */
export const holidayOn = (
  settings: CalendarSettings,
  imported: readonly Pick<ImportedHoliday, 'start' | 'end' | 'label'>[],
  date: LocalDate,
): HolidayPeriod | null => {
  const shipped = shippedHolidayPeriods(settings.holidayZone, settings.operatingWeekdays).find((period) => contains(period, date))
  if (shipped !== undefined) return shipped
  const matching = imported.filter((period) => contains(period, date))
  matching.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
  const first = matching[0]
  return first === undefined ? null : { start: first.start, end: first.end, label: first.label }
}

/**
 * School day, or why not. A holiday is named before a public holiday inside it and before a
 * non-operating weekday, so a calendar screen can say "Vacances de Noël" on any day of them.
 */
export const schoolDayStatus = (
  settings: CalendarSettings,
  imported: readonly Pick<ImportedHoliday, 'start' | 'end' | 'label'>[],
  date: LocalDate,
): SchoolDayStatus => {
  const holiday = holidayOn(settings, imported, date)
  if (holiday !== null) return { kind: 'holiday', label: holiday.label }
  const publicHoliday = publicHolidayOn(date)
  if (publicHoliday !== null) return { kind: 'publicHoliday', label: publicHoliday.label }
  if (!settings.operatingWeekdays.includes(weekdayOf(date))) return { kind: 'notOperating' }
  return { kind: 'schoolDay' }
}

export const isSchoolDay = (
  settings: CalendarSettings,
  imported: readonly Pick<ImportedHoliday, 'start' | 'end' | 'label'>[],
  date: LocalDate,
): boolean => schoolDayStatus(settings, imported, date).kind === 'schoolDay'

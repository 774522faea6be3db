// Whether a date is a school day for a collective: shipped holidays of its zone (minus those it ignores), imported holidays, public holidays, weekdays.
import { addDays, weekdayOf, type LocalDate } from '../dates.ts'
import type { HolidayOverride, ImportedHoliday } from '../calendar-records.ts'
import type { PeriodSlug, PublicHolidayId } from '../holiday-kinds.ts'
import type { HolidayZone, Settings } from '../settings.ts'
import { publicHolidayOn } from './public-holidays.ts'
import {
  SHIPPED_SCHOOL_HOLIDAYS, isProvisional, shippedPeriodId, type CheckLevel, type DecreeHoliday,
} from './school-holidays-data.ts'

/** An inclusive period of days without school. */
export interface HolidayPeriod {
  readonly start: LocalDate
  readonly end: LocalDate
  /** The name a collective typed, or a shipped period's French name (screens name those by `slug`). */
  readonly label: string
  /** A shipped period's kind ('noel'); absent for a period the collective added, shown as typed. */
  readonly slug?: PeriodSlug
  /** True for a shipped period not compared with the official text: screens add "(dates à confirmer)". */
  readonly provisional?: boolean
}

/** A shipped period as one zone sees it, with its stable id and how far it was checked. */
export interface ShippedPeriod extends HolidayPeriod {
  /** shippedPeriodId: '2027-2028/A/hiver'. */
  readonly id: string
  readonly slug: PeriodSlug
  readonly schoolYear: string
  readonly checked: CheckLevel
  readonly provisional: boolean
  readonly source: string
}

export type SchoolDayStatus =
  | { readonly kind: 'schoolDay' }
  | { readonly kind: 'holiday'; readonly label: string; readonly slug?: PeriodSlug; readonly provisional?: true }
  | { readonly kind: 'publicHoliday'; readonly label: string; readonly id: PublicHolidayId }
  | { readonly kind: 'notOperating' }

/** What the calendar needs from the collective: its zone (or its own calendar) and the weekdays it walks. */
export type CalendarSettings = Pick<Settings, 'holidayZone' | 'operatingWeekdays'> & Partial<Pick<Settings, 'ownCalendar' | 'alsaceMoselle'>>

/**
 * The arrêté's "after class on Saturday" becomes a first day without school: that Saturday
 * itself when the collective has no class on it (four-day week), else the day after.
 */
export const decreeToPeriod = (holiday: DecreeHoliday, operatingWeekdays: readonly number[]): HolidayPeriod => {
  const lastDay = holiday.classesEndAfter
  const start = operatingWeekdays.includes(weekdayOf(lastDay)) ? addDays(lastDay, 1) : lastDay
  return { start, end: addDays(holiday.classesResumeOn, -1), label: holiday.label, slug: holiday.slug }
}

/** Per zone and operating weekdays: the data is constant, and holidayOn runs for every derived walk. */
const shippedCache = new Map<string, readonly ShippedPeriod[]>()

/** Shipped holiday periods of a zone (every shipped year, ignored ones included), inclusive, in date order. */
export const shippedHolidayPeriods = (zone: HolidayZone, operatingWeekdays: readonly number[]): readonly ShippedPeriod[] => {
  const cacheKey = `${zone}|${operatingWeekdays.join(',')}`
  const cached = shippedCache.get(cacheKey)
  if (cached !== undefined) return cached
  const periods = SHIPPED_SCHOOL_HOLIDAYS.filter((holiday) => holiday.zones.includes(zone))
    .map((holiday): ShippedPeriod => ({
      ...decreeToPeriod(holiday, operatingWeekdays),
      slug: holiday.slug,
      id: shippedPeriodId(holiday, zone),
      schoolYear: holiday.schoolYear,
      checked: holiday.checked,
      provisional: isProvisional(holiday.checked),
      source: holiday.source,
    }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  shippedCache.set(cacheKey, periods)
  return periods
}

/** Ids of the shipped periods the collective marked "does not apply to our school". */
export const ignoredPeriodIds = (overrides: readonly Pick<HolidayOverride, 'periodId' | 'ignored'>[]): ReadonlySet<string> =>
  new Set(overrides.filter((override) => override.ignored).map((override) => override.periodId))

/** Whether the id names a period this version ships (any zone): what a collective may override. */
export const isShippedPeriodId = (id: string): boolean =>
  SHIPPED_SCHOOL_HOLIDAYS.some((holiday) => holiday.zones.some((zone) => shippedPeriodId(holiday, zone) === id))

/** Overrides as the calendar reads them; callers that know none pass nothing. */
export type HolidayOverrides = readonly Pick<HolidayOverride, 'periodId' | 'ignored'>[]

const contains = (period: HolidayPeriod, date: LocalDate): boolean => period.start <= date && date <= period.end

/**
 * The holiday covering the date: shipped periods first (except those the collective ignores),
 * then imported or added ones (which add to the shipped data and are the only source for other
 * years); among these the earliest start wins, then the label, so every phone shows the same label.
 */
export const holidayOn = (
  settings: CalendarSettings,
  imported: readonly Pick<ImportedHoliday, 'start' | 'end' | 'label'>[],
  date: LocalDate,
  overrides: HolidayOverrides = [],
): HolidayPeriod | null => {
  const ignored = ignoredPeriodIds(overrides)
  // A school on its académie's own calendar (Corse, overseas) has only the periods the collective imported or added.
  const zonePeriods = settings.ownCalendar === true ? [] : shippedHolidayPeriods(settings.holidayZone, settings.operatingWeekdays)
  const shipped = zonePeriods.find((period) => !ignored.has(period.id) && contains(period, date))
  if (shipped !== undefined) return shipped
  const matching = imported.filter((period) => contains(period, date))
  matching.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
  const first = matching[0]
  return first === undefined ? null : { start: first.start, end: first.end, label: first.label }
}

/** What names a holiday period on a screen: its kind when shipped, else its typed label; provisional or not. */
export const holidayNameOf = (period: HolidayPeriod): { label: string; slug?: PeriodSlug; provisional?: true } => ({
  label: period.label,
  ...(period.slug === undefined ? {} : { slug: period.slug }),
  ...(period.provisional === true ? { provisional: true as const } : {}),
})

/**
 * School day, or why not. A holiday is named before a public holiday inside it and before a
 * non-operating weekday, so a calendar screen can say "Vacances de Noël" on any day of them.
 */
export const schoolDayStatus = (
  settings: CalendarSettings,
  imported: readonly Pick<ImportedHoliday, 'start' | 'end' | 'label'>[],
  date: LocalDate,
  overrides: HolidayOverrides = [],
): SchoolDayStatus => {
  const holiday = holidayOn(settings, imported, date, overrides)
  if (holiday !== null) return { kind: 'holiday', ...holidayNameOf(holiday) }
  const publicHoliday = publicHolidayOn(date, settings.alsaceMoselle === true)
  if (publicHoliday !== null) return { kind: 'publicHoliday', label: publicHoliday.label, id: publicHoliday.id }
  if (!settings.operatingWeekdays.includes(weekdayOf(date))) return { kind: 'notOperating' }
  return { kind: 'schoolDay' }
}

export const isSchoolDay = (
  settings: CalendarSettings,
  imported: readonly Pick<ImportedHoliday, 'start' | 'end' | 'label'>[],
  date: LocalDate,
  overrides: HolidayOverrides = [],
): boolean => schoolDayStatus(settings, imported, date, overrides).kind === 'schoolDay'

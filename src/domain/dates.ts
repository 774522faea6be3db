// Calendar dates and times of day as plain strings ('YYYY-MM-DD', 'HH:MM'), with pure arithmetic on them.
//
// Dates are civil dates in the collective's time zone, never instants: a walk on 2027-03-04 is that
// day in Europe/Paris whatever the phone's clock or zone says.
import { z } from 'zod/mini'

export const LocalDateSchema = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalidDate' }),
    z.refine((text) => isRealDate(text), { message: 'invalidDate' }),
  )
  .brand<'LocalDate'>()
export type LocalDate = z.infer<typeof LocalDateSchema>

/** Dates a setting may hold (a roster start, the school year's first day): a typo such as 1027 is refused. */
export const SETTING_DATE_MIN = '2020-01-01'
export const SETTING_DATE_MAX = '2099-12-31'
export const SettingDateSchema = LocalDateSchema.check(
  z.refine((date) => SETTING_DATE_MIN <= date && date <= SETTING_DATE_MAX, { message: 'dateOutOfRange' }),
)

export const TimeOfDaySchema = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalidTime' }))
  .brand<'TimeOfDay'>()
export type TimeOfDay = z.infer<typeof TimeOfDaySchema>

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export const WeekdaySchema = z.number().check(z.int(), z.gte(1), z.lte(7))
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

const computeIsRealDate = (text: string): boolean => {
  const [y, m, d] = text.split('-').map(Number)
  if (y === undefined || m === undefined || d === undefined) return false
  const utc = new Date(Date.UTC(y, m - 1, d))
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d
}

/**
 * Checked dates, remembered: a year of sign-ups names each school day a dozen times, and opening a collective
 * parses them all (bench:phone). Bounded: emptied past a few school years of distinct dates.
 */
const realDates = new Map<string, boolean>()
const REAL_DATES_MAX = 4_000
const isRealDate = (text: string): boolean => {
  let real = realDates.get(text)
  if (real === undefined) {
    if (realDates.size >= REAL_DATES_MAX) realDates.clear()
    realDates.set(text, (real = computeIsRealDate(text)))
  }
  return real
}

const toUtc = (date: LocalDate): Date => new Date(`${date}T00:00:00Z`)
const fromUtc = (utc: Date): LocalDate => utc.toISOString().slice(0, 10) as LocalDate

/** Parses a trusted-shape literal (tests, shipped data); throws on a typo, which is a bug. */
export const localDate = (text: string): LocalDate => LocalDateSchema.parse(text)

export const addDays = (date: LocalDate, days: number): LocalDate => {
  const utc = toUtc(date)
  utc.setUTCDate(utc.getUTCDate() + days)
  return fromUtc(utc)
}

export const weekdayOf = (date: LocalDate): Weekday => {
  const day = toUtc(date).getUTCDay()
  return (day === 0 ? 7 : day) as Weekday
}

/** The Monday of the date's ISO week. */
export const mondayOf = (date: LocalDate): LocalDate => addDays(date, 1 - weekdayOf(date))

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: LocalDate, to: LocalDate): number =>
  Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000)

/** Every date from `from` to `to`, both included (empty when `to` < `from`). */
export const datesBetween = (from: LocalDate, to: LocalDate): LocalDate[] => {
  const count = daysBetween(from, to)
  return Array.from({ length: Math.max(0, count + 1) }, (_, i) => addDays(from, i))
}

/** Lexicographic order is chronological order for 'YYYY-MM-DD'. */
export const compareDates = (a: LocalDate, b: LocalDate): number => (a < b ? -1 : a > b ? 1 : 0)

// Coordinator periods as calendar arithmetic: which period a date falls in, and where each period starts and ends.
//
// Periods are numbered from 0 at the roster's `startsOn`; they are always whole weeks (Monday to
// Sunday), so a handover always happens on a Monday whatever the period length.
import { addDays, daysBetween, localDate, mondayOf, type LocalDate } from '../dates.ts'
import type { CoordinatorRosterSetting } from './records.ts'

export interface Period {
  /** 0 for the period starting on `startsOn`. */
  readonly index: number
  readonly start: LocalDate
  /** Last day of the period (a Sunday), inclusive. */
  readonly end: LocalDate
}

type Setting = Pick<CoordinatorRosterSetting, 'periodLength' | 'startsOn'>

const monthNumber = (date: LocalDate): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1

/** The first Monday on or after the 1st of the month `month` (see monthNumber). */
const firstMondayOfMonth = (month: number): LocalDate => {
  const first = localDate(`${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`)
  const monday = mondayOf(first)
  return monday < first ? addDays(monday, 7) : monday
}

/** A stored setting is validated, but the domain stays total: a non-Monday start is taken back to its Monday. */
const startOf = (setting: Setting): LocalDate => mondayOf(setting.startsOn)

const startOfIndex = (setting: Setting, index: number): LocalDate => {
  const origin = startOf(setting)
  switch (setting.periodLength) {
    case 'week':
      return addDays(origin, 7 * index)
    case 'twoWeeks':
      return addDays(origin, 14 * index)
    case 'month':
      return index === 0 ? origin : firstMondayOfMonth(monthNumber(origin) + index)
  }
}

/** The period with that index (index >= 0). */
export const periodAt = (setting: Setting, index: number): Period => ({
  index,
  start: startOfIndex(setting, index),
  end: addDays(startOfIndex(setting, index + 1), -1),
})

/** Index of the period containing `date`, or null before the roster starts. */
export const periodIndexOf = (setting: Setting, date: LocalDate): number | null => {
  const origin = startOf(setting)
  if (date < origin) return null
  switch (setting.periodLength) {
    case 'week':
      return Math.floor(daysBetween(origin, date) / 7)
    case 'twoWeeks':
      return Math.floor(daysBetween(origin, date) / 14)
    case 'month':
      // A week belongs to the month of its Monday.
      return monthNumber(mondayOf(date)) - monthNumber(origin)
  }
}

/** The period containing `date`, or null before the roster starts. */
export const periodOn = (setting: Setting, date: LocalDate): Period | null => {
  const index = periodIndexOf(setting, date)
  return index === null ? null : periodAt(setting, index)
}

// French public holidays (jours fériés) of metropolitan France for any year: fixed dates and Easter-based ones.
import { addDays, localDate, type LocalDate } from '../dates.ts'
import type { PublicHolidayId } from '../holiday-kinds.ts'

export interface PublicHoliday {
  readonly date: LocalDate
  /** Which holiday: screens name it in the reader's language. */
  readonly id: PublicHolidayId
  /** French name ("Lundi de Pâques"), for French exports. */
  readonly label: string
}

const pad = (n: number): string => String(n).padStart(2, '0')
const dateOf = (year: number, month: number, day: number): LocalDate => localDate(`${year}-${pad(month)}-${pad(day)}`)

/**
 * Easter Sunday of the Gregorian calendar (anonymous algorithm, Meeus/Jones/Butcher):
 * integer arithmetic only, valid for every year from 1583.
 */
export const easterSunday = (year: number): LocalDate => {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return dateOf(year, month, day)
}

/**
 * The eleven public holidays of metropolitan France (Code du travail, art. L3133-1), in date order; with
 * `alsaceMoselle`, the two more of the Bas-Rhin, Haut-Rhin and Moselle (Good Friday, 26 December: art. L3134-13).
 */
export const publicHolidaysOf = (year: number, alsaceMoselle = false): readonly PublicHoliday[] => {
  const easter = easterSunday(year)
  const days: PublicHoliday[] = [
    { date: dateOf(year, 1, 1), id: 'newYear', label: "Jour de l'an" },
    { date: addDays(easter, 1), id: 'easterMonday', label: 'Lundi de Pâques' },
    { date: dateOf(year, 5, 1), id: 'labourDay', label: 'Fête du Travail' },
    { date: dateOf(year, 5, 8), id: 'victory1945', label: 'Victoire 1945' },
    { date: addDays(easter, 39), id: 'ascension', label: 'Ascension' },
    { date: addDays(easter, 50), id: 'whitMonday', label: 'Lundi de Pentecôte' },
    { date: dateOf(year, 7, 14), id: 'bastilleDay', label: 'Fête nationale' },
    { date: dateOf(year, 8, 15), id: 'assumption', label: 'Assomption' },
    { date: dateOf(year, 11, 1), id: 'allSaints', label: 'Toussaint' },
    { date: dateOf(year, 11, 11), id: 'armistice1918', label: 'Armistice 1918' },
    { date: dateOf(year, 12, 25), id: 'christmas', label: 'Noël' },
  ]
  if (alsaceMoselle) {
    days.push({ date: addDays(easter, -2), id: 'goodFriday', label: 'Vendredi saint' })
    days.push({ date: dateOf(year, 12, 26), id: 'saintStephen', label: 'Saint-Étienne' })
  }
  return days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
}

// Deriving a year of walks asks this for every date: compute each year once, per list (metropolitan, Alsace-Moselle).
const metropolitanByYear = new Map<number, ReadonlyMap<LocalDate, PublicHoliday>>()
const alsaceMoselleByYear = new Map<number, ReadonlyMap<LocalDate, PublicHoliday>>()

/** The public holiday on that date, or null; `alsaceMoselle`: the collective's school is in Alsace-Moselle. */
export const publicHolidayOn = (date: LocalDate, alsaceMoselle = false): PublicHoliday | null => {
  const year = Number(date.slice(0, 4))
  const byYear = alsaceMoselle ? alsaceMoselleByYear : metropolitanByYear
  let days = byYear.get(year)
  if (days === undefined) {
    days = new Map(publicHolidaysOf(year, alsaceMoselle).map((day) => [day.date, day]))
    byYear.set(year, days)
  }
  return days.get(date) ?? null
}

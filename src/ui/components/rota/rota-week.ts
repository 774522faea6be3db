// Which week "Cette semaine" opens, how a week is titled, and when a walk is past (started, Paris time): pure, for the week screen.
import { addDays, compareDates, mondayOf, weekdayOf, type LocalDate } from '../../../domain/dates.ts'
import { walkStartInstant, type Walk } from '../../../domain/rota/index.ts'
import type { Language, Translate } from '../../i18n/translate.ts'
import { formatDay } from './rota-format.ts'

/** The Monday "Cette semaine" opens: this week's, or the coming week's once no operating day is left this week (from Saturday). */
export const defaultWeekMonday = (today: LocalDate, operatingWeekdays: readonly number[]): LocalDate => {
  const thisMonday = mondayOf(today)
  const weekOver = !operatingWeekdays.some((day) => day >= weekdayOf(today))
  return weekOver ? addDays(thisMonday, 7) : thisMonday
}

/** "Cette semaine" for the week the screen opens by default, "Semaine du lundi 8 mars" for any other. */
export const weekTitle = (t: Translate, language: Language, monday: LocalDate, defaultMonday: LocalDate): string =>
  monday === defaultMonday ? t('rota.week.title') : t('rota.week.titleOther', { day: formatDay(monday, language) })

/** A walk is past once it has started (its first stop's time, Paris), or on any earlier day: nobody signs up or withdraws any more. */
export const isPastWalk = (walk: Pick<Walk, 'date' | 'direction' | 'startTime'>, today: LocalDate, now: number): boolean =>
  compareDates(walk.date, today) < 0 || walkStartInstant(walk) <= now

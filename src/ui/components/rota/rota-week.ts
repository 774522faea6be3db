// How a week is titled on the week screen: "Cette semaine" for the week it opens by default, the Monday's date for any other.
import type { LocalDate } from '../../../domain/dates.ts'
import type { Language, Translate } from '../../i18n/translate.ts'
import { formatDay } from './rota-format.ts'

/** "Cette semaine" for the week the screen opens by default, "Semaine du lundi 8 mars" for any other. */
export const weekTitle = (t: Translate, language: Language, monday: LocalDate, defaultMonday: LocalDate): string =>
  monday === defaultMonday ? t('rota.week.title') : t('rota.week.titleOther', { day: formatDay(monday, language) })

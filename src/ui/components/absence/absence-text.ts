// Pure text of the absence screens: an absence's period, what a new absence changed, French-first field errors.
import type { AbsenceField, AffectedDay } from '../../../app/queries/absence/absence-view.ts'
import { ABSENCE_NOTE_MAX, ABSENCE_RANGE_MAX_DAYS } from '../../../app/queries/limits.ts'
import type { Direction } from '../../../domain/line.ts'
import type { Absence } from '../../../domain/walk-log/records.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { fieldErrorKey, pluralKey, type Language, type Translate } from '../../i18n/translate.ts'
import { directionText, formatDay } from '../rota/rota-format.ts'

/** "jeudi 4 mars, toute la journée", "jeudi 4 mars, aller seulement", "du lundi 8 mars au vendredi 12 mars". */
export const absencePeriodText = (t: Translate, language: Language, absence: Pick<Absence, 'from' | 'to' | 'direction'>): string => {
  const from = formatDay(absence.from, language)
  if (absence.from === absence.to) {
    return absence.direction === null
      ? t('absence.period.day', { day: from })
      : t('absence.period.walk', { day: from, direction: directionText(t, absence.direction) })
  }
  const to = formatDay(absence.to, language)
  return absence.direction === null
    ? t('absence.period.range', { from, to })
    : t('absence.period.rangeDirection', { from, to, direction: directionText(t, absence.direction) })
}

const directionsText = (t: Translate, directions: readonly Direction[]): string =>
  directions.length === 2 ? t('absence.both') : directions.map((direction) => directionText(t, direction)).join(', ')

/** Days listed in the confirmation before "et 3 autres jours": a holiday fortnight must stay one sentence. */
export const LISTED_DAYS = 5

/**
 * "C’est noté, Léa ne viendra pas : jeudi 4 mars, aller et retour." — the walks where the child was
 * expected and is not any more; a sentence saying none is concerned when the dates miss every walk.
 */
export const savedAbsenceText = (t: Translate, language: Language, name: string, days: readonly AffectedDay[]): string => {
  if (days.length === 0) return t('absence.saved.none', { name })
  const listed = days.slice(0, LISTED_DAYS).map((day) => t('absence.day', { day: formatDay(day.date, language), directions: directionsText(t, day.directions) }))
  const rest = days.length - listed.length
  const list = listed.join(' ; ')
  const walks = rest === 0 ? list : t(pluralKey<MessageKey>(language, rest, 'absence.saved.more.one', 'absence.saved.more.other'), { list, n: rest })
  return t('absence.saved.walks', { name, walks })
}

/** The French-first message of a domain error key met on the absence form. */
export const absenceErrorText = (t: Translate, field: AbsenceField, key: string): string => {
  switch (key) {
    case 'endBeforeStart':
      return t('absence.error.endBeforeStart')
    case 'rangeTooLong':
      return t('absence.error.rangeTooLong', { max: ABSENCE_RANGE_MAX_DAYS })
    case 'unknownChild':
      return t('absence.error.unknownChild')
    case 'invalidDate':
    case 'required':
      return field === 'note' ? t(fieldErrorKey(key)) : t('absence.error.invalidDate')
    case 'tooLong':
      return field === 'note' ? t('absence.error.noteTooLong', { max: ABSENCE_NOTE_MAX }) : t('absence.error.rangeTooLong', { max: ABSENCE_RANGE_MAX_DAYS })
    default:
      return t(fieldErrorKey(key))
  }
}

// Small shared labels of the management screens: weekday names, directions, a stop's times and access notes as text.
import type { CancelReason } from '../../../domain/calendar-records.ts'
import type { Weekday } from '../../../domain/dates.ts'
import type { Direction, Line, Stop } from '../../../domain/line.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { commaList } from '../../i18n/formats.ts'
import type { Language, Translate } from '../../i18n/translate.ts'
import { colourNameOf } from './palette.ts'

const WEEKDAY_KEYS: Readonly<Record<Weekday, MessageKey>> = {
  1: 'manage.day.1',
  2: 'manage.day.2',
  3: 'manage.day.3',
  4: 'manage.day.4',
  5: 'manage.day.5',
  6: 'manage.day.6',
  7: 'manage.day.7',
}

export const weekdayName = (t: Translate, day: Weekday): string => t(WEEKDAY_KEYS[day])

export const weekdayOptions = (t: Translate, days: readonly Weekday[]): { value: Weekday; label: string }[] =>
  days.map((day) => ({ value: day, label: weekdayName(t, day) }))

/** "lundi, mardi, jeudi" in week order. */
export const daysText = (t: Translate, language: Language, days: readonly number[]): string =>
  commaList(language, [...days].sort((a, b) => a - b).map((day) => weekdayName(t, day as Weekday).toLowerCase()))

export const directionName = (t: Translate, direction: Direction): string =>
  t(direction === 'aller' ? 'manage.direction.aller' : 'manage.direction.retour')

/** "Aller et retour", "Aller seulement"... */
export const directionsText = (t: Translate, directions: readonly Direction[]): string =>
  directions.includes('aller') && directions.includes('retour')
    ? t('manage.direction.both')
    : directions.includes('aller') ? t('manage.direction.allerOnly') : t('manage.direction.retourOnly')

export const colourText = (t: Translate, line: Pick<Line, 'colour'>): string => {
  const key = colourNameOf(line.colour)
  return key ? t(key) : line.colour
}

/** "Aller 08:05 · Retour 16:40" for the directions the line runs; empty when no time is set. */
export const stopTimesText = (t: Translate, stop: Stop, directions: readonly Direction[]): string =>
  directions
    .map((direction) => (stop.times[direction] ? `${directionName(t, direction)} ${stop.times[direction]}` : null))
    .filter(Boolean)
    .join(' · ')

/** Access notes as words (never an icon alone). */
export const stopAccessTexts = (t: Translate, stop: Stop): string[] => [
  ...(stop.access.stepFree ? [t('manage.stop.stepFree')] : []),
  ...(stop.access.dangerousCrossing ? [t('manage.stop.dangerousCrossing')] : []),
  ...(stop.access.note ? [stop.access.note] : []),
]

const REASON_KEYS: Readonly<Record<CancelReason, MessageKey>> = {
  strike: 'manage.reason.strike',
  weatherAlert: 'manage.reason.weatherAlert',
  schoolTrip: 'manage.reason.schoolTrip',
  other: 'manage.reason.other',
}

export const reasonName = (t: Translate, reason: CancelReason): string => t(REASON_KEYS[reason])

/** '2027-03-04' as '04/03/2027' (French order, digits only: no locale data needed). */
export const dateText = (date: string): string => date.split('-').reverse().join('/')

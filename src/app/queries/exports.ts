// Files the phone builds for other tools: my family's agenda (.ics), the rota CSV's name and dialect, the template's name.
import { ENGLISH_CSV, FRENCH_CSV, type CsvDialect } from '../../domain/export/csv.ts'
import type { Language } from '../../domain/language.ts'
import { todayIn } from './rota.ts'
export { familyCalendarOf } from '../../domain/export/family-calendar.ts'
export { exportedCalendarOf } from '../../domain/export/calendar-history.ts'
export { familyCalendarIcs, icsFileName } from '../../domain/calendar/ics-export.ts'
export { rotaCsvFileName } from '../../domain/export/rota-csv.ts'

/**
 * The CSV a spreadsheet in this language opens in columns: ';' and a decimal comma in French, ',' in English. An Arabic
 * interface gets the French dialect: the phone and its spreadsheet software are set up for France, like the school.
 */
export const csvDialectFor = (language: Language): CsvDialect => (language === 'en' ? ENGLISH_CSV : FRENCH_CSV)

/** `modele-pedibus-<date>.json` (issue 18): a date, never the collective's name (it may be a family's or a school's). */
export const templateFileName = (at: number): string => `modele-pedibus-${todayIn(at)}.json`

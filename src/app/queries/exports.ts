// Files the phone builds from the rota for other tools: my family's agenda (.ics) and its name, the rota CSV's name and dialect.
import { ENGLISH_CSV, FRENCH_CSV, type CsvDialect } from '../../domain/export/csv.ts'
export { familyCalendarOf } from '../../domain/export/family-calendar.ts'
export { exportedCalendarOf } from '../../domain/export/calendar-history.ts'
export { familyCalendarIcs, icsFileName } from '../../domain/calendar/ics-export.ts'
export { rotaCsvFileName } from '../../domain/export/rota-csv.ts'

/** The CSV a spreadsheet in this language opens in columns: ';' and a decimal comma in French, ',' in English. */
export const csvDialectFor = (language: 'fr' | 'en'): CsvDialect => (language === 'fr' ? FRENCH_CSV : ENGLISH_CSV)

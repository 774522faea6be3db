// What screens need about dates and the school calendar: typed dates read back, day arithmetic, school years, holidays.
import { LocalDateSchema, type LocalDate } from '../../domain/dates.ts'

/** A date as typed in a field or an address ('YYYY-MM-DD', a real day), or null: the forms show "date invalide". */
export const parseLocalDate = (text: string | undefined): LocalDate | null => LocalDateSchema.safeParse(text).data ?? null

export { addDays, compareDates, mondayOf } from '../../domain/dates.ts'
export { nextSchoolYearStart, schoolYearEndingBefore } from '../../domain/year/index.ts'
export { schoolYearOf } from '../../domain/calendar/school-year.ts'
export { ignoredPeriodIds, shippedHolidayPeriods } from '../../domain/calendar/school-calendar.ts'
export { SHIPPED_SCHOOL_YEARS } from '../../domain/calendar/school-holidays-data.ts'
export { CANCEL_REASONS } from '../../domain/calendar-records.ts'

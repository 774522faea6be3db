// The school year: 1 September to 31 August, named '2026-2027'; one rule for the ledger, the CSV range and the new year.
import { localDate, type LocalDate } from '../dates.ts'

export interface SchoolYear {
  readonly from: LocalDate
  readonly to: LocalDate
  /** As the shipped holiday data and the year's archive name it: '2026-2027'. */
  readonly label: string
}

/** The school year that starts in September of `year`. */
export const schoolYearStarting = (year: number): SchoolYear =>
  ({ from: localDate(`${year}-09-01`), to: localDate(`${year + 1}-08-31`), label: `${year}-${year + 1}` })

/** The school year around `date` (walks only run on school days anyway, so the summer belongs to the year it ends). */
export const schoolYearOf = (date: LocalDate): SchoolYear => {
  const year = Number(date.slice(0, 4))
  return schoolYearStarting(date.slice(5) >= '09-01' ? year : year - 1)
}

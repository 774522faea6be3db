// "Fin d'année scolaire" as the screens read it: what starting the new year would remove and keep, the year's archive
// file, and when the collective is prompted to do it.
import { holidayOn } from '../../domain/calendar/school-calendar.ts'
import { schoolYearOf } from '../../domain/calendar/school-year.ts'
import type { LocalDate } from '../../domain/dates.ts'
import type { ExportSource } from '../../domain/export/collective-export.ts'
import type { CalendarView } from '../api.ts'
import { planNewSchoolYear, summarizeNewSchoolYear, type NewYearRequest, type NewYearSummary } from '../../domain/year/index.ts'

/** The summary of the very plan the session applies on confirmation, computed from the view shown. */
export const newYearSummary = (model: ExportSource, request: NewYearRequest): NewYearSummary =>
  summarizeNewSchoolYear(model, planNewSchoolYear(model, request))

export { archiveExportJson, archiveFileName } from '../../domain/year/index.ts'

/**
 * The end-of-year prompt (issue 16): from the first day of the summer holidays (1 July at the latest: a school on its
 * own calendar may have no period named so) to 31 August, the collective is asked to download the year's archive and
 * prepare the next one (children who leave, past records cleaned up), unless a new year was already started for it.
 * Null outside that time. `schoolYear`: the year that ends, '2026-2027'.
 */
export const yearEndPromptOf = (
  view: CalendarView & { readonly yearStartedOn?: LocalDate | null }, today: LocalDate,
): { readonly schoolYear: string } | null => {
  const monthDay = today.slice(5)
  if (monthDay < '06-01' || monthDay > '08-31') return null
  const summer = monthDay >= '07-01' || holidayOn(view.settings, view.holidays, today, view.holidayOverrides)?.slug === 'ete'
  if (!summer) return null
  const year = schoolYearOf(today)
  if (view.yearStartedOn != null && view.yearStartedOn > year.from) return null
  return { schoolYear: year.label }
}

// "Fin d'année scolaire" as the screen reads it: what starting the new year would remove and keep, and the year's archive file.
import type { ExportSource } from '../../domain/export/collective-export.ts'
import { planNewSchoolYear, summarizeNewSchoolYear, type NewYearRequest, type NewYearSummary } from '../../domain/year/index.ts'

/** The summary of the very plan the session applies on confirmation, computed from the view shown. */
export const newYearSummary = (model: ExportSource, request: NewYearRequest): NewYearSummary =>
  summarizeNewSchoolYear(model, planNewSchoolYear(model, request))

export { archiveExportJson, archiveFileName } from '../../domain/year/index.ts'

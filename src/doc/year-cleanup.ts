// Self-healing after a new school year: deletes the past records (never children) that a phone offline during the clean-up wrote back.
//
// In Yjs a set on a map key concurrent with its delete wins, so withdrawing an old absence or rewriting an old
// sign-up offline restores the entry the new year deleted. Every phone that sees such a change from outside
// deletes it again against the recorded first day of the year: deletes are idempotent, so phones converge.
import type * as Y from 'yjs'
import type { LocalDate } from '../domain/dates.ts'
import type { ExportSource } from '../domain/export/collective-export.ts'
import { planNewSchoolYear, YEAR_RECORD_KINDS, type NewYearPlan } from '../domain/year/past-records.ts'
import { Origin } from './keys.ts'
import { deletePastRecords } from './mutations-year.ts'

/** What the clean-up reads: the snapshot of readCollective (valid records and the year's first day). */
export type YearCleanUpSource = ExportSource & { readonly yearStartedOn: LocalDate | null }

/** What the clean-up deletes, or null when nothing is left before the year's first day (or none was recorded). */
const planOf = (source: YearCleanUpSource): NewYearPlan | null => {
  if (source.yearStartedOn === null) return null
  // No child listed: only the explicit new-year request removes children.
  const plan = { ...planNewSchoolYear(source, { before: source.yearStartedOn, removeChildIds: [] }), children: [] }
  return YEAR_RECORD_KINDS.some((kind) => plan[kind].length > 0) ? plan : null
}

/**
 * Deletes, in one transaction (Origin.yearCleanUp), the records of `source` (read from `doc` just now) dated
 * before the year's first day; returns how many entries went (0 when there is nothing to delete, without a
 * transaction, so a second pass after its own update finds nothing and stops). Called from an 'update'
 * listener, Yjs runs the transaction right after the current one, before the caller of applyUpdate returns.
 */
export const cleanUpPastYear = (doc: Y.Doc, source: YearCleanUpSource): number => {
  const plan = planOf(source)
  return plan === null ? 0 : deletePastRecords(doc, plan, Origin.yearCleanUp)
}

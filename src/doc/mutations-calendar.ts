// Edits of the collective's calendar: exceptions (a walk or a day cancelled, with a reason) and imported holidays.
import type * as Y from 'yjs'
import { ExceptionInputSchema, type ExceptionInput } from '../domain/calendar-records.ts'
import type { LocalDate } from '../domain/dates.ts'
import { createExceptionId, createHolidayId, type ExceptionId } from '../domain/ids.ts'
import { err, ok } from '../lib/result.ts'
import { MAP_EXCEPTIONS, MAP_HOLIDAYS, Origin, safeMap } from './keys.ts'
import { DOCUMENT_DAMAGED, createRecord, deleteRecord, parseInput, type EditResult } from './mutations-util.ts'
import { plainOf } from './read-util.ts'

export const addException = (doc: Y.Doc, input: ExceptionInput): EditResult<ExceptionId> => {
  const parsed = parseInput(ExceptionInputSchema, input)
  if (!parsed.ok) return parsed
  const id = createExceptionId()
  return createRecord(doc, MAP_EXCEPTIONS, id, { ...parsed.value }, Origin.addException) ? ok(id) : err(DOCUMENT_DAMAGED)
}

export const removeException = (doc: Y.Doc, id: ExceptionId): void => deleteRecord(doc, MAP_EXCEPTIONS, id, Origin.removeException)

export interface HolidayPeriodInput {
  readonly start: LocalDate
  readonly end: LocalDate
  readonly label: string
}

/**
 * Adds holiday periods in one transaction, skipping those already stored with the same dates and
 * label (importing the same file twice adds nothing). Returns how many were added.
 */
export const importHolidayPeriods = (doc: Y.Doc, periods: readonly HolidayPeriodInput[]): number => {
  const map = safeMap(doc, MAP_HOLIDAYS)
  if (map === null) return 0
  const signature = (period: { start?: unknown; end?: unknown; label?: unknown }): string => JSON.stringify([period.start, period.end, period.label])
  const known = new Set([...map.values()].map((value) => signature((plainOf(value) ?? {}) as Record<string, unknown>)))
  const fresh: HolidayPeriodInput[] = []
  for (const period of periods) {
    if (known.has(signature(period))) continue
    known.add(signature(period))
    fresh.push(period)
  }
  if (fresh.length === 0) return 0
  doc.transact(() => {
    for (const period of fresh) createRecord(doc, MAP_HOLIDAYS, createHolidayId(), { start: period.start, end: period.end, label: period.label }, Origin.importHolidays)
  }, Origin.importHolidays)
  return fresh.length
}

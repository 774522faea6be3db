// Edits of the collective's calendar: exceptions (a walk or a day cancelled, with a reason), imported or added holidays, overrides of shipped periods.
import type * as Y from 'yjs'
import { isShippedPeriodId } from '../domain/calendar/school-calendar.ts'
import { ExceptionInputSchema, HolidayInputSchema, type ExceptionInput, type HolidayInput } from '../domain/calendar-records.ts'
import type { LocalDate } from '../domain/dates.ts'
import { createExceptionId, createHolidayId, type ActorId, type ExceptionId, type FamilyId, type HolidayId } from '../domain/ids.ts'
import { err, ok, type Result } from '../lib/result.ts'
import { personalContext, sealPersonal } from './codec.ts'
import { MAP_EXCEPTIONS, MAP_HOLIDAY_OVERRIDES, MAP_HOLIDAYS, Origin, safeMap } from './keys.ts'
import { DOCUMENT_DAMAGED, createRecord, deleteRecord, parseInput, type EditResult } from './mutations-util.ts'
import { isPlainObject, plainOf } from './read-util.ts'
import { nextSharedClock } from './clock.ts'

/** Who cancels, for the journal: the next shared logical clock, this device, its family if known, its local time. */
export interface ExceptionAuthor {
  readonly actor: ActorId
  readonly familyId: FamilyId | null
  readonly at: string
}

export const addException = (doc: Y.Doc, input: ExceptionInput, author?: ExceptionAuthor): EditResult<ExceptionId> => {
  const parsed = parseInput(ExceptionInputSchema, input)
  if (!parsed.ok) return parsed
  const id = createExceptionId()
  const stamp = author === undefined
    ? {}
    : { clock: nextSharedClock(doc), actor: author.actor, at: author.at, ...(author.familyId === null ? {} : { familyId: author.familyId }) }
  const note = sealPersonal(doc, personalContext(MAP_EXCEPTIONS, id, 'note'), parsed.value.note)
  return createRecord(doc, MAP_EXCEPTIONS, id, { ...parsed.value, note, ...stamp }, Origin.addException) ? ok(id) : err(DOCUMENT_DAMAGED)
}

/** False when the exception is not there (removed elsewhere already): nothing written. */
export const removeException = (doc: Y.Doc, id: ExceptionId): boolean => deleteRecord(doc, MAP_EXCEPTIONS, id, Origin.removeException)

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

/** A period typed in by a member (start, end, label; end not before start), stored with the imported ones. */
export const addHoliday = (doc: Y.Doc, input: HolidayInput): EditResult<HolidayId> => {
  const parsed = parseInput(HolidayInputSchema, input)
  if (!parsed.ok) return parsed
  const id = createHolidayId()
  const { start, end, label } = parsed.value
  return createRecord(doc, MAP_HOLIDAYS, id, { start, end, label }, Origin.addHoliday) ? ok(id) : err(DOCUMENT_DAMAGED)
}

/** Removes an imported or added period (shipped periods are ignored with setHolidayOverride instead). */
/** False when the period is not there (removed elsewhere already): nothing written. */
export const removeHoliday = (doc: Y.Doc, id: HolidayId): boolean => deleteRecord(doc, MAP_HOLIDAYS, id, Origin.removeHoliday)

export type HolidayOverrideError = 'unknownPeriod' | 'documentDamaged'

/**
 * Marks a shipped period as not applying to this school (`ignored: true`) or applying again. One
 * whole plain value per key, so concurrent writes resolve last-writer-wins on every phone.
 */
export const setHolidayOverride = (doc: Y.Doc, periodId: string, ignored: boolean): Result<void, HolidayOverrideError> => {
  if (!isShippedPeriodId(periodId)) return err('unknownPeriod')
  const map = safeMap(doc, MAP_HOLIDAY_OVERRIDES)
  if (map === null) return err('documentDamaged')
  const stored: unknown = map.get(periodId)
  if (isPlainObject(stored) && stored.ignored === ignored && (stored.periodId === undefined || stored.periodId === periodId)) return ok(undefined)
  // Unknown fields of a valid stored value (a newer app's) are kept; anything else is replaced.
  const kept = isPlainObject(stored) ? { ...stored } : {}
  delete kept.periodId
  doc.transact(() => map.set(periodId, { ...kept, ignored }), Origin.setHolidayOverride)
  return ok(undefined)
}

// The new school year on the document: deletes the planned past records and leaving children, and prunes past availability exceptions, in one transaction.
import type * as Y from 'yjs'
import type { LocalDate } from '../domain/dates.ts'
import type { AdultId } from '../domain/ids.ts'
import type { NewYearPlan, YearRecordKind } from '../domain/year/past-records.ts'
import { YEAR_RECORD_KINDS } from '../domain/year/past-records.ts'
import {
  MAP_ABSENCES, MAP_CHECK_INS, MAP_CHILDREN, MAP_EXCEPTIONS, MAP_HANDOVER_ACKS, MAP_HANDOVER_NOTES, MAP_OFFERS, MAP_PERIOD_OFFERS,
  MAP_PERIOD_RESPONSES, MAP_RELEASES, MAP_RESPONSES, MAP_SIGNUPS, MAP_WALK_EVENTS, MAP_WALK_NOTES, MAP_EXEMPTIONS, MAP_AVAILABILITY, Origin, safeMap,
} from './keys.ts'
import { isPlainObject } from './read-util.ts'

/** The document map of each kind the domain plans to delete. */
export const MAP_OF_YEAR_KIND: Readonly<Record<YearRecordKind, string>> = {
  signUps: MAP_SIGNUPS,
  offers: MAP_OFFERS,
  responses: MAP_RESPONSES,
  releases: MAP_RELEASES,
  periodOffers: MAP_PERIOD_OFFERS,
  periodResponses: MAP_PERIOD_RESPONSES,
  handoverNotes: MAP_HANDOVER_NOTES,
  handoverAcks: MAP_HANDOVER_ACKS,
  absences: MAP_ABSENCES,
  checkIns: MAP_CHECK_INS,
  walkEvents: MAP_WALK_EVENTS,
  walkNotes: MAP_WALK_NOTES,
  exceptions: MAP_EXCEPTIONS,
  exemptions: MAP_EXEMPTIONS,
  children: MAP_CHILDREN,
}

/** Availability entries to rewrite without their date exceptions dated before `before` (availabilityToPrune). */
export interface AvailabilityPrune {
  readonly before: LocalDate
  readonly adultIds: readonly AdultId[]
}

const isPastException = (exception: unknown, before: LocalDate): boolean =>
  isPlainObject(exception) && typeof exception.date === 'string' && exception.date < before

/** Rewrites each listed entry whole without its past exceptions; everything else (unknown fields too) is kept. Call inside a transaction. */
const pruneAvailability = (doc: Y.Doc, prune: AvailabilityPrune): void => {
  const map = safeMap(doc, MAP_AVAILABILITY)
  if (map === null) return
  for (const adultId of prune.adultIds) {
    const stored = map.get(adultId)
    if (!isPlainObject(stored) || !Array.isArray(stored.exceptions)) continue
    const exceptions: unknown[] = stored.exceptions
    const kept = exceptions.filter((exception) => !isPastException(exception, prune.before))
    if (kept.length < exceptions.length) map.set(adultId, { ...stored, exceptions: JSON.parse(JSON.stringify(kept)) as unknown[] })
  }
}

/**
 * Deletes every planned key still present, and prunes the listed availability entries, in one
 * transaction (Origin.startNewSchoolYear): phones and the relay receive deletes, and both compact
 * their stored bytes afterwards. Returns how many entries went (rewritten availability not counted).
 */
export const applyNewSchoolYear = (doc: Y.Doc, plan: NewYearPlan, prune: AvailabilityPrune | null = null): number => {
  let deleted = 0
  doc.transact(() => {
    if (prune !== null) pruneAvailability(doc, prune)
    for (const kind of YEAR_RECORD_KINDS) {
      const map = safeMap(doc, MAP_OF_YEAR_KIND[kind])
      if (map === null) continue
      for (const key of plan[kind]) {
        if (!map.has(key)) continue
        map.delete(key)
        deleted += 1
      }
    }
  }, Origin.startNewSchoolYear)
  return deleted
}

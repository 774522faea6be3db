// The new school year on the document: deletes the planned past records and leaving children in one transaction, and records the year's first day.
import type * as Y from 'yjs'
import type { LocalDate } from '../domain/dates.ts'
import type { NewYearPlan, YearRecordKind } from '../domain/year/past-records.ts'
import { YEAR_RECORD_KINDS } from '../domain/year/past-records.ts'
import type { NextGeneration } from '../domain/year/next-generation.ts'
import { MAP_META, MAP_SETTINGS, META_KEPT_ON, META_NEXT_GENERATION, Origin, SETTINGS_YEAR_START_FIELD, safeMap, type ChangeOrigin } from './keys.ts'
import { MAP_OF_YEAR_KIND, MAPS_OF_YEAR_KIND } from './record-kinds.ts'
import { readYearStart } from './read-year.ts'
import { placeOfStoredKey } from './signup-layout.ts'

/** The document map of each kind the domain plans to delete: derived from the record-kind registry. */
export { MAP_OF_YEAR_KIND }

/** The document keys of the planned records: a sign-up place may be held by several entries (see signUpEntryKeyOf). */
const keysToDelete = (doc: Y.Doc, map: Y.Map<unknown>, kind: YearRecordKind, planned: readonly string[]): readonly string[] => {
  if (kind !== 'signUps') return planned
  const places = new Set(planned)
  return [...map.keys()].filter((key) => places.has(placeOfStoredKey(doc, key) ?? ''))
}

/** Deletes every planned key still present (inside the caller's transaction); returns how many went. */
const deletePlanned = (doc: Y.Doc, plan: NewYearPlan): number => {
  let deleted = 0
  for (const kind of YEAR_RECORD_KINDS) {
    for (const name of MAPS_OF_YEAR_KIND[kind]) {
      const map = safeMap(doc, name)
      if (map === null) continue
      for (const key of keysToDelete(doc, map, kind, plan[kind])) {
        if (!map.has(key)) continue
        map.delete(key)
        deleted += 1
      }
    }
  }
  return deleted
}

/**
 * Remembers the new year's first day (SETTINGS_YEAR_START_FIELD), keeping a later one already there: every
 * phone then deletes the past records an offline phone rewrites later (a concurrent set survives a delete in Yjs).
 * Two phones writing different dates concurrently: one field, so one of the two wins (Yjs), not always the later.
 */
const recordYearStart = (doc: Y.Doc, before: LocalDate): void => {
  const settings = safeMap(doc, MAP_SETTINGS)
  if (settings === null) return
  const current = readYearStart(doc, [])
  if (current === null || current < before) settings.set(SETTINGS_YEAR_START_FIELD, before)
}

/**
 * Deletes every planned key still present and records `cleanedBefore` (the new year's first day, or the day
 * it was started if earlier: records written after that are new ones) as the clean-up boundary, in one transaction
 * (Origin.startNewSchoolYear): phones and the relay receive deletes, and both compact their stored bytes
 * afterwards. Returns how many entries went. Availability is never rewritten here: a whole-entry rewrite
 * concurrent with a parent's offline save could restore the old entry (last writer wins), and past date
 * exceptions never match a future walk anyway (writeAvailability drops them on every save).
 */
export const applyNewSchoolYear = (doc: Y.Doc, plan: NewYearPlan, cleanedBefore: LocalDate): number => {
  let deleted = 0
  doc.transact(() => {
    deleted = deletePlanned(doc, plan)
    recordYearStart(doc, cleanedBefore)
  }, Origin.startNewSchoolYear)
  return deleted
}

/** Deletes the planned keys still present in one transaction tagged `origin` (the self-healing clean-up); never touches settings. */
export const deletePastRecords = (doc: Y.Doc, plan: NewYearPlan, origin: ChangeOrigin): number => {
  let deleted = 0
  doc.transact(() => {
    deleted = deletePlanned(doc, plan)
  }, origin)
  return deleted
}

/**
 * "Garder le collectif sur le relais" (issue 16): today's date in the meta map, a change the relay stores, which moves
 * its retention day (server/retention.ts). False on a damaged meta map.
 */
export const writeKeptOn = (doc: Y.Doc, today: LocalDate): boolean => {
  const meta = safeMap(doc, MAP_META)
  if (meta === null) return false
  doc.transact(() => meta.set(META_KEPT_ON, today), Origin.keepOnRelay)
  return true
}

/** Stores what the successor keeps (Origin.nextGeneration), before the room is archived; false on a damaged meta map. */
export const writeNextGeneration = (doc: Y.Doc, next: NextGeneration): boolean => {
  const meta = safeMap(doc, MAP_META)
  if (meta === null) return false
  doc.transact(() => meta.set(META_NEXT_GENERATION, { ...next, removeChildIds: [...next.removeChildIds] }), Origin.nextGeneration)
  return true
}

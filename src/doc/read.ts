// Typed readers of the shared document: Yjs values -> validated domain records, invalid ones listed "to check".
//
// The document is untrusted input (any member's phone, any app version, corrupted bytes): readers
// never throw, keep unknown fields (looseObject schemas), and report what failed instead.
import type * as Y from 'yjs'
import { StoredCollectiveProfileSchema, type CollectiveProfile } from '../domain/collective.ts'
import { StoredFamilySchema, type Family } from '../domain/family.ts'
import type { HolidayOverride } from '../domain/calendar-records.ts'
import type { LocalDate } from '../domain/dates.ts'
import type { CollectiveModel } from '../domain/model.ts'
import type { PlanningRecords } from '../domain/planning/records.ts'
import type { SwapRecords } from '../domain/swaps/records.ts'
import type { Absence, WalkLogRecords } from '../domain/walk-log/records.ts'
import { MAP_FAMILIES, MAP_META, MAP_PROFILE, META_SCHEMA_VERSION, safeMap } from './keys.ts'
import {
  readAdults, readChildren, readExceptions, readHolidayOverrides, readHolidays, readLines, readSettings, readSignUps, readStops,
} from './read-rota.ts'
import { readPlanning } from './read-planning.ts'
import { readCoordination, readSwapRecords, type CoordinationView } from './read-swaps.ts'
import { readWalkLog } from './read-walk-log.ts'
import { readYearStart } from './read-year.ts'
import { compareIds, plainOf, previewOf, problemsOf, readRecordMap, type RecordReader, type RecordToCheck } from './read-util.ts'

export type { RecordKind, RecordToCheck } from './read-util.ts'

export interface CollectiveSnapshot extends CollectiveModel {
  /** Always read (possibly empty), unlike in hand-built models. */
  readonly holidayOverrides: readonly HolidayOverride[]
  readonly swaps: SwapRecords
  readonly coordination: CoordinationView
  readonly walkLog: WalkLogRecords
  /** The same array as walkLog.absences: always read here, so every rota computation counts them. */
  readonly absences: readonly Absence[]
  /** Availability per adult, reduced-share periods and the fairness setting (its default when unset). */
  readonly planning: PlanningRecords
  /** The first day of the current school year (the last new-year request), null before the first one or when invalid. */
  readonly yearStartedOn: LocalDate | null
  readonly toCheck: readonly RecordToCheck[]
  readonly schemaVersion: number | null
}

const PROFILE_KEY = 'profile'

/** The whole collective, every kind read and validated; invalid records are in `toCheck`. */
export const readCollective = (doc: Y.Doc): CollectiveSnapshot => {
  const toCheck: RecordToCheck[] = []
  const snapshot = {
    profile: readProfile(doc, toCheck),
    settings: readSettings(doc, toCheck),
    lines: readLines(doc, toCheck),
    stops: readStops(doc, toCheck),
    families: readFamilies(doc, toCheck),
    adults: readAdults(doc, toCheck),
    children: readChildren(doc, toCheck),
    exceptions: readExceptions(doc, toCheck),
    holidays: readHolidays(doc, toCheck),
    holidayOverrides: readHolidayOverrides(doc, toCheck),
    signUps: readSignUps(doc, toCheck),
    swaps: readSwapRecords(doc, toCheck),
    coordination: readCoordination(doc, toCheck),
    walkLog: readWalkLog(doc, toCheck),
    planning: readPlanning(doc, toCheck),
    yearStartedOn: readYearStart(doc, toCheck),
    toCheck,
    schemaVersion: readSchemaVersion(doc),
  }
  return { ...withoutRemovedFamilies(snapshot, toCheck), absences: snapshot.walkLog.absences }
}

/**
 * A family's removal wins over what another phone added to it meanwhile (a concurrent add survives the
 * delete in Yjs): its adults and children are left out of every view and listed "to check" for deletion,
 * and its roster entries, period offers and answers are left out of the coordinator rotation.
 */
const withoutRemovedFamilies = <T extends Pick<CollectiveSnapshot, 'families' | 'adults' | 'children' | 'coordination'>>(
  snapshot: T, toCheck: RecordToCheck[],
): T => {
  const families = new Set(snapshot.families.map((family) => family.id))
  const orphan = (record: { readonly familyId: Family['id'] }): boolean => !families.has(record.familyId)
  for (const adult of snapshot.adults.filter(orphan)) toCheck.push({ kind: 'adult', key: adult.id, preview: adult.firstName, problems: ['familyRemoved'] })
  for (const child of snapshot.children.filter(orphan)) toCheck.push({ kind: 'child', key: child.id, preview: child.firstName, problems: ['familyRemoved'] })
  const coordination = snapshot.coordination
  const kept = <R extends { readonly familyId: Family['id'] }>(records: readonly R[]): readonly R[] =>
    records.some(orphan) ? records.filter((record) => !orphan(record)) : records
  return {
    ...snapshot,
    adults: kept(snapshot.adults),
    children: kept(snapshot.children),
    // Period offers and answers of a removed family go too: it never holds a coordinator period, even one it took.
    coordination: { ...coordination, roster: kept(coordination.roster), offers: kept(coordination.offers), responses: kept(coordination.responses) },
  }
}

export const readSchemaVersion = (doc: Y.Doc): number | null => {
  const version = safeMap(doc, MAP_META)?.get(META_SCHEMA_VERSION)
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : null
}

/** null while the profile is empty (a joining phone before its first sync). */
export const readProfile = (doc: Y.Doc, toCheck: RecordToCheck[]): CollectiveProfile | null => {
  const map = safeMap(doc, MAP_PROFILE)
  if (map === null) {
    toCheck.push({ kind: 'profile', key: PROFILE_KEY, preview: '', problems: ['notAMap'] })
    return null
  }
  if (map.size === 0) return null
  const raw = plainOf(map)
  const parsed = StoredCollectiveProfileSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  toCheck.push({ kind: 'profile', key: PROFILE_KEY, preview: previewOf(raw), problems: problemsOf(parsed.error) })
  return null
}

const familyReader: RecordReader<Family> = {
  mapName: MAP_FAMILIES,
  kind: 'family',
  schema: StoredFamilySchema,
  decode: (key, fields) => ({ ...fields, id: key }),
}

export const readFamilies = (doc: Y.Doc, toCheck: RecordToCheck[]): Family[] =>
  readRecordMap(doc, familyReader, toCheck).sort(
    (a, b) => a.displayName.localeCompare(b.displayName, 'fr') || compareIds(a.id, b.id),
  )

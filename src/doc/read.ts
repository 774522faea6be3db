// Typed readers of the shared document: Yjs values -> validated domain records, invalid ones listed "to check".
//
// The document is untrusted input (any member's phone, any app version, corrupted bytes): readers
// never throw, keep unknown fields (looseObject schemas), and report what failed instead.
import type * as Y from 'yjs'
import type { Charter } from '../domain/charter.ts'
import { StoredCollectiveProfileSchema, type CollectiveProfile } from '../domain/collective.ts'
import { StoredFamilySchema, type Family } from '../domain/family.ts'
import type { HolidayOverride } from '../domain/calendar-records.ts'
import type { LocalDate } from '../domain/dates.ts'
import type { CollectiveModel } from '../domain/model.ts'
import type { HelpRecords } from '../domain/help/records.ts'
import type { MeetingRecords } from '../domain/meeting.ts'
import type { Pair } from '../domain/pairs.ts'
import type { PlanningRecords } from '../domain/planning/records.ts'
import type { SwapRecords } from '../domain/swaps/records.ts'
import type { Absence, WalkLogRecords } from '../domain/walk-log/records.ts'
import {
  MAP_ABSENCES, MAP_ADULTS, MAP_AVAILABILITY, MAP_CHECK_INS, MAP_CHILDREN, MAP_EXCEPTIONS, MAP_EXEMPTIONS, MAP_FAMILIES,
  MAP_HANDOVER_ACKS, MAP_HANDOVER_NOTES, MAP_HOLIDAY_OVERRIDES, MAP_HOLIDAYS, MAP_LINES, MAP_META, MAP_OFFERS,
  MAP_PERIOD_OFFERS, MAP_PERIOD_RESPONSES, MAP_PROFILE, MAP_RELEASES, MAP_RESPONSES, MAP_ROSTER, MAP_SETTINGS, MAP_SHORT_IDS, MAP_SIGNUPS, MAP_COMPACT_SIGNUPS,
  MAP_STOPS, MAP_WALK_EVENTS, MAP_WALK_NOTES, MAP_GUEST_NAMES, META_SCHEMA_VERSION, safeMap,
} from './keys.ts'
import {
  readAdults, readChildren, readExceptions, readHolidayOverrides, readHolidays, readLines, readSettings, readSignUps, readStops,
} from './read-rota.ts'
import { readFlatMap } from './read-flat.ts'
import { readPlanning } from './read-planning.ts'
import { charterKind, helpAnswerKind, helpKindKind, helpRequestKind, meetingKind, meetingReplyKind, pairKind } from './record-kinds.ts'
import { readCoordination, readSwapRecords, type CoordinationView } from './read-swaps.ts'
import { readWalkLog } from './read-walk-log.ts'
import { readYearStart } from './read-year.ts'
import { compareIds, plainOf, previewOf, problemsOf, readRecordMap, withId, type RecordReader, type RecordToCheck } from './read-util.ts'
import { compareFrench } from '../lib/collate.ts'

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
  /** Meetings and every device's reply to them (src/domain/meeting.ts merges replies to one per family). */
  readonly meetings: MeetingRecords
  /** Coups de main: requests and offers, answers, the collective's edits of the kinds list (src/domain/help). */
  readonly help: HelpRecords
  /** "Trajet en binôme" and "passer le témoin" (src/domain/pairs.ts), withdrawn ones included. */
  readonly pairs: readonly Pair[]
  /** The collective's charter (issue 18), opened; null when none was written. */
  readonly charter: Charter | null
  readonly toCheck: readonly RecordToCheck[]
  readonly schemaVersion: number | null
}

const PROFILE_KEY = 'profile'

/** What the readers produce, part by part ("to check" entries and the derived absences aside). */
export type SnapshotParts = Omit<CollectiveSnapshot, 'toCheck' | 'absences'>

/** One part of the snapshot and the top-level maps it reads: only a change to one of them changes it. */
export interface SnapshotPart<T> {
  readonly maps: readonly string[]
  readonly read: (doc: Y.Doc, toCheck: RecordToCheck[]) => T
  /** For records grouped in one object: the one map each field is read from (an unchanged map's array can be kept). */
  readonly fields?: { readonly [F in keyof T]?: string }
}

/** Every part, in the order readCollective has always read them (so "to check" entries come in the same order). */
export const SNAPSHOT_PARTS: { readonly [K in keyof SnapshotParts]: SnapshotPart<SnapshotParts[K]> } = {
  profile: { maps: [MAP_PROFILE], read: (doc, toCheck) => readProfile(doc, toCheck) },
  settings: { maps: [MAP_SETTINGS], read: readSettings },
  lines: { maps: [MAP_LINES], read: readLines },
  stops: { maps: [MAP_STOPS], read: readStops },
  families: { maps: [MAP_FAMILIES], read: (doc, toCheck) => readFamilies(doc, toCheck) },
  adults: { maps: [MAP_ADULTS], read: readAdults },
  children: { maps: [MAP_CHILDREN], read: readChildren },
  exceptions: { maps: [MAP_EXCEPTIONS], read: readExceptions },
  holidays: { maps: [MAP_HOLIDAYS], read: readHolidays },
  holidayOverrides: { maps: [MAP_HOLIDAY_OVERRIDES], read: readHolidayOverrides },
  signUps: { maps: [MAP_SIGNUPS, MAP_COMPACT_SIGNUPS, MAP_SHORT_IDS], read: readSignUps },
  swaps: {
    maps: [MAP_OFFERS, MAP_RESPONSES, MAP_RELEASES], read: readSwapRecords,
    fields: { offers: MAP_OFFERS, responses: MAP_RESPONSES, releases: MAP_RELEASES },
  },
  coordination: {
    maps: [MAP_SETTINGS, MAP_ROSTER, MAP_PERIOD_OFFERS, MAP_PERIOD_RESPONSES, MAP_HANDOVER_NOTES, MAP_HANDOVER_ACKS],
    read: readCoordination,
    fields: {
      setting: MAP_SETTINGS, roster: MAP_ROSTER, offers: MAP_PERIOD_OFFERS, responses: MAP_PERIOD_RESPONSES,
      notes: MAP_HANDOVER_NOTES, acks: MAP_HANDOVER_ACKS,
    },
  },
  walkLog: {
    maps: [MAP_ABSENCES, MAP_CHECK_INS, MAP_WALK_EVENTS, MAP_WALK_NOTES, MAP_GUEST_NAMES], read: readWalkLog,
    fields: { absences: MAP_ABSENCES, checkIns: MAP_CHECK_INS, events: MAP_WALK_EVENTS, notes: MAP_WALK_NOTES, guestNames: MAP_GUEST_NAMES },
  },
  planning: {
    maps: [MAP_SETTINGS, MAP_AVAILABILITY, MAP_EXEMPTIONS], read: readPlanning,
    fields: { fairness: MAP_SETTINGS, availability: MAP_AVAILABILITY, exemptions: MAP_EXEMPTIONS },
  },
  yearStartedOn: { maps: [MAP_SETTINGS], read: readYearStart },
  schemaVersion: { maps: [MAP_META], read: (doc) => readSchemaVersion(doc) },
  meetings: {
    maps: [meetingKind.mapName, meetingReplyKind.mapName],
    read: (doc, toCheck) => ({ meetings: readFlatMap(doc, meetingKind, toCheck), replies: readFlatMap(doc, meetingReplyKind, toCheck) }),
    fields: { meetings: meetingKind.mapName, replies: meetingReplyKind.mapName },
  },
  help: {
    maps: [helpRequestKind.mapName, helpAnswerKind.mapName, helpKindKind.mapName],
    read: (doc, toCheck) => ({
      requests: readFlatMap(doc, helpRequestKind, toCheck), answers: readFlatMap(doc, helpAnswerKind, toCheck),
      kinds: readFlatMap(doc, helpKindKind, toCheck),
    }),
    fields: { requests: helpRequestKind.mapName, answers: helpAnswerKind.mapName, kinds: helpKindKind.mapName },
  },
  pairs: { maps: [pairKind.mapName], read: (doc, toCheck) => readFlatMap(doc, pairKind, toCheck) },
  // One key: any other entry is a key mismatch, "to check".
  charter: { maps: [charterKind.mapName], read: (doc, toCheck) => readFlatMap(doc, charterKind, toCheck)[0] ?? null },
}

export const SNAPSHOT_PART_NAMES = Object.keys(SNAPSHOT_PARTS) as (keyof SnapshotParts)[]

/** The whole collective, every kind read and validated; invalid records are in `toCheck`. */
export const readCollective = (doc: Y.Doc): CollectiveSnapshot => {
  const toCheck: RecordToCheck[] = []
  const parts: Partial<Record<keyof SnapshotParts, unknown>> = {}
  for (const name of SNAPSHOT_PART_NAMES) parts[name] = SNAPSHOT_PARTS[name].read(doc, toCheck)
  return assembleSnapshot(parts as SnapshotParts, toCheck, withoutRemovedFamilies(parts as SnapshotParts))
}

/** The parts with what their families' removal takes out of them; `toCheck`: the parts' entries, in part order. */
export const assembleSnapshot = (
  parts: SnapshotParts, toCheck: readonly RecordToCheck[], kept: FamiliesKept,
): CollectiveSnapshot => ({
  ...parts,
  adults: kept.adults,
  children: kept.children,
  coordination: kept.coordination,
  toCheck: [...toCheck, ...kept.toCheck],
  absences: parts.walkLog.absences,
})

export interface FamiliesKept extends Pick<CollectiveSnapshot, 'adults' | 'children' | 'coordination'> {
  /** The removed families' adults and children, listed for deletion. */
  readonly toCheck: readonly RecordToCheck[]
}

/**
 * A family's removal wins over what another phone added to it meanwhile (a concurrent add survives the
 * delete in Yjs): its adults and children are left out of every view and listed "to check" for deletion,
 * and its roster entries, period offers and answers are left out of the coordinator rotation.
 */
export const withoutRemovedFamilies = (
  snapshot: Pick<SnapshotParts, 'families' | 'adults' | 'children' | 'coordination'>,
): FamiliesKept => {
  const families = new Set(snapshot.families.map((family) => family.id))
  const orphan = (record: { readonly familyId: Family['id'] }): boolean => !families.has(record.familyId)
  const toCheck: RecordToCheck[] = []
  for (const adult of snapshot.adults.filter(orphan)) toCheck.push({ kind: 'adult', key: adult.id, preview: adult.firstName, problems: ['familyRemoved'] })
  for (const child of snapshot.children.filter(orphan)) toCheck.push({ kind: 'child', key: child.id, preview: child.firstName, problems: ['familyRemoved'] })
  const coordination = snapshot.coordination
  const kept = <R extends { readonly familyId: Family['id'] }>(records: readonly R[]): readonly R[] =>
    records.some(orphan) ? records.filter((record) => !orphan(record)) : records
  return {
    adults: kept(snapshot.adults),
    children: kept(snapshot.children),
    // Period offers and answers of a removed family go too: it never holds a coordinator period, even one it took.
    coordination: { ...coordination, roster: kept(coordination.roster), offers: kept(coordination.offers), responses: kept(coordination.responses) },
    toCheck,
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
  decode: withId,
}

export const readFamilies = (doc: Y.Doc, toCheck: RecordToCheck[]): Family[] =>
  readRecordMap(doc, familyReader, toCheck).sort(
    (a, b) => compareFrench(a.displayName, b.displayName) || compareIds(a.id, b.id),
  )

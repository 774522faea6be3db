// Readers of the rota records: settings, lines, stops, adults, children, calendar records, holiday overrides and sign-ups (validated, never throwing).
import type * as Y from 'yjs'
import {
  StoredHolidayOverrideSchema, type CalendarException, type HolidayOverride, type ImportedHoliday,
} from '../domain/calendar-records.ts'
import { compareStops, type Line, type Stop } from '../domain/line.ts'
import type { Adult, Child } from '../domain/people.ts'
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../domain/settings.ts'
import { StoredSignUpSchema, currentEntryOf, signUpKeyOf, type SignUp } from '../domain/signup.ts'
import { MAP_HOLIDAY_OVERRIDES, MAP_SETTINGS, MAP_SHORT_IDS, safeMap } from './keys.ts'
import {
  compareIds, isPlainObject, plainOf, previewOf, problemsOf, readRecordMap, withId, type RecordReader, type RecordToCheck,
} from './read-util.ts'
import { adultKind, childKind, exceptionKind, holidayKind, lineKind, stopKind } from './record-kinds.ts'
import { readCompactSignUp, type SignUpOutcome } from './read-signup-compact.ts'
import { SIGNUP_MAPS, entryKeyParts, isCompactKey, storedSignUps, storedValueOf } from './signup-layout.ts'
import { compareFrench } from '../lib/collate.ts'

const SETTINGS_FIELDS = [
  'timeZone', 'holidayZone', 'ownCalendar', 'alsaceMoselle', 'operatingWeekdays', 'childrenPerAdult', 'minAdults',
  'associationName', 'associationContact',
] as const

/**
 * Field by field: a missing field takes its default, an invalid one too and is listed "to check"
 * under its field name (deleting it restores the default; updateSettings repairs it).
 */
export const readSettings = (doc: Y.Doc, toCheck: RecordToCheck[]): Settings => {
  const map = safeMap(doc, MAP_SETTINGS)
  if (map === null) {
    toCheck.push({ kind: 'settings', key: MAP_SETTINGS, preview: '', problems: ['notAMap'] })
    return DEFAULT_SETTINGS
  }
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const field of SETTINGS_FIELDS) {
    if (!map.has(field)) continue
    const raw = plainOf(map.get(field))
    const parsed = SettingsSchema.shape[field].safeParse(raw)
    if (parsed.success) settings[field] = parsed.data
    else toCheck.push({ kind: 'settings', key: field, preview: previewOf(raw), problems: problemsOf(parsed.error).map((p) => `${field}.${p}`) })
  }
  return settings as Settings
}


// From the registry's descriptors (record-kinds.ts): the key is the id. Personal fields (names, phone, support,
// exception note) are opened by readRecordMap (codec.ts PERSONAL_FIELDS).
const lineReader: RecordReader<Line> = { ...lineKind, decode: withId }
const stopReader: RecordReader<Stop> = { ...stopKind, decode: withId }
const exceptionReader: RecordReader<CalendarException> = { ...exceptionKind, decode: withId }
const holidayReader: RecordReader<ImportedHoliday> = { ...holidayKind, decode: withId }
const adultReader: RecordReader<Adult> = { ...adultKind, decode: withId }
const childReader: RecordReader<Child> = { ...childKind, decode: withId }

const byName = <T extends { id: string; name: string }>(a: T, b: T): number => compareFrench(a.name, b.name) || compareIds(a.id, b.id)
const byFirstName = <T extends { id: string; firstName: string }>(a: T, b: T): number =>
  compareFrench(a.firstName, b.firstName) || compareIds(a.id, b.id)

export const readLines = (doc: Y.Doc, toCheck: RecordToCheck[]): Line[] => readRecordMap(doc, lineReader, toCheck).sort(byName)

/** Grouped by line, each line's stops in order (position, then id). */
export const readStops = (doc: Y.Doc, toCheck: RecordToCheck[]): Stop[] =>
  readRecordMap(doc, stopReader, toCheck).sort((a, b) => compareIds(a.lineId, b.lineId) || compareStops(a, b))

export const readAdults = (doc: Y.Doc, toCheck: RecordToCheck[]): Adult[] => readRecordMap(doc, adultReader, toCheck).sort(byFirstName)

export const readChildren = (doc: Y.Doc, toCheck: RecordToCheck[]): Child[] => readRecordMap(doc, childReader, toCheck).sort(byFirstName)

export const readExceptions = (doc: Y.Doc, toCheck: RecordToCheck[]): CalendarException[] =>
  readRecordMap(doc, exceptionReader, toCheck).sort((a, b) => compareIds(a.date, b.date) || compareIds(a.id, b.id))

export const readHolidays = (doc: Y.Doc, toCheck: RecordToCheck[]): ImportedHoliday[] =>
  readRecordMap(doc, holidayReader, toCheck).sort((a, b) => compareIds(a.start, b.start) || compareIds(a.id, b.id))

/**
 * Flat `{ ignored }` entries keyed by the shipped period id. A value that is not a plain object, a
 * malformed key, or a value naming another period is listed "to check" (deleting it restores the
 * shipped period; setting the override again repairs it).
 */
export const readHolidayOverrides = (doc: Y.Doc, toCheck: RecordToCheck[]): HolidayOverride[] => {
  const map = safeMap(doc, MAP_HOLIDAY_OVERRIDES)
  if (map === null) {
    toCheck.push({ kind: 'holidayOverride', key: MAP_HOLIDAY_OVERRIDES, preview: '', problems: ['notAMap'] })
    return []
  }
  const overrides: HolidayOverride[] = []
  for (const [key, value] of map.entries()) {
    if (!isPlainObject(value)) {
      toCheck.push({ kind: 'holidayOverride', key, preview: previewOf(plainOf(value)), problems: ['notARecord'] })
      continue
    }
    if ('periodId' in value && value.periodId !== key) {
      toCheck.push({ kind: 'holidayOverride', key, preview: previewOf(value), problems: ['keyMismatch'] })
      continue
    }
    const parsed = StoredHolidayOverrideSchema.safeParse({ ...value, periodId: key })
    if (parsed.success) overrides.push(parsed.data)
    else toCheck.push({ kind: 'holidayOverride', key, preview: previewOf(value), problems: problemsOf(parsed.error) })
  }
  return overrides.sort((a, b) => compareIds(a.periodId, b.periodId))
}

export type { SignUpOutcome }
/**
 * Sign-up values are immutable plain objects (a write replaces the whole entry), and Yjs hands back
 * the same object on every read, so a parse is cached per stored value (and its key): a five-year
 * document has thousands of entries and the view is re-read after every change.
 */
const signUpCache = new WeakMap<object, { key: string; outcome: SignUpOutcome }>()

const KEY_MISMATCH: SignUpOutcome = { ok: false, problems: ['keyMismatch'] }
const NOT_A_RECORD: SignUpOutcome = { ok: false, problems: ['notARecord'] }

/** A field the value need not carry: absent, or equal to the key's. */
const agrees = (value: Record<string, unknown>, field: string, fromKey: string): boolean => !(field in value) || value[field] === fromKey

/**
 * The walk and the adult are in the key (`lineId|date|direction|adultId`, then `|actor` for entries written per
 * device, or the compact key of signup-layout.ts), so the value need not repeat them. A first-layout value that does
 * carry them must agree, and so must the actor of a per-device key.
 */
const parseSignUpEntry = (doc: Y.Doc, key: string, stored: unknown): SignUpOutcome => {
  const parts = entryKeyParts(doc, key)
  if (parts === null) return KEY_MISMATCH
  const value = storedValueOf(doc, key, stored)
  if (value === null) return NOT_A_RECORD
  const { lineId, date, direction, adultId, actor } = parts
  const keyAgrees = agrees(value, 'lineId', lineId) && agrees(value, 'date', date) &&
    agrees(value, 'direction', direction) && agrees(value, 'adultId', adultId)
  if (!keyAgrees) return KEY_MISMATCH
  // The key's fields first: a literal then a spread stays a fast object in V8; spread first, then four more
  // properties, made this parse several times slower (the value's own copies of them agree, checked above).
  const parsed = StoredSignUpSchema.safeParse({ lineId, date, direction, adultId, ...value })
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) }
  // The schema transforms no string: the walk and the adult are the key's; a per-device key names its actor.
  return actor === undefined || actor === parsed.data.actor ? { ok: true, value: parsed.data } : KEY_MISMATCH
}

/** A compact entry read directly (read-signup-compact.ts); a first-layout object as parseSignUpEntry, cached (signUpCache). */
export const parseSignUp = (doc: Y.Doc, key: string, value: unknown): SignUpOutcome => {
  if (typeof value === 'string' && isCompactKey(key)) return readCompactSignUp(doc, key, value)
  if (typeof value !== 'object' || value === null) return parseSignUpEntry(doc, key, value)
  const cached = signUpCache.get(value)
  if (cached?.key === key) return cached.outcome
  const outcome = parseSignUpEntry(doc, key, value)
  signUpCache.set(value, { key, outcome })
  return outcome
}

/** Whether a stored sign-up value has a record's shape: a first-layout object or a compact string. */
const isSignUpValue = (key: string, value: unknown): boolean =>
  isCompactKey(key) ? typeof value === 'string' : isPlainObject(value)

/** What one stored entry gives: a sign-up for a place, or a "to check" entry. */
export type SignUpEntry = { readonly place: string; readonly signUp: SignUp } | { readonly toCheck: RecordToCheck }

/** One stored entry, either layout, read: the full and the live reader classify entries through it. */
export const signUpEntryOf = (doc: Y.Doc, key: string, value: unknown): SignUpEntry => {
  if (!isSignUpValue(key, value)) {
    return { toCheck: { kind: 'signUp', key, preview: previewOf(plainOf(value)), problems: ['notARecord'] } }
  }
  const outcome = parseSignUp(doc, key, value)
  if (!outcome.ok) return { toCheck: { kind: 'signUp', key, preview: previewOf(plainOf(value)), problems: outcome.problems } }
  return { place: signUpKeyOf(outcome.value, outcome.value.adultId), signUp: outcome.value }
}

/** One entry per place, sorted by place (walk, then adult). An entry whose key does not match its own fields is listed "to check". */
export const readSignUps = (doc: Y.Doc, toCheck: RecordToCheck[]): SignUp[] => {
  safeMap(doc, MAP_SHORT_IDS) // read through the entries' compact keys
  const maps = SIGNUP_MAPS.map((name) => safeMap(doc, name))
  const damaged = SIGNUP_MAPS.filter((_, i) => maps[i] === null)
  for (const name of damaged) toCheck.push({ kind: 'signUp', key: name, preview: '', problems: ['notAMap'] })
  if (damaged.length > 0) return []
  const byPlace = new Map<string, SignUp[]>()
  for (const [key, value] of storedSignUps(doc)) {
    const entry = signUpEntryOf(doc, key, value)
    if ('toCheck' in entry) {
      toCheck.push(entry.toCheck)
      continue
    }
    const entries = byPlace.get(entry.place)
    if (entries === undefined) byPlace.set(entry.place, [entry.signUp])
    else entries.push(entry.signUp)
  }
  // One entry per place: the current one among writes nobody saw (see currentEntryOf).
  return [...byPlace].sort(([a], [b]) => compareIds(a, b)).flatMap(([, entries]) => {
    const current = entries.length === 1 ? entries[0] : currentEntryOf(entries)
    return current === undefined ? [] : [current]
  })
}

// How sign-up entries are stored: the first layout (`signups`: `line|date|direction|adult|actor` keys, JSON values) and
// the compact one of schema 2 (`su`: fixed-width keys of short ids, one short string per value), both read, one written.
//
// A 40-family school year is ~4,000 entries: in the first layout each took ~300 bytes (two UUIDs in the key, two more
// in the value, field names), ~1.1 MiB a year. The compact entry is ~60 bytes. Short ids are the first 8 hex digits
// of a record's UUID, registered once in MAP_SHORT_IDS (short -> full id) by the write that first uses them, so a
// reader resolves them even after the line or the adult is removed. A short id already registered for another UUID
// (one chance in 4 billion per pair) makes that write use the first layout, which every reader still reads.
import type * as Y from 'yjs'
import { addDays, daysBetween, type LocalDate } from '../domain/dates.ts'
import type { ActorId, AdultId } from '../domain/ids.ts'
import type { Direction } from '../domain/line.ts'
import { placeKeyOfEntry, signUpEntryKeyOf, type SignUp, type WalkRef } from '../domain/signup.ts'
import { MAP_COMPACT_SIGNUPS, MAP_META, MAP_SHORT_IDS, MAP_SIGNUPS, META_SCHEMA_VERSION, safeMap } from './keys.ts'
import { isPlainObject } from './read-util.ts'

/** The schema version from which sign-ups are written in the compact layout. */
export const COMPACT_SIGNUPS_SCHEMA = 2

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
/** line (8) day (3) direction (1) adult (8) actor (8). */
export const COMPACT_KEY = /^([0-9a-f]{8})([0-9a-z]{3})([ar])([0-9a-f]{8})([0-9a-f]{8})$/
const DAY_ZERO = '1970-01-01' as LocalDate
const DAY_CODE_LIMIT = 36 ** 3

/** Whether this document's sign-ups are written compact (read from meta, which only its creating phone writes). */
export const writesCompactSignUps = (doc: Y.Doc): boolean => {
  const version = safeMap(doc, MAP_META)?.get(META_SCHEMA_VERSION)
  return typeof version === 'number' && version >= COMPACT_SIGNUPS_SCHEMA
}

/** Per document: registered ids found, and dates of day codes (a read decodes thousands of keys). */
interface LayoutCache {
  /** short id -> its full id; only ids found, since a later write may register one. */
  readonly ids: Map<string, string>
  readonly days: Map<string, LocalDate>
}

const caches = new WeakMap<Y.Doc, LayoutCache>()

const cacheOf = (doc: Y.Doc): LayoutCache => {
  let cache = caches.get(doc)
  if (cache === undefined) {
    const created: LayoutCache = { ids: new Map(), days: new Map() }
    // A registration is only ever added, but a concurrent one may replace it (two ids with one short form).
    safeMap(doc, MAP_SHORT_IDS)?.observe(() => created.ids.clear())
    caches.set(doc, (cache = created))
  }
  return cache
}

/** The full id registered under a short id, or null when none (or not a UUID). */
export const fullIdOf = (doc: Y.Doc, short: string): string | null => {
  const cache = cacheOf(doc)
  const known = cache.ids.get(short)
  if (known !== undefined) return known
  const full = safeMap(doc, MAP_SHORT_IDS)?.get(short)
  if (typeof full !== 'string' || !UUID.test(full) || !full.startsWith(short)) return null
  cache.ids.set(short, full)
  return full
}

/** The id's short form, registered if new (inside the caller's transaction); null when taken by another id. */
const shortIdFor = (doc: Y.Doc, id: string): string | null => {
  const ids = safeMap(doc, MAP_SHORT_IDS)
  const short = id.slice(0, 8)
  if (ids === null || !UUID.test(id)) return null
  const known = ids.get(short)
  if (known === undefined) {
    ids.set(short, id)
    return short
  }
  return known === id ? short : null
}

const dayCodeOf = (date: LocalDate): string | null => {
  const days = daysBetween(DAY_ZERO, date)
  return days >= 0 && days < DAY_CODE_LIMIT ? days.toString(36).padStart(3, '0') : null
}

/** The date of a day code (three base-36 digits, so always a real date from 1970 to 2097). */
export const dateOfDayCode = (doc: Y.Doc, code: string): LocalDate => {
  const { days } = cacheOf(doc)
  let date = days.get(code)
  if (date === undefined) days.set(code, (date = addDays(DAY_ZERO, parseInt(code, 36))))
  return date
}

const DIRECTION_CODES: Readonly<Record<Direction, string>> = { aller: 'a', retour: 'r' }
export const directionOfCode = (code: string): Direction => (code === 'a' ? 'aller' : 'retour')

/** The logical parts of a stored key, either layout. */
export interface EntryKeyParts {
  readonly lineId: string
  readonly date: string
  readonly direction: string
  readonly adultId: string
  /** The writing device; absent in entries of the earliest versions (keyed by place). */
  readonly actor?: string
}

/** The parts of a stored key, or null when it has neither layout's shape (or names a short id nobody registered). */
export const entryKeyParts = (doc: Y.Doc, key: string): EntryKeyParts | null => {
  const compact = COMPACT_KEY.exec(key)
  if (compact !== null) {
    const [line, day, direction, adult, actor] = compact.slice(1) as [string, string, string, string, string]
    const lineId = fullIdOf(doc, line)
    const adultId = fullIdOf(doc, adult)
    const actorId = fullIdOf(doc, actor)
    if (lineId === null || adultId === null || actorId === null) return null
    return { lineId, date: dateOfDayCode(doc, day), direction: directionOfCode(direction), adultId, actor: actorId }
  }
  const parts = key.split('|')
  if (parts.length !== 4 && parts.length !== 5) return null
  const [lineId, date, direction, adultId, actor] = parts as [string, string, string, string, string | undefined]
  return actor === undefined ? { lineId, date, direction, adultId } : { lineId, date, direction, adultId, actor }
}

/** The place (`walk|adult`, see signUpKeyOf) of a stored key, either layout; null when it has no place. */
export const placeOfStoredKey = (doc: Y.Doc, key: string): string | null => {
  if (!COMPACT_KEY.test(key)) return placeKeyOfEntry(key)
  const parts = entryKeyParts(doc, key)
  return parts === null ? null : `${parts.lineId}|${parts.date}|${parts.direction}|${parts.adultId}`
}

/** The adult a stored key names (removal cascades), either layout. */
export const adultOfStoredKey = (doc: Y.Doc, key: string): string | null => entryKeyParts(doc, key)?.adultId ?? null

const SLOT_CODES: Readonly<Record<string, string>> = { lead: 'l', tail: 't', extra: 'e' }
export const SLOTS: Readonly<Record<string, SignUp['slot']>> = { l: 'lead', t: 'tail', e: 'extra' }
const STATUS_CODES: Readonly<Record<string, string>> = { active: 'a', withdrawn: 'w' }
export const STATUSES: Readonly<Record<string, SignUp['status']>> = { a: 'active', w: 'withdrawn' }
/**
 * slot status clock . family check [. author time]: `la1k.0f3a9c21k3.hjk2xq+1o`. The check (two base-36 digits of
 * a hash of the four full ids) catches a short id that two phones registered at once for two ids, so that one of them
 * now names the other's record: such an entry is "to check", never given to the other adult, line or device.
 */
const COMPACT_FIELDS: ReadonlySet<string> = new Set(['familyId', 'slot', 'status', 'clock', 'actor', 'at'])
export const COMPACT_VALUE = /^([lte])([aw])([0-9a-z]{1,9})\.([0-9a-f]{8})([0-9a-z]{2})(?:\.(.*))?$/s
const AUTHOR_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/

const pad = (value: number, width = 2): string => String(value).padStart(width, '0')

/** authorTime's text as base-36 local seconds and offset minutes (`hjk2xq+1o`); any other text kept after `~`. */
const encodeAuthorTime = (at: string): string => {
  const match = AUTHOR_TIME.exec(at)
  if (match === null) return `~${at}`
  const [y, mo, d, h, mi, s, , oh, om] = match.slice(1).map(Number) as number[]
  const local = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) / 1000
  const compact = `${local.toString(36)}${match[7]}${(oh! * 60 + om!).toString(36)}`
  // Only a time that decodes to the same text is compacted (no 24:00, no 31 February, no year before 1970).
  return local >= 0 && decodeAuthorTime(compact) === at ? compact : `~${at}`
}

export const decodeAuthorTime = (code: string): string | null => {
  if (code.startsWith('~')) return code.slice(1)
  const match = /^([0-9a-z]+)([+-])([0-9a-z]+)$/.exec(code)
  if (match === null) return null
  const date = new Date(parseInt(match[1]!, 36) * 1000)
  const offset = parseInt(match[3]!, 36)
  if (Number.isNaN(date.getTime()) || offset >= 24 * 60) return null
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  return `${day}T${time}${match[2]}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`
}

/**
 * A stored value as the object the first layout holds (familyId, slot, status, clock, actor, at), whatever its layout;
 * null for a compact value that does not decode. A first-layout object is returned as it is.
 */
export const storedValueOf = (doc: Y.Doc, key: string, value: unknown): Record<string, unknown> | null => {
  if (typeof value !== 'string') return isPlainObject(value) ? value : null
  const match = COMPACT_VALUE.exec(value)
  const parts = match === null ? null : entryKeyParts(doc, key)
  if (match === null || parts?.actor === undefined) return null
  const [slot, status, clock, family, check, at] = match.slice(1) as [string, string, string, string, string, string?]
  const familyId = fullIdOf(doc, family)
  const author = at === undefined ? undefined : decodeAuthorTime(at)
  if (familyId === null || author === null) return null
  if (check !== compactCheckOf([parts.lineId, parts.adultId, parts.actor, familyId])) return null
  const decoded: Record<string, unknown> = {
    familyId, slot: SLOTS[slot], status: STATUSES[status], clock: parseInt(clock, 36), actor: parts.actor,
  }
  if (author !== undefined) decoded.at = author
  return decoded
}

/** Two base-36 digits of a 32-bit FNV-1a hash of the entry's full ids (line, adult, actor, family). */
export const compactCheckOf = (ids: readonly string[]): string => {
  let hash = 0x811c9dc5
  // By index, not `for…of` over the joined text (a new string per character, thousands of entries at a cold start);
  // a character outside the BMP counts once by its first unit, as `for…of` did, so stored checks still match.
  for (let n = 0; n < ids.length; n++) {
    if (n > 0) hash = Math.imul(hash ^ 0x7c, 0x01000193) >>> 0 // '|'
    const id = ids[n]!
    for (let i = 0; i < id.length; i++) {
      const unit = id.charCodeAt(i)
      hash = Math.imul(hash ^ unit, 0x01000193) >>> 0
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < id.length) {
        const next = id.charCodeAt(i + 1)
        if (next >= 0xdc00 && next <= 0xdfff) i++
      }
    }
  }
  return (hash % 1296).toString(36).padStart(2, '0')
}

/**
 * The index key of a stored key: a compact key's raw place (line, day, direction, adult: its first 20 characters,
 * known without the registry), a first-layout key's place; null for neither.
 */
export const indexPlaceOf = (key: string): string | null =>
  COMPACT_KEY.test(key) ? key.slice(0, 20) : placeKeyOfEntry(key)

/** The raw place a compact key of this adult on this walk starts with (indexPlaceOf), null out of the day range. */
export const compactPlaceOf = (walk: WalkRef, adultId: AdultId): string | null => {
  const day = dayCodeOf(walk.date)
  if (day === null) return null
  return `${walk.lineId.slice(0, 8)}${day}${DIRECTION_CODES[walk.direction]}${adultId.slice(0, 8)}`
}

/** The clock a compact value carries (clock.ts reads every clocked entry raw); undefined when it has none. */
export const compactClockOf = (value: string): number | undefined => {
  const match = /^[lte][aw]([0-9a-z]{1,9})\./.exec(value)
  return match === null ? undefined : parseInt(match[1]!, 36)
}

/** The maps sign-up entries live in: the first layout's, then the compact one's. */
export const SIGNUP_MAPS = [MAP_SIGNUPS, MAP_COMPACT_SIGNUPS] as const

/** Every stored entry of both maps, first layout first. */
export function* storedSignUps(doc: Y.Doc): Generator<[key: string, value: unknown]> {
  for (const name of SIGNUP_MAPS) yield* safeMap(doc, name)?.entries() ?? []
}

/** Whether a stored key is a compact one (its value then a string). */
export const isCompactKey = (key: string): boolean => COMPACT_KEY.test(key)

/**
 * The map, key and value this device writes the adult's place under: compact (in MAP_COMPACT_SIGNUPS) in a schema-2
 * document when every id has its short form and the fields have a code; otherwise the first layout (MAP_SIGNUPS,
 * `walk|adult|actor`, the object itself).
 */
export const entryToWrite = (
  doc: Y.Doc, walk: WalkRef, adultId: AdultId, actor: ActorId, value: Record<string, unknown>,
): [map: string, key: string, value: unknown] => {
  const plain: [string, string, unknown] = [MAP_SIGNUPS, signUpEntryKeyOf(walk, adultId, actor), value]
  if (!writesCompactSignUps(doc)) return plain
  const { familyId, slot, status, clock, at } = value
  const day = dayCodeOf(walk.date)
  const slotCode = typeof slot === 'string' ? SLOT_CODES[slot] : undefined
  const statusCode = typeof status === 'string' ? STATUS_CODES[status] : undefined
  const clockOk = typeof clock === 'number' && Number.isSafeInteger(clock) && clock >= 0 && clock < 36 ** 9
  // A field this layout has no place for (written by a newer version) is kept by writing the first layout.
  const extra = Object.keys(value).some((field) => !COMPACT_FIELDS.has(field) && value[field] !== undefined)
  const sameActor = value.actor === undefined || value.actor === actor
  const fieldsFit = slotCode && statusCode && clockOk && !extra && sameActor && typeof familyId === 'string'
  if (day === null || !fieldsFit || (at !== undefined && typeof at !== 'string')) return plain
  const ids = [walk.lineId, adultId, actor, familyId].map((id) => shortIdFor(doc, id))
  if (ids.some((id) => id === null)) return plain
  const [line, adult, device, family] = ids as [string, string, string, string]
  const time = at === undefined ? '' : `.${encodeAuthorTime(at)}`
  const key = `${line}${day}${DIRECTION_CODES[walk.direction]}${adult}${device}`
  const check = compactCheckOf([walk.lineId, adultId, actor, familyId])
  return [MAP_COMPACT_SIGNUPS, key, `${slotCode}${statusCode}${clock.toString(36)}.${family}${check}${time}`]
}

/** The compact key of a place's entry by `actor`, when the ids are registered (lookups of a device's own entry). */
export const compactKeyOf = (doc: Y.Doc, walk: WalkRef, adultId: AdultId, actor: string): string | null => {
  const day = dayCodeOf(walk.date)
  const ids = [walk.lineId, adultId, actor].map((id) => (fullIdOf(doc, id.slice(0, 8)) === id ? id.slice(0, 8) : null))
  if (day === null || ids.some((id) => id === null)) return null
  return `${ids[0]}${day}${DIRECTION_CODES[walk.direction]}${ids[1]}${ids[2]}`
}

/**
 * Every stored entry that decodes, either layout, as [first-layout key (`walk|adult` or `walk|adult|actor`), value as
 * a first-layout object, stored key]: for tools and tests that look at entries rather than at sign-ups.
 */
export const signUpEntriesOf = (doc: Y.Doc): [key: string, value: Record<string, unknown>, stored: string][] => {
  const entries: [string, Record<string, unknown>, string][] = []
  for (const [key, stored] of storedSignUps(doc)) {
    const parts = entryKeyParts(doc, key)
    const value = parts === null ? null : storedValueOf(doc, key, stored)
    if (parts === null || value === null) continue
    const place = `${parts.lineId}|${parts.date}|${parts.direction}|${parts.adultId}`
    entries.push([parts.actor === undefined ? place : `${place}|${parts.actor}`, value, key])
  }
  return entries
}

// Reading a compact sign-up entry straight into a SignUp, its parts checked as StoredSignUpSchema would, without it.
//
// A cold start reads every entry of the year (~4,000 at 40 families); building the object for Zod from a decoded
// string and parsing it took half the read. Here each id is parsed once per document by its schema, each day code
// turned into a date once, and the rest of the schema's rules (clock range, author time length) are checked by hand.
// tests/unit/doc/signup-layout.test.ts compares the outcome with the schema's on random entries.
import type * as Y from 'yjs'
import type { z } from 'zod/mini'
import { ActorIdSchema, AdultIdSchema, FamilyIdSchema, LineIdSchema } from '../domain/ids.ts'
import { MAX_CLOCK, type SignUp } from '../domain/signup.ts'
import { MAP_SHORT_IDS, safeMap } from './keys.ts'
import {
  COMPACT_KEY, COMPACT_VALUE, SLOTS, STATUSES, compactCheckOf, dateOfDayCode, decodeAuthorTime, directionOfCode, fullIdOf,
} from './signup-layout.ts'

export type SignUpOutcome = { ok: true; value: SignUp } | { ok: false; problems: string[] }

/** slot, status, clock, family, check, author time (COMPACT_VALUE's groups). */
type Parts = [string, string, string, string, string, string?]

const KEY_MISMATCH: SignUpOutcome = { ok: false, problems: ['keyMismatch'] }
const NOT_A_RECORD: SignUpOutcome = { ok: false, problems: ['notARecord'] }
/** AuthorTimeSchema's bounds. */
const AUTHOR_TIME_MAX = 40

/**
 * Per document: each short id parsed by the schema of the role it plays. Outcomes are not kept: the live reader keeps
 * each entry's sign-up itself, and a cache by key held ~150 bytes per entry more (+15% heap at 40x5).
 */
interface ReadCache {
  readonly ids: Map<string, unknown>
}

const caches = new WeakMap<Y.Doc, ReadCache>()

const cacheOf = (doc: Y.Doc): ReadCache => {
  let cache = caches.get(doc)
  if (cache === undefined) {
    const created: ReadCache = { ids: new Map() }
    // A registration replaced by a concurrent one (two ids with one short form) changes what entries name.
    safeMap(doc, MAP_SHORT_IDS)?.observe(() => created.ids.clear())
    caches.set(doc, (cache = created))
  }
  return cache
}

/** The registered id of `short` as `schema` parses it, or null (not registered, or not such an id). */
const idOf = <T>(doc: Y.Doc, cache: ReadCache, schema: z.ZodMiniType<T>, role: string, short: string): T | null => {
  const tag = `${role}:${short}`
  if (cache.ids.has(tag)) return cache.ids.get(tag) as T | null
  const full = fullIdOf(doc, short)
  const parsed = full === null ? null : schema.safeParse(full)
  const id = parsed?.success === true ? parsed.data : null
  // Only found ids are kept: a registration may come later (the observer clears the cache then, after its transaction).
  if (id !== null) cache.ids.set(tag, id)
  return id
}

const decode = (doc: Y.Doc, cache: ReadCache, key: string, value: string): SignUpOutcome => {
  const keyParts = COMPACT_KEY.exec(key)
  if (keyParts === null) return KEY_MISMATCH
  const [line, day, direction, adult, actor] = keyParts.slice(1) as [string, string, string, string, string]
  const lineId = idOf(doc, cache, LineIdSchema, 'line', line)
  const adultId = idOf(doc, cache, AdultIdSchema, 'adult', adult)
  const actorId = idOf(doc, cache, ActorIdSchema, 'actor', actor)
  if (lineId === null || adultId === null || actorId === null) return KEY_MISMATCH
  const valueParts = COMPACT_VALUE.exec(value)
  if (valueParts === null) return NOT_A_RECORD
  const [slot, status, clockText, family, check, atCode] = valueParts.slice(1) as Parts
  const familyId = idOf(doc, cache, FamilyIdSchema, 'family', family)
  const at = atCode === undefined ? undefined : decodeAuthorTime(atCode)
  if (familyId === null || at === null) return NOT_A_RECORD
  // A short id registered twice at once (two phones, two ids): this entry's ids are not the ones it was written with.
  if (check !== compactCheckOf([lineId, adultId, actorId, familyId])) return NOT_A_RECORD
  const clock = parseInt(clockText, 36)
  const problems: string[] = []
  if (clock > MAX_CLOCK) problems.push('clock:too_big')
  if (at !== undefined && at.length === 0) problems.push('at:too_small')
  if (at !== undefined && at.length > AUTHOR_TIME_MAX) problems.push('at:too_big')
  if (problems.length > 0) return { ok: false, problems }
  const signUp: SignUp = {
    lineId, date: dateOfDayCode(doc, day), direction: directionOfCode(direction), adultId, familyId,
    slot: SLOTS[slot]!, status: STATUSES[status]!, clock, actor: actorId,
  }
  if (at !== undefined) signUp.at = at
  return { ok: true, value: signUp }
}

/** The sign-up a compact entry holds, or why it is "to check". */
export const readCompactSignUp = (doc: Y.Doc, key: string, value: string): SignUpOutcome =>
  decode(doc, cacheOf(doc), key, value)

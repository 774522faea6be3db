// One loop over a top-level map of flat entries (plain JSON values written whole): personal fields opened, validated, key checked, cached per stored value.
import type * as Y from 'yjs'
import type { z } from 'zod/mini'
import type { SealKey } from '../lib/seal.ts'
import { openRecord, sealKeyOf } from './codec.ts'
import { safeMap } from './keys.ts'
import {
  cannotOpenProblems, compareIds, isPlainObject, plainOf, previewOf, problemsOf, type RecordKind, type RecordToCheck,
} from './read-util.ts'

export interface FlatReader<T> {
  readonly mapName: string
  readonly kind: RecordKind
  readonly schema: z.ZodMiniType<T>
  /** The key the record must be stored under: another key is a mismatch, listed "to check". */
  readonly keyOf: (record: T) => string
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: string[]; readonly preview: string }

type ReaderCache = WeakMap<FlatReader<unknown>, WeakMap<object, { key: string; outcome: Outcome<unknown> }>>
/**
 * Plain values are immutable and Yjs returns the same object on every read: one parse per stored
 * value and key. Outcomes hold opened text, so the cache belongs to one doc and the key bound to it
 * at the time (binding another key starts afresh): one doc's text is never returned for another.
 */
const caches = new WeakMap<Y.Doc, { sealKey: SealKey | undefined; readers: ReaderCache }>()

const cacheFor = <T>(doc: Y.Doc, reader: FlatReader<T>): WeakMap<object, { key: string; outcome: Outcome<unknown> }> => {
  const sealKey = sealKeyOf(doc)
  let docCache = caches.get(doc)
  if (docCache === undefined || docCache.sealKey !== sealKey) {
    docCache = { sealKey, readers: new WeakMap() }
    caches.set(doc, docCache)
  }
  let cache = docCache.readers.get(reader as FlatReader<unknown>)
  if (cache === undefined) {
    cache = new WeakMap()
    docCache.readers.set(reader as FlatReader<unknown>, cache)
  }
  return cache
}

const parse = <T>(doc: Y.Doc, reader: FlatReader<T>, key: string, value: Record<string, unknown>): Outcome<T> => {
  const cache = cacheFor(doc, reader)
  const cached = cache.get(value)
  if (cached !== undefined && cached.key === key) return cached.outcome as Outcome<T>
  const opened = openRecord(doc, reader.mapName, key, value)
  const outcome = opened.cannotOpen.length > 0
    ? { ok: false as const, problems: cannotOpenProblems(opened.cannotOpen), preview: previewOf(opened.fields) }
    : validate(reader, key, opened.fields)
  cache.set(value, { key, outcome })
  return outcome
}

const validate = <T>(reader: FlatReader<T>, key: string, fields: Record<string, unknown>): Outcome<T> => {
  const parsed = reader.schema.safeParse(fields)
  let outcome: Outcome<T>
  if (!parsed.success) outcome = { ok: false, problems: problemsOf(parsed.error), preview: previewOf(fields) }
  else if (reader.keyOf(parsed.data) !== key) outcome = { ok: false, problems: ['keyMismatch'], preview: previewOf(fields) }
  else outcome = { ok: true, value: parsed.data }
  return outcome
}

/** Valid records in key order (the same on every phone); anything else is listed "to check"; never throws. */
export const readFlatMap = <T>(doc: Y.Doc, reader: FlatReader<T>, toCheck: RecordToCheck[]): T[] => {
  const map = safeMap(doc, reader.mapName)
  if (map === null) {
    toCheck.push({ kind: reader.kind, key: reader.mapName, preview: '', problems: ['notAMap'] })
    return []
  }
  const entries: [string, T][] = []
  for (const [key, value] of map.entries()) {
    if (!isPlainObject(value)) {
      toCheck.push({ kind: reader.kind, key, preview: previewOf(plainOf(value)), problems: ['notARecord'] })
      continue
    }
    const outcome = parse(doc, reader, key, value)
    if (outcome.ok) entries.push([key, outcome.value])
    else toCheck.push({ kind: reader.kind, key, preview: outcome.preview, problems: outcome.problems })
  }
  return entries.sort(([a], [b]) => compareIds(a, b)).map(([, record]) => record)
}

/** Valid records in no particular order, nothing listed: for computations over all of them (the next shared clock, a new mark's `seen`). */
export const readFlatValues = <T>(doc: Y.Doc, reader: FlatReader<T>): T[] => {
  const records: T[] = []
  for (const [key, value] of safeMap(doc, reader.mapName)?.entries() ?? []) {
    if (!isPlainObject(value)) continue
    const outcome = parse(doc, reader, key, value)
    if (outcome.ok) records.push(outcome.value)
  }
  return records
}

// One loop over a top-level map of flat entries (plain JSON values written whole): validated, key checked, cached per stored value.
import type * as Y from 'yjs'
import type { z } from 'zod'
import { safeMap } from './keys.ts'
import { compareIds, isPlainObject, plainOf, previewOf, problemsOf, type RecordKind, type RecordToCheck } from './read-util.ts'

export interface FlatReader<T> {
  readonly mapName: string
  readonly kind: RecordKind
  readonly schema: z.ZodType<T>
  /** The key the record must be stored under: another key is a mismatch, listed "to check". */
  readonly keyOf: (record: T) => string
  /** Opens personal fields before validation (see codec.ts); identity by default. */
  readonly decode?: (fields: Record<string, unknown>) => unknown
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: string[] }

/** Plain values are immutable and Yjs returns the same object on every read: one parse per stored value and key. */
const caches = new WeakMap<FlatReader<unknown>, WeakMap<object, { key: string; outcome: Outcome<unknown> }>>()

const parse = <T>(reader: FlatReader<T>, key: string, value: Record<string, unknown>): Outcome<T> => {
  let cache = caches.get(reader as FlatReader<unknown>)
  if (cache === undefined) {
    cache = new WeakMap()
    caches.set(reader as FlatReader<unknown>, cache)
  }
  const cached = cache.get(value)
  if (cached !== undefined && cached.key === key) return cached.outcome as Outcome<T>
  const parsed = reader.schema.safeParse(reader.decode ? reader.decode(value) : value)
  let outcome: Outcome<T>
  if (!parsed.success) outcome = { ok: false, problems: problemsOf(parsed.error) }
  else if (reader.keyOf(parsed.data) !== key) outcome = { ok: false, problems: ['keyMismatch'] }
  else outcome = { ok: true, value: parsed.data }
  cache.set(value, { key, outcome })
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
    const outcome = parse(reader, key, value)
    if (outcome.ok) entries.push([key, outcome.value])
    else toCheck.push({ kind: reader.kind, key, preview: previewOf(value), problems: outcome.problems })
  }
  return entries.sort(([a], [b]) => compareIds(a, b)).map(([, record]) => record)
}

/** Valid records in no particular order, nothing listed: for computations over all of them (the next shared clock, a new mark's `seen`). */
export const readFlatValues = <T>(doc: Y.Doc, reader: FlatReader<T>): T[] => {
  const records: T[] = []
  for (const [key, value] of safeMap(doc, reader.mapName)?.entries() ?? []) {
    if (!isPlainObject(value)) continue
    const outcome = parse(reader, key, value)
    if (outcome.ok) records.push(outcome.value)
  }
  return records
}

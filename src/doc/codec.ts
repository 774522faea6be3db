// The one door for personal fields of the shared document: sealed on write, opened on read, under the key bound to the Y.Doc.
//
// The relay syncs, stores and compacts the document; it must never read a name, a phone number or
// a note. Every personal value is sealed (src/lib/seal.ts) with the collective's key and bound to
// where it lives (`map/recordKey/field`), so a sealed value copied into another record or field
// does not open. Ids, dates, slots, clocks, structure, line and stop names and settings stay in
// clear. The key lives only in memory, in a WeakMap beside the doc: never in the document.
//
// Reading: a sealed value that opens -> its text; one that cannot be opened (another
// collective's key, tampered bytes, no key bound) -> CANNOT_OPEN, which the readers report as
// `field:cannotOpen` (the record is "to check", the others render); a plain string (a document
// written before sealing) -> accepted as is, and sealed by migrations.ts at the next session open.
// Writing fails closed: a personal field written to a doc with no key bound is a programming error
// (SealKeyMissingError), thrown before anything is written, never plain text in the document. The
// app session, the demo, restore and the test fixtures bind a key before their first write.
import type * as Y from 'yjs'
import { isSealed, openText, sealText, type SealKey } from '../lib/seal.ts'
import { PERSONAL_FIELDS } from './record-kinds.ts'

/** Where personal values live (map name -> fields): derived from the record-kind registry. */
export { PERSONAL_FIELDS }

export const personalFieldsOf = (mapName: string): readonly string[] => PERSONAL_FIELDS[mapName] ?? []

const keys = new WeakMap<Y.Doc, SealKey>()

/**
 * Opened values per doc, keyed by context and sealed value: the session re-reads the whole view on
 * every change, and opening every name again each time doubled the read of a large collective
 * (bench:rota). A sealed value is immutable, so the cache never goes stale; it is dropped when a
 * key is bound and emptied when it grows past OPENED_CACHE_MAX (a collective has a few hundred).
 */
const opened = new WeakMap<Y.Doc, Map<string, unknown>>()
const OPENED_CACHE_MAX = 20_000

/** Binds the collective's key to this doc: every later write of a personal field is sealed with it. */
export const bindSealKey = (doc: Y.Doc, key: SealKey): void => {
  keys.set(doc, key)
  opened.delete(doc)
}

/** The key bound to the doc (undefined before the session binds it, or in a doc only read). */
export const sealKeyOf = (doc: Y.Doc): SealKey | undefined => keys.get(doc)

/** The associated data of a value: where it lives. */
export const personalContext = (mapName: string, recordKey: string, field: string): string => `${mapName}/${recordKey}/${field}`

/** A value that could not be opened: no schema accepts it, the readers list its record "to check" with `field:cannotOpen`. */
export const CANNOT_OPEN: unique symbol = Symbol('cannotOpen')
export type CannotOpen = typeof CANNOT_OPEN
export const CANNOT_OPEN_PROBLEM = 'cannotOpen'

/** A personal field was about to be written to a doc with no key bound: a wiring bug, never a user error. */
export class SealKeyMissingError extends Error {
  override readonly name = 'SealKeyMissingError'
  constructor(context: string) {
    // The context names the map and field (and a random record id), never the value.
    super(`no seal key bound to the document: refusing to write ${context} in clear`)
  }
}

/** Throws SealKeyMissingError unless a key is bound: call before the first write of a transaction that seals. */
export const requireSealKey = (doc: Y.Doc, context = 'a personal field'): SealKey => {
  const key = keys.get(doc)
  if (key === undefined) throw new SealKeyMissingError(context)
  return key
}

/** What is stored in the document for a personal text field: always sealed; throws SealKeyMissingError with no key bound. */
export const sealPersonal = (doc: Y.Doc, context: string, text: string): string => sealText(requireSealKey(doc, context), context, text)

/** The stored value back to what the domain schema validates (unknown: the document is untrusted); never throws. */
export const openPersonal = (doc: Y.Doc, context: string, stored: unknown): unknown => {
  if (!isSealed(stored)) return stored
  const key = keys.get(doc)
  if (key === undefined) return CANNOT_OPEN
  let cache = opened.get(doc)
  if (cache === undefined) opened.set(doc, (cache = new Map()))
  const cacheKey = `${context}\u0000${stored}`
  if (cache.has(cacheKey)) return cache.get(cacheKey)
  const result = openText(key, context, stored)
  const value = result.ok ? result.value : CANNOT_OPEN
  if (cache.size >= OPENED_CACHE_MAX) cache.clear()
  cache.set(cacheKey, value)
  return value
}

/**
 * The value to write for an edited field: the stored one when it already holds this text (a new
 * nonce would make a no-op edit a write, and undo a concurrent edit of that field), else sealed anew.
 */
export const sealUnlessSame = (doc: Y.Doc, context: string, stored: unknown, text: string): string =>
  isSealed(stored) && openPersonal(doc, context, stored) === text ? stored : sealPersonal(doc, context, text)

export interface OpenedRecord {
  /** The stored fields with every personal field opened (a field that cannot be opened is left out). */
  readonly fields: Record<string, unknown>
  /** Personal fields that hold a sealed value this phone cannot open. */
  readonly cannotOpen: readonly string[]
}

/** Opens the personal fields of one stored record (only those present: an optional field stays absent). */
export const openRecord = (doc: Y.Doc, mapName: string, recordKey: string, stored: Readonly<Record<string, unknown>>): OpenedRecord => {
  const personal = personalFieldsOf(mapName)
  if (personal.length === 0) return { fields: { ...stored }, cannotOpen: [] }
  const fields: Record<string, unknown> = { ...stored }
  const cannotOpen: string[] = []
  for (const field of personal) {
    if (!(field in stored)) continue
    const opened = openPersonal(doc, personalContext(mapName, recordKey, field), stored[field])
    if (opened === CANNOT_OPEN) {
      cannotOpen.push(field)
      delete fields[field]
    } else fields[field] = opened
  }
  return { fields, cannotOpen }
}

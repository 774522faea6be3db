// Building blocks of the mutations: input parsing to field errors, record creation under a fresh id, field-wise writes.
import * as Y from 'yjs'
import type { z } from 'zod/mini'
import { fieldErrorsOf, type FieldErrors } from '../domain/validation.ts'
import { err, ok, type Result } from '../lib/result.ts'
import { safeMap, type ChangeOrigin } from './keys.ts'
import { plainOf } from './read-util.ts'

export type EditResult<T> = Result<T, FieldErrors>

export const DOCUMENT_DAMAGED: FieldErrors = { _: 'documentDamaged' }
export const NOT_FOUND: FieldErrors = { _: 'notFound' }

export const parseInput = <S extends z.ZodMiniType>(schema: S, input: unknown): EditResult<z.output<S>> => {
  const parsed = schema.safeParse(input)
  return parsed.success ? ok(parsed.data) : err(fieldErrorsOf(parsed.error))
}

const sameValue = (stored: unknown, next: unknown): boolean => {
  if (stored === next) return true
  if (typeof next !== 'object' || next === null) return false
  return JSON.stringify(plainOf(stored)) === JSON.stringify(next)
}

/**
 * Sets only the fields whose value changes: a no-op edit writes nothing, fields this version does
 * not know (from newer apps) are never touched, and concurrent edits of different fields both survive.
 */
export const writeFields = (record: Y.Map<unknown>, fields: Readonly<Record<string, unknown>>): void => {
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) {
      if (record.has(field)) record.delete(field)
    } else if (!record.has(field) || !sameValue(record.get(field), value)) record.set(field, value)
  }
}

/** A nested map created together with its fresh random id: two phones never create the same one. */
export const createRecord = (doc: Y.Doc, mapName: string, id: string, fields: Readonly<Record<string, unknown>>, origin: ChangeOrigin): boolean => {
  const map = safeMap(doc, mapName)
  if (map === null) return false
  const record = new Y.Map<unknown>()
  for (const [field, value] of Object.entries(fields)) if (value !== undefined) record.set(field, value)
  doc.transact(() => map.set(id, record), origin)
  return true
}

/**
 * Rewrites the fields of an existing record. A stored value that is not a record (listed "to
 * check") is replaced by a fresh one with every field: that is the repair path.
 */
export const updateRecord = <T extends string>(
  doc: Y.Doc, mapName: string, id: T, fields: Readonly<Record<string, unknown>>, origin: ChangeOrigin,
): EditResult<T> => {
  const map = safeMap(doc, mapName)
  if (map === null) return err(DOCUMENT_DAMAGED)
  if (!map.has(id)) return err(NOT_FOUND)
  const record = map.get(id)
  if (record instanceof Y.Map) doc.transact(() => writeFields(record, fields), origin)
  else createRecord(doc, mapName, id, fields, origin)
  return ok(id)
}

/** False when there was nothing to delete (removed on another phone already): nothing is written. */
export const deleteRecord = (doc: Y.Doc, mapName: string, id: string, origin: ChangeOrigin): boolean => {
  const map = safeMap(doc, mapName)
  if (!map?.has(id)) return false
  doc.transact(() => map.delete(id), origin)
  return true
}

/** A field of a stored record as written (for lookups such as "stops of this line"); undefined when absent. */
export const fieldOf = (value: unknown, field: string): unknown => (value instanceof Y.Map ? value.get(field) : undefined)

/** Keys of the records in `mapName` whose `field` equals `expected`. */
export const keysWhere = (doc: Y.Doc, mapName: string, field: string, expected: unknown): string[] => {
  const map = safeMap(doc, mapName)
  if (map === null) return []
  const keys: string[] = []
  for (const [key, value] of map.entries()) if (fieldOf(value, field) === expected) keys.push(key)
  return keys
}

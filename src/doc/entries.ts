// Writes of any registered kind's flat entries (record-kinds.ts): validated with its schema, personal fields sealed, written whole.
//
// What a new kind of flat record needs besides its descriptor: its own commands add the rules (who may write,
// which clock), then call these. Reading is readFlatMap with the descriptor as the reader.
import type * as Y from 'yjs'
import { fieldErrorsOf, type FieldErrors } from '../domain/validation.ts'
import { err, ok, type Result } from '../lib/result.ts'
import { personalContext, personalFieldsOf, sealPersonal } from './codec.ts'
import { safeMap, type ChangeOrigin } from './keys.ts'
import type { EntriesKind } from './record-kinds.ts'

/** A JSON copy: values stored in Yjs must not share objects with the caller's. */
const plainCopy = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown

/** The record's fields as stored: personal ones sealed for their place (`map/key/field`), `id` left out when the key holds it. */
export const storedFields = (doc: Y.Doc, mapName: string, key: string, record: object, dropId: boolean): Record<string, unknown> => {
  const fields: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(record)) {
    if (dropId && field === 'id') continue
    if (value === undefined) continue
    fields[field] = personalFieldsOf(mapName).includes(field) && typeof value === 'string'
      ? sealPersonal(doc, personalContext(mapName, key, field), value)
      : plainCopy(value)
  }
  return fields
}

/**
 * Validates `record` with the kind's stored schema and writes it whole under its key, in one transaction tagged
 * `origin` (last writer wins per key). Returns the key; field errors when invalid; `documentDamaged` when the map is not one.
 */
export const putEntry = <T extends object>(
  doc: Y.Doc, kind: EntriesKind<string, T>, record: unknown, origin: ChangeOrigin,
): Result<string, FieldErrors> => {
  const parsed = kind.schema.safeParse(record)
  if (!parsed.success) return err(fieldErrorsOf(parsed.error))
  const map = safeMap(doc, kind.mapName)
  if (map === null || kind.alsoIn.some((name) => safeMap(doc, name) === null)) return err({ _: 'documentDamaged' })
  let key = kind.keyOf(parsed.data)
  doc.transact(() => {
    // Inside the transaction: a compact sign-up registers its short ids as it is written.
    const stored = kind.storedEntry?.(doc, parsed.data)
    if (stored === undefined) map.set(key, storedFields(doc, kind.mapName, key, parsed.data, false))
    else {
      key = stored[1]
      safeMap(doc, stored[0])?.set(stored[1], stored[2])
    }
  }, origin)
  return ok(key)
}

/** Deletes the entry under `key`; false when there was nothing to delete (removed on another phone already). */
export const deleteEntry = (doc: Y.Doc, kind: Pick<EntriesKind<string, never>, 'mapName'>, key: string, origin: ChangeOrigin): boolean => {
  const map = safeMap(doc, kind.mapName)
  if (!map?.has(key)) return false
  doc.transact(() => map.delete(key), origin)
  return true
}

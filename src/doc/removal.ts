// Removing a record with everything the registry says it owns (record-kinds.ts `owners`), in one transaction.
//
// A family takes its adults, children, roster entries, availability and reduced shares; an adult, their sign-ups and
// availability; a line, its stops. A new kind declares its owners and is removed with them: no removal to edit.
// What another phone adds concurrently to a removed owner survives the merge; the readers leave it out ("to check").
import * as Y from 'yjs'
import { safeMap, type ChangeOrigin } from './keys.ts'
import { isPlainObject } from './read-util.ts'
import { kindOf, ownedBy, type OwnedBy, type RecordKind } from './record-kinds.ts'

interface Doomed {
  readonly mapName: string
  readonly key: string
}

/** A field of a nested record or of a flat entry alike. */
const fieldValue = (value: unknown, field: string): unknown =>
  value instanceof Y.Map ? value.get(field) : isPlainObject(value) ? value[field] : undefined

const names = (doc: Y.Doc, by: OwnedBy, key: string, value: unknown, ownerId: string): boolean => {
  if (by === 'key') return key === ownerId
  if ('keyPart' in by) return key.split('|')[by.keyPart] === ownerId
  if ('fromKey' in by) return by.fromKey(doc, key) === ownerId
  return fieldValue(value, by.field) === ownerId
}

/** The records removing `kind` `id` takes with it, owners of owners included (a record is keyed by its id). */
const dependantsOf = (doc: Y.Doc, kind: RecordKind, id: string, seen: Set<string>): Doomed[] => {
  const doomed: Doomed[] = []
  for (const { kind: owned, by } of ownedBy(kind)) {
    for (const mapName of [owned.mapName, ...owned.alsoIn]) {
      for (const [key, value] of safeMap(doc, mapName)?.entries() ?? []) {
        const tag = `${mapName}/${key}`
        if (seen.has(tag) || !names(doc, by, key, value, id)) continue
        seen.add(tag)
        doomed.push({ mapName, key }, ...dependantsOf(doc, owned.kind, key, seen))
      }
    }
  }
  return doomed
}

/** Removes the record and its dependants in one transaction tagged `origin`; false when the record is not there. */
export const removeWithDependants = (doc: Y.Doc, kind: RecordKind, id: string, origin: ChangeOrigin): boolean => {
  const map = safeMap(doc, kindOf(kind).mapName)
  if (!map?.has(id)) return false
  const doomed = dependantsOf(doc, kind, id, new Set())
  doc.transact(() => {
    map.delete(id)
    for (const { mapName, key } of doomed) safeMap(doc, mapName)?.delete(key)
  }, origin)
  return true
}

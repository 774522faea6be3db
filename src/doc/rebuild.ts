// Rebuilding this phone's copy from the relay's, keeping what this phone changed. Needed when the relay holds other
// content under ids this phone wrote (someone forged a write at this phone's client id and clock): the two copies
// can never converge by sync, since Yjs keeps the first content it gets for an id. The relay's copy is taken as it
// is, and the entries and record fields this phone's waiting changes touched are written again on it, with this
// phone's current values, as a new change under a new client id.
import * as Y from 'yjs'
import { encodeUpdate } from '../crdt/update-parts.ts'
import { parseUpdateShape } from '../crdt/update-shape.ts'
import { Origin } from './keys.ts'

/** Where a change wrote: an entry of a top-level map (a flat entry or a whole record), or a field of a record. */
export type ChangedPlace =
  | { readonly map: string; readonly key: string; readonly field?: undefined }
  | { readonly map: string; readonly key: string; readonly field: string }

const placeKey = (place: ChangedPlace): string => JSON.stringify([place.map, place.key, place.field ?? null])

/** The place of an item of `doc`: its map entry, or its record's field (deeper items count as their record). */
const placeOf = (item: Y.Item): ChangedPlace | null => {
  const parent = item.parent
  if (!(parent instanceof Y.AbstractType)) return null
  if (parent._item === null) return item.parentSub === null ? null : { map: Y.findRootTypeKey(parent), key: item.parentSub }
  // Climb to the record: the item right under a top-level map.
  let record: Y.Item = parent._item
  let field = item.parentSub
  for (let depth = 0; record.parent instanceof Y.AbstractType && record.parent._item !== null; depth++) {
    if (depth > 16) return null
    field = null // deeper than a record's field: the whole record counts
    record = record.parent._item
  }
  const root = record.parent
  if (!(root instanceof Y.AbstractType) || record.parentSub === null) return null
  const map = Y.findRootTypeKey(root)
  return field === null ? { map, key: record.parentSub } : { map, key: record.parentSub, field }
}

/** Every place this phone's changes (V1 updates of `doc`'s own transactions) wrote or deleted. */
export const changedPlaces = (doc: Y.Doc, changes: readonly Uint8Array[]): ChangedPlace[] => {
  const places = new Map<string, ChangedPlace>()
  const add = (struct: Y.Item | Y.GC): void => {
    const place = struct instanceof Y.Item ? placeOf(struct) : null
    if (place) places.set(placeKey(place), place)
  }
  const visit = (client: number, clock: number, end: number): void => {
    const limit = Math.min(end, Y.getState(doc.store, client))
    for (let at = clock; at < limit;) {
      const struct = Y.getItem(doc.store, Y.createID(client, at)) as Y.Item | Y.GC
      add(struct)
      at = struct.id.clock + struct.length
    }
  }
  for (const change of changes) {
    let shape
    try {
      shape = parseUpdateShape(change)
    } catch {
      continue
    }
    for (const block of shape.blocks) for (const struct of block.structs) visit(block.client, struct.clock, struct.clock + struct.length)
    for (const range of shape.deletes) visit(range.client, range.clock, range.clock + range.length)
  }
  return [...places.values()]
}

/**
 * The places of what `old` deleted and `relayCopy` still holds: a removal waiting on this phone whose change no longer
 * keeps its bytes (erasure forgets them), found from the two copies' structs instead.
 */
export const unsentDeletions = (old: Y.Doc, relayCopy: Y.Doc): ChangedPlace[] => {
  const places = new Map<string, ChangedPlace>()
  for (const [client, structs] of old.store.clients) {
    const known = Y.getState(relayCopy.store, client)
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || !struct.deleted || struct.id.clock >= known) continue
      const there = Y.getItem(relayCopy.store, struct.id)
      if (!(there instanceof Y.Item) || there.deleted) continue
      const place = placeOf(struct)
      if (place) places.set(placeKey(place), place)
    }
  }
  return [...places.values()]
}

/**
 * How a value is copied to the other document, given where it lives (`map/recordKey/field`, as personal fields are
 * sealed): as it is within one room; opened and sealed again under the other room's key across generations.
 */
export type ValueCopy = (context: string, value: unknown) => unknown
const asItIs: ValueCopy = (_context, value) => value

/**
 * Writes `places` of `from` onto `to`, in one transaction (origin Origin.rebuild): an entry as a whole (a record
 * copied field by field, a flat value, or removed), a field of a record that still exists in `to`. A record the
 * relay's copy removed stays removed when this phone only changed one of its fields.
 */
export const writePlaces = (from: Y.Doc, to: Y.Doc, places: readonly ChangedPlace[], copy: ValueCopy = asItIs): void => {
  Y.transact(to, () => {
    for (const place of places) {
      const source = from.getMap(place.map)
      const target = to.getMap(place.map)
      const wanted = source.get(place.key)
      const at = `${place.map}/${place.key}`
      if (place.field !== undefined && wanted instanceof Y.Map) {
        const record = target.get(place.key)
        if (record instanceof Y.Map) writeEntry(record, place.field, wanted.get(place.field), `${at}/${place.field}`, copy)
        continue
      }
      writeEntry(target, place.key, wanted, at, copy)
    }
  }, Origin.rebuild)
}

/** A flat entry's value: its top-level fields copied one by one (personal fields live there). */
const copiedValue = (value: unknown, at: string, copy: ValueCopy): unknown => {
  if (typeof value === 'string') return copy(at, value)
  if (copy === asItIs || value === null || typeof value !== 'object' || Array.isArray(value)) return value
  return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, copy(`${at}/${field}`, inner)]))
}

const writeEntry = (target: Y.Map<unknown>, key: string, wanted: unknown, at: string, copy: ValueCopy): void => {
  const current = target.get(key)
  if (wanted === undefined) {
    if (target.has(key)) target.delete(key)
    return
  }
  if (wanted instanceof Y.Map) {
    if (current instanceof Y.Map) {
      for (const [field, value] of wanted.entries()) writeEntry(current, field, value, `${at}/${field}`, copy)
      for (const field of [...current.keys()]) if (!wanted.has(field)) current.delete(field)
    } else {
      target.set(key, copyOf(wanted, at, copy))
    }
    return
  }
  const value = copiedValue(wanted, at, copy)
  if (!sameJson(current, value)) target.set(key, value)
}

const copyOf = (map: Y.Map<unknown>, at: string, copy: ValueCopy): Y.Map<unknown> => {
  const result = new Y.Map<unknown>()
  for (const [field, value] of map.entries()) {
    result.set(field, value instanceof Y.Map ? copyOf(value, `${at}/${field}`, copy) : copy(`${at}/${field}`, value))
  }
  return result
}

const sameJson = (a: unknown, b: unknown): boolean =>
  a === b || (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b))

/**
 * What the old copy holds that the relay's copy does not, as updates without deletions (a state's delete set is the
 * whole document's): its structs never sent, and from the clock the relay said conflicts, every struct of that
 * client (a change whose bytes were forgotten for erasure is found again this way). The places to write again are
 * computed from these too.
 */
export const unsentChanges = (old: Y.Doc, relayCopy: Y.Doc, conflict: { client: number; clock: number } | null): Uint8Array[] => {
  const structsOnly = (update: Uint8Array): Uint8Array => {
    const shape = parseUpdateShape(update)
    return encodeUpdate(update, shape.blocks.flatMap((block) => block.structs), [])
  }
  const unsent = [structsOnly(Y.encodeStateAsUpdate(old, Y.encodeStateVector(relayCopy)))]
  if (conflict !== null && conflict.clock < Y.getState(old.store, conflict.client)) {
    const from = new Map<number, number>()
    for (const client of old.store.clients.keys()) from.set(client, Y.getState(old.store, client))
    from.set(conflict.client, conflict.clock)
    unsent.push(structsOnly(Y.encodeStateAsUpdate(old, Y.encodeStateVector(from))))
  }
  return unsent
}

// Erasure on the phone: rewrites a collective's stored update log as one state encoded from the live Y.Doc.
//
// y-indexeddb stores every update and merges them only past 500 updates, so a removed family's names, phone
// numbers and notes (sealed or not), and the previous text of a corrected or emptied note, would stay in old updates
// for months. The Y.Doc has gc on: its encoded state keeps only ids and lengths of deleted content. Rewriting the
// log as that one state drops them.
import * as Y from 'yjs'
import { isSealed } from '../lib/seal.ts'
import { UPDATES_STORE } from './y-indexeddb-adapter.ts'

/**
 * In one readwrite transaction: applies every stored update to `doc` (one another tab stored and this doc has
 * not seen must not be lost), clears the log and adds the doc's whole state. Atomic: on any failure the
 * transaction aborts and the old log stays as it was. Resolves with the key of the stored state.
 */
export const rewriteAsOneState = (db: IDBDatabase, doc: Y.Doc, origin: unknown): Promise<IDBValidKey> =>
  new Promise((resolve, reject) => {
    const transaction = db.transaction([UPDATES_STORE], 'readwrite')
    const store = transaction.objectStore(UPDATES_STORE)
    let stateKey: IDBValidKey | null = null
    const all = store.getAll()
    all.onsuccess = () => {
      const stored: unknown[] = Array.isArray(all.result) ? all.result : []
      Y.transact(doc, () => {
        for (const update of stored) if (update instanceof Uint8Array) Y.applyUpdate(doc, update)
      }, origin, false)
      store.clear()
      const added = store.add(Y.encodeStateAsUpdate(doc))
      added.onsuccess = () => {
        stateKey = added.result
      }
    }
    transaction.oncomplete = () => (stateKey === null ? reject(new Error('state not stored')) : resolve(stateKey))
    transaction.onabort = () => reject(transaction.error ?? new Error('compaction aborted'))
  })


/** A deleted flat entry of one of `flatPersonalMaps` whose key is gone (a rewrite of the entry replaces it, a delete leaves none). */
const removesFlatEntry = (item: Y.Item, flatPersonalMaps: ReadonlySet<string>): boolean => {
  const parent = item.parent
  const key = item.parentSub
  if (!(parent instanceof Y.AbstractType) || parent._item !== null || key === null) return false
  if (!flatPersonalMaps.has(Y.findRootTypeKey(parent))) return false
  const current = parent._map.get(key)
  return current === undefined || current.deleted
}

/** The sealed personal values a stored value holds: itself, or those of a flat entry (an absence's note). */
const sealedValuesIn = (value: unknown): string[] => {
  if (isSealed(value)) return [value]
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return []
  return Object.values(value).filter(isSealed)
}

/** The values now under the deleted item's key (the rewrite that replaced it), none for a list item or a gone key. */
const valuesNowAt = (item: Y.Item): unknown[] => {
  const { parent, parentSub } = item
  if (!(parent instanceof Y.AbstractType) || parentSub === null) return []
  const current = parent._map.get(parentSub)
  return current === undefined || current.deleted ? [] : current.content.getContent()
}

/** A deleted value held a sealed value that its replacement no longer holds (a corrected or emptied field). */
const dropsSealedValue = (item: Y.Item): boolean => {
  if (!(item.content instanceof Y.ContentAny)) return false
  const dropped = item.content.getContent().flatMap(sealedValuesIn)
  if (dropped.length === 0) return false
  const kept = new Set(valuesNowAt(item).flatMap(sealedValuesIn))
  return dropped.some((value) => !kept.has(value))
}

/**
 * True when the transaction took a personal value out of the document, here or on another phone: deleted a nested
 * shared type (a family, an adult, a child…), the key of a flat entry holding personal values (an absence, a logbook
 * note… by a new school year), or a sealed value its replacement no longer holds: a correction or an emptied field
 * (every personal field is sealed; plain legacy values are compacted by the sealing migration). A rewrite that keeps
 * the value (a logbook note withdrawn) asks for nothing. Call it from the
 * doc's 'beforeObserverCalls' event: by 'afterTransaction' gc has already replaced the deleted content and the value
 * can no longer be recognised. `flatPersonalMaps`: the maps whose flat entries hold personal values
 * (src/doc/record-kinds.ts FLAT_PERSONAL_MAPS; storage may not import src/doc, the app passes it).
 */
export const removesPersonalValue = (transaction: Y.Transaction, flatPersonalMaps: ReadonlySet<string>): boolean => {
  let found = false
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (found || !(struct instanceof Y.Item)) return
    if (struct.content instanceof Y.ContentType || removesFlatEntry(struct, flatPersonalMaps) || dropsSealedValue(struct)) found = true
  })
  return found
}

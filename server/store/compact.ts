// Compaction of stored updates: apply them to a fresh Y.Doc and re-encode (Y.mergeUpdates is super-linear).
// This is also where erasure happens on the relay: a Y.Doc with gc on drops the content of deleted items
// (a removed family's nested map becomes GC structs, an overwritten value ContentDeleted), so the snapshot
// keeps only ids and lengths of what was removed. Y.mergeUpdates would keep that content: never use it here.
// The snapshot is read back into another fresh Y.Doc and compared before it may replace anything.
import * as Y from 'yjs'
import { buildDoc } from './build-doc.ts'

export class SnapshotCheckError extends Error {
  override readonly name = 'SnapshotCheckError'
}

/**
 * One update equivalent to all of `updates`; deleted content is garbage-collected (gone from the bytes). Throws
 * when an update does not apply, or when the snapshot would not load back into the same document.
 */
export const compactUpdates = async (updates: readonly Uint8Array[]): Promise<Uint8Array> => {
  // gc on (buildDoc's default): erasure depends on it. What never integrated (stored by an earlier relay
  // version) is left out: it would be pending again at every load.
  const { doc: source } = await buildDoc(updates)
  const copy = new Y.Doc({ gc: true })
  try {
    const snapshot = Y.encodeStateAsUpdate(source)
    Y.applyUpdate(copy, snapshot)
    checkSameDocument(source, copy)
    return snapshot
  } finally {
    source.destroy()
    copy.destroy()
  }
}

const checkSameDocument = (expected: Y.Doc, actual: Y.Doc): void => {
  if (actual.store.pendingStructs !== null || actual.store.pendingDs !== null) throw new SnapshotCheckError('pending after load')
  const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i])
  if (!same(Y.encodeStateVector(expected), Y.encodeStateVector(actual))) throw new SnapshotCheckError('state vectors differ')
  const deletes = (doc: Y.Doc) => Y.createDeleteSetFromStructStore(doc.store)
  if (!Y.equalDeleteSets(deletes(expected), deletes(actual))) throw new SnapshotCheckError('delete sets differ')
}

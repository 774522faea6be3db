// Compaction of stored updates: apply them to a fresh Y.Doc and re-encode (Y.mergeUpdates is super-linear).
// This is also where erasure happens on the relay: a Y.Doc with gc on drops the content of deleted items
// (a removed family's nested map becomes GC structs, an overwritten value ContentDeleted), so the snapshot
// keeps only ids and lengths of what was removed. Y.mergeUpdates would keep that content: never use it here.
import * as Y from 'yjs'

/** One update equivalent to all of `updates`; deleted content is garbage-collected (gone from the bytes). */
export const compactUpdates = (updates: readonly Uint8Array[]): Uint8Array => {
  const doc = new Y.Doc({ gc: true }) // the default, stated: erasure depends on it
  try {
    Y.transact(doc, () => {
      for (const update of updates) {
        try {
          Y.applyUpdate(doc, update)
        } catch {
          // Stored updates were applied once before being stored; one that fails now is skipped, not fatal.
        }
      }
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

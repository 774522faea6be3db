// Compaction of stored updates: apply them to a fresh Y.Doc and re-encode (Y.mergeUpdates is super-linear).
import * as Y from 'yjs'

/** One update equivalent to all of `updates`; deleted content is garbage-collected. */
export const compactUpdates = (updates: readonly Uint8Array[]): Uint8Array => {
  const doc = new Y.Doc()
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

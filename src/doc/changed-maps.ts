// Which top-level maps a Yjs transaction changed, and which of their keys directly: what incremental reads read again.
import * as Y from 'yjs'

export interface MapChanges {
  /** Top-level maps with a change at any depth, by name; null when a change could not be placed (read all again). */
  readonly maps: ReadonlySet<string> | null
  /** Keys set or deleted directly on each top-level map: a flat entry written whole, a record added or removed. */
  readonly keys: ReadonlyMap<string, ReadonlySet<string>>
}

const rootOf = (type: Y.AbstractType<unknown>): Y.AbstractType<unknown> | null => {
  let current = type
  while (current._item !== null) {
    const parent = current._item.parent
    if (!(parent instanceof Y.AbstractType)) return null
    current = parent as Y.AbstractType<unknown>
  }
  return current
}

const nameOf = (root: Y.AbstractType<unknown>): string | null => {
  try {
    return Y.findRootTypeKey(root)
  } catch {
    return null
  }
}

/**
 * Read from `transaction.changed`, which Yjs fills as items are integrated or deleted: complete once the transaction
 * ends (in 'afterTransaction'), and already true for what a transaction still open did so far. A nested type created
 * in the transaction is not listed, but its parent's key is, up to a top-level map.
 */
export const changesOf = (transaction: Y.Transaction): MapChanges => {
  const maps = new Set<string>()
  const keys = new Map<string, Set<string>>()
  const names = new Map<Y.AbstractType<unknown>, string | null>()
  for (const [type, subs] of transaction.changed) {
    const root = rootOf(type as Y.AbstractType<unknown>)
    if (root === null) return { maps: null, keys }
    let name = names.get(root)
    if (name === undefined) {
      name = nameOf(root)
      names.set(root, name)
    }
    if (name === null) return { maps: null, keys }
    maps.add(name)
    if (root !== type) continue
    let direct = keys.get(name)
    if (direct === undefined) keys.set(name, (direct = new Set()))
    for (const key of subs) if (key !== null) direct.add(key)
  }
  return { maps, keys }
}

/**
 * Transactions whose 'afterTransaction' may not have run yet, for a read that must count them: the one still open
 * (between two writes) and those Yjs is cleaning up (a read from an observer). Counting one twice is harmless.
 */
export const unfinishedTransactions = (doc: Y.Doc): Y.Transaction[] =>
  doc._transaction === null || doc._transactionCleanups.includes(doc._transaction)
    ? [...doc._transactionCleanups]
    : [...doc._transactionCleanups, doc._transaction]

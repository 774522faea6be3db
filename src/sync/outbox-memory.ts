// An in-memory outbox store: for tests, with the promises of the Dexie one (src/storage/device-db.ts), both checked by
// tests/unit/sync/outbox-contract.ts. Not durable: the rows go with the page.
import type { OutboxPersistence, StoredChange } from './outbox.ts'

/** The outbox store as the app uses it: the sync layer's port, and replaceAll for a rebuilt copy (src/app/session.ts). */
export interface OutboxStore extends OutboxPersistence {
  /** Every row replaced by these, in their order, at once. */
  replaceAll(rows: readonly StoredChange[]): Promise<void>
}

const checkedSeq = (seq: number): number => {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`outbox seq ${seq} is not a non-negative safe integer`)
  return seq
}

/** A copy of the change's own bytes, as a disk would keep them. */
const copyOf = (update: Uint8Array | null): Uint8Array | null => (update === null ? null : new Uint8Array(update))

export const createMemoryOutboxStore = (): OutboxStore => {
  // A Map keeps insertion order, and a key set again keeps its place: the order of a durable store's rows.
  const rows = new Map<number, Uint8Array | null>()
  // Each call acts when it is made (async bodies run up to their first await), so calls take effect in call order.
  return {
    async load() {
      return [...rows].map(([seq, update]) => ({ seq, update: copyOf(update) }))
    },
    async add(seq, update) {
      rows.set(checkedSeq(seq), copyOf(update))
    },
    async remove(seqs) {
      for (const seq of seqs) rows.delete(seq)
    },
    async replaceAll(next) {
      const checked = next.map((row) => [checkedSeq(row.seq), copyOf(row.update)] as const)
      rows.clear()
      for (const [seq, update] of checked) rows.set(seq, update)
    },
  }
}

// Local changes not yet durably stored by the relay: "N changes waiting", persisted across restarts.
//
// An entry is either unassigned (waits for the next handshake, whose sync step 2 carries every
// change the relay lacks) or assigned to the number of the counted message (sync step 2 or
// update, per connection) that carried it. The relay acks "the first N messages are stored".
import { createStore, type ReadableStore } from '../lib/store.ts'

/** A stored change: its row key, and its V1 update (null for rows stored before updates were kept). */
export interface StoredChange {
  readonly seq: number
  readonly update: Uint8Array | null
}

/** Where the outbox is kept on the phone; src/app wires it to Dexie (sync must not import storage). */
export interface OutboxPersistence {
  load(): Promise<StoredChange[]>
  add(seq: number, update: Uint8Array | null): Promise<void>
  remove(seqs: readonly number[]): Promise<void>
}

export interface OutboxEntry {
  /** null until the entry is persisted (changes made before the stored outbox was loaded). */
  seq: number | null
  message: number | null
  /** The change itself (V1): re-sent as is when the relay claims to hold its clocks already. */
  update: Uint8Array | null
}

type Entry = OutboxEntry

export interface Outbox {
  readonly pending: ReadableStore<number>
  /** Resolves once stored entries are loaded; never rejects (errors go to onError). */
  readonly loaded: Promise<void>
  /** A local change; `carriedBy` is the number of the message that already sent it, if any. */
  addLocalChange(carriedBy: number | null, update: Uint8Array | null): void
  /** A sync step 2 numbered `message` was sent: it carries every unassigned change. */
  assignUnassigned(message: number): void
  /** Entries not yet acknowledged, oldest first (to re-send some of them as they are). */
  entries(): readonly OutboxEntry[]
  /** `entry` was sent again in message `message` of this connection. */
  reassign(entry: OutboxEntry, message: number): void
  /**
   * Erasure: a record was removed, so the changes' own bytes (which may hold its values, sealed) leave the phone's
   * storage; the changes stay counted and are carried by the next step 2, they just cannot be re-sent as they were.
   */
  forgetContents(): void
  /** The relay stored the first `count` messages of this connection. */
  acknowledge(count: number): void
  /** The connection closed: its message numbers mean nothing anymore. */
  unassignAll(): void
  destroy(): void
}

/**
 * Row keys are random, not max+1: two tabs of the same collective share the stored outbox, and
 * counters loaded at the same moment would hand out the same keys and overwrite each other's rows.
 */
const randomSeq = (): number => {
  const [high = 0, low = 0] = crypto.getRandomValues(new Uint32Array(2))
  return (high & 0x1fffff) * 2 ** 32 + low // 53 bits: a safe integer
}

export const createOutbox = (
  persistence: OutboxPersistence,
  onError: (error: unknown) => void,
  allocateSeq: () => number = randomSeq,
): Outbox => {
  const entries: Entry[] = []
  const pending = createStore(0)
  let canPersist = false
  let destroyed = false

  const publish = (): void => pending.set(entries.length)
  const persist = (entry: Entry): void => {
    if (!canPersist) return // changes made before loading are written once it is done
    entry.seq = allocateSeq()
    persistence.add(entry.seq, entry.update).catch(onError)
  }

  const loaded = persistence.load().then(
    (changes) => {
      if (destroyed) return
      const stored = changes.map((change): Entry => ({ seq: change.seq, message: null, update: change.update }))
      canPersist = true
      for (const entry of entries) persist(entry)
      entries.unshift(...stored)
      publish()
    },
    (error: unknown) => {
      canPersist = true // keep trying to store new entries; the figure stays true for this session
      onError(error)
    },
  )

  return {
    pending,
    loaded,
    addLocalChange(carriedBy, update) {
      if (destroyed) return
      const entry: Entry = { seq: null, message: carriedBy, update }
      entries.push(entry)
      persist(entry)
      publish()
    },
    assignUnassigned(message) {
      for (const entry of entries) if (entry.message === null) entry.message = message
    },
    entries: () => entries,
    reassign(entry, message) {
      entry.message = message
    },
    forgetContents() {
      for (const entry of entries) {
        if (entry.update === null) continue
        entry.update = null
        if (entry.seq !== null) persistence.add(entry.seq, null).catch(onError)
      }
    },
    acknowledge(count) {
      if (destroyed) return
      const stored = entries.filter((entry) => entry.message !== null && entry.message <= count)
      if (stored.length === 0) return
      const kept = entries.filter((entry) => !stored.includes(entry))
      entries.splice(0, entries.length, ...kept)
      const seqs = stored.flatMap((entry) => (entry.seq === null ? [] : [entry.seq]))
      if (seqs.length > 0) persistence.remove(seqs).catch(onError)
      publish()
    },
    unassignAll() {
      for (const entry of entries) entry.message = null
    },
    destroy() {
      destroyed = true
    },
  }
}

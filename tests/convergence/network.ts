// A simulated network between replicas: updates queued per recipient, delivered out of order, duplicated or dropped.
import * as Y from 'yjs'

/** Origin of updates applied from the network, so they are not re-broadcast as local changes. */
export const NETWORK = Symbol('network')

export interface NetworkOptions {
  readonly dropRate: number
  readonly duplicateRate: number
}

/** Late messages still delivered (shuffled, duplicated) before the final exchange; the rest count as lost. */
const SETTLE_DELIVERIES = 40

/**
 * Delivery picks among the oldest messages of the pool: reordered, but a message is not left
 * behind forever (Yjs re-merges updates waiting for predecessors on every apply: quadratic).
 */
const REORDER_WINDOW = 6

interface Message {
  readonly from: number
  readonly to: number
  readonly update: Uint8Array
}

/**
 * Each replica's local updates go to its outbox; while online, the outbox is posted to every
 * peer. Messages sit in one pool and are delivered in random order; a delivery may drop the
 * message or leave a copy behind (duplicate). A replica coming back online re-exchanges state
 * with one online peer, as a reconnecting client does with the relay.
 */
export class Network {
  private readonly pool: Message[] = []
  /** Dropped messages, resent later (as the outbox resends what the relay never acknowledged). */
  private readonly retries: { message: Message; due: number }[] = []
  private tick = 0
  private readonly outboxes: Uint8Array[][]
  /** Each replica's listener filling its outbox (see receive). */
  private readonly listeners: ((update: Uint8Array, origin: unknown) => void)[]
  readonly offline = new Set<number>()

  constructor(
    private readonly docs: readonly Y.Doc[],
    private readonly random: () => number,
    private readonly options: NetworkOptions,
  ) {
    this.outboxes = docs.map(() => [])
    this.listeners = docs.map((_doc, index) => (update: Uint8Array, origin: unknown) => {
      if (origin !== NETWORK) this.outboxes[index]!.push(update)
    })
    docs.forEach((doc, index) => doc.on('update', this.listeners[index]!))
  }

  /** Posts every online replica's outbox to all its peers (offline replicas keep theirs: retried later). */
  flush(): void {
    this.docs.forEach((_doc, from) => {
      if (this.offline.has(from)) return
      // One message per local change, as y-websocket sends them (Y.mergeUpdates would be super-linear).
      for (const update of this.outboxes[from]!.splice(0)) {
        for (let to = 0; to < this.docs.length; to++) if (to !== from) this.pool.push({ from, to, update })
      }
    })
  }

  /** Delivers up to `count` random messages to online recipients. */
  deliver(count: number): void {
    for (let i = 0; i < count && this.pool.length > 0; i++) {
      const index = Math.floor(this.random() * Math.min(this.pool.length, REORDER_WINDOW))
      const message = this.pool[index]!
      if (this.offline.has(message.to)) continue
      const roll = this.random()
      if (roll < this.options.duplicateRate) this.apply(message) // delivered, and a copy stays in the pool
      else {
        this.pool.splice(index, 1)
        if (roll >= this.options.duplicateRate + this.options.dropRate) this.apply(message)
        else this.retries.push({ message, due: this.tick + 3 + Math.floor(this.random() * 20) }) // dropped
      }
    }
  }

  goOffline(index: number): void {
    this.offline.add(index)
  }

  /** Back online: posts what was written offline and does a state exchange with one online peer. */
  goOnline(index: number): void {
    if (!this.offline.delete(index)) return
    const peers = this.docs.map((_doc, peer) => peer).filter((peer) => peer !== index && !this.offline.has(peer))
    const peer = peers[Math.floor(this.random() * peers.length)]
    if (peer !== undefined) this.exchange(index, peer)
    this.flush()
  }

  /** One step of time: dropped messages whose retry is due go back on the network (at the end of the pool). */
  advance(): void {
    this.tick++
    for (let i = this.retries.length - 1; i >= 0; i--) {
      if (this.retries[i]!.due <= this.tick) this.pool.push(this.retries.splice(i, 1)[0]!.message)
    }
  }

  /**
   * A state exchange between a random online replica and a random online peer, as the sync
   * handshake of a reconnecting client does: it resends what dropped messages lost, and keeps
   * updates from waiting long for their missing predecessors (which Yjs pays for quadratically).
   */
  resync(): void {
    const online = this.docs.map((_doc, index) => index).filter((index) => !this.offline.has(index))
    const a = online[Math.floor(this.random() * online.length)]
    const b = online[Math.floor(this.random() * online.length)]
    if (a !== undefined && b !== undefined && a !== b) this.exchange(a, b)
  }

  /**
   * The end of the run: everyone online, some late messages delivered, then every replica syncs
   * with replica 0 and back, as phones reconnecting to the relay do (lost messages are resent).
   */
  settle(): void {
    for (const index of [...this.offline]) this.goOnline(index)
    this.flush()
    this.deliver(SETTLE_DELIVERIES)
    this.retries.length = 0 // the exchanges below cover them
    for (let index = 1; index < this.docs.length; index++) this.exchange(index, 0)
    for (let index = 1; index < this.docs.length; index++) this.exchange(0, index)
  }

  private apply(message: Message): void {
    this.receive(message.to, message.update)
  }

  /** A state exchange: `to` receives what `from` has and it lacks, then the other way round. */
  private exchange(from: number, to: number): void {
    const [a, b] = [this.docs[from]!, this.docs[to]!]
    this.receive(to, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    this.receive(from, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  }

  /**
   * Applies an update from the network. The outbox listener is detached meanwhile: it would drop the update anyway
   * (origin NETWORK), but while a doc has an 'update' listener Yjs encodes every transaction for it, and about three
   * transactions in four come from the network. Same messages, same order: a seed replays the same run.
   */
  private receive(to: number, update: Uint8Array): void {
    const doc = this.docs[to]!
    doc.off('update', this.listeners[to]!)
    try {
      Y.applyUpdate(doc, update, NETWORK)
    } finally {
      doc.on('update', this.listeners[to]!)
    }
  }
}

// The outbox store contract: what the sync outbox (src/sync/outbox.ts) and the session's rebuild (src/app/session.ts)
// rely on from the store of one collective's waiting changes, run against every implementation
// (tests/unit/sync/outbox-contract.test.ts: Dexie over fake-indexeddb, the in-memory store).
//
// The promises:
// - load() gives back every row, oldest first: the order rows were first added (or given to replaceAll), whatever
//   their seq (seqs are random 53-bit numbers). entries() re-sends the waiting changes in this order.
// - each row keeps its seq and its change's own bytes, as they were when added (a copy; a view into a larger buffer
//   stores just its bytes), or null.
// - add() of a seq already stored replaces its bytes and keeps its place: forgetContents() writes null this way, and
//   the bytes then leave the store (erasure).
// - remove() takes exactly the given seqs; unknown ones are ignored.
// - calls take effect in the order they were made, even when not awaited (the outbox never awaits its writes: an
//   add then a remove of the same seq must not leave the row).
// - replaceAll() swaps every row for the given ones, in their order, all at once for a reader; later adds follow them.
// - a seq the store could not give back (not a non-negative safe integer) is refused, never silently dropped.
// - a durable store keeps all of this across a reopen; the sync outbox over it then counts the waiting changes again,
//   unassigned until the next step 2 carries them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OutboxRows } from '../../../src/storage/device-db.ts'
import { createOutbox, type Outbox, type OutboxPersistence } from '../../../src/sync/outbox.ts'

export interface OutboxStoreUnderTest {
  /** One collective's outbox store. */
  readonly store: OutboxRows
  /** The same collective's rows through a new handle, after the old one was closed (a reload); durable stores only. */
  reopen?(): Promise<OutboxRows>
  /** Every row as stored (durable stores: read around the implementation), to look for bytes that must be gone. */
  rawRows?(): Promise<unknown[]>
  close(): Promise<void> | void
}

type Row = { readonly seq: number; readonly update: Uint8Array | null }

/** Rows with their bytes as plain arrays, so a failure shows which bytes differ. */
const plain = (rows: readonly Row[]): Array<{ seq: number; update: number[] | null }> =>
  rows.map((row) => ({ seq: row.seq, update: row.update === null ? null : [...row.update] }))

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values)

/** Random seqs like the outbox's, in an order that is not the order they are added in. */
const SEQS = [2 ** 53 - 1, 0, 4_242_424_242, 17, 2 ** 40 + 3] as const

/** True when some Uint8Array in `value` (searched through objects and arrays) holds `needle`. */
const holdsBytes = (value: unknown, needle: Uint8Array): boolean => {
  if (value instanceof Uint8Array) {
    for (let at = 0; at + needle.length <= value.length; at++) {
      if (needle.every((byte, index) => value[at + index] === byte)) return true
    }
    return false
  }
  if (value instanceof ArrayBuffer) return holdsBytes(new Uint8Array(value), needle)
  if (Array.isArray(value)) return value.some((item) => holdsBytes(item, needle))
  if (typeof value === 'object' && value !== null) return Object.values(value).some((item) => holdsBytes(item, needle))
  return false
}

/** The store's writes started by the outbox (which never awaits them), so a test can wait for them. */
const tracked = (store: OutboxPersistence): OutboxPersistence & { settled(): Promise<void> } => {
  const inFlight: Array<Promise<unknown>> = []
  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.push(promise)
    return promise
  }
  return {
    load: () => track(store.load()),
    add: (seq, update) => track(store.add(seq, update)),
    remove: (seqs) => track(store.remove(seqs)),
    async settled() {
      while (inFlight.length > 0) await Promise.allSettled(inFlight.splice(0))
    },
  }
}

const failOnError = (error: unknown): never => {
  throw error
}

export const outboxContract = (
  name: string,
  makeStore: () => OutboxStoreUnderTest | Promise<OutboxStoreUnderTest>,
): void => {
  describe(`outbox store contract: ${name}`, () => {
    let subject: OutboxStoreUnderTest
    let store: OutboxRows
    beforeEach(async () => {
      subject = await makeStore()
      store = subject.store
    })
    afterEach(async () => {
      await subject.close()
    })

    describe('the store', () => {
      it('starts empty', async () => {
        expect(await store.load()).toEqual([])
      })

      it('gives back each row with its seq and bytes, in the order rows were added (not by seq)', async () => {
        for (const [index, seq] of SEQS.entries()) await store.add(seq, index === 2 ? null : bytes(index, 1, 2, 3))
        expect(plain(await store.load())).toEqual(SEQS.map((seq, index) => ({ seq, update: index === 2 ? null : [index, 1, 2, 3] })))
      })

      it('keeps the bytes as they were added, and only those (a copy; a view stores just its bytes)', async () => {
        const update = bytes(1, 2, 3)
        await store.add(1, update)
        update[0] = 99 // the caller's array changes after the call
        const buffer = bytes(7, 7, 4, 5, 6, 7, 7)
        await store.add(2, buffer.subarray(2, 5))
        const loaded = await store.load()
        expect(plain(loaded)).toEqual([{ seq: 1, update: [1, 2, 3] }, { seq: 2, update: [4, 5, 6] }])
        for (const row of loaded) {
          expect(row.update).toBeInstanceOf(Uint8Array)
          expect(row.update!.buffer.byteLength, 'a stored change holds no bytes beyond its own').toBe(row.update!.byteLength)
        }
        loaded[0]!.update![0] = 42 // a caller changing what it loaded changes nothing stored
        expect(plain(await store.load())[0]).toEqual({ seq: 1, update: [1, 2, 3] })
      })

      it('a seq added again takes the new bytes and keeps its place (forgetContents writes null so)', async () => {
        await store.add(SEQS[0], bytes(1))
        await store.add(SEQS[1], bytes(2))
        await store.add(SEQS[2], bytes(3))
        await store.add(SEQS[0], null)
        await store.add(SEQS[1], bytes(4))
        expect(plain(await store.load())).toEqual([
          { seq: SEQS[0], update: null },
          { seq: SEQS[1], update: [4] },
          { seq: SEQS[2], update: [3] },
        ])
      })

      it('bytes replaced by null are gone from the store (erasure), not only from what load() returns', async () => {
        const secret = bytes(0xde, 0xad, 0xbe, 0xef, 0x51, 0x7e)
        await store.add(SEQS[3], secret)
        await store.add(SEQS[4], bytes(1, 2))
        await store.add(SEQS[3], null)
        expect(holdsBytes(await store.load(), secret)).toBe(false)
        if (subject.rawRows) {
          const raw = await subject.rawRows()
          expect(raw.length).toBe(2)
          expect(holdsBytes(raw, secret), 'the erased change is still in a stored row').toBe(false)
        }
      })

      it('remove takes exactly the given seqs; unknown ones and an empty list are ignored', async () => {
        for (const seq of SEQS) await store.add(seq, bytes(seq % 256))
        await store.remove([SEQS[1], SEQS[3], 123_456])
        await store.remove([])
        expect((await store.load()).map((row) => row.seq)).toEqual([SEQS[0], SEQS[2], SEQS[4]])
      })

      it('calls take effect in the order they were made, even when not awaited', async () => {
        const calls = [
          store.add(SEQS[0], bytes(1)),
          store.add(SEQS[1], bytes(2)),
          store.remove([SEQS[0]]), // an ack right after the change was stored
          store.add(SEQS[1], null), // an erasure right after the change was stored
          store.add(SEQS[2], bytes(3)),
          store.remove([SEQS[2]]),
          store.add(SEQS[2], bytes(5)), // the same key again after its removal: a new row, last
          store.add(SEQS[3], bytes(4)),
        ]
        const seen = store.load() // made after every write above: sees all of them
        await Promise.all(calls)
        const expected = [{ seq: SEQS[1], update: null }, { seq: SEQS[2], update: [5] }, { seq: SEQS[3], update: [4] }]
        expect(plain(await seen)).toEqual(expected)
        expect(plain(await store.load())).toEqual(expected)
      })

      it('replaceAll swaps every row for the given ones, in their order; later adds come after them', async () => {
        for (const seq of SEQS) await store.add(seq, bytes(1))
        await store.replaceAll([{ seq: SEQS[4], update: bytes(9) }, { seq: 5, update: null }, { seq: SEQS[0], update: bytes(8) }])
        await store.add(3, bytes(7))
        expect(plain(await store.load())).toEqual([
          { seq: SEQS[4], update: [9] },
          { seq: 5, update: null },
          { seq: SEQS[0], update: [8] },
          { seq: 3, update: [7] },
        ])
        await store.replaceAll([])
        expect(await store.load()).toEqual([])
        await store.add(SEQS[2], bytes(6))
        expect(plain(await store.load())).toEqual([{ seq: SEQS[2], update: [6] }])
      })

      it('replaceAll is all at once for a reader: a load sees the old rows or the new ones, never a mix', async () => {
        const old = SEQS.map((seq) => ({ seq, update: bytes(1) }))
        const next = [{ seq: 1, update: bytes(2) }, { seq: 2, update: bytes(3) }]
        await store.replaceAll(old)
        const before = store.load()
        const replacing = store.replaceAll(next)
        const after = store.load()
        await replacing
        expect(plain(await before)).toEqual(plain(old))
        expect(plain(await after)).toEqual(plain(next))
      })

      it('refuses a seq it could not give back (not a non-negative safe integer), and stores nothing for it', async () => {
        for (const seq of [-1, 1.5, 2 ** 53, Number.NaN]) {
          await expect(store.add(seq, bytes(1)), `seq ${seq}`).rejects.toThrow()
        }
        await expect(store.replaceAll([{ seq: 1, update: null }, { seq: -3, update: null }])).rejects.toThrow()
        await store.add(1, bytes(1))
        expect(plain(await store.load())).toEqual([{ seq: 1, update: [1] }])
      })

      it('(durable) keeps every row, its bytes and the order across a reopen', async (context) => {
        if (!subject.reopen) return context.skip('not durable')
        for (const [index, seq] of SEQS.entries()) await store.add(seq, index === 1 ? null : bytes(index, 9))
        await store.remove([SEQS[3]])
        const reopened = await subject.reopen()
        const expected = SEQS.flatMap((seq, index) => (index === 3 ? [] : [{ seq, update: index === 1 ? null : [index, 9] }]))
        expect(plain(await reopened.load())).toEqual(expected)
        await reopened.add(8, bytes(8)) // after a reopen, new rows still come last
        expect(plain(await reopened.load())).toEqual([...expected, { seq: 8, update: [8] }])
      })
    })

    describe('the sync outbox over this store', () => {
      /** V1 updates are not parsed here: any bytes stand for a change. */
      const change = (index: number): Uint8Array => bytes(0xc0, index)
      const open = async (over: OutboxPersistence): Promise<{ outbox: Outbox; writes: ReturnType<typeof tracked> }> => {
        const writes = tracked(over)
        const outbox = createOutbox(writes, failOnError)
        await outbox.loaded
        return { outbox, writes }
      }

      it('stores each counted change with its bytes, oldest first, and an ack removes exactly what it covers', async () => {
        const { outbox, writes } = await open(store)
        outbox.addLocalChange(null, change(0)) // made offline
        outbox.assignUnassigned(1) // the step 2 carries it
        outbox.addLocalChange(2, change(1))
        outbox.addLocalChange(3, change(2))
        outbox.addLocalChange(null, change(3)) // not sent (the socket closed)
        await writes.settled()
        expect((await store.load()).map((row) => [...row.update!])).toEqual([0, 1, 2, 3].map((index) => [...change(index)]))
        outbox.acknowledge(2)
        await writes.settled()
        expect(outbox.pending.get()).toBe(2)
        expect((await store.load()).map((row) => [...row.update!])).toEqual([[...change(2)], [...change(3)]])
        outbox.destroy()
      })

      it('after a reopen, the waiting changes are counted again, oldest first, and wait for the next step 2', async (context) => {
        if (!subject.reopen) return context.skip('not durable')
        const first = await open(store)
        for (let index = 0; index < 6; index++) first.outbox.addLocalChange(index + 1, change(index))
        first.outbox.acknowledge(2)
        await first.writes.settled()
        first.outbox.destroy()
        const { outbox } = await open(await subject.reopen())
        expect(outbox.pending.get()).toBe(4)
        expect(outbox.entries().map((entry) => [...entry.update!])).toEqual([2, 3, 4, 5].map((index) => [...change(index)]))
        expect(outbox.entries().every((entry) => entry.message === null)).toBe(true)
        outbox.acknowledge(10) // no message of this connection carried them yet
        expect(outbox.pending.get()).toBe(4)
        outbox.assignUnassigned(1)
        outbox.acknowledge(1)
        expect(outbox.pending.get()).toBe(0)
        outbox.destroy()
      })

      it('forgetContents: the bytes leave the store, the changes stay counted until acked', async () => {
        const { outbox, writes } = await open(store)
        const secret = bytes(0xde, 0xad, 0xbe, 0xef, 0x51, 0x7e)
        outbox.addLocalChange(null, secret)
        outbox.addLocalChange(null, change(1))
        outbox.forgetContents() // right after: the writes are not awaited in between
        await writes.settled()
        expect(outbox.pending.get()).toBe(2)
        const stored = await store.load()
        expect(stored.map((row) => row.update)).toEqual([null, null])
        if (subject.rawRows) expect(holdsBytes(await subject.rawRows(), secret), 'the erased change is still stored').toBe(false)
        outbox.assignUnassigned(1)
        outbox.acknowledge(1)
        await writes.settled()
        expect(await store.load()).toEqual([])
        outbox.destroy()
      })

      it('replaceAll (a rebuilt copy): the next outbox counts exactly the rebuilt changes', async () => {
        const { outbox, writes } = await open(store)
        for (let index = 0; index < 3; index++) outbox.addLocalChange(null, change(index))
        await writes.settled()
        outbox.destroy()
        await store.replaceAll([{ seq: 11, update: change(7) }])
        await store.add(12, change(8)) // made while the rebuilt copy was being stored
        const next = await open(store)
        expect(next.outbox.pending.get()).toBe(2)
        expect(next.outbox.entries().map((entry) => [...entry.update!])).toEqual([[...change(7)], [...change(8)]])
        next.outbox.destroy()
      })
    })
  })
}

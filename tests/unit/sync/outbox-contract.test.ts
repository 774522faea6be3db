// The outbox store contract (outbox-contract.ts) run against every implementation: Dexie over fake-indexeddb (durable,
// reopened through a new DeviceStore), and the in-memory store. Then the Dexie store's own promises: another
// collective's rows are never touched, rows of version 2 (no position) are read after the upgrade, damaged rows skipped.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { createRoomId } from '../../../src/lib/credentials.ts'
import { openDeviceStore, type DeviceStore } from '../../../src/storage/device-db.ts'
import { createMemoryOutboxStore } from '../../../src/sync/outbox-memory.ts'
import { outboxContract } from './outbox-contract.ts'

let databases = 0
const freshName = (): string => `outbox-contract-${databases++}`
const plain = (rows: ReadonlyArray<{ seq: number; update: Uint8Array | null }>) =>
  rows.map((row) => ({ seq: row.seq, update: row.update === null ? null : [...row.update] }))

outboxContract('Dexie (device-db) over fake-indexeddb', async () => {
  const name = freshName()
  const collectiveId = createRoomId()
  const opened: DeviceStore[] = [openDeviceStore(name)]
  // Another collective's rows in the same table: no call of the contract may touch them.
  const neighbour = createRoomId()
  const neighbourRows = [{ seq: 0, update: Uint8Array.from([1]) }, { seq: 2 ** 53 - 1, update: null }, { seq: 17, update: Uint8Array.from([2]) }]
  await opened[0]!.outbox(neighbour).replaceAll(neighbourRows)
  return {
    store: opened[0]!.outbox(collectiveId),
    async reopen() {
      opened.at(-1)!.close()
      opened.push(openDeviceStore(name))
      return opened.at(-1)!.outbox(collectiveId)
    },
    async rawRows() {
      const raw = new Dexie(name)
      try {
        await raw.open()
        return await raw.table('outbox').where('collectiveId').equals(collectiveId).toArray()
      } finally {
        raw.close()
      }
    },
    async close() {
      const last = opened.at(-1)!
      expect(plain(await last.outbox(neighbour).load()), 'another collective’s rows changed').toEqual(plain(neighbourRows))
      for (const store of opened) store.close()
    },
  }
})

outboxContract('in-memory (src/sync/outbox-memory.ts)', () => ({ store: createMemoryOutboxStore(), close() {} }))

describe('Dexie outbox store: its own promises', () => {
  const opened: Array<{ close(): void }> = []
  afterEach(() => {
    for (const db of opened.splice(0)) db.close()
  })
  const V2_STORES = { collectives: 'id, joinedAt', preferences: 'key', outbox: '[collectiveId+seq], collectiveId' }

  it('rows of version 2 (no position) come first, by seq as before, then the rows added after the upgrade', async () => {
    const name = freshName()
    const collectiveId = createRoomId()
    const v2 = new Dexie(name)
    v2.version(2).stores(V2_STORES)
    await v2.table('outbox').bulkPut([
      { collectiveId, seq: 900, update: Uint8Array.from([9]) },
      { collectiveId, seq: 5 },
      { collectiveId, seq: 70, update: Uint8Array.from([7]) },
    ])
    v2.close()
    const store = openDeviceStore(name)
    opened.push(store)
    const outbox = store.outbox(collectiveId)
    await outbox.add(1, Uint8Array.from([1]))
    await outbox.add(70, null) // an old row's bytes forgotten: it keeps its place
    expect(plain(await outbox.load())).toEqual([
      { seq: 5, update: null },
      { seq: 70, update: null },
      { seq: 900, update: [9] },
      { seq: 1, update: [1] },
    ])
  })

  it('skips a damaged row instead of failing the whole load', async () => {
    const name = freshName()
    const collectiveId = createRoomId()
    const store = openDeviceStore(name)
    opened.push(store)
    await store.outbox(collectiveId).add(3, Uint8Array.from([3]))
    const raw = new Dexie(name)
    opened.push(raw)
    await raw.open()
    await raw.table('outbox').put({ collectiveId, seq: 4, update: 'not bytes', position: 1 })
    expect(plain(await store.outbox(collectiveId).load())).toEqual([{ seq: 3, update: [3] }])
  })
})

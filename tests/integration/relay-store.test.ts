// The StorageAdapter contract, run against every implementation (file store, memory store), plus the file
// store's crash recovery: a torn or corrupt log tail is cut off and earlier records survive.
import { appendFile, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { StorageAdapter } from '../../server/store/adapter.ts'
import { crc32 } from '../../server/store/crc32.ts'
import { createFileStore } from '../../server/store/file-store.ts'
import { createMemoryStore } from '../../server/store/memory-store.ts'
import { openRoomLog } from '../../server/store/room-log.ts'
import { createRoomId } from '../../src/lib/credentials.ts'

const META = { tokenHash: 'hash-of-a-token', createdAt: '2026-01-01T00:00:00.000Z' }

/** Updates that each add one key, and the doc rebuilt from stored updates. */
const keyUpdates = (count: number, prefix = 'k'): Uint8Array[] => {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) doc.getMap('m').set(`${prefix}${i}`, i)
  return updates
}
const keysOf = (updates: Uint8Array[]): string[] => {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return [...doc.getMap('m').keys()].sort()
}

const adapters: Array<{ name: string; create: (dir: string) => StorageAdapter }> = [
  { name: 'file store', create: (dir) => createFileStore(dir) },
  { name: 'memory store', create: () => createMemoryStore() },
]

for (const { name, create } of adapters) {
  describe(`StorageAdapter contract: ${name}`, () => {
    let dir: string
    let store: StorageAdapter
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'pedibus-store-'))
      store = create(dir)
    })
    afterEach(async () => {
      await store.close()
      await store.close() // safe twice
      await rm(dir, { recursive: true, force: true })
    })

    it('knows no room before it is created, and keeps the first meta on a second create', async () => {
      const roomId = createRoomId()
      expect(await store.readMeta(roomId)).toBeNull()
      expect(await store.createRoom(roomId, META)).toEqual({ created: true, meta: META })
      expect(await store.createRoom(roomId, { ...META, tokenHash: 'other' })).toEqual({ created: false, meta: META })
      expect(await store.readMeta(roomId)).toEqual(META)
    })

    it('returns appended updates in order, including concurrent appends', async () => {
      const roomId = createRoomId()
      await store.createRoom(roomId, META)
      const updates = keyUpdates(100)
      await Promise.all(updates.map((update) => store.append(roomId, update)))
      await store.flush(roomId)
      const loaded = await store.loadUpdates(roomId)
      expect(loaded.map((u) => [...u])).toEqual(updates.map((u) => [...u]))
    })

    it('keeps every key through compaction, and shrinks the log to nothing', async () => {
      const roomId = createRoomId()
      await store.createRoom(roomId, META)
      for (const update of keyUpdates(50)) await store.append(roomId, update)
      expect(store.logSize(roomId)).toBeGreaterThan(0)
      await store.compact(roomId)
      expect(store.logSize(roomId)).toBe(0)
      for (const update of keyUpdates(5, 'after')) await store.append(roomId, update)
      const keys = keysOf(await store.loadUpdates(roomId))
      expect(keys).toHaveLength(55)
    })

    it('keeps rooms apart', async () => {
      const [first, second] = [createRoomId(), createRoomId()]
      await store.createRoom(first, META)
      await store.createRoom(second, META)
      await store.append(first, keyUpdates(1, 'first')[0]!)
      expect(keysOf(await store.loadUpdates(second))).toEqual([])
      await store.release(first)
      expect(keysOf(await store.loadUpdates(first))).toEqual(['first0'])
    })
  })
}

describe('file store recovery', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pedibus-store-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const writeRoom = async (count: number) => {
    const roomId = createRoomId()
    const store = createFileStore(dir)
    await store.createRoom(roomId, META)
    for (const update of keyUpdates(count)) await store.append(roomId, update)
    await store.close()
    return { roomId, log: join(dir, 'rooms', roomId, 'log.bin') }
  }

  it('cuts a torn tail (half-written record) and keeps appending after it', async () => {
    const { roomId, log } = await writeRoom(10)
    const size = (await stat(log)).size
    await truncate(log, size - 3)
    const store = createFileStore(dir)
    expect(keysOf(await store.loadUpdates(roomId))).toHaveLength(9)
    await store.append(roomId, keyUpdates(1, 'new')[0]!)
    await store.close()
    const reopened = createFileStore(dir)
    expect(keysOf(await reopened.loadUpdates(roomId))).toContain('new0')
    await reopened.close()
  })

  it('cuts a record whose checksum does not match, and everything after it', async () => {
    const { roomId, log } = await writeRoom(10)
    const bytes = await readFile(log)
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1) // corrupt the last record's payload
    await writeFile(log, bytes)
    await appendFile(log, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9])) // plus garbage after it
    const store = createFileStore(dir)
    expect(keysOf(await store.loadUpdates(roomId))).toHaveLength(9)
    await store.close()
    expect((await stat(log)).size).toBeLessThan(bytes.length)
  })

  it('shares one fsync among appends that arrive while another fsync runs (group commit)', async () => {
    const log = await openRoomLog(join(dir, 'group.log'))
    const updates = keyUpdates(200)
    await Promise.all(updates.map((update) => log.append(update)))
    expect(log.syncCount()).toBeGreaterThan(0)
    expect(log.syncCount()).toBeLessThan(10)
    expect(keysOf(await log.readAll())).toHaveLength(200)
    await log.close()
    await log.close()
  })

  it('computes CRC-32 like zlib', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array())).toBe(0)
  })

  it('refuses room ids that could escape the data dir', async () => {
    const store = createFileStore(dir)
    await expect(store.readMeta('../../etc')).rejects.toThrow()
    await store.close()
  })
})

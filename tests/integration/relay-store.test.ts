// The StorageAdapter contract, run against every implementation (file store, memory store, engine store), plus the file
// store's own promises: write-ahead log replay after a crash, torn tails cut, group commit across rooms, failed
// writes never acknowledged, compactions checked before they replace anything, rooms of the previous version read.
import { appendFile, mkdir, mkdtemp, open, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { StorageAdapter } from '../../server/store/adapter.ts'
import { crc32 } from '../../server/store/crc32.ts'
import { createFileStore } from '../../server/store/file-store.ts'
import { createMemoryStore } from '../../server/store/memory-store.ts'
import { fsError, NO_FAULTS } from '../../server/store/fs-util.ts'
import { encodeRecord } from '../../server/store/records.ts'
import { openWal } from '../../server/store/wal.ts'
import { walRecordCount } from '../helpers/relay.ts'
import { startEngine, type TestEngine } from '../helpers/engine.ts'
import { connectEngine } from '../../server/engine/engine.ts'
import { createEngineStore } from '../../server/engine/engine-store.ts'
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

let engine: TestEngine | null = null
afterAll(async () => engine?.stop())

/** The engine store on a fresh key prefix of one engine started for this file (each test sees an empty engine). */
const createEngineStoreForTest = async (): Promise<StorageAdapter> => {
  engine ??= await startEngine()
  const prefix = `t${createRoomId().slice(0, 8)}:`
  return createEngineStore(await connectEngine({ url: engine.url, prefix }), { aofRewriteDelayMs: 0 })
}

const adapters: Array<{ name: string; create: (dir: string) => StorageAdapter | Promise<StorageAdapter> }> = [
  { name: 'file store', create: (dir) => createFileStore(dir) },
  { name: 'memory store', create: () => createMemoryStore() },
  { name: 'engine store', create: () => createEngineStoreForTest() },
]

for (const { name, create } of adapters) {
  describe(`StorageAdapter contract: ${name}`, () => {
    let dir: string
    let store: StorageAdapter
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'pedibus-store-'))
      store = await create(dir)
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

    it('records archivedAt once; never archives a renewed room nor renews an archived one', async () => {
      const [archived, renewed, raced] = [createRoomId(), createRoomId(), createRoomId()]
      const [first, later] = ['2026-06-30T00:00:00.000Z', '2026-07-01T00:00:00.000Z']
      expect(await store.markArchived(archived, first)).toBe(false) // unknown room
      expect(await store.readMeta(archived)).toBeNull()
      for (const roomId of [archived, renewed, raced]) await store.createRoom(roomId, META)

      expect(await store.markArchived(archived, first)).toBe(true)
      expect(await store.markArchived(archived, later)).toBe(true) // idempotent: the first archivedAt counts
      expect(await store.readMeta(archived)).toEqual({ ...META, archivedAt: first })
      expect(await store.markRenewed(archived, later)).toEqual({ ...META, archivedAt: first }) // not renewed
      await store.markUsed(archived, '2026-07-02')
      expect(await store.readMeta(archived)).toEqual({ ...META, archivedAt: first, usedOn: '2026-07-02' })

      await store.markRenewed(renewed, first)
      expect(await store.markArchived(renewed, later)).toBe(false)
      expect(await store.readMeta(renewed)).toEqual({ ...META, renewedAt: first })

      // Both at once: exactly one of them is stored.
      await Promise.all([store.markArchived(raced, first), store.markRenewed(raced, first)])
      const meta = await store.readMeta(raced)
      expect([meta?.archivedAt, meta?.renewedAt].filter((at) => at !== undefined)).toEqual([first])

      const tombstone = { roomId: archived, archivedAt: first, deletedAt: later, reason: 'archived' } as const
      await store.writeTombstone(tombstone)
      expect(await store.readTombstone(archived)).toEqual(tombstone)
    })

    it('files and removes readers in the meta (issue 18), and none for an unknown room', async () => {
      const roomId = createRoomId()
      const reader = { id: 'r'.repeat(22), tokenHash: 'h'.repeat(43), createdAt: '2026-09-01T00:00:00.000Z' }
      expect(await store.updateReaders(roomId, (current) => [...current, reader])).toBeNull()
      expect(await store.readMeta(roomId)).toBeNull()
      await store.createRoom(roomId, META)
      const second = { ...reader, id: 's'.repeat(22) }
      await Promise.all([reader, second].map((added) => store.updateReaders(roomId, (current) => [...current, added])))
      expect((await store.readMeta(roomId))?.readers?.map((stored) => stored.id).sort()).toEqual([reader.id, second.id])
      await store.markUsed(roomId, '2026-09-02') // other meta writes keep the readers
      expect((await store.readMeta(roomId))?.readers).toHaveLength(2)
      await store.updateReaders(roomId, (current) => current.filter((stored) => stored.id !== reader.id))
      expect((await store.readMeta(roomId))?.readers).toEqual([second])
      await store.updateReaders(roomId, () => [])
      expect(await store.readMeta(roomId)).toEqual({ ...META, usedOn: '2026-09-02' })
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

describe('file store: write-ahead log, room files, recovery', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pedibus-store-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  /** A room written and closed cleanly: its records are in updates.bin, the WAL is empty. */
  const writeRoom = async (count: number) => {
    const roomId = createRoomId()
    const store = createFileStore(dir)
    await store.createRoom(roomId, META)
    for (const update of keyUpdates(count)) await store.append(roomId, update)
    await store.close()
    return { roomId, log: join(dir, 'rooms', roomId, 'updates.bin') }
  }

  it('cuts a torn tail of a room log (half-written record) and keeps appending after it', async () => {
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

  it('writes archivedAt as an atomic meta write: kept after a reopen, nothing stored when it fails', async () => {
    const [roomId, failed] = [createRoomId(), createRoomId()]
    let failing = false
    const check = (operation: string): void => {
      if (failing && operation === 'meta') throw fsError('EIO')
    }
    const store = createFileStore(dir, { faults: { check } })
    for (const id of [roomId, failed]) await store.createRoom(id, META)
    expect(await store.markArchived(roomId, '2026-06-30T00:00:00.000Z')).toBe(true)
    failing = true
    await expect(store.markArchived(failed, '2026-06-30T00:00:00.000Z')).rejects.toThrow('EIO')
    await store.close()
    const reopened = createFileStore(dir)
    expect(await reopened.readMeta(roomId)).toEqual({ ...META, archivedAt: '2026-06-30T00:00:00.000Z' })
    expect(await reopened.readMeta(failed)).toEqual(META)
    await reopened.close()
  })

  it('replays what only the write-ahead log holds after a crash, once, then empties it', async () => {
    const roomId = createRoomId()
    const crashed = createFileStore(dir, { checkpointMs: 0 }) // never copies into the room's files by itself
    await crashed.createRoom(roomId, META)
    for (const update of keyUpdates(20)) await crashed.append(roomId, update)
    expect((await stat(join(dir, 'rooms', roomId, 'updates.bin')).catch(() => ({ size: 0 }))).size).toBe(0)
    // No close(): the process died. A new store on the same directory recovers every acknowledged append.
    const store = createFileStore(dir)
    expect(keysOf(await store.loadUpdates(roomId))).toHaveLength(20)
    expect(await walRecordCount(dir)).toBe(0)
    await store.close()
    const again = createFileStore(dir)
    expect(await again.loadUpdates(roomId)).toHaveLength(20) // replayed once: no duplicate records
    await again.close()
  })

  it('keeps the whole records of a torn write-ahead log segment', async () => {
    const roomId = createRoomId()
    const crashed = createFileStore(dir, { checkpointMs: 0 })
    await crashed.createRoom(roomId, META)
    for (const update of keyUpdates(5)) await crashed.append(roomId, update)
    // The segment that holds them (the others are prepared, all zeros), and where its last batch ends.
    let torn: { path: string; end: number } | null = null
    for (const name of (await readdir(join(dir, 'wal'))).sort()) {
      const bytes = await readFile(join(dir, 'wal', name))
      let end = 0
      while (end + 8 <= bytes.length && bytes.readUInt32LE(end) > 0) end += 8 + bytes.readUInt32LE(end)
      if (end > 0) torn = { path: join(dir, 'wal', name), end }
    }
    if (!torn) throw new Error('no segment holds the records')
    // A crash in the middle of the next batch: its header and a few bytes, then the zeros of the segment.
    const handle = await open(torn.path, 'r+')
    await handle.write(Buffer.from([200, 0, 0, 0, 1, 2, 3, 4, 9, 9]), 0, 10, torn.end)
    await handle.close()
    const store = createFileStore(dir)
    expect(keysOf(await store.loadUpdates(roomId))).toHaveLength(5)
    await store.close()
  })

  it('shares one fdatasync among appends of many rooms that arrive together (group commit)', async () => {
    const { wal } = await openWal(join(dir, 'wal'), NO_FAULTS)
    const rooms = Array.from({ length: 20 }, () => createRoomId())
    const updates = keyUpdates(200)
    await Promise.all(updates.map((update, i) => wal.append({ roomId: rooms[i % rooms.length]!, seq: i + 1, update })))
    expect(wal.syncCount()).toBeGreaterThan(0)
    expect(wal.syncCount()).toBeLessThan(10)
    await wal.close()
  })

  it('acknowledges nothing of a batch whose write fails, and keeps serving once the disk has room again', async () => {
    let failing: 'wal' | 'walSync' | null = null
    const store = createFileStore(dir, { faults: { check: (operation) => { if (operation === failing) throw fsError('ENOSPC') } } })
    const roomId = createRoomId()
    await store.createRoom(roomId, META)
    const updates = keyUpdates(30)
    for (const update of updates.slice(0, 10)) await store.append(roomId, update)
    for (const operation of ['wal', 'walSync'] as const) {
      failing = operation
      const results = await Promise.allSettled(updates.slice(10, 20).map((update) => store.append(roomId, update)))
      expect(results.every((result) => result.status === 'rejected')).toBe(true)
    }
    failing = null
    for (const update of updates.slice(20)) await store.append(roomId, update)
    const stored = keysOf(await store.loadUpdates(roomId))
    expect(stored).toEqual(keysOf([...updates.slice(0, 10), ...updates.slice(20)]))
    await store.close()
    const reopened = createFileStore(dir)
    expect(keysOf(await reopened.loadUpdates(roomId))).toEqual(stored) // nothing half-written came back either
    await reopened.close()
  })

  it('keeps the room as it was when a compaction cannot check its snapshot, and when the snapshot write fails', async () => {
    let failing = false
    const store = createFileStore(dir, { faults: { check: (operation) => { if (failing && operation === 'snapshot') throw fsError('EIO') } } })
    const roomId = createRoomId()
    await store.createRoom(roomId, META)
    for (const update of keyUpdates(10)) await store.append(roomId, update)
    failing = true
    await expect(store.compact(roomId)).rejects.toThrow(/EIO/)
    failing = false
    expect(keysOf(await store.loadUpdates(roomId))).toHaveLength(10)
    await store.close()
    // A stored record Yjs cannot read: the compaction refuses to replace anything, the records stay.
    const log = join(dir, 'rooms', roomId, 'updates.bin')
    await appendFile(log, encodeRecord(Buffer.concat([Buffer.from([99]), Buffer.from([1, 1, 200, 200, 200, 1, 0])])))
    const reopened = createFileStore(dir)
    await expect(reopened.compact(roomId)).rejects.toThrow()
    expect(await reopened.loadUpdates(roomId)).toHaveLength(11)
    await reopened.close()
  })

  it('reads rooms stored by the previous version (snapshot.bin, log.bin) and folds them into state.bin', async () => {
    const roomId = createRoomId()
    const roomDir = join(dir, 'rooms', roomId)
    await mkdir(roomDir, { recursive: true })
    await writeFile(join(roomDir, 'meta.json'), JSON.stringify(META))
    const updates = keyUpdates(12)
    const snapshot = new Y.Doc()
    for (const update of updates.slice(0, 8)) Y.applyUpdate(snapshot, update)
    await writeFile(join(roomDir, 'snapshot.bin'), encodeRecord(Y.encodeStateAsUpdate(snapshot)))
    await writeFile(join(roomDir, 'log.bin'), Buffer.concat(updates.slice(8).map((update) => encodeRecord(update))))
    const store = createFileStore(dir)
    expect(keysOf(await store.loadUpdates(roomId))).toHaveLength(12)
    await store.append(roomId, keyUpdates(1, 'new')[0]!)
    await store.compact(roomId)
    expect((await readdir(roomDir)).sort()).toEqual(['meta.json', 'state.bin', 'updates.bin'])
    await store.close()
    const reopened = createFileStore(dir)
    expect(keysOf(await reopened.loadUpdates(roomId))).toHaveLength(13)
    await reopened.close()
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

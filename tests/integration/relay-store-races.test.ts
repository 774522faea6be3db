// Races of the file store found in review: a record made durable while the checkpointer writes a room's log, an
// append in flight when its room is released, and a rejected write still landing after the write-ahead log was cut
// back. Each loses an acknowledged update without the guard it tests (file-store.ts forgetIfIdle and flushRoom's
// copy, wal.ts fail() waiting for the rejected writes).
import { cp, mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createFileStore } from '../../server/store/file-store.ts'
import { fsError } from '../../server/store/fs-util.ts'
import { createRoomId } from '../../src/lib/credentials.ts'

const META = { tokenHash: 'hash-of-a-token', createdAt: '2026-01-01T00:00:00.000Z' }

const keyUpdates = (count: number): Uint8Array[] => {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) doc.getMap('m').set(`k${i}`, i)
  return updates
}
const keysOf = (updates: Uint8Array[]): string[] => {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return [...doc.getMap('m').keys()].sort()
}

const valueUpdate = (key: string, bytes: number): Uint8Array => {
  const doc = new Y.Doc()
  let update: Uint8Array | null = null
  doc.on('update', (u: Uint8Array) => { update = u })
  doc.getMap('m').set(key, 'x'.repeat(bytes))
  return update!
}

let dir = ''
let dirs: string[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const path of [dir, ...dirs]) if (path) await rm(path, { recursive: true, force: true })
  dir = ''
  dirs = []
})

const deferred = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => { resolve = r })
  return { promise, resolve }
}

it('an update made durable while the checkpointer writes the room log survives a restart', async () => {
  dir = await mkdtemp(join(tmpdir(), 'pedibus-review-'))
  const roomId = createRoomId()
  const [first, racing, last] = keyUpdates(3) as [Uint8Array, Uint8Array, Uint8Array]
  const store = createFileStore(dir, { checkpointMs: 0 })
  await store.createRoom(roomId, META)
  await store.append(roomId, first) // opens the room's files: later appends take the fast path

  // The room log's fdatasync of the checkpoint: an append becomes durable (acknowledged) meanwhile.
  const probe = await open(join(dir, 'probe'), 'w')
  const proto = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> }
  await probe.close()
  const original = proto.datasync
  let armed = true
  let racingDurable: Promise<void> | null = null
  vi.spyOn(proto, 'datasync').mockImplementation(async function (this: unknown) {
    if (armed) {
      armed = false
      racingDurable = store.append(roomId, racing)
      await racingDurable // the relay would ack it now
    }
    return original.call(this)
  })
  await store.checkpoint()
  expect(racingDurable).not.toBeNull()
  await racingDurable
  vi.restoreAllMocks()

  await store.append(roomId, last)
  await store.checkpoint() // the segment that held `racing` is deleted here
  await store.close() // no compaction: what a crash after this point leaves

  const reopened = createFileStore(dir, { checkpointMs: 0 })
  const keys = keysOf(await reopened.loadUpdates(roomId))
  await reopened.close()
  expect(keys).toEqual(['k0', 'k1', 'k2'])
})

it('an append in flight when the room is released is still stored', async () => {
  dir = await mkdtemp(join(tmpdir(), 'pedibus-review-'))
  const roomId = createRoomId()
  const [u0, u1, u2] = keyUpdates(3) as [Uint8Array, Uint8Array, Uint8Array]
  const store = createFileStore(dir, { checkpointMs: 0 })
  await store.createRoom(roomId, META)
  await store.append(roomId, u0)
  await store.checkpoint() // nothing unflushed

  // Hold the next WAL write until the release is done (a slow disk).
  const probe = await open(join(dir, 'probe'), 'w')
  const proto = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> }
  await probe.close()
  const original = proto.write
  let entered!: () => void
  const writing = new Promise<void>((resolve) => { entered = resolve })
  let open_!: () => void
  const gate = new Promise<void>((resolve) => { open_ = resolve })
  let armed = true
  await new Promise((resolve) => setTimeout(resolve, 200)) // the spare segment's zeros are written
  vi.spyOn(proto, 'write').mockImplementation(async function (this: unknown, ...args: unknown[]) {
    if ((args[0] as Uint8Array).length >= 1024 * 1024) return original.apply(this, args) // a spare's zeros
    if (armed) {
      armed = false
      entered()
      await gate
    }
    return original.apply(this, args)
  })

  const inFlight = store.append(roomId, u1)
  await writing
  await store.release(roomId) // the old instance of a reset room being freed
  open_()
  await inFlight // durable: the relay acknowledges it
  vi.restoreAllMocks()

  await store.append(roomId, u2)
  await store.checkpoint()
  await store.close()

  const reopened = createFileStore(dir, { checkpointMs: 0 })
  const keys = keysOf(await reopened.loadUpdates(roomId))
  await reopened.close()
  expect(keys).toEqual(['k0', 'k1', 'k2'])
})

it('a rejected write still in flight never overwrites a batch acknowledged after the cut', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pedibus-review-'))
  const crashed = await mkdtemp(join(tmpdir(), 'pedibus-review-crash-'))
  dirs = [dir, crashed]
  const broken = createRoomId()
  const other = createRoomId()
  const store = createFileStore(dir, { checkpointMs: 0 })
  await store.open()
  await store.createRoom(broken, META)
  await store.createRoom(other, META)
  await store.append(broken, valueUpdate('warm', 1)) // room files open, first segment written
  await store.checkpoint() // a fresh, empty segment: offsets start at 0

  const probe = await open(join(dir, 'probe'), 'w')
  const proto = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> }
  await probe.close()
  const original = proto.write
  const gateA = deferred()
  const gateB = deferred()
  const enteredB = deferred()
  let calls = 0
  await new Promise((resolve) => setTimeout(resolve, 200)) // the spare segment's zeros are written
  vi.spyOn(proto, 'write').mockImplementation(async function (this: unknown, ...args: unknown[]) {
    if ((args[0] as Uint8Array).length >= 1024 * 1024) return original.apply(this, args) // a spare's zeros
    const call = ++calls
    if (call === 1) { // batch A: the disk fails it
      await gateA.promise
      throw fsError('EIO')
    }
    if (call === 2) { // batch B: still being written when A fails
      enteredB.resolve()
      await gateB.promise
    }
    return original.apply(this, args)
  })

  const a = store.append(broken, valueUpdate('a', 10)).catch((error: unknown) => error)
  await new Promise((resolve) => setImmediate(resolve))
  const b = store.append(broken, valueUpdate('b', 10)).catch((error: unknown) => error)
  await enteredB.promise
  gateA.resolve()
  expect(await a).toBeInstanceOf(Error)
  expect(await b).toBeInstanceOf(Error)
  // Appended while the rejected write is still on its way: it must wait for that write to end (and the cut).
  const acked = store.append(other, valueUpdate('acked', 400))
  await new Promise((resolve) => setTimeout(resolve, 50))
  gateB.resolve() // the rejected write lands now
  await acked // written at the cut point, after it, and acknowledged
  await new Promise((resolve) => setTimeout(resolve, 50))
  vi.restoreAllMocks()

  await cp(dir, crashed, { recursive: true }) // the disk as a crash would leave it, before any checkpoint
  await store.close()
  const reopened = createFileStore(crashed, { checkpointMs: 0 })
  const doc = new Y.Doc()
  for (const update of await reopened.loadUpdates(other)) Y.applyUpdate(doc, update)
  await reopened.close()
  expect(doc.getMap('m').has('acked')).toBe(true)
})

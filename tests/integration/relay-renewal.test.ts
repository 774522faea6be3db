// Renewal (issues 6, 16) and archive (issue 14) on the relay: POST /renew/<roomId> or /archive/<roomId> with the room
// token. An archive makes the room read-only, durably: phones still read it and get MESSAGE_ROOM_ARCHIVED; their
// updates are neither stored, forwarded nor acked. A renewal closes the door at once: connected phones get
// MESSAGE_ROOM_MOVED, then every socket is closed with 4410 and the room's files are deleted behind a tombstone: no
// document content is served to anyone any more. A room is renewed or archived, never both (409).
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  ARCHIVE_PATH_PREFIX, CloseCode, MESSAGE_ROOM_ARCHIVED, MESSAGE_ROOM_MOVED, RENEW_PATH_PREFIX, SYNC_STEP1,
  SYNC_STEP2, SYNC_UPDATE, TOKEN_HEADER,
} from '../../src/lib/relay-protocol.ts'
import { createLogger } from '../../server/log.ts'
import { createMetrics } from '../../server/metrics.ts'
import { createRoomRegistry, RoomMovedError } from '../../server/rooms.ts'
import type { StorageAdapter } from '../../server/store/adapter.ts'
import { createFileStore } from '../../server/store/file-store.ts'
import { createMemoryStore } from '../../server/store/memory-store.ts'
import { createRoomId } from '../../src/lib/credentials.ts'
import {
  connectProvider, createTestRoom, docFromFrames as docFrom, foreignUpdate, frameKinds as kinds, isBareFrame, lastAck,
  openRawClient, openReader as openSyncedReader, relayProtocols, roundTrip, spawnRelay, startRelay, syncFrame, waitFor,
  writeKeysRaw as writeKeys, type RawClient, type RelayOptions, type TestRoom,
} from '../helpers/relay.ts'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const started = async (options: RelayOptions = {}) => {
  const relay = await startRelay(options)
  cleanups.push(() => relay.stop())
  return relay
}

const ownDataDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'pedibus-renewal-'))
  cleanups.unshift(() => rm(dir, { recursive: true, force: true })) // removed after the relays stop
  return dir
}

/** The two ways to freeze a room: the same token-checked POST, each with its own mark, frame and counters. */
const KINDS = [
  {
    name: 'renewal', prefix: RENEW_PATH_PREFIX, field: 'renewedAt', frame: MESSAGE_ROOM_MOVED,
    done: 'roomsRenewed', refused: 'renewalsRefused', event: 'room.renewed',
  },
  {
    name: 'archive', prefix: ARCHIVE_PATH_PREFIX, field: 'archivedAt', frame: MESSAGE_ROOM_ARCHIVED,
    done: 'roomsArchived', refused: 'archivesRefused', event: 'room.archived',
  },
] as const
type Kind = (typeof KINDS)[number]
const [RENEWAL, ARCHIVE] = KINDS

const post = (url: string, kind: Kind, roomId: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${url}${kind.prefix}${roomId}`, {
    method: 'POST',
    headers: { ...(token === undefined ? {} : { [TOKEN_HEADER]: token }), ...headers },
    body: 'ignored',
  })
const renew = (url: string, roomId: string, token?: string): Promise<Response> => post(url, RENEWAL, roomId, token)

const isRoomMoved = (frame: Uint8Array): boolean => isBareFrame(frame, MESSAGE_ROOM_MOVED)

/** A reader (openReader) closed when the test ends. */
const openReader = async (wsUrl: string, room: TestRoom, options: { register?: boolean } = {}): Promise<RawClient> => {
  const client = await openSyncedReader(wsUrl, room, options)
  cleanups.push(async () => {
    client.ws.close()
    await client.closed
  })
  return client
}

const keysOf = (doc: Y.Doc): string[] => [...doc.getMap('m').keys()].sort()
const keysIn = (client: RawClient): string[] => keysOf(docFrom(client.received))

const readMeta = async (dataDir: string, room: TestRoom): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(join(dataDir, 'rooms', room.roomId, 'meta.json'), 'utf8')) as Record<string, unknown>

for (const kind of KINDS) {
  const other = kind === RENEWAL ? ARCHIVE : RENEWAL
  const isTold = (frame: Uint8Array): boolean => isBareFrame(frame, kind.frame)
  const isToldOther = (frame: Uint8Array): boolean => isBareFrame(frame, other.frame)
  // A renewed room is not kept read-only but closed at once: see "relay renewal closes the door" below.
  const archiveOnly = (name: string, test: () => Promise<void>): void => {
    if (kind === ARCHIVE) it(name, test)
  }

  describe(`relay ${kind.name}: POST ${kind.prefix}<roomId>`, () => {
    it('refuses a bad or missing token (401), an unknown room (404), a GET (405); the room stays open', async () => {
      const relay = await started()
      const room = await createTestRoom()
      const stranger = await createTestRoom()
      await writeKeys(relay.wsUrl, room, ['a'], true)

      expect((await post(relay.url, kind, room.roomId)).status).toBe(401)
      expect((await post(relay.url, kind, room.roomId, stranger.token)).status).toBe(401)
      expect((await post(relay.url, kind, room.roomId, 'not-a-token')).status).toBe(401)
      expect((await post(relay.url, kind, stranger.roomId, stranger.token)).status).toBe(404)
      expect((await post(relay.url, kind, 'bad-id', room.token)).status).toBe(404)
      const get = await fetch(`${relay.url}${kind.prefix}${room.roomId}`, { headers: { [TOKEN_HEADER]: room.token } })
      expect(get.status).toBe(405)
      expect(get.headers.get('allow')).toBe('POST, OPTIONS')

      await writeKeys(relay.wsUrl, room, ['b'])
      const reader = await openReader(relay.wsUrl, room)
      await waitFor(() => keysIn(reader).length === 2, 'both keys')
      expect(reader.received.some((frame) => isTold(frame) || isToldOther(frame))).toBe(false)
      expect(await readMeta(relay.dataDir, room)).not.toHaveProperty(kind.field)
      expect(relay.relay.health().counters).toMatchObject({ [kind.done]: 0, [kind.refused]: 5 })
    })

    archiveOnly('freezes the room: the whole document and its frame, updates neither stored, forwarded nor acked', async () => {
      const dataDir = await ownDataDir()
      let relay = await startRelay({ dataDir })
      const room = await createTestRoom()
      await writeKeys(relay.wsUrl, room, ['a', 'b', 'c'], true)
      const watcher = await openReader(relay.wsUrl, room) // connected before and during the freeze
      await waitFor(() => keysIn(watcher).length === 3, 'watcher synced')

      expect((await post(relay.url, kind, room.roomId, room.token)).status).toBe(204)
      expect((await post(relay.url, kind, room.roomId, room.token)).status).toBe(204) // idempotent
      await waitFor(() => watcher.received.some(isTold), 'connected socket told at once')
      const meta = await readMeta(dataDir, room)
      expect(meta).toMatchObject({ [kind.field]: expect.any(String) })
      expect(meta).not.toHaveProperty(other.field)
      const frozenAt = meta[kind.field]
      expect(watcher.received.filter(isTold)).toHaveLength(1) // told once
      expect(watcher.received.some(isToldOther)).toBe(false)

      // Registering again (the app always offers it) is no new room: the same read-only room.
      const reader = await openReader(relay.wsUrl, room, { register: true })
      await waitFor(() => reader.received.some(isTold) && keysIn(reader).length === 3, 'reader got doc and frame')
      const order = kinds(reader.received)
      expect(order.indexOf(String(kind.frame))).toBe(order.indexOf(`sync${SYNC_STEP1}`) + 1) // right after step 1
      expect(order).not.toContain(String(other.frame))
      expect(keysIn(reader)).toEqual(['a', 'b', 'c'])

      const watcherFrames = watcher.received.length
      reader.ws.send(syncFrame(SYNC_UPDATE, foreignUpdate('late')))
      reader.ws.send(syncFrame(SYNC_STEP2, foreignUpdate('late-step2')))
      await roundTrip(reader)
      await roundTrip(watcher)
      expect(lastAck(reader.received)).toBe(0)
      expect(keysOf(docFrom(watcher.received.slice(watcherFrames)))).toEqual(['a', 'b', 'c']) // the round trip only
      expect(relay.relay.health().counters.updatesDroppedFrozen).toBe(2)
      expect((await post(relay.url, kind, room.roomId, room.token)).status).toBe(204)
      expect(relay.relay.health().counters).toMatchObject({ [kind.done]: 1, [kind.refused]: 0, [other.done]: 0 })
      expect(relay.logs.filter((line) => line.event === kind.event)).toHaveLength(1)

      // Restarted on the same data dir: still frozen, the first mark counts, nothing of the late writes stored.
      await relay.stop()
      relay = await startRelay({ dataDir })
      cleanups.push(() => relay.stop())
      expect(await readMeta(dataDir, room)).toMatchObject({ [kind.field]: frozenAt })
      const doc = new Y.Doc()
      const provider = connectProvider(relay.wsUrl, room, { doc })
      cleanups.push(async () => provider.destroy())
      await waitFor(() => provider.synced, 'stock client synced')
      expect(keysOf(doc)).toEqual(['a', 'b', 'c'])
      doc.getMap('m').set('after-restart', 'x')
      // Dropped: the provider's own sync step 2 (answering the relay's step 1), then its update.
      await waitFor(() => relay.relay.health().counters.updatesDroppedFrozen === 2, 'stock client update dropped')
      const again = await openReader(relay.wsUrl, room)
      await waitFor(() => again.received.some(isTold) && keysIn(again).length >= 3, 'frozen after restart')
      await roundTrip(again)
      expect(keysIn(again)).toEqual(['a', 'b', 'c'])
    })

    archiveOnly('keeps the mark across SIGKILL', async () => {
      const relay = await spawnRelay()
      cleanups.push(() => relay.stop())
      const room = await createTestRoom()
      await writeKeys(relay.wsUrl, room, ['a'], true)
      expect((await post(relay.url, kind, room.roomId, room.token)).status).toBe(204)
      expect(await relay.kill('SIGKILL')).toBe(null)
      await relay.restart()
      const reader = await openReader(relay.wsUrl, room)
      await waitFor(() => reader.received.some(isTold) && keysIn(reader).length === 1, 'frozen after SIGKILL')
      reader.ws.send(syncFrame(SYNC_UPDATE, foreignUpdate('late')))
      await roundTrip(reader)
      expect(lastAck(reader.received)).toBe(0)
      expect(keysIn(reader)).toEqual(['a'])
    })

    it('answers a CORS preflight from an allowed origin and refuses other origins (403)', async () => {
      const relay = await started({ env: { ALLOWED_ORIGINS: 'https://app.example' } })
      const room = await createTestRoom()
      await writeKeys(relay.wsUrl, room, ['a'], true)
      const preflight = await fetch(`${relay.url}${kind.prefix}${room.roomId}`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://app.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': TOKEN_HEADER,
        },
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example')
      expect(preflight.headers.get('access-control-allow-headers')).toBe(TOKEN_HEADER)
      const from = (Origin: string): Promise<Response> => post(relay.url, kind, room.roomId, room.token, { Origin })
      expect((await from('https://evil.example')).status).toBe(403)
      const allowed = await from('https://app.example')
      expect(allowed.status).toBe(204)
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example')
    })
  })
}

describe('relay renewal and archive together', () => {
  it('refuses to archive a renewed room (410: it is gone) and to renew an archived one (409)', async () => {
    const relay = await started()
    const renewed = await createTestRoom()
    const archived = await createTestRoom()
    await writeKeys(relay.wsUrl, renewed, ['r'], true)
    await writeKeys(relay.wsUrl, archived, ['a'], true)
    expect((await post(relay.url, RENEWAL, renewed.roomId, renewed.token)).status).toBe(204)
    expect((await post(relay.url, ARCHIVE, archived.roomId, archived.token)).status).toBe(204)

    expect((await post(relay.url, ARCHIVE, renewed.roomId, renewed.token)).status).toBe(410)
    expect((await post(relay.url, RENEWAL, archived.roomId, archived.token)).status).toBe(409)
    expect(await readMeta(relay.dataDir, archived)).not.toHaveProperty(RENEWAL.field)
    // A wrong token is still 401, not a hint that the room is frozen.
    expect((await post(relay.url, RENEWAL, archived.roomId, renewed.token)).status).toBe(401)

    const movedReader = await openReader(relay.wsUrl, renewed)
    const archiveReader = await openReader(relay.wsUrl, archived)
    expect((await movedReader.closed).code).toBe(CloseCode.roomMoved)
    expect(keysIn(movedReader)).toEqual([])
    const isArchived = (frame: Uint8Array): boolean => isBareFrame(frame, MESSAGE_ROOM_ARCHIVED)
    await waitFor(() => archiveReader.received.some(isArchived) && keysIn(archiveReader).length === 1, 'archive read')
    expect(archiveReader.received.some(isRoomMoved)).toBe(false)
    const { counters } = relay.relay.health()
    expect(counters).toMatchObject({ roomsArchived: 1, roomsRenewed: 1, archivesRefused: 1, renewalsRefused: 2 })
  })

  it('limits renewal and archive attempts per IP like registrations, in one count (429)', async () => {
    const relay = await started({ env: { MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR: '2' } })
    const renewed = await createTestRoom()
    const archived = await createTestRoom()
    await writeKeys(relay.wsUrl, renewed, ['r'], true)
    await writeKeys(relay.wsUrl, archived, ['a'], true)
    const statuses = [
      (await post(relay.url, RENEWAL, renewed.roomId, renewed.token)).status,
      (await post(relay.url, ARCHIVE, archived.roomId, archived.token)).status,
      (await post(relay.url, ARCHIVE, archived.roomId, archived.token)).status,
      (await post(relay.url, RENEWAL, renewed.roomId, renewed.token)).status,
    ]
    expect(statuses).toEqual([204, 204, 429, 429])
  })
})

describe('relay renewal closes the door at once', () => {
  const SECRET_KEYS = ['zorglub-a', 'zorglub-b', 'zorglub-c']

  /** Every file under `dir` (the write-ahead log included) that holds `text`. */
  const filesHolding = async (dir: string, text: string): Promise<string[]> => {
    const found: string[] = []
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const path = join(entry.parentPath, entry.name)
      if ((await readFile(path)).includes(text)) found.push(path)
    }
    return found
  }

  it('tells connected phones the room moved, closes every socket with 4410, serves no content and deletes its files', async () => {
    const dataDir = await ownDataDir()
    let relay = await startRelay({ dataDir })
    const room = await createTestRoom()
    const kept = await createTestRoom()
    await writeKeys(relay.wsUrl, room, SECRET_KEYS, true)
    await writeKeys(relay.wsUrl, kept, ['k'], true)
    const watcher = await openReader(relay.wsUrl, room) // connected before and during the renewal
    await waitFor(() => keysIn(watcher).length === 3, 'watcher synced')

    expect((await renew(relay.url, room.roomId, room.token)).status).toBe(204)
    expect((await watcher.closed).code).toBe(CloseCode.roomMoved)
    expect(watcher.received.filter(isRoomMoved)).toHaveLength(1)
    expect(await readdir(join(dataDir, 'rooms'))).toEqual([kept.roomId])
    const tombstone: unknown = JSON.parse(await readFile(join(dataDir, 'tombstones', `${room.roomId}.json`), 'utf8'))
    // Never a token hash: the id can never be registered again.
    expect(Object.keys(tombstone as object).sort()).toEqual(['deletedAt', 'reason', 'renewedAt', 'roomId'])
    expect(tombstone).toMatchObject({ roomId: room.roomId, reason: 'renewed', renewedAt: expect.any(String) })
    expect(relay.relay.health().counters).toMatchObject({ roomsRenewed: 1, roomsDeleted: 1 })

    /** Close codes and document keys received by a plain join, a registration, and a stranger's registration. */
    const attempts = async (): Promise<Array<{ code: number; keys: string[] }>> => {
      const tries = [
        relayProtocols(room.token),
        relayProtocols(room.token, { register: true, ack: true }),
        relayProtocols((await createTestRoom()).token, { register: true }),
      ]
      const results: Array<{ code: number; keys: string[] }> = []
      for (const protocols of tries) {
        const client = await openRawClient(relay.wsUrl, room.roomId, protocols)
        client.ws.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())))
        results.push({ code: (await client.closed).code, keys: keysIn(client) })
      }
      return results
    }
    const refused = { code: CloseCode.roomMoved, keys: [] }
    expect(await attempts()).toEqual([refused, refused, refused])
    expect(await readdir(join(dataDir, 'rooms'))).toEqual([kept.roomId]) // a refused registration created nothing
    // A renewal whose answer was lost is asked again: still done. The room cannot be archived any more.
    expect((await renew(relay.url, room.roomId, room.token)).status).toBe(204)
    expect((await post(relay.url, ARCHIVE, room.roomId, room.token)).status).toBe(410)
    expect(relay.relay.health().counters).toMatchObject({ roomsRenewed: 1 })

    await relay.stop()
    expect(await filesHolding(dataDir, 'zorglub')).toEqual([])
    relay = await startRelay({ dataDir })
    cleanups.push(() => relay.stop())
    expect(await attempts()).toEqual([refused, refused, refused])
    const keptReader = await openReader(relay.wsUrl, kept) // another room is untouched
    await waitFor(() => keysOf(docFrom(keptReader.received)).length === 1, 'kept room readable')
    expect(keptReader.received.some(isRoomMoved)).toBe(false)
  })

  it('deletes at its next pass a room an earlier relay version renewed and kept read-only', async () => {
    const dataDir = await ownDataDir()
    let relay = await startRelay({ dataDir })
    const room = await createTestRoom()
    await writeKeys(relay.wsUrl, room, SECRET_KEYS, true)
    await relay.stop()
    const store = createFileStore(dataDir)
    await store.open()
    await store.markRenewed(room.roomId, new Date().toISOString())
    await store.close()

    relay = await startRelay({ dataDir })
    cleanups.push(() => relay.stop())
    // Before or after the start's pass deleted it: never its content.
    const early = await openReader(relay.wsUrl, room)
    expect((await early.closed).code).toBe(CloseCode.roomMoved)
    expect(keysIn(early)).toEqual([])
    await relay.relay.sweepRenewedRooms()
    const reader = await openReader(relay.wsUrl, room)
    expect((await reader.closed).code).toBe(CloseCode.roomMoved)
    expect(keysIn(reader)).toEqual([])
    await relay.stop()
    expect(await filesHolding(dataDir, 'zorglub')).toEqual([])
  })
})

const adapters: Array<{ name: string; create: (dir: string) => StorageAdapter }> = [
  { name: 'file store', create: (dir) => createFileStore(dir) },
  { name: 'memory store', create: () => createMemoryStore() },
]

for (const { name, create } of adapters) {
  describe(`renewal in the StorageAdapter: ${name}`, () => {
    const META = { tokenHash: 'hash-of-a-token', createdAt: '2026-01-01T00:00:00.000Z' }

    const open = async (): Promise<StorageAdapter> => {
      const store = create(await ownDataDir())
      cleanups.push(() => store.close())
      return store
    }

    it('records renewedAt once, lists rooms, and deletes a room behind its tombstone', async () => {
      const store = await open()
      const roomId = createRoomId()
      expect(await store.markRenewed(roomId, '2026-02-01T00:00:00.000Z')).toBeNull() // unknown room
      await store.createRoom(roomId, META)
      await store.append(roomId, foreignUpdate('a'))
      expect(await store.markRenewed(roomId, '2026-02-01T00:00:00.000Z')).toEqual({ ...META, renewedAt: '2026-02-01T00:00:00.000Z' })
      expect(await store.markRenewed(roomId, '2026-03-01T00:00:00.000Z')).toEqual({ ...META, renewedAt: '2026-02-01T00:00:00.000Z' })
      expect(await store.readMeta(roomId)).toEqual({ ...META, renewedAt: '2026-02-01T00:00:00.000Z' })
      expect(await store.listRooms()).toEqual([roomId])

      expect(await store.readTombstone(roomId)).toBeNull()
      await store.writeTombstone({ roomId, renewedAt: '2026-02-01T00:00:00.000Z' })
      await store.release(roomId)
      await store.deleteRoom(roomId)
      expect(await store.readTombstone(roomId)).toEqual({ roomId, renewedAt: '2026-02-01T00:00:00.000Z' })
      expect(await store.readMeta(roomId)).toBeNull()
      expect(await store.listRooms()).toEqual([])
    })

    it('never loads a tombstoned room (a socket that passed auth just before the sweep)', async () => {
      const store = await open()
      const roomId = createRoomId()
      await store.writeTombstone({ roomId, renewedAt: '2026-02-01T00:00:00.000Z' })
      const rooms = createRoomRegistry({ store, metrics: createMetrics(), log: createLogger('silent'), compactLogBytes: 1 << 20, compactAfterDeleteMs: 60_000 })
      await expect(rooms.acquire(roomId)).rejects.toBeInstanceOf(RoomMovedError) // and releases its count itself
      await rooms.settle()
      expect(rooms.isInUse(roomId)).toBe(false)
      expect(await store.listRooms()).toEqual([])
    })
  })
}

// Renewal on the relay (issue 6): POST /renew/<roomId> with the room token makes the room read-only (phones
// still read it and get MESSAGE_ROOM_MOVED; their updates are neither stored, forwarded nor acked), durably;
// after the grace period the sweeper deletes the room's files and leaves a tombstone: 4410 for everyone.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CloseCode, MESSAGE_ROOM_MOVED, MESSAGE_SYNC, RENEW_PATH_PREFIX, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE,
  TOKEN_HEADER,
} from '../../src/lib/relay-protocol.ts'
import { createLogger } from '../../server/log.ts'
import { createMetrics } from '../../server/metrics.ts'
import { createRoomRegistry, RoomMovedError } from '../../server/rooms.ts'
import type { StorageAdapter } from '../../server/store/adapter.ts'
import { createFileStore } from '../../server/store/file-store.ts'
import { createMemoryStore } from '../../server/store/memory-store.ts'
import { createRoomId } from '../../src/lib/credentials.ts'
import {
  connectProvider, createTestRoom, lastAck, openRawClient, relayProtocols, spawnRelay, startRelay, syncFrame,
  waitFor, type RawClient, type RelayOptions, type TestRoom,
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

const renew = (url: string, roomId: string, token?: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${url}${RENEW_PATH_PREFIX}${roomId}`, {
    method: 'POST',
    headers: { ...(token === undefined ? {} : { [TOKEN_HEADER]: token }), ...headers },
    body: 'ignored',
  })

/** [type, subtype?] of each frame, for order checks. */
const kinds = (frames: Uint8Array[]): string[] =>
  frames.map((frame) => {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    return type === MESSAGE_SYNC ? `sync${decoding.readVarUint(decoder)}` : String(type)
  })

/** Applies every sync step 2 / update the relay sent to a fresh doc. */
const docFrom = (frames: Uint8Array[]): Y.Doc => {
  const doc = new Y.Doc()
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) continue
    const subtype = decoding.readVarUint(decoder)
    if (subtype === SYNC_STEP2 || subtype === SYNC_UPDATE) Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
  }
  return doc
}

const isRoomMoved = (frame: Uint8Array): boolean => frame.length === 1 && frame[0] === MESSAGE_ROOM_MOVED

/** A raw client that asks for the whole document (sync step 1 with an empty state vector). */
const openReader = async (wsUrl: string, room: TestRoom, options: { register?: boolean } = {}): Promise<RawClient> => {
  const client = await openRawClient(wsUrl, room.roomId, relayProtocols(room.token, { register: options.register, ack: true }))
  cleanups.push(async () => {
    client.ws.close()
    await client.closed
  })
  client.ws.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())))
  return client
}

/** Writes `keys` as one update each through a raw client and waits for the relay's ack of all of them. */
const writeKeys = async (wsUrl: string, room: TestRoom, keys: string[], register = false): Promise<void> => {
  const client = await openRawClient(wsUrl, room.roomId, relayProtocols(room.token, { register, ack: true }))
  const doc = new Y.Doc()
  doc.on('update', (update: Uint8Array) => client.ws.send(syncFrame(SYNC_UPDATE, update)))
  for (const key of keys) doc.getMap('m').set(key, key)
  await waitFor(() => lastAck(client.received) === keys.length, `ack of ${keys.length} updates`)
  client.ws.close()
  await client.closed
}

/** An update from an unrelated client: a key the room never had. */
const foreignUpdate = (key: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, key)
  return Y.encodeStateAsUpdate(doc)
}

const keysOf = (doc: Y.Doc): string[] => [...doc.getMap('m').keys()].sort()

/** Lets the relay process whatever a socket sent: a full round trip on that same socket (step 1 -> step 2). */
const roundTrip = async (client: RawClient): Promise<void> => {
  const before = client.received.length
  client.ws.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())))
  await waitFor(() => client.received.slice(before).some((frame) => kinds([frame])[0] === `sync${SYNC_STEP2}`), 'round trip')
}

describe('relay renewal', () => {
  it('refuses a renewal without the right token (401) or for an unknown room (404); the room stays writable', async () => {
    const relay = await started()
    const room = await createTestRoom()
    const other = await createTestRoom()
    await writeKeys(relay.wsUrl, room, ['a'], true)

    expect((await renew(relay.url, room.roomId)).status).toBe(401)
    expect((await renew(relay.url, room.roomId, other.token)).status).toBe(401)
    expect((await renew(relay.url, room.roomId, 'not-a-token')).status).toBe(401)
    expect((await renew(relay.url, other.roomId, other.token)).status).toBe(404)
    expect((await renew(relay.url, 'bad-id', room.token)).status).toBe(404)
    expect((await fetch(`${relay.url}${RENEW_PATH_PREFIX}${room.roomId}`, { headers: { [TOKEN_HEADER]: room.token } })).status).toBe(405)

    await writeKeys(relay.wsUrl, room, ['b'])
    const reader = await openReader(relay.wsUrl, room)
    await waitFor(() => keysOf(docFrom(reader.received)).length === 2, 'both keys')
    expect(reader.received.some(isRoomMoved)).toBe(false)
    expect(JSON.parse(await readFile(join(relay.dataDir, 'rooms', room.roomId, 'meta.json'), 'utf8'))).not.toHaveProperty('renewedAt')
  })

  it('freezes a renewed room: the whole document and MESSAGE_ROOM_MOVED, updates neither stored, forwarded nor acked', async () => {
    const dataDir = await ownDataDir()
    let relay = await startRelay({ dataDir })
    const room = await createTestRoom()
    await writeKeys(relay.wsUrl, room, ['a', 'b', 'c'], true)
    const watcher = await openReader(relay.wsUrl, room) // connected before and during the renewal
    await waitFor(() => keysOf(docFrom(watcher.received)).length === 3, 'watcher synced')

    expect((await renew(relay.url, room.roomId, room.token)).status).toBe(204)
    expect((await renew(relay.url, room.roomId, room.token)).status).toBe(204) // idempotent
    await waitFor(() => watcher.received.some(isRoomMoved), 'connected socket told the room moved')
    const meta: unknown = JSON.parse(await readFile(join(dataDir, 'rooms', room.roomId, 'meta.json'), 'utf8'))
    expect(meta).toMatchObject({ renewedAt: expect.any(String) })
    const renewedAt = (meta as { renewedAt: string }).renewedAt

    // Registering again (the app always offers it) is no new room: the same read-only room.
    const reader = await openReader(relay.wsUrl, room, { register: true })
    await waitFor(() => reader.received.some(isRoomMoved) && keysOf(docFrom(reader.received)).length === 3, 'reader got doc and 101')
    const order = kinds(reader.received)
    expect(order.indexOf(String(MESSAGE_ROOM_MOVED))).toBe(order.indexOf(`sync${SYNC_STEP1}`) + 1) // right after the relay's step 1
    expect(keysOf(docFrom(reader.received))).toEqual(['a', 'b', 'c'])

    const watcherFrames = watcher.received.length
    reader.ws.send(syncFrame(SYNC_UPDATE, foreignUpdate('late')))
    reader.ws.send(syncFrame(SYNC_STEP2, foreignUpdate('late-step2')))
    await roundTrip(reader)
    await roundTrip(watcher)
    expect(lastAck(reader.received)).toBe(0)
    expect(keysOf(docFrom(watcher.received.slice(watcherFrames)))).toEqual(['a', 'b', 'c']) // only the round trip's step 2
    expect(relay.relay.health().counters.updatesDroppedFrozen).toBe(2)
    expect((await renew(relay.url, room.roomId, room.token)).status).toBe(204)

    await relay.stop()
    relay = await startRelay({ dataDir })
    cleanups.push(() => relay.stop())
    const meta2: unknown = JSON.parse(await readFile(join(dataDir, 'rooms', room.roomId, 'meta.json'), 'utf8'))
    expect(meta2).toMatchObject({ renewedAt }) // the first renewal counts, and it survived the restart
    const doc = new Y.Doc()
    const provider = connectProvider(relay.wsUrl, room, { doc })
    cleanups.push(async () => provider.destroy())
    await waitFor(() => provider.synced, 'stock client synced')
    expect(keysOf(doc)).toEqual(['a', 'b', 'c'])
    doc.getMap('m').set('after-restart', 'x')
    // Dropped: the provider's own sync step 2 (answering the relay's step 1), then its update.
    await waitFor(() => relay.relay.health().counters.updatesDroppedFrozen === 2, 'stock client update dropped')
    const again = await openReader(relay.wsUrl, room)
    await waitFor(() => again.received.some(isRoomMoved) && keysOf(docFrom(again.received)).length >= 3, 'frozen after restart')
    await roundTrip(again)
    expect(keysOf(docFrom(again.received))).toEqual(['a', 'b', 'c'])
  })

  it('keeps the renewal across SIGKILL', async () => {
    const relay = await spawnRelay()
    cleanups.push(() => relay.stop())
    const room = await createTestRoom()
    await writeKeys(relay.wsUrl, room, ['a'], true)
    expect((await renew(relay.url, room.roomId, room.token)).status).toBe(204)
    expect(await relay.kill('SIGKILL')).toBe(null)
    await relay.restart()
    const reader = await openReader(relay.wsUrl, room)
    await waitFor(() => reader.received.some(isRoomMoved) && keysOf(docFrom(reader.received)).length === 1, 'frozen after SIGKILL')
    reader.ws.send(syncFrame(SYNC_UPDATE, foreignUpdate('late')))
    await roundTrip(reader)
    expect(lastAck(reader.received)).toBe(0)
    expect(keysOf(docFrom(reader.received))).toEqual(['a'])
  })

  it('deletes a renewed room after the grace period and leaves a tombstone: 4410 for connections and registrations', async () => {
    const dataDir = await ownDataDir()
    let relay = await startRelay({ dataDir, env: { RENEWED_ROOM_GRACE_MS: '0' } })
    const room = await createTestRoom()
    const kept = await createTestRoom()
    await writeKeys(relay.wsUrl, room, ['a', 'b'], true)
    await writeKeys(relay.wsUrl, kept, ['k'], true)
    expect(await relay.relay.sweepRenewedRooms()).toBe(0) // nothing renewed yet
    expect((await renew(relay.url, room.roomId, room.token)).status).toBe(204)
    const reader = await openReader(relay.wsUrl, room)
    await waitFor(() => reader.received.some(isRoomMoved), 'reader joined the renewed room')

    expect(await relay.relay.sweepRenewedRooms()).toBe(1)
    expect((await reader.closed).code).toBe(CloseCode.roomMoved)
    expect(await readdir(join(dataDir, 'rooms'))).toEqual([kept.roomId])
    const tombstone: unknown = JSON.parse(await readFile(join(dataDir, 'tombstones', `${room.roomId}.json`), 'utf8'))
    // Never a token hash: the id can never be registered again.
    expect(Object.keys(tombstone as object).sort()).toEqual(['deletedAt', 'reason', 'renewedAt', 'roomId'])
    expect(tombstone).toMatchObject({ roomId: room.roomId, renewedAt: expect.any(String) })

    const refusals = async (): Promise<number[]> => {
      const attempts = [
        relayProtocols(room.token),
        relayProtocols(room.token, { register: true, ack: true }),
        relayProtocols((await createTestRoom()).token, { register: true }),
      ]
      const codes: number[] = []
      for (const protocols of attempts) {
        const client = await openRawClient(relay.wsUrl, room.roomId, protocols)
        codes.push((await client.closed).code)
      }
      return codes
    }
    expect(await refusals()).toEqual([CloseCode.roomMoved, CloseCode.roomMoved, CloseCode.roomMoved])
    expect(await readdir(join(dataDir, 'rooms'))).toEqual([kept.roomId]) // a refused registration created nothing
    expect((await renew(relay.url, room.roomId, room.token)).status).toBe(410)

    await relay.stop()
    relay = await startRelay({ dataDir, env: { RENEWED_ROOM_GRACE_MS: '0' } })
    cleanups.push(() => relay.stop())
    expect(await refusals()).toEqual([CloseCode.roomMoved, CloseCode.roomMoved, CloseCode.roomMoved])
    const keptReader = await openReader(relay.wsUrl, kept) // an unrenewed room is untouched by the sweeper
    await waitFor(() => keysOf(docFrom(keptReader.received)).length === 1, 'kept room readable')
    expect(keptReader.received.some(isRoomMoved)).toBe(false)
  })

  it('keeps a renewed room within its grace period', async () => {
    const relay = await started() // default grace: 30 days
    const room = await createTestRoom()
    await writeKeys(relay.wsUrl, room, ['a'], true)
    expect((await renew(relay.url, room.roomId, room.token)).status).toBe(204)
    expect(await relay.relay.sweepRenewedRooms()).toBe(0)
    const reader = await openReader(relay.wsUrl, room)
    await waitFor(() => reader.received.some(isRoomMoved) && keysOf(docFrom(reader.received)).length === 1, 'still readable')
  })

  it('answers a CORS preflight from an allowed origin and refuses other origins (403)', async () => {
    const relay = await started({ env: { ALLOWED_ORIGINS: 'https://app.example' } })
    const room = await createTestRoom()
    await writeKeys(relay.wsUrl, room, ['a'], true)
    const preflight = await fetch(`${relay.url}${RENEW_PATH_PREFIX}${room.roomId}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': TOKEN_HEADER },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example')
    expect(preflight.headers.get('access-control-allow-headers')).toBe(TOKEN_HEADER)
    expect((await renew(relay.url, room.roomId, room.token, { Origin: 'https://evil.example' })).status).toBe(403)
    const allowed = await renew(relay.url, room.roomId, room.token, { Origin: 'https://app.example' })
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example')
  })

  it('limits renewal attempts per IP like registrations (429)', async () => {
    const relay = await started({ env: { MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR: '2' } })
    const room = await createTestRoom()
    await writeKeys(relay.wsUrl, room, ['a'], true)
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await renew(relay.url, room.roomId, room.token)).status)
    expect(statuses).toEqual([204, 204, 429])
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

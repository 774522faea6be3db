// The sweeper's deletions for disuse, end to end on a real relay: rooms registered and never used (UNUSED_ROOM_HOURS),
// rooms no socket joined for IDLE_ROOM_DAYS, their tombstones (token hash kept: the same token re-registers the room
// and its phone re-uploads everything), renewed and archived rooms deleted only after their own periods, the
// registration limits, and the counters.
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { hashRoomToken } from '../../src/lib/credentials.ts'
import {
  ARCHIVE_PATH_PREFIX, CloseCode, MESSAGE_SYNC, RENEW_PATH_PREFIX, SYNC_UPDATE, TOKEN_HEADER,
} from '../../src/lib/relay-protocol.ts'
import {
  connectProvider, createTestRoom, fetchHealth, lastAck, openRawClient, relayProtocols, startRelay, waitFor,
  type InProcessRelay, type RawClient, type RelayOptions, type TestRoom,
} from '../helpers/relay.ts'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const started = async (options: RelayOptions = {}): Promise<InProcessRelay> => {
  const relay = await startRelay(options)
  cleanups.push(() => relay.stop())
  return relay
}

/** A raw client that stays connected until the test ends (or closes it itself). */
const joinRoom = async (relay: InProcessRelay, room: TestRoom, { register = false } = {}): Promise<RawClient> => {
  const client = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { register, ack: true }))
  cleanups.push(async () => {
    client.ws.close()
    await client.closed
  })
  // The relay's sync step 1 comes once the socket joined the room (after the limits frame).
  await waitFor(() => client.received.some((frame) => frame[0] === MESSAGE_SYNC), 'joined the room')
  return client
}

const leave = async (client: RawClient): Promise<void> => {
  client.ws.close()
  await client.closed
}

/** Registers the room and leaves without writing anything (a made-up room). */
const registerOnly = async (relay: InProcessRelay, room: TestRoom): Promise<void> =>
  leave(await joinRoom(relay, room, { register: true }))

const syncUpdate = (update: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_UPDATE)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** Writes `keys` into `doc` (the phone's copy), one update each through a raw client; waits until all are stored. */
const writeKeys = async (relay: InProcessRelay, room: TestRoom, doc: Y.Doc, keys: string[], register = false) => {
  const client = await joinRoom(relay, room, { register })
  const send = (update: Uint8Array) => client.ws.send(syncUpdate(update))
  doc.on('update', send)
  for (const key of keys) doc.getMap('m').set(key, key)
  doc.off('update', send)
  await waitFor(() => lastAck(client.received) === keys.length, `ack of ${keys.length} updates`)
  await leave(client)
}

const keysOf = (doc: Y.Doc): string[] => [...doc.getMap('m').keys()].sort()

/**
 * Rooms are written out when their last socket leaves: only then may a test edit their files. health().rooms drops
 * at once, but the room counts as in use (the sweeper skips it) until written out: roomsFreed says when. (A load
 * refused by a tombstone is freed without being loaded: >=.)
 */
const freed = (relay: InProcessRelay): Promise<void> =>
  waitFor(() => {
    const { rooms, counters } = relay.relay.health()
    return rooms === 0 && counters.roomsFreed >= counters.roomsLoaded
  }, 'rooms written out')

const roomDirs = async (relay: InProcessRelay): Promise<string[]> =>
  (await readdir(join(relay.dataDir, 'rooms')).catch(() => [])).sort()

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false)

const tombstonePath = (relay: InProcessRelay, room: TestRoom): string =>
  join(relay.dataDir, 'tombstones', `${room.roomId}.json`)

const readTombstone = async (relay: InProcessRelay, room: TestRoom): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(tombstonePath(relay, room), 'utf8')) as Record<string, unknown>

const metaPath = (relay: InProcessRelay, room: TestRoom): string =>
  join(relay.dataDir, 'rooms', room.roomId, 'meta.json')

const readMetaFile = async (relay: InProcessRelay, room: TestRoom): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(metaPath(relay, room), 'utf8')) as Record<string, unknown>

/** Rewrites fields of a freed room's meta.json (the relay reads it at every sweep; nothing caches it). */
const editMeta = async (relay: InProcessRelay, room: TestRoom, changes: Record<string, string | undefined>) => {
  const fields = Object.entries({ ...(await readMetaFile(relay, room)), ...changes })
  const meta = fields.filter(([, value]) => value !== undefined)
  await writeFile(metaPath(relay, room), JSON.stringify(Object.fromEntries(meta)))
}

const daysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString()

/** YYYY-MM-DD (UTC) `days` before today, as the relay writes usedOn. */
const dayBefore = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10)

/** The close code of a socket the relay refuses (it completes the upgrade to send it), or 'open' if it joined. */
const attempt = async (relay: InProcessRelay, roomId: string, protocols: string[]): Promise<number | 'open'> => {
  const client = await openRawClient(relay.wsUrl, roomId, protocols)
  let code: number | null = null
  void client.closed.then((closed) => (code = closed.code))
  await waitFor(() => code !== null || client.received.some((frame) => frame[0] === MESSAGE_SYNC), 'joined or refused')
  if (code !== null) return code
  await leave(client)
  return 'open'
}

const post = (relay: InProcessRelay, prefix: string, room: TestRoom): Promise<Response> =>
  fetch(`${relay.url}${prefix}${room.roomId}`, { method: 'POST', headers: { [TOKEN_HEADER]: room.token } })
const renew = (relay: InProcessRelay, room: TestRoom): Promise<Response> => post(relay, RENEW_PATH_PREFIX, room)
const archive = (relay: InProcessRelay, room: TestRoom): Promise<Response> => post(relay, ARCHIVE_PATH_PREFIX, room)

describe('relay sweeper: rooms registered and never used', () => {
  it('deletes an empty room once older than UNUSED_ROOM_HOURS, keeps rooms with data and rooms in use', async () => {
    let fakeNow = Date.now()
    const relay = await started({ now: () => fakeNow }) // UNUSED_ROOM_HOURS 24, IDLE_ROOM_DAYS 400
    const unused = await createTestRoom()
    const stored = await createTestRoom()
    const busy = await createTestRoom()
    await registerOnly(relay, unused)
    await writeKeys(relay, stored, new Y.Doc(), ['a'], true)
    const busyClient = await joinRoom(relay, busy, { register: true }) // stays connected, never writes
    await waitFor(() => relay.relay.health().rooms === 1, 'only the busy room loaded')

    fakeNow += 23 * HOUR_MS
    expect(await relay.relay.sweepRenewedRooms()).toBe(0) // not old enough yet
    fakeNow += HOUR_MS + 60_000
    expect(await relay.relay.sweepRenewedRooms()).toBe(1)

    expect(await roomDirs(relay)).toEqual([busy.roomId, stored.roomId].sort())
    const tombstone = await readTombstone(relay, unused)
    expect(tombstone).toEqual({
      roomId: unused.roomId,
      reason: 'unused',
      tokenHash: await hashRoomToken(unused.token),
      deletedAt: new Date(fakeNow).toISOString(),
    })
    expect(await exists(tombstonePath(relay, stored))).toBe(false)
    expect(await exists(tombstonePath(relay, busy))).toBe(false)
    expect(busyClient.ws.readyState).toBe(WebSocket.OPEN) // in use: never deleted for disuse, never evicted

    // The room with data still serves it.
    const reader = connectProvider(relay.wsUrl, stored)
    cleanups.push(async () => reader.destroy())
    await waitFor(() => reader.synced && keysOf(reader.doc).length === 1, 'stored room synced')
    reader.destroy()

    // Once its socket left, the busy room is just another empty old room.
    await leave(busyClient)
    await freed(relay)
    expect(await relay.relay.sweepRenewedRooms()).toBe(1)
    expect(await roomDirs(relay)).toEqual([stored.roomId])
    const busyTombstone = { reason: 'unused', tokenHash: await hashRoomToken(busy.token) }
    expect(await readTombstone(relay, busy)).toMatchObject(busyTombstone)

    const { counters } = await fetchHealth(relay.url)
    expect(counters).toMatchObject({ roomsDeletedUnused: 2, roomsDeletedIdle: 0, roomsDeleted: 0 })
  })
})

describe('relay sweeper: rooms no socket joined for IDLE_ROOM_DAYS', () => {
  it('records the day a socket joins in meta.json (usedOn)', async () => {
    const relay = await started()
    const room = await createTestRoom()
    await writeKeys(relay, room, new Y.Doc(), ['a'], true)
    const today = new Date().toISOString().slice(0, 10)
    await waitFor(async () => (await readMetaFile(relay, room)).usedOn === today, 'usedOn written')
  })

  it('deletes rooms by usedOn (createdAt when absent) with a tombstone that keeps the token hash', async () => {
    const relay = await started({ env: { IDLE_ROOM_DAYS: '3' } })
    const idle = await createTestRoom() // usedOn 4 days ago
    const neverJoined = await createTestRoom() // no usedOn, created 4 days ago
    const recent = await createTestRoom() // usedOn yesterday
    const oldButNew = await createTestRoom() // created long ago, no usedOn... then a socket joins
    for (const room of [idle, neverJoined, recent, oldButNew]) await writeKeys(relay, room, new Y.Doc(), ['a'], true)
    await freed(relay)
    const longAgo = daysAgo(10)
    await editMeta(relay, idle, { createdAt: longAgo, usedOn: dayBefore(4) })
    await editMeta(relay, neverJoined, { createdAt: daysAgo(4), usedOn: undefined })
    await editMeta(relay, recent, { createdAt: longAgo, usedOn: dayBefore(1) })
    await editMeta(relay, oldButNew, { createdAt: longAgo, usedOn: undefined })
    // Joining marks the room used today: the sweep that follows keeps it.
    const today = new Date().toISOString().slice(0, 10)
    await leave(await joinRoom(relay, oldButNew))
    await waitFor(async () => (await readMetaFile(relay, oldButNew)).usedOn === today, 'usedOn written on join')
    await freed(relay)

    expect(await relay.relay.sweepRenewedRooms()).toBe(2)
    expect(await roomDirs(relay)).toEqual([recent.roomId, oldButNew.roomId].sort())
    for (const room of [idle, neverJoined]) {
      const tombstone = await readTombstone(relay, room)
      expect(Object.keys(tombstone).sort()).toEqual(['deletedAt', 'reason', 'roomId', 'tokenHash'])
      const tokenHash = await hashRoomToken(room.token)
      expect(tombstone).toMatchObject({ roomId: room.roomId, reason: 'idle', tokenHash })
    }
    expect(await relay.relay.sweepRenewedRooms()).toBe(0) // done: a tombstone without room files is left alone
    const { counters } = await fetchHealth(relay.url)
    expect(counters).toMatchObject({ roomsDeletedIdle: 2, roomsDeletedUnused: 0, roomsDeleted: 0 })
  })

  it('never deletes a room in use, however long ago it was marked used', async () => {
    let fakeNow = Date.now()
    const relay = await started({ now: () => fakeNow, env: { IDLE_ROOM_DAYS: '2' } })
    const room = await createTestRoom()
    await writeKeys(relay, room, new Y.Doc(), ['a'], true)
    const client = await joinRoom(relay, room)
    fakeNow += 30 * DAY_MS
    expect(await relay.relay.sweepRenewedRooms()).toBe(0)
    expect(client.ws.readyState).toBe(WebSocket.OPEN)
    await leave(client)
    await freed(relay)
    expect(await relay.relay.sweepRenewedRooms()).toBe(1)
    const deletedAt = new Date(fakeNow).toISOString()
    expect(await readTombstone(relay, room)).toMatchObject({ reason: 'idle', deletedAt })
    expect((await fetchHealth(relay.url)).counters.roomsDeletedIdle).toBe(1)
  })
})

describe('relay sweeper: a room deleted for disuse comes back with its own token', () => {
  it('refuses other tokens (4401) and joins without register (4404); the same token registers it again', async () => {
    const relay = await started({ env: { IDLE_ROOM_DAYS: '2' } })
    const room = await createTestRoom()
    const stranger = await createTestRoom()
    const phone = new Y.Doc() // the phone that still holds the collective
    await writeKeys(relay, room, phone, ['a', 'b', 'c'], true)
    await freed(relay)
    await editMeta(relay, room, { createdAt: daysAgo(10), usedOn: dayBefore(10) })
    expect(await relay.relay.sweepRenewedRooms()).toBe(1)
    expect(await roomDirs(relay)).toEqual([])
    const tokenHash = await hashRoomToken(room.token)
    expect(await readTombstone(relay, room)).toMatchObject({ reason: 'idle', tokenHash })

    const strangerRegisters = relayProtocols(stranger.token, { register: true })
    expect(await attempt(relay, room.roomId, strangerRegisters)).toBe(CloseCode.badToken)
    // Without register the room is simply unknown (as before it was ever registered), whatever the token.
    expect(await attempt(relay, room.roomId, relayProtocols(room.token))).toBe(CloseCode.unknownRoom)
    expect(await attempt(relay, room.roomId, relayProtocols(stranger.token))).toBe(CloseCode.unknownRoom)
    expect(await roomDirs(relay)).toEqual([]) // no refusal created anything

    // The phone reconnects as the app does (register offered): the room is created again and joined at once.
    expect(await attempt(relay, room.roomId, relayProtocols(room.token, { register: true, ack: true }))).toBe('open')
  })

  it('resyncs a stock client registering again, a fresh client sees all keys; the stale tombstone goes', async () => {
    const relay = await started({ env: { IDLE_ROOM_DAYS: '2' } })
    const room = await createTestRoom()
    const stranger = await createTestRoom()
    const phone = new Y.Doc()
    await writeKeys(relay, room, phone, ['a', 'b', 'c'], true)
    await freed(relay)
    await editMeta(relay, room, { createdAt: daysAgo(10), usedOn: dayBefore(10) })
    expect(await relay.relay.sweepRenewedRooms()).toBe(1)
    expect(await roomDirs(relay)).toEqual([])

    // No sweep pass in between: the phone must not have to wait up to an hour for the tombstone to go.
    const provider = connectProvider(relay.wsUrl, room, { doc: phone, register: true })
    cleanups.push(async () => provider.destroy())
    await waitFor(() => provider.synced, 'phone resynced with the re-created room')
    const fresh = connectProvider(relay.wsUrl, room)
    cleanups.push(async () => fresh.destroy())
    await waitFor(() => fresh.synced && keysOf(fresh.doc).length === 3, 'fresh client sees what the phone re-sent')
    expect(keysOf(fresh.doc)).toEqual(['a', 'b', 'c'])

    // The next pass removes the stale tombstone and never deletes the re-created room (in use or not).
    expect(await relay.relay.sweepRenewedRooms()).toBe(0)
    provider.destroy()
    fresh.destroy()
    await freed(relay)
    expect(await relay.relay.sweepRenewedRooms()).toBe(0)
    expect(await exists(tombstonePath(relay, room))).toBe(false)
    expect(await roomDirs(relay)).toEqual([room.roomId])
    const strangerRegisters = relayProtocols(stranger.token, { register: true })
    expect(await attempt(relay, room.roomId, strangerRegisters)).toBe(CloseCode.badToken)
    const reader = connectProvider(relay.wsUrl, room)
    cleanups.push(async () => reader.destroy())
    await waitFor(() => reader.synced && keysOf(reader.doc).length === 3, 'room still whole after the sweep')
  })

  it('removes a stale tombstone next to a room registered after it; finishes a deletion cut short', async () => {
    const relay = await started()
    const recreated = await createTestRoom()
    const interrupted = await createTestRoom()
    for (const room of [recreated, interrupted]) await writeKeys(relay, room, new Y.Doc(), ['a', 'b'], true)
    await freed(relay)
    // On disk as the sweeper and a re-registration leave them: tombstone older (recreated) or newer (interrupted).
    await mkdir(join(relay.dataDir, 'tombstones'), { recursive: true })
    for (const [room, deletedAt] of [[recreated, Date.now() - 60_000], [interrupted, Date.now() + 60_000]] as const) {
      const tokenHash = await hashRoomToken(room.token)
      const tombstone = { roomId: room.roomId, deletedAt: new Date(deletedAt).toISOString(), reason: 'idle', tokenHash }
      await writeFile(tombstonePath(relay, room), JSON.stringify(tombstone))
    }

    expect(await relay.relay.sweepRenewedRooms()).toBe(1)
    expect(await exists(tombstonePath(relay, recreated))).toBe(false)
    expect(await readTombstone(relay, interrupted)).toMatchObject({ reason: 'idle' })
    expect(await roomDirs(relay)).toEqual([recreated.roomId])
    const reader = connectProvider(relay.wsUrl, recreated, { register: true })
    cleanups.push(async () => reader.destroy())
    await waitFor(() => reader.synced && keysOf(reader.doc).length === 2, 'recreated room whole')
    expect((await fetchHealth(relay.url)).counters).toMatchObject({ roomsDeletedIdle: 1 })
  })

  it('never serves a room while it is being deleted (tombstone written, files not yet gone): 1013, then it comes back', async () => {
    const relay = await started()
    const room = await createTestRoom()
    const phone = new Y.Doc()
    await writeKeys(relay, room, phone, ['a', 'b'], true)
    await freed(relay)
    // The sweeper wrote the tombstone and has not deleted the files yet; a socket authenticated just then.
    await mkdir(join(relay.dataDir, 'tombstones'), { recursive: true })
    const tokenHash = await hashRoomToken(room.token)
    const tombstone = { roomId: room.roomId, deletedAt: new Date(Date.now() + 1_000).toISOString(), reason: 'idle', tokenHash }
    await writeFile(tombstonePath(relay, room), JSON.stringify(tombstone))
    const loadedBefore = relay.relay.metrics.counters.roomsLoaded
    const early = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { register: true, ack: true }))
    expect((await early.closed).code).toBe(CloseCode.tryAgainLater)
    expect(relay.relay.metrics.counters.roomsLoaded).toBe(loadedBefore) // nothing written into the dying room
    expect(await relay.relay.sweepRenewedRooms()).toBe(1) // the deletion finishes
    expect(await roomDirs(relay)).toEqual([])
    // The phone tries again: the room is registered again with its token and gets everything back.
    const again = connectProvider(relay.wsUrl, room, { doc: phone, register: true })
    cleanups.push(async () => again.destroy())
    await waitFor(() => again.synced, 'phone back')
    const fresh = connectProvider(relay.wsUrl, room)
    cleanups.push(async () => fresh.destroy())
    await waitFor(() => fresh.synced && keysOf(fresh.doc).length === 2, 'room whole again')
  })
})

describe('relay sweeper: renewed rooms', () => {
  it('deletes a renewed room at its renewal as renewed (no token hash, 4410 for everyone), never as idle', async () => {
    const relay = await started({ env: { IDLE_ROOM_DAYS: '1', UNUSED_ROOM_HOURS: '1' } })
    const room = await createTestRoom()
    await writeKeys(relay, room, new Y.Doc(), ['a'], true)
    expect((await renew(relay, room)).status).toBe(204)
    await freed(relay)

    const tombstone = await readTombstone(relay, room)
    expect(Object.keys(tombstone).sort()).toEqual(['deletedAt', 'reason', 'renewedAt', 'roomId'])
    expect(tombstone).toMatchObject({ reason: 'renewed' })
    expect(await relay.relay.sweepRenewedRooms()).toBe(0) // nothing left to do
    expect(await attempt(relay, room.roomId, relayProtocols(room.token, { register: true }))).toBe(CloseCode.roomMoved)
    expect(await attempt(relay, room.roomId, relayProtocols(room.token))).toBe(CloseCode.roomMoved)
    expect(await roomDirs(relay)).toEqual([])
    const { counters } = await fetchHealth(relay.url)
    expect(counters).toMatchObject({ roomsDeleted: 1, roomsDeletedIdle: 0, roomsDeletedUnused: 0 })
  })
})

describe('relay sweeper: archived rooms', () => {
  it('never deletes an archived room for disuse, only ARCHIVED_ROOM_DAYS (default 1100) after it', async () => {
    let fakeNow = Date.now()
    // Defaults: UNUSED_ROOM_HOURS 24, IDLE_ROOM_DAYS 400, ARCHIVED_ROOM_DAYS 1100.
    const relay = await started({ now: () => fakeNow })
    const empty = await createTestRoom() // registered, nothing ever stored
    const stored = await createTestRoom()
    await registerOnly(relay, empty)
    await writeKeys(relay, stored, new Y.Doc(), ['a'], true)
    for (const room of [empty, stored]) expect((await archive(relay, room)).status).toBe(204)
    await freed(relay)
    const archivedAt = (await readMetaFile(relay, stored)).archivedAt
    expect(typeof archivedAt).toBe('string')

    fakeNow += 1099 * DAY_MS // long unused, long idle: kept all the same
    expect(await relay.relay.sweepRenewedRooms()).toBe(0)
    expect(await roomDirs(relay)).toEqual([empty.roomId, stored.roomId].sort())
    const client = await joinRoom(relay, stored) // still readable, until its archive period ends

    fakeNow += 2 * DAY_MS
    expect(await relay.relay.sweepRenewedRooms()).toBe(2)
    expect((await client.closed).code).toBe(CloseCode.roomMoved)
    expect(await roomDirs(relay)).toEqual([])
    const tombstone = await readTombstone(relay, stored)
    // Never a token hash: the id can never be registered again.
    expect(Object.keys(tombstone).sort()).toEqual(['archivedAt', 'deletedAt', 'reason', 'roomId'])
    expect(tombstone).toMatchObject({ roomId: stored.roomId, reason: 'archived', archivedAt })
    expect(await readTombstone(relay, empty)).toMatchObject({ reason: 'archived' })
    for (const room of [empty, stored]) {
      for (const register of [true, false]) {
        expect(await attempt(relay, room.roomId, relayProtocols(room.token, { register }))).toBe(CloseCode.roomMoved)
      }
      expect((await archive(relay, room)).status).toBe(410)
      expect((await renew(relay, room)).status).toBe(410)
    }
    expect(await roomDirs(relay)).toEqual([])
    const { counters } = await fetchHealth(relay.url)
    expect(counters).toMatchObject({
      roomsArchived: 2, roomsDeletedArchived: 2, roomsDeleted: 0, roomsDeletedIdle: 0, roomsDeletedUnused: 0,
    })
    const deletions = relay.logs.filter((line) => line.event === 'room.deleted')
    expect(deletions.map((line) => line.reason)).toEqual(['archived', 'archived'])
  })

  it('reads ARCHIVED_ROOM_DAYS; a socket in the room keeps it only until then', async () => {
    let fakeNow = Date.now()
    const relay = await started({ now: () => fakeNow, env: { ARCHIVED_ROOM_DAYS: '30', IDLE_ROOM_DAYS: '2' } })
    const room = await createTestRoom()
    await writeKeys(relay, room, new Y.Doc(), ['a'], true)
    expect((await archive(relay, room)).status).toBe(204)
    await freed(relay)
    fakeNow += 29 * DAY_MS
    expect(await relay.relay.sweepRenewedRooms()).toBe(0)
    const client = await joinRoom(relay, room)
    fakeNow += 2 * DAY_MS
    expect(await relay.relay.sweepRenewedRooms()).toBe(1)
    expect((await client.closed).code).toBe(CloseCode.roomMoved)
    const deletedAt = new Date(fakeNow).toISOString()
    expect(await readTombstone(relay, room)).toMatchObject({ reason: 'archived', deletedAt })
  })
})

/** A bare registration from a chosen loopback address (the relay listens on 127.0.0.1; all of 127/8 reaches it). */
const registerFrom = (relay: InProcessRelay, room: TestRoom, localAddress: string): Promise<number | 'open'> =>
  new Promise((resolve, reject) => {
    const protocols = relayProtocols(room.token, { register: true })
    const ws = new WebSocket(`${relay.wsUrl}/${room.roomId}`, protocols, { localAddress })
    ws.on('error', reject)
    ws.on('message', () => {
      ws.close()
      resolve('open')
    })
    ws.once('close', (code) => resolve(code))
  })

describe('relay registration limits', () => {
  it('refuses a registration past the relay-wide hourly limit (4429), creating nothing; old rooms work', async () => {
    const env = { MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR: '1000', MAX_ROOM_REGISTRATIONS_PER_HOUR: '5' }
    const relay = await started({ env })
    const rooms = await Promise.all(Array.from({ length: 6 }, () => createTestRoom()))
    const docs = rooms.map(() => new Y.Doc())
    for (let i = 0; i < 5; i++) await writeKeys(relay, rooms[i]!, docs[i]!, [`k${i}`], true)
    await freed(relay)
    const before = await roomDirs(relay)
    expect(before).toHaveLength(5)

    const sixth = rooms[5]!
    const registers = relayProtocols(sixth.token, { register: true })
    expect(await attempt(relay, sixth.roomId, registers)).toBe(CloseCode.tooManyRequests)
    expect(await roomDirs(relay)).toEqual(before)
    expect(relay.relay.health().counters).toMatchObject({ roomsCreated: 5, refusedRateLimit: 1 })

    // Existing rooms: joined with or without register (the app always offers it), written, read.
    await writeKeys(relay, rooms[0]!, docs[0]!, ['more'], true)
    await writeKeys(relay, rooms[1]!, docs[1]!, ['more'])
    const reader = connectProvider(relay.wsUrl, rooms[0]!, { register: true })
    cleanups.push(async () => reader.destroy())
    await waitFor(() => reader.synced && keysOf(reader.doc).length === 2, 'existing room read')
    expect(relay.relay.health().counters).toMatchObject({ roomsCreated: 5, refusedRateLimit: 1 })
  })

  it('counts registrations per address, then relay-wide; a refusal per address uses no relay-wide slot', async () => {
    const env = { MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR: '2', MAX_ROOM_REGISTRATIONS_PER_HOUR: '3' }
    const relay = await started({ env })
    const rooms = await Promise.all(Array.from({ length: 5 }, () => createTestRoom()))
    const outcomes: Array<number | 'open'> = []
    for (const room of rooms.slice(0, 3)) outcomes.push(await registerFrom(relay, room, '127.0.0.1'))
    for (const room of rooms.slice(3)) outcomes.push(await registerFrom(relay, room, '127.0.0.2'))
    // 127.0.0.1: two, then its own limit. 127.0.0.2: the third relay-wide slot, then the relay-wide limit.
    expect(outcomes).toEqual(['open', 'open', CloseCode.tooManyRequests, 'open', CloseCode.tooManyRequests])
    await freed(relay)
    expect(await roomDirs(relay)).toEqual([rooms[0]!.roomId, rooms[1]!.roomId, rooms[3]!.roomId].sort())
  })
})

// Engine mode (issue 19): several relays serve one room over the engine (Debian's redis-server or valkey-server,
// started here on a unix socket in a temporary directory). Phones of one room split across relays converge, every
// acknowledged update is there when a third relay with no memory loads the room, a relay or the engine killed with
// SIGKILL loses nothing acknowledged, a relay behind a compaction recovers from the snapshot, renewals, archives,
// reader removals and the relay-wide registration limit reach every relay, and erased values leave the engine's files.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { hashRoomToken } from '../../src/lib/credentials.ts'
import { createPartnerReadKey, partnerReadTokenOf, readerIdOf } from '../../src/lib/partner-link.ts'
import {
  CloseCode, MESSAGE_ROOM_ARCHIVED, MESSAGE_ROOM_MOVED, READERS_PATH_PREFIX, RENEW_PATH_PREFIX, ARCHIVE_PATH_PREFIX,
  SYNC_STEP1, SYNC_UPDATE, TOKEN_HEADER,
} from '../../src/lib/relay-protocol.ts'
import { connectEngine } from '../../server/engine/engine.ts'
import { createEngineStore } from '../../server/engine/engine-store.ts'
import { startEngine, type TestEngine } from '../helpers/engine.ts'
import { startFailoverProxy } from '../helpers/failover-proxy.ts'
import {
  connectProvider, createTestRoom, docFromFrames, fetchHealth, frameKinds, isBareFrame, lastAck, openRawClient, openReader,
  relayProtocols, roundTrip, spawnRelay, startRelay, syncFrame, waitFor, writeKeysRaw, type RawClient, type StartedRelay,
  type TestRoom,
} from '../helpers/relay.ts'

let engine: TestEngine
beforeAll(async () => {
  engine = await startEngine()
})
afterAll(async () => engine.stop())

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A relay in engine mode (in this process unless `child`), its data dir unused. */
const relayOnEngine = async (env: Record<string, string> = {}, child = false): Promise<StartedRelay> => {
  const options = { env: { ENGINE_URL: engine.url, ...env } }
  const relay = child ? await spawnRelay(options) : await startRelay(options)
  cleanups.push(() => relay.stop())
  return relay
}

const keysOf = (doc: Y.Doc): string[] => [...doc.getMap('m').keys()].sort()
/** The whole room as a relay serves it to a new socket. */
const readRoom = async (wsUrl: string, room: TestRoom): Promise<string[]> => {
  const reader = await openReader(wsUrl, room)
  await waitFor(() => frameKinds(reader.received).includes('sync1'), 'the room read')
  reader.ws.close()
  return keysOf(docFromFrames(reader.received))
}
const range = (from: number, count: number, prefix = 'k'): string[] => Array.from({ length: count }, (_, i) => `${prefix}${from + i}`)

/** A raw client that writes one update per key and remembers how many the relay acknowledged. */
const openWriter = async (wsUrl: string, room: TestRoom, register = false) => {
  const client = await openRawClient(wsUrl, room.roomId, relayProtocols(room.token, { register, ack: true }))
  const doc = new Y.Doc()
  doc.on('update', (update: Uint8Array) => {
    if (client.ws.readyState === client.ws.OPEN) client.ws.send(syncFrame(SYNC_UPDATE, update))
  })
  return { client, doc, write: (keys: string[]) => keys.forEach((key) => doc.getMap('m').set(key, key)) }
}

describe('engine mode: one room, several relays', () => {
  it('refuses to start on an engine that does not sync every write to its disk, or evicts keys', async () => {
    const lazy = await startEngine(['--appendfsync', 'everysec'])
    cleanups.push(() => lazy.stop())
    await expect(startRelay({ env: { ENGINE_URL: lazy.url } })).rejects.toThrow(/appendfsync always/)
    const evicting = await startEngine(['--appendfsync', 'always', '--maxmemory-policy', 'allkeys-lru'])
    cleanups.push(() => evicting.stop())
    await expect(startRelay({ env: { ENGINE_URL: evicting.url } })).rejects.toThrow(/maxmemory-policy noeviction/)
  })

  it('converges live and offline edits across relays, never echoes, and a third relay loads every acknowledged update', async () => {
    const [a, b] = [await relayOnEngine(), await relayOnEngine()]
    const room = await createTestRoom()
    await writeKeysRaw(a.wsUrl, room, ['first'], true) // registered on A: the same token opens it on B
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    const phoneA = connectProvider(a.wsUrl, room, { doc: docA })
    const phoneB = connectProvider(b.wsUrl, room, { doc: docB })
    cleanups.push(() => phoneA.destroy(), () => phoneB.destroy())
    await waitFor(() => phoneA.synced && phoneB.synced, 'both phones synced')
    docA.getMap('m').set('fromA', 'a')
    docB.getMap('m').set('fromB', 'b')
    await waitFor(() => keysOf(docA).length === 3 && keysOf(docB).length === 3, 'live edits on both relays')

    phoneB.disconnect() // offline: both sides go on
    docA.getMap('m').set('whileBOffline', 'a')
    docB.getMap('m').set('offlineOnB', 'b')
    phoneB.connect()
    const all = ['fromA', 'fromB', 'first', 'offlineOnB', 'whileBOffline'].sort()
    await waitFor(() => keysOf(docA).join() === all.join() && keysOf(docB).join() === all.join(), 'offline edits converged')

    // Acknowledged writes on both relays; a writer never gets its own update back.
    const onA = await openWriter(a.wsUrl, room)
    const onB = await openWriter(b.wsUrl, room)
    onA.write(range(0, 20, 'a'))
    onB.write(range(0, 20, 'b'))
    await waitFor(() => lastAck(onA.client.received) === 20 && lastAck(onB.client.received) === 20, 'acks on both relays')
    await waitFor(() => keysOf(docA).length === all.length + 40, 'both bursts reach a phone on A')
    const updatesBack = (client: RawClient): number => frameKinds(client.received).filter((kind) => kind === 'sync2').length
    await waitFor(() => updatesBack(onA.client) >= 20 && updatesBack(onB.client) >= 20, 'each writer gets the other\'s')
    await Promise.all([roundTrip(onA.client), roundTrip(onB.client)])
    expect(updatesBack(onA.client)).toBe(20) // B's, one frame each; none of its own
    expect(updatesBack(onB.client)).toBe(20)

    const c = await relayOnEngine()
    expect(await readRoom(c.wsUrl, room)).toEqual([...all, ...range(0, 20, 'a'), ...range(0, 20, 'b')].sort())
  })

  it('loses nothing acknowledged when a relay is killed mid-burst; its phones fail over and send the rest', async () => {
    const a = await relayOnEngine({}, true)
    const b = await relayOnEngine()
    const proxy = await startFailoverProxy([Number(new URL(a.url).port), Number(new URL(b.url).port)])
    cleanups.push(() => proxy.close())
    const room = await createTestRoom()
    const doc = new Y.Doc()
    const phone = new WebsocketProvider(proxy.wsUrl, room.roomId, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      protocols: relayProtocols(room.token, { register: true }),
      disableBc: true,
      maxBackoffTime: 200,
    })
    cleanups.push(() => phone.destroy())
    await waitFor(() => phone.synced, 'phone synced through A')
    const writer = await openWriter(a.wsUrl, room)
    const burst = range(0, 400)
    let written = 0
    const pump = setInterval(() => {
      const next = burst.slice(written, written + 10)
      writer.write(next)
      for (const key of next) doc.getMap('m').set(key, key)
      written += next.length
      if (written >= burst.length) clearInterval(pump)
    }, 5)
    await waitFor(() => lastAck(writer.client.received) >= 60, 'the burst under way')
    await (a as Awaited<ReturnType<typeof spawnRelay>>).kill('SIGKILL')
    clearInterval(pump)
    const acked = burst.slice(0, lastAck(writer.client.received))
    expect(acked.length).toBeLessThan(written) // killed mid-burst: some writes were never acknowledged

    const kept = await readRoom(b.wsUrl, room)
    expect(acked.filter((key) => !kept.includes(key))).toEqual([])
    // The phone reconnects through the proxy, now to B, and sends what B lacks.
    await waitFor(async () => (await readRoom(b.wsUrl, room)).length === written, 'the phone resent the rest', 15_000)
    expect(proxy.routed.at(-1)).toBe(Number(new URL(b.url).port))
  })

  it('acknowledges nothing while the engine is down and loses nothing acknowledged after it restarts', async () => {
    const a = await relayOnEngine()
    const room = await createTestRoom()
    await writeKeysRaw(a.wsUrl, room, range(0, 20), true)
    const writer = await openWriter(a.wsUrl, room)
    writer.write(['beforeKill'])
    await waitFor(() => lastAck(writer.client.received) === 1, 'ack before the engine dies')
    await engine.kill('SIGKILL')
    try {
      writer.write(['whileDown'])
      const closed = await Promise.race([writer.client.closed, new Promise((done) => setTimeout(() => done(null), 1_500))])
      expect(lastAck(writer.client.received)).toBe(1)
      expect(closed === null || (closed as { code: number }).code === CloseCode.tryAgainLater).toBe(true)
    } finally {
      await engine.restart()
    }
    const b = await relayOnEngine()
    await waitFor(async () => (await readRoom(b.wsUrl, room).catch(() => [])).length >= 21, 'the room back from the engine')
    const kept = await readRoom(b.wsUrl, room)
    expect([...range(0, 20), 'beforeKill'].filter((key) => !kept.includes(key))).toEqual([])
    // A reconnects by itself and stores again.
    await waitFor(async () => {
      const again = await openWriter(a.wsUrl, room).catch(() => null)
      if (!again) return false
      again.write(['afterRestart'])
      await new Promise((done) => setTimeout(done, 200))
      again.client.ws.close()
      return lastAck(again.client.received) === 1
    }, 'A storing again')
  })

  it('brings a follower that fell behind a trim back through the snapshot; two compactions at once keep everything', async () => {
    const stores = await Promise.all([0, 1, 2].map(async () => createEngineStore(
      await connectEngine({ url: engine.url, prefix: 'trim:' }), { aofRewriteDelayMs: 60_000 },
    )))
    cleanups.push(() => Promise.all(stores.map((store) => store.close())).then(() => undefined))
    const [behind, writer, other] = stores as [typeof stores[0], typeof stores[0], typeof stores[0]]
    const room = await createTestRoom()
    await writer.createRoom(room.roomId, { tokenHash: 'h', createdAt: new Date().toISOString() })
    const source = new Y.Doc()
    const updates: Uint8Array[] = []
    source.on('update', (update: Uint8Array) => updates.push(update))
    for (const key of range(0, 10)) source.getMap('m').set(key, key)
    for (const update of updates.splice(0)) await writer.append(room.roomId, update)

    const doc = new Y.Doc()
    for (const update of await behind.loadUpdates(room.roomId)) Y.applyUpdate(doc, update)
    // While `behind` is not listening yet: more writes, then two compactions at once (the log is trimmed).
    for (const key of range(10, 30)) source.getMap('m').set(key, key)
    for (const update of updates.splice(0)) await writer.append(room.roomId, update)
    await Promise.all([writer.compact(room.roomId), other.compact(room.roomId)])
    const pages: boolean[] = []
    const stop = behind.follow!(room.roomId, (page) => {
      pages.push(page.snapshot !== null)
      if (page.snapshot) Y.applyUpdate(doc, page.snapshot)
      for (const entry of page.entries) Y.applyUpdate(doc, entry.update)
    })
    cleanups.push(stop)
    await waitFor(() => keysOf(doc).length === 40, 'caught up from the snapshot')
    expect(pages[0]).toBe(true)
    source.getMap('m').set('later', 'later')
    for (const update of updates.splice(0)) await writer.append(room.roomId, update)
    await waitFor(() => keysOf(doc).includes('later'), 'following again after the snapshot')
    const cold = new Y.Doc()
    for (const update of await other.loadUpdates(room.roomId)) Y.applyUpdate(cold, update)
    expect(keysOf(cold)).toEqual(keysOf(source))
  })

  it('takes the same token on both relays; renewal, archive, reader removal and the registration limit reach both', async () => {
    // Their own key prefix: the registration count starts at zero.
    const env = { MAX_ROOM_REGISTRATIONS_PER_HOUR: '3', ENGINE_PREFIX: 'limits:' }
    const [a, b] = [await relayOnEngine(env), await relayOnEngine(env)]
    const [renewed, archived, read] = [await createTestRoom(), await createTestRoom(), await createTestRoom()]
    await writeKeysRaw(a.wsUrl, renewed, ['x'], true)
    await writeKeysRaw(b.wsUrl, archived, ['x'], true)
    await writeKeysRaw(a.wsUrl, read, ['x'], true)
    // Three rooms registered over both relays: the fourth is refused on either.
    const fourth = await createTestRoom()
    const refused = await openRawClient(b.wsUrl, fourth.roomId, relayProtocols(fourth.token, { register: true, ack: true }))
    expect((await refused.closed).code).toBe(CloseCode.tooManyRequests)

    const onB = await openReader(b.wsUrl, renewed)
    await waitFor(() => frameKinds(onB.received).includes('sync1'), 'B serving the room A registered')
    const renewal = await fetch(`${a.url}${RENEW_PATH_PREFIX}${renewed.roomId}`, { method: 'POST', headers: { [TOKEN_HEADER]: renewed.token } })
    expect(renewal.status).toBe(204)
    expect((await onB.closed).code).toBe(CloseCode.roomMoved)
    expect(onB.received.some((frame) => isBareFrame(frame, MESSAGE_ROOM_MOVED))).toBe(true)
    const again = await openRawClient(b.wsUrl, renewed.roomId, relayProtocols(renewed.token, { ack: true }))
    expect((await again.closed).code).toBe(CloseCode.roomMoved)

    const onA = await openReader(a.wsUrl, archived)
    await waitFor(() => frameKinds(onA.received).includes('sync1'), 'A serving the room B registered')
    const archive = await fetch(`${b.url}${ARCHIVE_PATH_PREFIX}${archived.roomId}`, { method: 'POST', headers: { [TOKEN_HEADER]: archived.token } })
    expect(archive.status).toBe(204)
    await waitFor(() => onA.received.some((frame) => isBareFrame(frame, MESSAGE_ROOM_ARCHIVED)), 'archive told on A')
    onA.ws.close()

    const key = createPartnerReadKey()
    const reader = { id: await readerIdOf(read.roomId, key), token: await partnerReadTokenOf(read.roomId, key) }
    const filed = await fetch(`${a.url}${READERS_PATH_PREFIX}${read.roomId}`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: read.token, 'content-type': 'application/json' },
      body: JSON.stringify({ id: reader.id, tokenHash: await hashRoomToken(reader.token as TestRoom['token']) }),
    })
    expect(filed.status).toBe(201)
    const partner = await openRawClient(b.wsUrl, read.roomId, relayProtocols(reader.token, { ack: true }))
    partner.ws.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())))
    await waitFor(() => keysOf(docFromFrames(partner.received)).includes('x'), 'the reader reads through B')
    const removed = await fetch(`${a.url}${READERS_PATH_PREFIX}${read.roomId}/${reader.id}`, {
      method: 'DELETE', headers: { [TOKEN_HEADER]: read.token },
    })
    expect(removed.status).toBe(204)
    expect((await partner.closed).code).toBe(CloseCode.readerRevoked)
  })

  it('never sweeps a room another relay holds for its sockets; deletes it for disuse once nobody holds it', async () => {
    const env = { ENGINE_URL: engine.url, ENGINE_PREFIX: 'sweep:' }
    const later = Date.now() + 500 * 24 * 60 * 60 * 1000 // past IDLE_ROOM_DAYS and ROOM_RETENTION_DAYS
    const sweeping = await startRelay({ env, now: () => later })
    cleanups.push(() => sweeping.stop())
    const holding = await relayOnEngine({ ENGINE_PREFIX: 'sweep:' })
    const room = await createTestRoom()
    await writeKeysRaw(holding.wsUrl, room, ['kept'], true)
    const phone = await openReader(holding.wsUrl, room)
    await waitFor(() => frameKinds(phone.received).includes('sync1'), 'a phone on the holding relay')
    expect(await sweeping.relay.sweepRenewedRooms()).toBe(0)
    expect(await readRoom(holding.wsUrl, room)).toEqual(['kept'])
    phone.ws.close()
    await waitFor(async () => (await fetchHealth(holding.url)).rooms === 0, 'the room freed on the holding relay')
    expect(await sweeping.relay.sweepRenewedRooms()).toBe(1)
    expect(sweeping.relay.metrics.counters.roomsDeletedIdle).toBe(1)
  })

  it('refuses writes to a room archived behind its back, and catches up on what it missed while its notifications were cut', async () => {
    const relay = await relayOnEngine()
    const side = createEngineStore(await connectEngine({ url: engine.url, prefix: 'pedibus:' }), { aofRewriteDelayMs: 60_000 })
    cleanups.push(() => side.close())
    const [archived, read] = [await createTestRoom(), await createTestRoom()]
    await writeKeysRaw(relay.wsUrl, archived, ['x'], true)
    await writeKeysRaw(relay.wsUrl, read, ['x'], true)
    const writer = await openWriter(relay.wsUrl, archived)
    const key = createPartnerReadKey()
    const reader = { id: await readerIdOf(read.roomId, key), token: await partnerReadTokenOf(read.roomId, key) }
    const filed = await fetch(`${relay.url}${READERS_PATH_PREFIX}${read.roomId}`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: read.token, 'content-type': 'application/json' },
      body: JSON.stringify({ id: reader.id, tokenHash: await hashRoomToken(reader.token as TestRoom['token']) }),
    })
    expect(filed.status).toBe(201)
    const partner = await openRawClient(relay.wsUrl, read.roomId, relayProtocols(reader.token, { ack: true }))
    partner.ws.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())))
    await waitFor(() => keysOf(docFromFrames(partner.received)).includes('x'), 'the reader reads')

    // Another relay archived the room and removed the reader, and this relay heard nothing of it.
    expect(await side.markArchived(archived.roomId, new Date().toISOString())).toBe(true)
    await side.updateReaders(read.roomId, () => [])
    writer.write(['afterArchive'])
    expect((await writer.client.closed).code).toBe(CloseCode.tryAgainLater) // refused by the engine, never acked
    expect(lastAck(writer.client.received)).toBe(0)
    const back = await openReader(relay.wsUrl, archived)
    const told = (): boolean => back.received.some((frame) => isBareFrame(frame, MESSAGE_ROOM_ARCHIVED))
    await waitFor(() => told() && frameKinds(back.received).includes('sync1'), 'archived on reload')
    expect(keysOf(docFromFrames(back.received))).toEqual(['x'])
    back.ws.close()

    // Its notifications cut and back: it reads what it missed for the rooms it holds.
    expect(partner.ws.readyState).toBe(partner.ws.OPEN)
    await engine.command('CLIENT KILL TYPE pubsub')
    expect((await partner.closed).code).toBe(CloseCode.readerRevoked)
  })

  it('rewrites the engine\'s file after an erasure whichever relay compacted, and after a room or an invitation is deleted', async () => {
    const [first, second] = await Promise.all([0, 1].map(async () => createEngineStore(
      await connectEngine({ url: engine.url, prefix: 'rewrite:' }), { aofRewriteDelayMs: 0 },
    )))
    cleanups.push(() => Promise.all([first!.close(), second!.close()]).then(() => undefined))
    const inFiles = async (text: string): Promise<boolean> => (await engine.files()).includes(text)
    const writeNote = async (roomId: string, note: string): Promise<Y.Doc> => {
      await first!.createRoom(roomId, { tokenHash: 'h', createdAt: new Date().toISOString() })
      const doc = new Y.Doc()
      doc.on('update', (update: Uint8Array) => void first!.append(roomId, update))
      doc.getMap('m').set('note', note)
      await first!.flush(roomId)
      await waitFor(() => inFiles(note), 'the note in the engine\'s files')
      return doc
    }
    // The deletion is stored by `first`, but `second` compacts first (no erasure of its own to do): still rewritten.
    const raced = await createTestRoom()
    const racedNote = `raced-${raced.roomId}`
    const doc = await writeNote(raced.roomId, racedNote)
    doc.getMap('m').set('other', 'kept')
    doc.getMap('m').delete('note')
    await first!.flush(raced.roomId)
    await second!.compact(raced.roomId)
    await first!.compact(raced.roomId, { erasure: true })
    await waitFor(async () => !(await inFiles(racedNote)), 'the raced note gone from the engine\'s files')

    const deleted = await createTestRoom()
    const deletedNote = `deleted-${deleted.roomId}`
    await writeNote(deleted.roomId, deletedNote)
    await first!.deleteRoom(deleted.roomId)
    await waitFor(async () => !(await inFiles(deletedNote)), 'the deleted room gone from the engine\'s files')

    const sealed = `S${raced.roomId.replace(/[^A-Za-z0-9]/g, '')}sealedInvite`
    const invitation = { id: 'i'.repeat(22), sealed, createdAt: new Date().toISOString(), expiresAt: new Date().toISOString() }
    await first!.updateInvitations(raced.roomId, () => [invitation])
    await waitFor(() => inFiles(sealed), 'the invitation in the engine\'s files')
    await first!.updateInvitations(raced.roomId, () => [])
    await waitFor(async () => !(await inFiles(sealed)), 'the revoked invitation gone from the engine\'s files')
  })

  it('erases deleted values from the engine\'s append-only file after the erasure compaction', async () => {
    const a = await relayOnEngine({ COMPACT_AFTER_DELETE_MS: '50', ENGINE_AOF_REWRITE_MS: '0' })
    const room = await createTestRoom()
    const canary = `canary-${room.roomId}`
    const writer = await openWriter(a.wsUrl, room, true)
    writer.doc.getMap('m').set('note', canary)
    await waitFor(() => lastAck(writer.client.received) === 1, 'the note stored')
    // On the engine's disk, in clear (a test value; the app seals personal values): the search below can fail.
    await waitFor(async () => (await engine.files()).includes(canary), 'the note in the engine\'s files')
    writer.doc.getMap('m').delete('note')
    await waitFor(() => lastAck(writer.client.received) === 2, 'the deletion stored')
    await waitFor(async () => !(await engine.files()).includes(canary), 'the note gone from every engine file', 15_000)
    expect(await readRoom(a.wsUrl, room)).toEqual([])
  })
})

// A room's size limit (a clear refusal, deletions still pass) and a large room sent to a joining phone on a slow
// link in parts it can take, instead of dropping it before it gets a byte.
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import {
  CloseCode, MESSAGE_REFUSED, MESSAGE_SYNC, RefusalCode, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE,
} from '../../src/lib/relay-protocol.ts'
import {
  createTestRoom, lastAck, openRawClient, relayProtocols, startRelay, syncFrame, waitFor, type InProcessRelay,
} from '../helpers/relay.ts'
import { seedFromEnv, seededRandom } from '../helpers/seeded-random.ts'

const SEED = seedFromEnv('LIMITS_SEED', 311)
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const started = async (env: Record<string, string>): Promise<InProcessRelay> => {
  const relay = await startRelay({ env })
  cleanups.push(() => relay.stop())
  return relay
}

/** Incompressible text, like sealed values. */
const noise = (random: () => number, length: number): string =>
  Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('')

/** A writer that answers the relay's step 1 with an empty step 2 (message 1), then sends `updates` one by one. */
const writer = async (relay: InProcessRelay, room: { roomId: string; token: string }, register: boolean) => {
  const client = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { register, ack: true }))
  cleanups.push(() => client.ws.terminate())
  client.ws.send(syncFrame(SYNC_STEP2, Y.encodeStateAsUpdate(new Y.Doc())))
  let sent = 1
  return {
    client,
    send(update: Uint8Array): number {
      client.ws.send(syncFrame(SYNC_UPDATE, update))
      return ++sent
    },
  }
}

describe('room size limit and large rooms', () => {
  it('refuses additions past ROOM_MAX_BYTES with a clear refusal, and still takes deletions', async () => {
    const relay = await started({ ROOM_MAX_BYTES: String(64 * 1024), COMPACT_LOG_BYTES: String(1024 * 1024) })
    const room = await createTestRoom()
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const random = seededRandom(SEED)
    for (let i = 0; i < 20; i++) doc.getMap('notes').set(`n${i}`, noise(random, 5_000))
    const first = await writer(relay, room, true)
    let refusedAt = 0
    for (const update of updates) {
      const number = first.send(update)
      await waitFor(() => lastAck(first.client.received) >= number || first.client.ws.readyState !== first.client.ws.OPEN, `message ${number}`)
      if (lastAck(first.client.received) < number) {
        refusedAt = number
        break
      }
    }
    const { code } = await first.client.closed
    expect(code).toBe(CloseCode.roomFull)
    expect(refusedAt).toBeGreaterThan(5)
    // The refusal says why and which message: the phone shows it and keeps the change waiting.
    const refusal = first.client.received.find((frame) => frame[0] === MESSAGE_REFUSED)!
    const decoder = decoding.createDecoder(refusal)
    decoding.readVarUint(decoder)
    expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([RefusalCode.roomFull, refusedAt])
    expect(relay.relay.metrics.counters.updatesStored).toBe(refusedAt - 2)

    // Deleting is how a full collective gets room again: accepted and acknowledged.
    const before = updates.length
    for (let i = 0; i < refusedAt - 2; i++) doc.getMap('notes').delete(`n${i}`)
    const second = await writer(relay, room, false)
    for (const update of updates.slice(before)) second.send(update)
    await waitFor(() => lastAck(second.client.received) >= 1 + updates.length - before, 'deletions acknowledged')
  })

  it('acknowledges a re-send of a change the full room already holds', async () => {
    const relay = await started({ ROOM_MAX_BYTES: String(64 * 1024), COMPACT_LOG_BYTES: String(1024 * 1024) })
    const room = await createTestRoom()
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const random = seededRandom(SEED + 2)
    for (let i = 0; i < 20; i++) doc.getMap('notes').set(`n${i}`, noise(random, 5_000))

    const first = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { register: true, ack: true }))
    cleanups.push(() => first.ws.terminate())
    first.ws.send(syncFrame(SYNC_STEP2, Y.encodeStateAsUpdate(new Y.Doc())))
    let sent = 1
    let lastStored: Uint8Array | null = null
    for (const update of updates) {
      first.ws.send(syncFrame(SYNC_UPDATE, update))
      const number = ++sent
      await waitFor(() => lastAck(first.received) >= number || first.ws.readyState !== first.ws.OPEN, `message ${number}`)
      if (lastAck(first.received) < number) break
      lastStored = update
    }
    expect((await first.closed).code).toBe(CloseCode.roomFull)
    expect(lastStored).not.toBeNull()

    // The same phone, its last ack lost: it reconnects and re-sends the stored change as it is.
    const again = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { ack: true }))
    cleanups.push(() => again.ws.terminate())
    again.ws.send(syncFrame(SYNC_STEP2, Y.encodeStateAsUpdate(new Y.Doc()))) // message 1: nothing new
    again.ws.send(syncFrame(SYNC_UPDATE, lastStored!)) // message 2: already in the room
    await waitFor(() => lastAck(again.received) >= 2 || again.ws.readyState !== again.ws.OPEN, 're-send answered')
    const closedWith = again.ws.readyState === again.ws.OPEN ? null : (await again.closed).code
    expect({ ack: lastAck(again.received), closedWith }).toEqual({ ack: 2, closedWith: null }) // it was closed with 4413
  })

  it('sends a large room to a phone that reads slowly in parts, without dropping it', async () => {
    // Small messages so that the room (about 5 MiB) is many times the slow-socket bound (8 x MAX_PAYLOAD = 2 MiB).
    const relay = await started({ MAX_PAYLOAD: String(256 * 1024) })
    const room = await createTestRoom()
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const random = seededRandom(SEED + 1)
    for (let i = 0; i < 500; i++) doc.getMap('notes').set(`n${i}`, noise(random, 10_000))
    const filler = await writer(relay, room, true)
    let last = 0
    for (const update of updates) last = filler.send(update)
    await waitFor(() => lastAck(filler.client.received) >= last, 'room filled', 30_000)

    // A phone on a slow link: it asks for everything, then does not read for 2 s, then reads.
    const joiner = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token))
    cleanups.push(() => joiner.ws.terminate())
    const socket = (joiner.ws as WebSocket & { _socket: { pause(): void; resume(): void } })._socket
    socket.pause()
    joiner.ws.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())))
    await new Promise((done) => setTimeout(done, 1_000))
    // Meanwhile the room goes on: what is forwarded to the slow phone must not count it as a dead reader.
    doc.getMap('notes').set('late', 'written while the phone was joining')
    last = filler.send(updates[updates.length - 1]!)
    await waitFor(() => lastAck(filler.client.received) >= last, 'late write stored')
    await new Promise((done) => setTimeout(done, 1_000))
    socket.resume()
    const copy = new Y.Doc()
    let step2 = false
    let parts = 0
    await waitFor(() => {
      for (const frame of joiner.received.splice(0)) {
        const decoder = decoding.createDecoder(frame)
        if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) continue
        const subtype = decoding.readVarUint(decoder)
        if (subtype === SYNC_STEP1) continue
        Y.applyUpdate(copy, decoding.readVarUint8Array(decoder))
        parts++
        if (subtype === SYNC_STEP2) step2 = true
      }
      return step2 || joiner.ws.readyState !== joiner.ws.OPEN
    }, 'joiner synced', 30_000)
    expect(joiner.ws.readyState).toBe(joiner.ws.OPEN)
    expect(relay.relay.metrics.counters.slowSocketsDropped).toBe(0)
    expect(parts).toBeGreaterThan(10) // in parts of at most MAX_PAYLOAD / 2
    expect(copy.store.pendingStructs).toBeNull()
    expect(copy.getMap('notes').size).toBe(501)
    expect(copy.getMap('notes').toJSON()).toEqual(doc.getMap('notes').toJSON())
  }, 60_000)
})

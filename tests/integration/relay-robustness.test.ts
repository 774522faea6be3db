// Hostile input: malformed frames, over-size messages and thousands of mutated sync messages close only the
// offending socket; the relay keeps serving a healthy pair of clients in another room throughout.
import { connect } from 'node:net'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode, MESSAGE_AWARENESS, MESSAGE_SYNC, SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../src/lib/relay-protocol.ts'
import { connectProvider, createTestRoom, fetchHealth, openRawClient, relayProtocols, startRelay, waitFor, type InProcessRelay, type RawClient, type TestRoom } from '../helpers/relay.ts'
import { seededRandom as createRandom } from '../helpers/seeded-random.ts'

const MAX_PAYLOAD = 64 * 1024
let relay: InProcessRelay
let healthy: { a: WebsocketProvider; b: WebsocketProvider; docA: Y.Doc; docB: Y.Doc }
let edits = 0

beforeAll(async () => {
  relay = await startRelay({ env: { MAX_PAYLOAD: String(MAX_PAYLOAD), MAX_CONNECTIONS_PER_IP: '1000', MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR: '1000' } })
  const room = await createTestRoom()
  const docA = new Y.Doc()
  const docB = new Y.Doc()
  const a = connectProvider(relay.wsUrl, room, { doc: docA, register: true })
  await waitFor(() => a.synced, 'healthy A synced')
  const b = connectProvider(relay.wsUrl, room, { doc: docB })
  await waitFor(() => b.synced, 'healthy B synced')
  healthy = { a, b, docA, docB }
})

afterAll(async () => {
  healthy.a.destroy()
  healthy.b.destroy()
  await relay.stop()
})

/** The healthy pair still syncs: an edit in A reaches B. */
const expectHealthyStillSyncs = async (): Promise<void> => {
  const value = ++edits
  healthy.docA.getMap('m').set('edit', value)
  await waitFor(() => healthy.docB.getMap('m').get('edit') === value, `healthy edit ${value}`)
}

const registerRoom = async (): Promise<TestRoom> => {
  const room = await createTestRoom()
  const client = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { register: true }))
  await waitFor(() => client.received.length > 0, 'registered')
  client.ws.close()
  await client.closed
  return room
}

/** Completes a websocket handshake over raw TCP, writes `frame`, and resolves with the close code the relay sent. */
const sendRawFrame = (port: number, room: TestRoom, frame: Buffer): Promise<number | null> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let buffer = Buffer.alloc(0)
    let upgraded = false
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error('raw socket not closed in time'))
    }, 5_000)
    socket.on('error', () => undefined)
    socket.on('connect', () => {
      socket.write(
        `GET /sync/${room.roomId} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n` +
          `Sec-WebSocket-Protocol: ${SUBPROTOCOL}, ${TOKEN_PROTOCOL_PREFIX}${room.token}\r\n\r\n`,
      )
    })
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk])
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n')
        if (end < 0) return
        upgraded = true
        buffer = buffer.subarray(end + 4)
        setTimeout(() => socket.write(frame), 50) // after the relay joined the room
      }
    })
    socket.on('close', () => {
      clearTimeout(timer)
      // Find the close frame (opcode 8) among what the relay sent after the handshake.
      for (let offset = 0; offset + 1 < buffer.length; ) {
        const opcode = buffer[offset]! & 0x0f
        const length = buffer[offset + 1]! & 0x7f
        if (length > 125) break
        if (opcode === 8) return resolve(length >= 2 ? buffer.readUInt16BE(offset + 2) : null)
        offset += 2 + length
      }
      resolve(null)
    })
  })

/** Event-driven wait (no polling): resolves when `done()` holds after a message or close; bounded at 5 s. */
const untilMessageOrClose = (client: RawClient, done: () => boolean): Promise<void> =>
  new Promise((resolve, reject) => {
    if (done()) return resolve()
    const check = () => {
      if (!done()) return
      cleanup()
      resolve()
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error('no reply within 5 s'))
    }, 5_000)
    const cleanup = () => {
      clearTimeout(timer)
      client.ws.off('message', check)
      client.ws.off('close', check)
    }
    // Registered after the helper's own listeners, so `received` and `closed` are up to date here.
    client.ws.on('message', check)
    client.ws.on('close', check)
  })

describe('relay robustness', () => {
  it('closes a socket that sends a frame with a reserved bit set (1002) and keeps serving', async () => {
    const room = await registerRoom()
    const rsvFrame = Buffer.from([0x80 | 0x40 | 0x2, 0x80 | 1, 1, 2, 3, 4, 5]) // FIN+RSV1, binary, masked, 1 byte
    expect(await sendRawFrame(relay.relay.port, room, rsvFrame)).toBe(CloseCode.protocolError)
    const unmasked = Buffer.from([0x80 | 0x2, 1, 0]) // clients must mask their frames
    expect(await sendRawFrame(relay.relay.port, room, unmasked)).toBe(CloseCode.protocolError)
    expect(relay.relay.metrics.counters.malformedFrames).toBeGreaterThanOrEqual(2)
    await expectHealthyStillSyncs()
  })

  it('closes a socket that sends one message just over MAX_PAYLOAD with 1009 and keeps serving', async () => {
    const room = await registerRoom()
    const client = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token))
    await waitFor(() => client.received.length > 0, 'joined')
    client.ws.send(new Uint8Array(MAX_PAYLOAD + 1))
    expect((await client.closed).code).toBe(CloseCode.tooLarge)
    expect(relay.relay.metrics.counters.oversizeMessages).toBe(1)
    await expectHealthyStillSyncs()
  })

  it('drops awareness and unknown message types without closing', async () => {
    const room = await registerRoom()
    const client = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token))
    await waitFor(() => client.received.length > 0, 'joined')
    const before = relay.relay.metrics.counters.messagesDropped
    client.ws.send(new Uint8Array([MESSAGE_AWARENESS, 1, 0]))
    client.ws.send(new Uint8Array([42, 1, 2, 3]))
    await waitFor(() => relay.relay.metrics.counters.messagesDropped === before + 2, 'two dropped')
    expect(client.ws.readyState).toBe(client.ws.OPEN)
    client.ws.close()
  })

  it('survives thousands of mutated and garbage sync messages (seeded)', async () => {
    const seed = Number(process.env.RELAY_FUZZ_SEED ?? Date.now() % 1_000_000)
    const random = createRandom(seed)
    const room = await registerRoom()
    const source = new Y.Doc()
    const validUpdates: Uint8Array[] = []
    source.on('update', (update: Uint8Array) => validUpdates.push(update))
    for (let i = 0; i < 50; i++) source.getMap('m').set(`k${i % 7}`, 'x'.repeat(i))
    for (let i = 0; i < 20; i++) source.getArray('a').insert(0, [i, `v${i}`])

    const frameOf = (update: Uint8Array): Uint8Array => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      encoding.writeVarUint(encoder, Math.floor(random() * 3)) // step1, step2 or update
      encoding.writeVarUint8Array(encoder, update)
      return encoding.toUint8Array(encoder)
    }
    const mutate = (bytes: Uint8Array): Uint8Array => {
      const copy = Uint8Array.from(bytes)
      const kind = random()
      if (kind < 0.15) return copy.subarray(0, Math.floor(random() * copy.length)) // truncated
      if (kind < 0.25) return Uint8Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256)) // noise
      const flips = 1 + Math.floor(random() * 4)
      for (let i = 0; i < flips && copy.length > 0; i++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256)
      return copy
    }

    // After each garbage message a valid step 1 is sent; its reply proves the relay processed the garbage.
    const barrier = new Uint8Array([MESSAGE_SYNC, 0, 1, 0])
    // An idle member keeps the room loaded, as a phone would, so garbage is applied to one long-lived doc.
    const member = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token))
    const total = 3_000
    let sent = 0
    let reconnects = 0
    try {
      for (let socketCount = 0; socketCount < total && sent < total; socketCount++) {
        const client = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token))
        await untilMessageOrClose(client, () => client.received.length > 0)
        let open = true
        client.ws.once('close', () => (open = false))
        for (let i = 0; i < total && sent < total && open; i++, sent++) {
          const update = validUpdates[Math.floor(random() * validUpdates.length)]!
          const replies = client.received.length
          client.ws.send(mutate(frameOf(update)))
          client.ws.send(barrier)
          await untilMessageOrClose(client, () => !open || client.received.length > replies)
        }
        if (open) client.ws.close()
        else reconnects++
      }
      expect(sent).toBe(total)
      expect(member.ws.readyState).toBe(member.ws.OPEN)
      member.ws.close()
      const health = await fetchHealth(relay.url)
      expect(health.counters.undecodableMessages).toBeGreaterThan(0)
      // Garbage is refused before it reaches the room: never a reset (which would close every phone of the room).
      expect(health.counters.roomsReset).toBe(0)
      expect(reconnects).toBeGreaterThan(0)
      await expectHealthyStillSyncs()
      console.log(`relay fuzz seed ${seed}: ${sent} messages, ${health.counters.undecodableMessages} undecodable, ${reconnects} sockets closed by the relay`)
    } catch (error) {
      console.error(`relay fuzz failed with seed ${seed} (replay: RELAY_FUZZ_SEED=${seed})`)
      throw error
    }
  })

  it('refuses a flood of sockets with wrong tokens without creating or loading any room', async () => {
    const room = await registerRoom()
    const wrong = await createTestRoom()
    const loadedBefore = relay.relay.metrics.counters.roomsLoaded
    const createdBefore = relay.relay.metrics.counters.roomsCreated
    const codes = new Map<number, number>()
    for (let batch = 0; batch < 10; batch++) {
      const clients = await Promise.all(Array.from({ length: 50 }, (_, i) =>
        openRawClient(relay.wsUrl, i % 2 ? room.roomId : wrong.roomId, relayProtocols(wrong.token, { register: i % 2 === 1 }))))
      for (const client of clients) {
        const { code } = await client.closed
        codes.set(code, (codes.get(code) ?? 0) + 1)
      }
    }
    expect(Object.fromEntries(codes)).toEqual({ [CloseCode.badToken]: 250, [CloseCode.unknownRoom]: 250 })
    expect(relay.relay.metrics.counters.roomsLoaded).toBe(loadedBefore)
    expect(relay.relay.metrics.counters.roomsCreated).toBe(createdBefore)
    await expectHealthyStillSyncs()
  })
})

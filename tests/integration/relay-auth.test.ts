// Authentication before joining: each refusal closes with its 44xx code after the upgrade and creates no room.
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode, SUBPROTOCOL } from '../../src/lib/relay-protocol.ts'
import { connectProvider, createTestRoom, fetchHealth, openRawClient, relayProtocols, startRelay, waitFor, type InProcessRelay } from '../helpers/relay.ts'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

let relay: InProcessRelay | null = null
afterEach(async () => {
  await relay?.stop()
  relay = null
})

const roomDirs = async (dataDir: string): Promise<string[]> => readdir(join(dataDir, 'rooms')).catch(() => [])

describe('relay authentication', () => {
  it('refuses each bad socket with its 44xx code and creates or loads no room for any of them', async () => {
    relay = await startRelay({ env: { ALLOWED_ORIGINS: 'https://pedibus.example' } })
    const room = await createTestRoom()
    const other = await createTestRoom()
    const registered = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { register: true }))
    await waitFor(() => registered.received.length > 0, 'registered and joined')
    registered.ws.close()
    await registered.closed
    await waitFor(() => relay!.relay.health().rooms === 0, 'registered room freed')
    const before = relay.relay.metrics.counters.roomsLoaded

    const cases: Array<{ name: string; path: string; protocols: string[]; headers?: Record<string, string>; code: number }> = [
      { name: 'no token', path: room.roomId, protocols: [SUBPROTOCOL], code: CloseCode.badToken },
      { name: 'malformed token', path: room.roomId, protocols: relayProtocols('short'), code: CloseCode.badToken },
      { name: 'wrong token', path: room.roomId, protocols: relayProtocols(other.token), code: CloseCode.badToken },
      { name: 'wrong token with register', path: room.roomId, protocols: relayProtocols(other.token, { register: true }), code: CloseCode.badToken },
      { name: 'no subprotocol', path: room.roomId, protocols: [`pedibus.token.${room.token}`], code: CloseCode.badRequest },
      { name: 'bad room id', path: 'not-a-room', protocols: relayProtocols(room.token), code: CloseCode.badRequest },
      { name: 'path traversal', path: '..%2F..%2Fetc%2Fpasswd', protocols: relayProtocols(room.token, { register: true }), code: CloseCode.badRequest },
      { name: 'foreign origin', path: room.roomId, protocols: relayProtocols(room.token), headers: { Origin: 'https://evil.example' }, code: CloseCode.forbiddenOrigin },
      { name: 'unknown room without register', path: other.roomId, protocols: relayProtocols(other.token), code: CloseCode.unknownRoom },
    ]
    for (const testCase of cases) {
      const client = await openRawClient(relay.wsUrl, testCase.path, testCase.protocols, testCase.headers)
      const closed = await client.closed
      expect({ name: testCase.name, code: closed.code }).toEqual({ name: testCase.name, code: testCase.code })
      expect(client.received).toEqual([]) // refused before any sync message
    }
    const health = await fetchHealth(relay.url)
    expect(health.rooms).toBe(0)
    expect(health.counters.roomsCreated).toBe(1)
    expect(relay.relay.metrics.counters.roomsLoaded).toBe(before)
    expect(await roomDirs(relay.dataDir)).toEqual([room.roomId])
  })

  it('accepts the allowed origin and same-origin pages when no allow-list is set', async () => {
    relay = await startRelay()
    const room = await createTestRoom()
    const host = new URL(relay.url).host
    const sameOrigin = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { register: true }), { Origin: `http://${host}` })
    await waitFor(() => sameOrigin.received.length > 0, 'sync step 1 from the relay')
    const foreign = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token), { Origin: 'http://localhost:1' })
    expect((await foreign.closed).code).toBe(CloseCode.forbiddenOrigin)
    sameOrigin.ws.close()
  })

  it('stops the stock client from retrying after a permanent refusal', async () => {
    relay = await startRelay()
    const room = await createTestRoom()
    const provider = connectProvider(relay.wsUrl, room) // unknown room, no register
    const closes: number[] = []
    provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
    await waitFor(() => closes.length > 0, 'first close')
    await new Promise((done) => setTimeout(done, 1_500)) // the client's first retry would come within ~100 ms
    expect(closes).toEqual([CloseCode.unknownRoom])
    expect(provider.wsconnected).toBe(false)
    provider.destroy()
  })

  it('limits room registrations per IP per hour with 4429', async () => {
    relay = await startRelay({ env: { MAX_ROOM_REGISTRATIONS_PER_IP_PER_HOUR: '2' } })
    const codes: number[] = []
    for (let i = 0; i < 3; i++) {
      const room = await createTestRoom()
      const client = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { register: true }))
      await Promise.race([waitFor(() => client.received.length > 0, 'joined', 2_000).catch(() => undefined), client.closed])
      client.ws.close()
      codes.push((await client.closed).code)
    }
    expect(codes).toEqual([1005, 1005, CloseCode.tooManyRequests])
    expect(relay.relay.metrics.counters.roomsCreated).toBe(2)
  })

  it('caps open connections per IP with 4429', async () => {
    relay = await startRelay({ env: { MAX_CONNECTIONS_PER_IP: '3' } })
    const room = await createTestRoom()
    const first = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { register: true }))
    await waitFor(() => first.received.length > 0, 'first joined')
    const more = [
      await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token)),
      await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token)),
    ]
    const overCap = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token))
    expect((await overCap.closed).code).toBe(CloseCode.tooManyRequests)
    for (const client of [first, ...more]) client.ws.close()
  })
})

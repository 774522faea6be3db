// Keepalive: the relay drops awareness, so it must send something else; otherwise the stock client's 30 s
// watchdog (nothing received for 30 s -> reconnect) makes every lone phone reconnect twice a minute.
// The watchdog's clock is simulated by ageing the provider's wsLastMessageReceived (20x faster than real time).
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { connectProvider, createTestRoom, relayProtocols, startRelay, waitFor, type InProcessRelay } from '../helpers/relay.ts'

let relay: InProcessRelay | null = null
afterEach(async () => {
  await relay?.stop()
  relay = null
})

/** Runs for `realMs`, ageing the watchdog by 2 s every 100 ms; returns how many times the socket was replaced. */
const simulateQuietPeriod = async (provider: WebsocketProvider, realMs: number): Promise<number> => {
  const firstSocket = provider.ws
  let replaced = 0
  let seen = firstSocket
  for (let elapsed = 0; elapsed < realMs; elapsed += 100) {
    provider.wsLastMessageReceived -= 2_000
    await new Promise((done) => setTimeout(done, 100))
    if (provider.ws !== seen && provider.ws !== null) {
      replaced++
      seen = provider.ws
    }
  }
  return replaced + (provider.wsconnected ? 0 : 1)
}

const lonelyClient = async (keepaliveMs: string): Promise<{ provider: WebsocketProvider; closes: number[] }> => {
  relay = await startRelay({ env: { KEEPALIVE_MS: keepaliveMs } })
  const room = await createTestRoom()
  const provider = connectProvider(relay.wsUrl, room, { register: true })
  const closes: number[] = []
  provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
  await waitFor(() => provider.synced, 'synced')
  return { provider, closes }
}

describe('relay keepalive', () => {
  it('keeps a lone stock client connected through more than 30 s of simulated silence', async () => {
    const { provider, closes } = await lonelyClient('100')
    const replaced = await simulateQuietPeriod(provider, 5_000) // 100 s on the watchdog's clock
    const closesBeforeDestroy = [...closes]
    provider.destroy()
    expect({ replaced, closes: closesBeforeDestroy }).toEqual({ replaced: 0, closes: [] })
    expect(relay!.relay.metrics.counters.keepalivesSent).toBeGreaterThan(10)
  })

  it('(control) without timely keepalives the same client is dropped by its watchdog', async () => {
    const { provider, closes } = await lonelyClient('25000')
    const replaced = await simulateQuietPeriod(provider, 5_000)
    const closesBeforeDestroy = closes.length
    provider.destroy()
    expect(replaced + closesBeforeDestroy).toBeGreaterThan(0)
  })
})

describe('relay ping', () => {
  it('terminates a socket that never answers pings, and keeps one that does', async () => {
    relay = await startRelay({ env: { PING_INTERVAL_MS: '100' } })
    const room = await createTestRoom()
    const provider = connectProvider(relay.wsUrl, room, { register: true }) // ws answers pings by itself
    await waitFor(() => provider.synced, 'synced')
    const socket = connect(relay.relay.port, '127.0.0.1')
    socket.on('error', () => undefined)
    socket.on('data', () => undefined) // read (and ignore) pings, so the relay's close reaches us
    const closed = new Promise<void>((done) => socket.once('close', () => done()))
    socket.write(
      `GET /sync/${room.roomId} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n` +
        `Sec-WebSocket-Protocol: ${relayProtocols(room.token).join(', ')}\r\n\r\n`,
    ) // then silence: never a pong
    await Promise.race([closed, new Promise((_, fail) => setTimeout(() => fail(new Error('not terminated')), 5_000))])
    expect(relay!.relay.metrics.counters.deadSocketsTerminated).toBeGreaterThanOrEqual(1)
    expect(provider.wsconnected).toBe(true)
    provider.destroy()
  })
})

// The relay speaks y-websocket: stock clients converge through it; durable acks count step2 + update messages.
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { SYNC_STEP2, SYNC_UPDATE } from '../../src/lib/relay-protocol.ts'
import {
  connectProvider, createTestRoom, fetchHealth, lastAck, openRawClient, relayProtocols, startRelay, syncFrame,
  waitFor, type InProcessRelay,
} from '../helpers/relay.ts'

let relay: InProcessRelay | null = null
const providers: WebsocketProvider[] = []
afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy()
  await relay?.stop()
  relay = null
})

const track = (provider: WebsocketProvider): WebsocketProvider => {
  providers.push(provider)
  return provider
}

describe('relay sync', () => {
  it('lets two stock WebsocketProvider clients converge in both directions', async () => {
    relay = await startRelay()
    const room = await createTestRoom()
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    const a = track(connectProvider(relay.wsUrl, room, { doc: docA, register: true }))
    await waitFor(() => a.synced, 'A synced')
    const b = track(connectProvider(relay.wsUrl, room, { doc: docB }))
    await waitFor(() => b.synced, 'B synced')

    docA.getMap('collective').set('name', 'Pédibus des Tilleuls')
    await waitFor(() => docB.getMap('collective').get('name') === 'Pédibus des Tilleuls', 'A -> B')
    docB.getArray('families').push(['famille-1'])
    await waitFor(() => docA.getArray('families').length === 1, 'B -> A')
    expect(Y.encodeStateVector(docA)).toEqual(Y.encodeStateVector(docB))
  })

  it('gives a late joiner everything written before it joined', async () => {
    relay = await startRelay()
    const room = await createTestRoom()
    const docA = new Y.Doc()
    const a = track(connectProvider(relay.wsUrl, room, { doc: docA, register: true }))
    await waitFor(() => a.synced, 'A synced')
    for (let i = 0; i < 50; i++) docA.getMap('items').set(`k${i}`, i)
    const docB = new Y.Doc()
    const b = track(connectProvider(relay.wsUrl, room, { doc: docB }))
    await waitFor(() => b.synced && docB.getMap('items').size === 50, 'B has all 50 items')
  })

  it('acknowledges every step2 and update, including an empty step2, once stored', async () => {
    relay = await startRelay()
    const room = await createTestRoom()
    const client = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { register: true, ack: true }))
    const doc = new Y.Doc()
    client.ws.send(syncFrame(SYNC_STEP2, Y.encodeStateAsUpdate(new Y.Doc()))) // empty step2 counts too
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 0; i < 20; i++) doc.getMap('m').set(`k${i}`, i)
    for (const update of updates) client.ws.send(syncFrame(SYNC_UPDATE, update))
    await waitFor(() => lastAck(client.received) === 21, 'ack of 21 messages')
    const health = await fetchHealth(relay.url)
    expect(health.counters.updatesStored).toBe(20)
    client.ws.close()
  })

  it('sends no ack to a client that did not offer the ack subprotocol', async () => {
    relay = await startRelay()
    const room = await createTestRoom()
    const client = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { register: true }))
    const doc = new Y.Doc()
    doc.getMap('m').set('a', 1)
    client.ws.send(syncFrame(SYNC_UPDATE, Y.encodeStateAsUpdate(doc)))
    await waitFor(async () => (await fetchHealth(relay!.url)).counters.updatesStored === 1, 'update stored')
    expect(lastAck(client.received)).toBe(0)
    client.ws.close()
  })

  it('logs no token, no full room id and no document content', async () => {
    relay = await startRelay()
    const room = await createTestRoom()
    const doc = new Y.Doc()
    const a = track(connectProvider(relay.wsUrl, room, { doc, register: true, ack: true }))
    await waitFor(() => a.synced, 'synced')
    doc.getMap('children').set('c1', 'Léonie Dupont')
    const b = track(connectProvider(relay.wsUrl, { ...room, token: (await createTestRoom()).token }))
    await waitFor(() => relay!.relay.metrics.counters.refusedToken === 1, 'wrong token refused')
    b.destroy()
    a.destroy()
    await waitFor(() => relay!.relay.health().rooms === 0, 'room freed')
    // The listening line names the bind address; no other line may carry an address (client IPs).
    const text = JSON.stringify(relay.logs.filter((line) => line.event !== 'relay.listening'))
    expect(relay.logs.length).toBeGreaterThan(3)
    for (const secret of [room.token, room.roomId, 'Léonie', '127.0.0.1']) {
      expect(text).not.toContain(secret)
    }
  })

  it('compacts a busy room past the log threshold and still serves everything', async () => {
    relay = await startRelay({ env: { COMPACT_LOG_BYTES: '2048' } })
    const room = await createTestRoom()
    const docA = new Y.Doc()
    const a = track(connectProvider(relay.wsUrl, room, { doc: docA, register: true }))
    await waitFor(() => a.synced, 'A synced')
    for (let i = 0; i < 300; i++) docA.getMap('items').set(`k${i}`, 'x'.repeat(20))
    await waitFor(() => relay!.relay.metrics.counters.updatesStored === 300, 'all stored')
    await waitFor(() => relay!.relay.metrics.counters.compactions > 0, 'compacted while loaded')
    const docB = new Y.Doc()
    const b = track(connectProvider(relay.wsUrl, room, { doc: docB }))
    await waitFor(() => b.synced && docB.getMap('items').size === 300, 'B has all 300 items')
  })

  it('closes sockets with 1001 on close(), writes rooms out, and is safe to close twice', async () => {
    relay = await startRelay()
    const room = await createTestRoom()
    const doc = new Y.Doc()
    const a = track(connectProvider(relay.wsUrl, room, { doc, register: true }))
    await waitFor(() => a.synced, 'synced')
    const codes: number[] = []
    a.on('connection-close', (event) => codes.push(event?.code ?? 0))
    doc.getMap('m').set('kept', true)
    await waitFor(() => relay!.relay.metrics.counters.updatesStored === 1, 'stored')
    a.shouldConnect = false // keep the client from reconnecting during the shutdown
    await Promise.all([relay.relay.close(), relay.relay.close()])
    expect(codes[0]).toBe(1001)
    expect(relay.relay.metrics.counters.roomsFreed).toBe(1)
  })
})

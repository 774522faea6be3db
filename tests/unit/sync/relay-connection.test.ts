// Relay connection against a scripted socket: subprotocols, pending count and acks, refusal, backoff, online/offline, teardown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  ACK_PROTOCOL, CloseCode, MESSAGE_REFUSED, REGISTER_PROTOCOL, RefusalCode, SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX,
} from '../../../src/lib/relay-protocol.ts'
import { createRelayConnection, type RelayConnection, type RelayConnectionOptions } from '../../../src/sync/relay-connection.ts'
import { FakeSocket, FakeWebSocket } from './fake-socket.ts'

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA'
const TOKEN = 'T'.repeat(43)

/** An EventTarget that counts its listeners, to prove teardown removes them. */
class CountingEvents extends EventTarget {
  listeners = 0
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.listeners++
    super.addEventListener(...args)
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.listeners--
    super.removeEventListener(...args)
  }
}

const memoryOutbox = () => {
  const rows = new Set<number>()
  return { rows, load: async () => [...rows].map((seq) => ({ seq, update: null })), add: async (seq: number) => void rows.add(seq), remove: async (seqs: readonly number[]) => seqs.forEach((seq) => rows.delete(seq)) }
}

const connections: RelayConnection[] = []
const connect = async (doc: Y.Doc, extra: Partial<RelayConnectionOptions> = {}): Promise<RelayConnection> => {
  const connection = createRelayConnection({
    doc,
    relayUrl: 'http://127.0.0.1:9',
    roomId: ROOM,
    token: TOKEN,
    outbox: memoryOutbox(),
    WebSocket: FakeWebSocket,
    windowEvents: null,
    isBrowserOnline: () => true,
    random: () => 0.5,
    now: () => 1_000,
    ...extra,
  })
  connections.push(connection)
  await connection.started
  return connection
}

beforeEach(() => {
  FakeSocket.instances = []
})
afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy()
  vi.useRealTimers()
})

describe('relay connection', () => {
  it('makes Yjs encode no transaction twice: no updateV2 listener, the outbox keeps the update the provider sent', async () => {
    const doc = new Y.Doc()
    await connect(doc)
    expect((doc as unknown as { _observers: Map<string, unknown> })._observers.has('updateV2')).toBe(false)
  })

  it('connects only once the stored document is loaded (before, the relay would send all the disk is about to give)', async () => {
    let loaded = (): void => undefined
    const ready = new Promise<void>((resolve) => (loaded = resolve))
    const connection = createRelayConnection({
      doc: new Y.Doc(), relayUrl: 'http://127.0.0.1:9', roomId: ROOM, token: TOKEN, outbox: memoryOutbox(),
      WebSocket: FakeWebSocket, windowEvents: null, isBrowserOnline: () => true, ready,
    })
    connections.push(connection)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(FakeSocket.instances).toHaveLength(0)
    loaded()
    await connection.started
    expect(FakeSocket.instances).toHaveLength(1)
  })

  it('opens <relay>/sync/<room> offering our subprotocols, the token, register and ack', async () => {
    await connect(new Y.Doc())
    const socket = FakeSocket.latest()
    expect(socket.url).toBe(`ws://127.0.0.1:9/sync/${ROOM}`)
    expect(socket.protocols).toEqual([SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX + TOKEN, REGISTER_PROTOCOL, ACK_PROTOCOL])
  })

  it('counts local changes as pending until the relay acks the messages that carried them', async () => {
    const doc = new Y.Doc()
    const connection = await connect(doc)
    doc.getMap('profile').set('name', 'Lilas') // before the socket opens: waits for the handshake
    doc.getMap('profile').set('town', 'Lyon')
    expect(connection.status.get()).toMatchObject({ connection: 'connecting', pending: 2 })

    const socket = FakeSocket.latest()
    socket.open()
    socket.handshake()
    expect(connection.status.get()).toMatchObject({ connection: 'online', pending: 2, offlineSince: null })
    expect(socket.countedSent()).toBe(1) // the client's step 2

    doc.getMap('profile').set('school', 'Jaurès') // carried by update message #2
    expect(socket.countedSent()).toBe(2)
    expect(connection.status.get().pending).toBe(3)
    socket.ack(1)
    expect(connection.status.get().pending).toBe(1)
    socket.ack(2)
    expect(connection.status.get().pending).toBe(0)
  })

  it('remote changes are not counted as pending', async () => {
    const doc = new Y.Doc()
    const connection = await connect(doc)
    const relayDoc = new Y.Doc()
    relayDoc.getMap('profile').set('name', 'from another phone')
    const socket = FakeSocket.latest()
    socket.open()
    socket.handshake(relayDoc)
    expect(doc.getMap('profile').get('name')).toBe('from another phone')
    expect(connection.status.get().pending).toBe(0)
  })

  it('a 44xx close means refused, with no retry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const connection = await connect(new Y.Doc())
    FakeSocket.latest().serverClose(4401)
    expect(connection.status.get().connection).toBe('refused')
    vi.advanceTimersByTime(120_000)
    expect(FakeSocket.instances).toHaveLength(1)
    connection.reconnectNow()
    expect(FakeSocket.instances).toHaveLength(1)
  })

  it('a conflict stops retrying and says the copy diverged (the session rebuilds it); a full room retries later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const connection = await connect(new Y.Doc())
    const socket = FakeSocket.latest()
    socket.open()
    socket.handshake()
    socket.receive(Uint8Array.from([MESSAGE_REFUSED, RefusalCode.conflict, 1, 5, 0]))
    socket.serverClose(CloseCode.conflict)
    expect(connection.status.get()).toMatchObject({ diverged: true, connection: 'offline' })
    vi.advanceTimersByTime(120_000)
    expect(FakeSocket.instances).toHaveLength(1)

    const full = await connect(new Y.Doc())
    const other = FakeSocket.latest()
    other.open()
    other.handshake()
    other.receive(Uint8Array.from([MESSAGE_REFUSED, RefusalCode.roomFull, 1]))
    other.serverClose(CloseCode.roomFull)
    expect(full.status.get()).toMatchObject({ roomFull: true, connection: 'offline', diverged: false })
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.latest()).not.toBe(other) // retried: the room may have shrunk
  })

  it('rotates its client id when a connection closes, so offline changes use an id nobody has seen', async () => {
    const doc = new Y.Doc()
    await connect(doc)
    const socket = FakeSocket.latest()
    socket.open()
    socket.handshake()
    const seen = doc.clientID
    socket.serverClose(1006)
    expect(doc.clientID).not.toBe(seen)
    doc.getMap('m').set('offline', true) // still works with the new id (awareness follows it)
    expect(Y.getState(doc.store, doc.clientID)).toBe(1)
  })

  it('a lost connection shows offline since then, retries after the jittered delay, and drains pending on reconnect', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let now = 1_000
    const doc = new Y.Doc()
    const connection = await connect(doc, { now: () => now })
    const first = FakeSocket.latest()
    first.open()
    first.handshake()
    doc.getMap('profile').set('name', 'Lilas')
    now = 5_000
    first.serverClose(1006) // the ack for the update never came
    expect(connection.status.get()).toMatchObject({ connection: 'offline', offlineSince: 5_000, pending: 1 })

    vi.advanceTimersByTime(249) // attempt 0: 0.5 * 500 ms
    expect(FakeSocket.instances).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(FakeSocket.instances).toHaveLength(2)
    const second = FakeSocket.latest()
    second.serverClose(1006) // fails again: the next wait doubles (0.5 * 1000 ms)
    expect(connection.status.get().offlineSince).toBe(5_000)
    vi.advanceTimersByTime(499)
    expect(FakeSocket.instances).toHaveLength(2)
    vi.advanceTimersByTime(1)
    const third = FakeSocket.latest()
    expect(FakeSocket.instances).toHaveLength(3)
    third.open()
    third.handshake()
    expect(connection.status.get()).toMatchObject({ connection: 'online', offlineSince: null, pending: 1 })
    third.ack(1) // the handshake's step 2 carried the change
    expect(connection.status.get().pending).toBe(0)
  })

  it('reacts at once to offline (disconnect) and online (connect now) events', async () => {
    const events = new CountingEvents()
    const connection = await connect(new Y.Doc(), { windowEvents: events, now: () => 42 })
    const first = FakeSocket.latest()
    first.open()
    first.handshake()
    events.dispatchEvent(new Event('offline'))
    expect(first.readyState).toBe(FakeSocket.CLOSED)
    expect(connection.status.get()).toMatchObject({ connection: 'offline', offlineSince: 42 })
    expect(FakeSocket.instances).toHaveLength(1)
    events.dispatchEvent(new Event('online'))
    expect(FakeSocket.instances).toHaveLength(2)
  })

  it('starts offline without connecting when the browser says it is offline', async () => {
    const connection = await connect(new Y.Doc(), { isBrowserOnline: () => false })
    expect(connection.status.get().connection).toBe('offline')
    expect(FakeSocket.instances).toHaveLength(0)
  })

  it('destroy (twice) leaves no timer, no window listener and no document listener', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const events = new CountingEvents()
    const doc = new Y.Doc()
    const observers = (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers
    const listenerCount = (): number => [...observers.values()].reduce((sum, set) => sum + set.size, 0)
    const baseline = listenerCount()
    const connection = await connect(doc, { windowEvents: events })
    FakeSocket.latest().serverClose(1006) // leaves a backoff timer pending
    expect(vi.getTimerCount()).toBeGreaterThan(0)
    connection.destroy()
    connection.destroy()
    vi.advanceTimersByTime(5_000) // the provider's own no-op reconnect timer runs out
    expect(vi.getTimerCount()).toBe(0)
    expect(events.listeners).toBe(0)
    expect(listenerCount()).toBe(baseline + 1) // the awareness' own doc 'destroy' hook (y-protocols never removes it)
  })
})

// Renewal on the phone's connection (issue 6): the room-moved message and close 4410 set `moved`; acks of every sent message set `relayConfirmed`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { CloseCode, MESSAGE_ROOM_ARCHIVED, MESSAGE_ROOM_MOVED } from '../../../src/lib/relay-protocol.ts'
import { createRelayConnection, type RelayConnection } from '../../../src/sync/relay-connection.ts'
import { FakeSocket, FakeWebSocket } from './fake-socket.ts'

const connections: RelayConnection[] = []
const connect = async (doc: Y.Doc): Promise<RelayConnection> => {
  const rows = new Set<number>()
  const connection = createRelayConnection({
    doc,
    relayUrl: 'http://127.0.0.1:9',
    roomId: 'AAAAAAAAAAAAAAAAAAAAAA',
    token: 'T'.repeat(43),
    outbox: { load: async () => [...rows].map((seq) => ({ seq, update: null })), add: async (seq) => void rows.add(seq), remove: async (seqs) => seqs.forEach((seq) => rows.delete(seq)) },
    WebSocket: FakeWebSocket,
    windowEvents: null,
    isBrowserOnline: () => true,
    random: () => 0.5,
    now: () => 1_000,
  })
  connections.push(connection)
  await connection.started
  return connection
}

const typeOnlyMessage = (type: number): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  return encoding.toUint8Array(encoder)
}
const roomMovedMessage = (): Uint8Array => typeOnlyMessage(MESSAGE_ROOM_MOVED)

beforeEach(() => {
  FakeSocket.instances = []
})
afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy()
})

describe('a renewed room', () => {
  it('is not moved until the relay says so; the room-moved message sets moved and keeps the document readable', async () => {
    const doc = new Y.Doc()
    const connection = await connect(doc)
    const socket = FakeSocket.latest()
    socket.open()
    const relayDoc = new Y.Doc()
    relayDoc.getMap('profile').set('name', 'Lilas')
    socket.handshake(relayDoc)
    expect(connection.status.get()).toMatchObject({ connection: 'online', moved: false })

    socket.receive(roomMovedMessage())
    expect(connection.status.get()).toMatchObject({ connection: 'online', moved: true })
    expect(doc.getMap('profile').get('name')).toBe('Lilas')

    doc.getMap('profile').set('town', 'Lyon') // never acked by a read-only room
    expect(connection.status.get()).toMatchObject({ pending: 1, moved: true, relayConfirmed: false })
  })

  it('a close with 4410 (room deleted after its grace period) means refused and moved, with no retry', async () => {
    const connection = await connect(new Y.Doc())
    FakeSocket.latest().open()
    FakeSocket.latest().serverClose(CloseCode.roomMoved)
    expect(connection.status.get()).toMatchObject({ connection: 'refused', moved: true })
    expect(FakeSocket.instances).toHaveLength(1)
  })

  it('another refusal (bad token) is not a move', async () => {
    const connection = await connect(new Y.Doc())
    FakeSocket.latest().open()
    FakeSocket.latest().serverClose(CloseCode.badToken)
    expect(connection.status.get()).toMatchObject({ connection: 'refused', moved: false })
  })
})

describe('relayConfirmed', () => {
  it('holds only once every message sent on this connection (the step 2 too) is acked, and drops on close', async () => {
    const doc = new Y.Doc()
    // Content the outbox does not count (as if loaded from disk): only the step 2's ack proves the relay has it.
    Y.applyUpdate(doc, Y.encodeStateAsUpdate((() => {
      const other = new Y.Doc()
      other.getMap('profile').set('name', 'Lilas')
      return other
    })()), 'disk')
    const connection = await connect(doc)
    const socket = FakeSocket.latest()
    socket.open()
    socket.handshake()
    expect(connection.status.get()).toMatchObject({ connection: 'online', pending: 0, relayConfirmed: false })

    socket.ack(1)
    expect(connection.status.get().relayConfirmed).toBe(true)

    doc.getMap('profile').set('town', 'Lyon')
    expect(connection.status.get()).toMatchObject({ pending: 1, relayConfirmed: false })
    socket.ack(2)
    expect(connection.status.get()).toMatchObject({ pending: 0, relayConfirmed: true })

    socket.serverClose(1006)
    expect(connection.status.get()).toMatchObject({ connection: 'offline', relayConfirmed: false })
  })
})

describe('an archived room (a past generation, issue 14)', () => {
  it('is not archived until the relay says so; the room-archived message sets archived, not moved, and keeps the document readable', async () => {
    const doc = new Y.Doc()
    const connection = await connect(doc)
    const socket = FakeSocket.latest()
    socket.open()
    const relayDoc = new Y.Doc()
    relayDoc.getMap('profile').set('name', 'Lilas')
    socket.handshake(relayDoc)
    expect(connection.status.get()).toMatchObject({ connection: 'online', archived: false })
    socket.receive(typeOnlyMessage(MESSAGE_ROOM_ARCHIVED))
    expect(connection.status.get()).toMatchObject({ connection: 'online', archived: true, moved: false })
    expect(doc.getMap('profile').get('name')).toBe('Lilas')
  })
})

// The relay's retention warning on the phone's connection (issue 16): MESSAGE_RETENTION sets relayDeletesOn; a stored
// change of this phone clears it; a malformed warning is ignored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MESSAGE_RETENTION } from '../../../src/lib/relay-protocol.ts'
import { createRelayConnection, type RelayConnection } from '../../../src/sync/relay-connection.ts'
import { FakeSocket, FakeWebSocket } from './fake-socket.ts'

const connections: RelayConnection[] = []
const connect = async (doc: Y.Doc): Promise<RelayConnection> => {
  const rows = new Set<number>()
  const connection = createRelayConnection({
    doc, relayUrl: 'http://127.0.0.1:9', roomId: 'AAAAAAAAAAAAAAAAAAAAAA', token: 'T'.repeat(43),
    outbox: { load: async () => [], add: async (seq) => void rows.add(seq), remove: async (seqs) => seqs.forEach((seq) => rows.delete(seq)) },
    WebSocket: FakeWebSocket, windowEvents: null, isBrowserOnline: () => true, random: () => 0.5, now: () => 1_000,
  })
  connections.push(connection)
  await connection.started
  return connection
}
const retention = (day: string): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_RETENTION)
  encoding.writeVarString(encoder, day)
  return encoding.toUint8Array(encoder)
}

beforeEach(() => {
  FakeSocket.instances = []
})
afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy()
})

describe('the relay retention warning', () => {
  it('says the day, and goes once a change of this phone is stored', async () => {
    const doc = new Y.Doc()
    const connection = await connect(doc)
    const socket = FakeSocket.latest()
    socket.open()
    socket.handshake()
    expect(connection.status.get().relayDeletesOn).toBeNull()
    socket.receive(retention('2028-02-09'))
    expect(connection.status.get().relayDeletesOn).toBe('2028-02-09')
    socket.ack(1) // the step 2: nothing of this phone's
    doc.getMap('meta').set('keptOn', '2028-01-15')
    expect(connection.status.get().relayDeletesOn).toBe('2028-02-09') // sent, not yet stored
    socket.ack(2)
    expect(connection.status.get().relayDeletesOn).toBeNull()
  })

  it('ignores a malformed day', async () => {
    const connection = await connect(new Y.Doc())
    const socket = FakeSocket.latest()
    socket.open()
    socket.handshake()
    for (const day of ['', 'demain', '2028-13-45', '2028-02-09T00:00']) socket.receive(retention(day))
    expect(connection.status.get().relayDeletesOn).toBeNull()
  })
})

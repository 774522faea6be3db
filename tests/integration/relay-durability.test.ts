// Durability: what the relay acknowledged survives SIGKILL; SIGTERM exits 0 after writing out; idle rooms are compacted and freed.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { readdir } from 'node:fs/promises'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MESSAGE_RELAY_ACK, MESSAGE_SYNC, SYNC_UPDATE } from '../../src/lib/relay-protocol.ts'
import {
  connectProvider, createTestRoom, fetchHealth, openRawClient, relayProtocols, spawnRelay, startRelay, waitFor,
  type ChildRelay, type InProcessRelay, type RawClient, type TestRoom,
} from '../helpers/relay.ts'

const stoppers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const stop of stoppers.splice(0).reverse()) await stop()
})

const ackOf = (frames: Uint8Array[]): number => {
  let ack = 0
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) === MESSAGE_RELAY_ACK) ack = Math.max(ack, decoding.readVarUint(decoder))
  }
  return ack
}

/** Writes `count` unique keys starting at `from`, one update per frame, and waits for the relay's ack of all. */
const writeAcked = async (wsUrl: string, room: TestRoom, from: number, count: number, register: boolean): Promise<RawClient> => {
  const client = await openRawClient(wsUrl, room.roomId, relayProtocols(room.token, { register, ack: true }))
  const doc = new Y.Doc()
  doc.on('update', (update: Uint8Array) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, SYNC_UPDATE)
    encoding.writeVarUint8Array(encoder, update)
    client.ws.send(encoding.toUint8Array(encoder))
  })
  for (let i = from; i < from + count; i++) doc.getMap('writes').set(`w${i}`, i)
  await waitFor(() => ackOf(client.received) === count, `ack of ${count} updates`)
  return client // left open: in the kill tests the socket dies with the relay, like a phone's
}

/** A brand-new stock client's view of the room once synced. */
const readKeys = async (wsUrl: string, room: TestRoom, expected: number): Promise<number> => {
  const doc = new Y.Doc()
  const provider = connectProvider(wsUrl, room, { doc })
  try {
    await waitFor(() => provider.synced && doc.getMap('writes').size >= expected, `${expected} keys`, 15_000).catch(() => undefined)
    return doc.getMap('writes').size
  } finally {
    provider.destroy()
  }
}

describe('relay durability', () => {
  it('serves every acknowledged update after SIGKILL and restart, several times', async () => {
    const relay: ChildRelay = await spawnRelay()
    stoppers.push(() => relay.stop())
    const room = await createTestRoom()
    const perRound = 40
    for (let round = 0; round < 3; round++) {
      await writeAcked(relay.wsUrl, room, round * perRound, perRound, round === 0)
      expect(await relay.kill('SIGKILL')).toBe(null)
      await relay.restart()
      expect(await readKeys(relay.wsUrl, room, (round + 1) * perRound)).toBe((round + 1) * perRound)
    }
  })

  it('exits 0 on SIGTERM and keeps acknowledged data', async () => {
    const relay = await spawnRelay()
    stoppers.push(() => relay.stop())
    const room = await createTestRoom()
    await writeAcked(relay.wsUrl, room, 0, 25, true)
    expect(await relay.kill('SIGTERM')).toBe(0)
    expect(relay.logs.some((line) => line.event === 'relay.closed')).toBe(true)
    await relay.restart()
    expect(await readKeys(relay.wsUrl, room, 25)).toBe(25)
  })

  it('frees a room when its last socket leaves, compacts it on disk, and still serves everything', async () => {
    const relay: InProcessRelay = await startRelay()
    stoppers.push(() => relay.stop())
    const room = await createTestRoom()
    const writer = await writeAcked(relay.wsUrl, room, 0, 30, true)
    writer.ws.close()
    const doc = new Y.Doc()
    const provider = connectProvider(relay.wsUrl, room, { doc })
    await waitFor(() => provider.synced && doc.getMap('writes').size === 30, 'provider synced')
    provider.destroy()
    await waitFor(async () => (await fetchHealth(relay.url)).rooms === 0, 'room freed')
    await waitFor(() => relay.relay.metrics.counters.roomsFreed >= 1, 'room written out')
    const dir = join(relay.dataDir, 'rooms', room.roomId)
    expect((await stat(join(dir, 'updates.bin'))).size).toBe(0)
    expect((await stat(join(dir, 'state.bin'))).size).toBeGreaterThan(0)
    // Nothing left in the write-ahead log either once the checkpointer has run (the room's values are erased there).
    await waitFor(async () => (await walBytes(relay.dataDir)) === 0, 'write-ahead log emptied')
    expect(await readKeys(relay.wsUrl, room, 30)).toBe(30)
  })
})

/** Bytes in the write-ahead log's segments. */
const walBytes = async (dataDir: string): Promise<number> => {
  const dir = join(dataDir, 'wal')
  let total = 0
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size
  return total
}

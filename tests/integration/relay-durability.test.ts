// Durability: what the relay acknowledged survives SIGKILL; SIGTERM exits 0 after writing out; idle rooms are compacted and freed.
import { appendFile, cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode, MESSAGE_SYNC, SYNC_UPDATE } from '../../src/lib/relay-protocol.ts'
import { encodeRecord } from '../../server/store/records.ts'
import {
  connectProvider, createTestRoom, fetchHealth, lastAck, openRawClient, relayProtocols, spawnRelay, startRelay,
  waitFor, walRecordCount, type ChildRelay, type InProcessRelay, type RawClient, type TestRoom,
} from '../helpers/relay.ts'

const stoppers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const stop of stoppers.splice(0).reverse()) await stop()
})

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
  await waitFor(() => lastAck(client.received) === count, `ack of ${count} updates`)
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
    await waitFor(async () => (await walRecordCount(relay.dataDir)) === 0, 'write-ahead log emptied')
    expect(await readKeys(relay.wsUrl, room, 30)).toBe(30)
  })

  it('refuses with a retryable code, and deletes nothing, a room whose stored data does not load', async () => {
    const relay = await spawnRelay()
    stoppers.push(() => relay.stop())
    const room = await createTestRoom()
    ;(await writeAcked(relay.wsUrl, room, 0, 10, true)).ws.close()
    expect(await relay.kill('SIGTERM')).toBe(0) // written out: the room's records are in updates.bin
    const log = join(relay.dataDir, 'rooms', room.roomId, 'updates.bin')
    // A record whose checksum is right but whose update Yjs cannot read (a bug, a bad disk, a bad restore).
    await appendFile(log, encodeRecord(Uint8Array.from([11, 1, 1, 200, 200, 200, 1, 0])))
    const before = await filesOf(join(relay.dataDir, 'rooms', room.roomId))
    await relay.restart()
    const client = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token))
    expect((await client.closed).code).toBe(CloseCode.tryAgainLater) // never served half-loaded
    expect(relay.logs.some((line) => line.event === 'room.load_failed')).toBe(true)
    expect(await filesOf(join(relay.dataDir, 'rooms', room.roomId))).toEqual(before) // nothing deleted or rewritten
  })

  it('gets back what a phone holds after the relay lost it (a backup restored): healing by sync', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pedibus-heal-'))
    const backup = await mkdtemp(join(tmpdir(), 'pedibus-heal-backup-'))
    stoppers.push(async () => {
      await rm(dataDir, { recursive: true, force: true })
      await rm(backup, { recursive: true, force: true })
    })
    const relay = await spawnRelay({ dataDir })
    stoppers.push(() => relay.stop())
    const room = await createTestRoom()
    ;(await writeAcked(relay.wsUrl, room, 0, 5, true)).ws.close()
    expect(await relay.kill('SIGTERM')).toBe(0)
    await cp(dataDir, backup, { recursive: true }) // the host's nightly backup
    await relay.restart()
    // A phone writes more, and another phone gets it; then the relay's disk is restored from the backup.
    const writer = new Y.Doc()
    const a = connectProvider(relay.wsUrl, room, { doc: writer })
    const reader = new Y.Doc()
    const b = connectProvider(relay.wsUrl, room, { doc: reader })
    stoppers.push(async () => {
      a.destroy()
      b.destroy()
    })
    await waitFor(() => a.synced && b.synced, 'phones synced')
    for (let i = 5; i < 15; i++) writer.getMap('writes').set(`w${i}`, i)
    await waitFor(() => reader.getMap('writes').size === 15, 'reader has everything')
    a.destroy() // the writer's phone is lost: only the reader still holds its writes
    expect(await relay.kill('SIGKILL')).toBe(null)
    await rm(dataDir, { recursive: true, force: true })
    await cp(backup, dataDir, { recursive: true })
    await relay.restart()
    // The reader reconnects by itself (stock client): its step 2 gives the relay back the writer's updates.
    expect(await readKeys(relay.wsUrl, room, 15)).toBe(15)
  }, 60_000)
})

/** Names and sizes of a directory's files. */
const filesOf = async (dir: string): Promise<Array<[string, number]>> =>
  Promise.all((await readdir(dir)).sort().map(async (name): Promise<[string, number]> => [name, (await stat(join(dir, name))).size]))

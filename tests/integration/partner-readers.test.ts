// Readers on the relay (issue 18, read-only partner links): a socket offering a reader's token reads the room and
// writes nothing (its updates are not stored, forwarded nor acknowledged), never registers a room; readers are filed
// and removed with the room's write token only; a removed reader's socket is closed with the revoked code at once.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hashRoomToken } from '../../src/lib/credentials.ts'
import { createPartnerReadKey, partnerReadTokenOf, readerIdOf, type PartnerReadKey } from '../../src/lib/partner-link.ts'
import {
  CloseCode, MAX_READERS, READERS_PATH_PREFIX, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE, TOKEN_HEADER,
} from '../../src/lib/relay-protocol.ts'
import {
  createTestRoom, docFromFrames, foreignUpdate, frameKinds, openRawClient, relayProtocols, roundTrip, startRelay, syncFrame,
  waitFor, writeKeysRaw, type InProcessRelay, type RawClient, type TestRoom,
} from '../helpers/relay.ts'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
const started = async (): Promise<InProcessRelay> => {
  const relay = await startRelay()
  cleanups.push(() => relay.stop())
  return relay
}

interface Reader { readonly key: PartnerReadKey; readonly id: string; readonly token: string }
const newReader = async (room: TestRoom): Promise<Reader> => {
  const key = createPartnerReadKey()
  return { key, id: await readerIdOf(room.roomId, key), token: await partnerReadTokenOf(room.roomId, key) }
}
const fileReader = async (url: string, room: TestRoom, reader: Reader, token: string = room.token): Promise<number> =>
  (await fetch(`${url}${READERS_PATH_PREFIX}${room.roomId}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' },
    body: JSON.stringify({ id: reader.id, tokenHash: await hashRoomToken(reader.token as TestRoom['token']) }),
  })).status
const removeReader = async (url: string, room: TestRoom, reader: Reader, token: string = room.token): Promise<number> =>
  (await fetch(`${url}${READERS_PATH_PREFIX}${room.roomId}/${reader.id}`, { method: 'DELETE', headers: { [TOKEN_HEADER]: token } })).status

/** A reader's raw socket that asked for the whole room. */
const openAsReader = async (wsUrl: string, room: TestRoom, reader: Reader, options: { register?: boolean } = {}): Promise<RawClient> => {
  const client = await openRawClient(wsUrl, room.roomId, relayProtocols(reader.token, { ack: true, register: options.register }))
  client.ws.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())))
  return client
}
const keysOf = (client: RawClient): string[] => [...docFromFrames(client.received).getMap('m').keys()].sort()
const hasAck = (client: RawClient): boolean => client.received.some((frame) => frame[0] === 100)

describe('relay readers (partner links)', () => {
  it('lets a reader read the room and live changes, and refuses everything it writes', async () => {
    const relay = await started()
    const room = await createTestRoom()
    await writeKeysRaw(relay.wsUrl, room, ['summary'], true)
    const reader = await newReader(room)
    expect(await fileReader(relay.url, room, reader)).toBe(201)

    const partner = await openAsReader(relay.wsUrl, room, reader)
    await waitFor(() => keysOf(partner).includes('summary'), 'the room read by the reader')
    // The relay sends a reader no sync step 1 of its own: a stock client has nothing to answer with a step 2.
    expect(frameKinds(partner.received)).not.toContain(`sync${SYNC_STEP1}`)

    const writer = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(room.token, { ack: true }))
    writer.ws.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())))
    await roundTrip(writer)
    const writerFrames = writer.received.length

    // Its update and step 2: dropped, counted, never acked, never forwarded to the writer, never stored.
    partner.ws.send(syncFrame(SYNC_UPDATE, foreignUpdate('forged')))
    partner.ws.send(syncFrame(SYNC_STEP2, foreignUpdate('forged-step2')))
    await roundTrip(partner)
    expect(relay.relay.metrics.counters.readerUpdatesRefused).toBe(2)
    expect(hasAck(partner)).toBe(false)
    await roundTrip(writer)
    expect(keysOf(writer)).toEqual(['summary'])
    expect(writer.received.length).toBe(writerFrames + 1) // only its own round trip's step 2

    // A writer's change reaches the reader live.
    await writeKeysRaw(relay.wsUrl, room, ['week'])
    await waitFor(() => keysOf(partner).includes('week'), 'live update to the reader')

    // A fresh reader sees what is stored: no forged key.
    const later = await openAsReader(relay.wsUrl, room, reader)
    await waitFor(() => keysOf(later).length === 2, 'stored room')
    expect(keysOf(later)).toEqual(['summary', 'week'])

    // Repeated writes close the socket (policy).
    for (let i = 0; i < 10; i++) partner.ws.send(syncFrame(SYNC_UPDATE, foreignUpdate(`again${i}`)))
    expect((await partner.closed).code).toBe(CloseCode.policy)
    for (const client of [writer, later]) client.ws.close()
  })

  it('never lets a reader token register a room, nor write under register', async () => {
    const relay = await started()
    const room = await createTestRoom()
    const reader = await newReader(room)
    // Unknown room: a reader token with register creates a room only under its own hash, never as a reader: the
    // partner page never offers register, and a reader filed on a room opens no other.
    const other = await createTestRoom()
    const stray = await openRawClient(relay.wsUrl, other.roomId, relayProtocols(reader.token))
    expect((await stray.closed).code).toBe(CloseCode.unknownRoom)

    await writeKeysRaw(relay.wsUrl, room, ['summary'], true)
    expect(await fileReader(relay.url, room, reader)).toBe(201)
    const registering = await openAsReader(relay.wsUrl, room, reader, { register: true })
    await waitFor(() => keysOf(registering).includes('summary'), 'read')
    registering.ws.send(syncFrame(SYNC_UPDATE, foreignUpdate('forged')))
    await roundTrip(registering)
    expect(hasAck(registering)).toBe(false)
    const check = await openAsReader(relay.wsUrl, room, reader)
    await waitFor(() => keysOf(check).length > 0, 'read again')
    expect(keysOf(check)).toEqual(['summary'])
    // The reader's token is refused where it is no reader.
    const elsewhere = await createTestRoom()
    await writeKeysRaw(relay.wsUrl, elsewhere, ['x'], true)
    const refused = await openRawClient(relay.wsUrl, elsewhere.roomId, relayProtocols(reader.token, { register: true }))
    expect((await refused.closed).code).toBe(CloseCode.badToken)
    for (const client of [registering, check]) client.ws.close()
  })

  it('files and removes readers with the write token only, and closes a removed reader at once', async () => {
    const relay = await started()
    const room = await createTestRoom()
    await writeKeysRaw(relay.wsUrl, room, ['summary'], true)
    const reader = await newReader(room)
    const stranger = await createTestRoom()
    await writeKeysRaw(relay.wsUrl, stranger, ['x'], true)

    expect(await fileReader(relay.url, room, reader, stranger.token)).toBe(401)
    expect(await fileReader(relay.url, room, reader, reader.token)).toBe(401) // a reader cannot file readers
    const badBody = await fetch(`${relay.url}${READERS_PATH_PREFIX}${room.roomId}`, {
      method: 'POST', headers: { [TOKEN_HEADER]: room.token, 'content-type': 'application/json' }, body: '{"id":"x"}',
    })
    expect(badBody.status).toBe(400)
    // The write token's own hash is no reader's.
    const selfReader = { ...reader, token: room.token }
    expect(await fileReader(relay.url, room, selfReader)).toBe(400)
    expect(await fileReader(relay.url, room, reader)).toBe(201)

    const partner = await openAsReader(relay.wsUrl, room, reader)
    await waitFor(() => keysOf(partner).includes('summary'), 'read')
    expect(await removeReader(relay.url, room, reader, stranger.token)).toBe(401)
    expect(await removeReader(relay.url, room, reader, reader.token)).toBe(401)
    expect(await removeReader(relay.url, room, reader)).toBe(204)
    expect((await partner.closed).code).toBe(CloseCode.readerRevoked)
    const again = await openRawClient(relay.wsUrl, room.roomId, relayProtocols(reader.token))
    expect((await again.closed).code).toBe(CloseCode.badToken)
    expect(again.received).toEqual([])
    expect(await removeReader(relay.url, room, reader)).toBe(204) // already gone
  })

  it('limits how many readers a room has', async () => {
    const relay = await started()
    const room = await createTestRoom()
    await writeKeysRaw(relay.wsUrl, room, ['summary'], true)
    for (let i = 0; i < MAX_READERS; i++) expect(await fileReader(relay.url, room, await newReader(room))).toBe(201)
    expect(await fileReader(relay.url, room, await newReader(room))).toBe(422)
  })
})

// Erasure on the relay: after a family is removed and the room compacts, no file in the relay's data dir holds
// its names, phone number or support note, in clear or sealed. Both compaction triggers: the delay after an
// update that deletes values (room still loaded) and the last socket leaving (room freed).
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { bindSealKey } from '../../src/doc/codec.ts'
import { MAP_ADULTS, MAP_CHILDREN, MAP_FAMILIES } from '../../src/doc/keys.ts'
import * as edit from '../../src/doc/mutations.ts'
import { ChildIdSchema, createAdultId, createChildId, createFamilyId, type FamilyId } from '../../src/domain/ids.ts'
import { createInviteSecret } from '../../src/lib/credentials.ts'
import { MESSAGE_RELAY_ACK } from '../../src/lib/relay-protocol.ts'
import { deriveSealKey } from '../../src/lib/seal.ts'
import { filesUnder, needlesFound } from '../helpers/byte-search.ts'
import { writeLegacyRecord } from '../helpers/legacy-records.ts'
import { connectProvider, createTestRoom, fetchHealth, startRelay, waitFor, type InProcessRelay, type TestRoom } from '../helpers/relay.ts'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Distinctive values of the family that leaves (none of them is a substring of the other family's). */
const LEAVING = {
  family: 'Quenouille-Vasseur',
  adult: 'Philémon',
  phone: '06 98 76 54 32',
  child: 'Zéphyrine',
  support: 'Allergie aux arachides : stylo dans le cartable bleu',
}
const STAYING = { family: 'Martin-Lefebvre', adult: 'Camille', phone: '07 11 22 33 44' }

interface Writer {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /** Step-2/update messages the relay said are durable on this connection. */
  acked(): number
}

/** A stock y-websocket client that also reads the relay's durable acks (message type 100). */
const connectWriter = async (relay: InProcessRelay, room: TestRoom, sealed: boolean): Promise<Writer> => {
  const doc = new Y.Doc()
  if (sealed) bindSealKey(doc, await deriveSealKey(room.roomId, createInviteSecret()))
  const provider = connectProvider(relay.wsUrl, room, { doc, register: true, ack: true })
  let acked = 0
  provider.messageHandlers[MESSAGE_RELAY_ACK] = (_encoder, decoder: decoding.Decoder) => {
    acked = Math.max(acked, decoding.readVarUint(decoder))
  }
  cleanups.push(() => provider.destroy())
  await waitFor(() => provider.synced, 'writer synced')
  return { doc, provider, acked: () => acked }
}

const valueOf = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`edit refused: ${JSON.stringify(result.error)}`)
  return result.value
}

/** The same families as an app from before sealing wrote them, names in clear: the relay must erase those too. */
const writeLegacyFamilies = (doc: Y.Doc): FamilyId => {
  const staying = writeLegacyRecord(doc, MAP_FAMILIES, createFamilyId(), { displayName: STAYING.family })
  writeLegacyRecord(doc, MAP_ADULTS, createAdultId(), { familyId: staying, firstName: STAYING.adult, phone: STAYING.phone, charterAcceptedOn: null, insured: true })
  const leaving = writeLegacyRecord(doc, MAP_FAMILIES, createFamilyId(), { displayName: LEAVING.family })
  writeLegacyRecord(doc, MAP_ADULTS, createAdultId(), { familyId: leaving, firstName: LEAVING.adult, phone: LEAVING.phone, charterAcceptedOn: null, insured: true })
  writeLegacyRecord(doc, MAP_CHILDREN, createChildId(), {
    familyId: leaving, firstName: LEAVING.child, initial: 'Q', routes: {}, days: [1, 2], support: LEAVING.support, countsExtra: true,
  })
  return leaving
}

/** Writes both families in three transactions each (sealed: the key is bound; plain: as a legacy app); returns the leaving family's id. */
const writeFamilies = (doc: Y.Doc, sealed: boolean): FamilyId => {
  if (!sealed) return writeLegacyFamilies(doc)
  const staying = valueOf(edit.addFamily(doc, { displayName: STAYING.family }))
  valueOf(edit.addAdult(doc, staying, { firstName: STAYING.adult, phone: STAYING.phone, charterAcceptedOn: null, insured: true }))
  const leaving = valueOf(edit.addFamily(doc, { displayName: LEAVING.family }))
  valueOf(edit.addAdult(doc, leaving, { firstName: LEAVING.adult, phone: LEAVING.phone, charterAcceptedOn: null, insured: true }))
  valueOf(edit.addChild(doc, leaving, { firstName: LEAVING.child, initial: 'Q', routes: {}, days: [1, 2], support: LEAVING.support, countsExtra: true }))
  return leaving
}
const WRITE_TRANSACTIONS = 5

/** Every personal string of the map's records as stored in the doc (sealed `s1.…` or plain). */
const storedStrings = (doc: Y.Doc, mapName: string, pick: (record: Y.Map<unknown>) => boolean): string[] =>
  [...doc.getMap(mapName).values()].flatMap((record) =>
    record instanceof Y.Map && pick(record)
      ? [...record.entries()].flatMap(([field, value]) => (typeof value === 'string' && field !== 'familyId' ? [value] : []))
      : [],
  )

/**
 * The stored strings of a family's records (its own entry, adults, children) that a byte search can find:
 * a plain one-letter initial ('Q') occurs by chance in any binary file, so texts under 4 characters are left out.
 */
const storedOfFamily = (doc: Y.Doc, familyId: string): string[] =>
  [
    ...storedStrings(doc, 'families', (record) => doc.getMap('families').get(familyId) === record),
    ...storedStrings(doc, 'adults', (record) => record.get('familyId') === familyId),
    ...storedStrings(doc, 'children', (record) => record.get('familyId') === familyId),
  ].filter((text) => text.length >= 4)

const otherFamilyId = (doc: Y.Doc, leaving: FamilyId): string => {
  const id = [...doc.getMap('families').keys()].find((key) => key !== leaving)
  if (id === undefined) throw new Error('no other family')
  return id
}

describe.each([
  ['plain', false],
  ['sealed', true],
])('erasure on the relay (%s values)', (_label, sealed) => {
  it('a removal is erased from every file once the loaded room compacts after it', async () => {
    const relay = await startRelay({ env: { COMPACT_AFTER_DELETE_MS: '20' } })
    cleanups.push(() => relay.stop())
    const room = await createTestRoom()
    const writer = await connectWriter(relay, room, sealed)
    const leaving = writeFamilies(writer.doc, sealed)
    await waitFor(() => writer.acked() >= 1 + WRITE_TRANSACTIONS, 'writes durable') // step 2 + each transaction

    const removed = storedOfFamily(writer.doc, leaving)
    const kept = storedOfFamily(writer.doc, otherFamilyId(writer.doc, leaving))
    // Family name; adult first name and phone; child first name, support (and the initial, once sealed).
    expect(removed.length).toBe(sealed ? 6 : 5)
    expect(removed.every((value) => value.startsWith('s1.') === sealed)).toBe(true)
    // The search can fail: before the removal every stored value is found in the data dir.
    expect(needlesFound(await filesUnder(relay.dataDir), removed)).toEqual(removed)

    const compactionsBefore = relay.relay.metrics.counters.compactions
    edit.removeFamily(writer.doc, leaving)
    await waitFor(() => writer.acked() >= 2 + WRITE_TRANSACTIONS, 'removal durable')
    await waitFor(async () => needlesFound(await filesUnder(relay.dataDir), removed).length === 0, 'removed values gone from disk')

    expect(relay.relay.metrics.counters.compactions).toBeGreaterThan(compactionsBefore)
    const files = await filesUnder(relay.dataDir)
    expect(needlesFound(files, [...removed, ...Object.values(LEAVING)])).toEqual([])
    expect(needlesFound(files, kept)).toEqual(kept) // the other family is still stored
    expect(writer.provider.wsconnected).toBe(true) // compacted while loaded, not because the room was freed

    // A phone joining later gets the other family and nothing of the removed one.
    const reader = connectProvider(relay.wsUrl, room)
    cleanups.push(() => reader.destroy())
    await waitFor(() => reader.synced && reader.doc.getMap('families').size === 1, 'reader synced')
    expect(storedOfFamily(reader.doc, otherFamilyId(reader.doc, leaving))).toEqual(kept)
    expect(reader.doc.getMap('adults').size).toBe(1)
    expect(reader.doc.getMap('children').size).toBe(0)
  })

  it('a corrected support note is erased from every file once the loaded room compacts after it', async () => {
    const relay = await startRelay({ env: { COMPACT_AFTER_DELETE_MS: '20' } })
    cleanups.push(() => relay.stop())
    const room = await createTestRoom()
    const writer = await connectWriter(relay, room, sealed)
    const leaving = writeFamilies(writer.doc, sealed)
    await waitFor(() => writer.acked() >= 1 + WRITE_TRANSACTIONS, 'writes durable')
    const [childId, child] = [...writer.doc.getMap<Y.Map<unknown>>('children').entries()].find(([, record]) => record.get('familyId') === leaving)!
    const before = child.get('support') as string
    expect(needlesFound(await filesUnder(relay.dataDir), [before])).toEqual([before])

    const corrected = 'Fauteuil roulant : rampe côté parc'
    if (sealed) {
      valueOf(edit.updateChild(writer.doc, ChildIdSchema.parse(childId), {
        firstName: LEAVING.child, initial: 'Q', routes: {}, days: [1, 2], support: corrected, countsExtra: true,
      }))
    } else child.set('support', corrected) // as the app before sealing wrote a field
    await waitFor(() => writer.acked() >= 2 + WRITE_TRANSACTIONS, 'correction durable')
    await waitFor(async () => needlesFound(await filesUnder(relay.dataDir), [before]).length === 0, 'previous note gone from disk')
    const now = child.get('support') as string
    expect(now).not.toBe(before)
    expect(needlesFound(await filesUnder(relay.dataDir), [now])).toEqual([now])
  })

  it('a removal stays in the log until a compaction, and is erased when the last socket leaves', async () => {
    const relay = await startRelay() // default delay (60 s): only freeing the room compacts during this test
    cleanups.push(() => relay.stop())
    const room = await createTestRoom()
    const writer = await connectWriter(relay, room, sealed)
    const leaving = writeFamilies(writer.doc, sealed)
    await waitFor(() => writer.acked() >= 1 + WRITE_TRANSACTIONS, 'writes durable')
    const removed = storedOfFamily(writer.doc, leaving)

    edit.removeFamily(writer.doc, leaving)
    await waitFor(() => writer.acked() >= 2 + WRITE_TRANSACTIONS, 'removal durable')
    // Not compacted yet: the removed values are still in the log. Compaction is what erases them.
    expect(needlesFound(await filesUnder(relay.dataDir), removed)).toEqual(removed)

    writer.provider.destroy()
    await waitFor(async () => (await fetchHealth(relay.url)).rooms === 0, 'room freed')
    await waitFor(() => relay.relay.metrics.counters.roomsFreed >= 1, 'room written out')
    // The room's files are compacted at once; the write-ahead log's old segments go at the next checkpoint.
    const everything = [...removed, ...Object.values(LEAVING)]
    await waitFor(async () => needlesFound(await filesUnder(relay.dataDir), everything).length === 0, 'erased', 10_000)
  })
})

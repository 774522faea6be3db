// Erasure on the relay of what issue 16 erases: a support note whose family withdrew its agreement, and a guest's first
// name once the walk's day is over (deleted by any phone). Each leaves every file of the relay's data dir once the
// loaded room compacts after the change, as a removed family does (tests/integration/erasure.test.ts).
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindSealKey } from '../../src/doc/codec.ts'
import { eraseExpiredGuestNames } from '../../src/doc/guest-erasure.ts'
import { MAP_CHILDREN, MAP_GUEST_NAMES } from '../../src/doc/keys.ts'
import * as edit from '../../src/doc/mutations.ts'
import { localDate } from '../../src/domain/dates.ts'
import { AdultIdSchema, LineIdSchema, createActorId, type ChildId } from '../../src/domain/ids.ts'
import { SUPPORT_CONSENT_VERSION, type SupportConsent } from '../../src/domain/support-consent.ts'
import { createGuestId } from '../../src/domain/walk-log/records.ts'
import { createInviteSecret } from '../../src/lib/credentials.ts'
import { MESSAGE_RELAY_ACK } from '../../src/lib/relay-protocol.ts'
import { deriveSealKey } from '../../src/lib/seal.ts'
import { filesUnder, needlesFound } from '../helpers/byte-search.ts'
import { connectProvider, createTestRoom, startRelay, waitFor } from '../helpers/relay.ts'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const valueOf = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`edit refused: ${JSON.stringify(result.error)}`)
  return result.value
}

/** A phone's document on a fresh relay (a short compaction delay), with the relay's durable acks counted. */
const connect = async () => {
  const relay = await startRelay({ env: { COMPACT_AFTER_DELETE_MS: '20' } })
  cleanups.push(() => relay.stop())
  const room = await createTestRoom()
  const doc = new Y.Doc()
  bindSealKey(doc, await deriveSealKey(room.roomId, createInviteSecret()))
  const provider = connectProvider(relay.wsUrl, room, { doc, register: true, ack: true })
  let acked = 0
  provider.messageHandlers[MESSAGE_RELAY_ACK] = (_encoder, decoder: decoding.Decoder) => {
    acked = Math.max(acked, decoding.readVarUint(decoder))
  }
  cleanups.push(() => provider.destroy())
  await waitFor(() => provider.synced, 'synced')
  let sent = 1 // the step 2
  /** Runs one change and waits until the relay says it is durable. */
  const durably = async (change: () => void): Promise<void> => {
    change()
    sent += 1
    await waitFor(() => acked >= sent, 'change durable')
  }
  return { relay, doc, durably }
}

describe('erasure on the relay (issue 16)', () => {
  it('a withdrawn agreement: the note leaves every file once the loaded room compacts', async () => {
    const { relay, doc, durably } = await connect()
    let childId = '' as ChildId
    let consent: SupportConsent | null = null
    await durably(() => {
      const familyId = valueOf(edit.addFamily(doc, { displayName: 'Martin' }))
      const adultId = valueOf(edit.addAdult(doc, familyId, { firstName: 'Camille', phone: '', charterAcceptedOn: null, insured: true }))
      const stamp = { by: adultId, byFamily: familyId, onRequest: false, actor: createActorId(), at: '2027-03-02T19:00:00+01:00' }
      consent = { familyId, adultId, version: SUPPORT_CONSENT_VERSION, given: stamp, written: stamp }
      const input = { firstName: 'Hugo', initial: 'M', routes: {}, days: [1], support: 'Zorglub : fauteuil roulant', countsExtra: true }
      doc.transact(() => {
        childId = valueOf(edit.addChild(doc, familyId, input, localDate('2027-03-02'), consent!))
      })
    })
    const note = (doc.getMap(MAP_CHILDREN).get(childId) as Y.Map<unknown>).get('support') as string
    expect(needlesFound(await filesUnder(relay.dataDir), [note])).toEqual([note]) // the search can fail

    await durably(() => edit.withdrawSupportConsent(doc, childId, { ...consent!, withdrawn: consent!.given! }))
    await waitFor(async () => needlesFound(await filesUnder(relay.dataDir), [note]).length === 0, 'the note gone from disk')
  })

  it('a guest’s first name leaves every file once a phone erased it after the walk’s day', async () => {
    const { relay, doc, durably } = await connect()
    const walk = { lineId: LineIdSchema.parse('00000000-0000-4000-8000-000000000001'), date: localDate('2027-03-02'), direction: 'aller' } as const
    await durably(() => {
      edit.writeGuest(doc, {
        walk, childId: createGuestId(), name: 'Zéphyrin', status: 'present', stopId: null,
        adultId: AdultIdSchema.parse('00000000-0000-4000-8000-000000000002'), actor: createActorId(), at: '2027-03-02T08:27:00+01:00',
      })
    })
    const name = doc.getMap<Record<string, unknown>>(MAP_GUEST_NAMES).values().next().value?.name as string
    expect(needlesFound(await filesUnder(relay.dataDir), [name])).toEqual([name])

    await durably(() => {
      expect(eraseExpiredGuestNames(doc, localDate('2027-03-03'))).toBe(1)
    })
    await waitFor(async () => needlesFound(await filesUnder(relay.dataDir), [name]).length === 0, 'the name gone from disk')
  })
})

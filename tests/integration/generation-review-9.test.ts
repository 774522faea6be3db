// Review of document generations (issue 14): an older relay (no POST /archive: it answers 404, or 405 as the
// previous http.ts does for any POST it does not route). moveOlderLayout writes `meta.nextGeneration` into the live
// document before asking, on every session of every 0.2.0 phone ("tried once per session"), and ignores the refusal:
// the live document of a collective that cannot move gets one more write on each opening, for ever.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { RelayFetch } from '../../src/app/env.ts'
import { createAppServices } from '../../src/app/services.ts'
import { MAP_META, META_NEXT_GENERATION } from '../../src/doc/keys.ts'
import * as edit from '../../src/doc/mutations.ts'
import { parisToInstant } from '../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../src/domain/dates.ts'
import { createActorId } from '../../src/domain/ids.ts'
import type { WalkRef } from '../../src/domain/signup.ts'
import { createInviteSecret, createRoomId, deriveRoomToken } from '../../src/lib/credentials.ts'
import { deriveSealKey } from '../../src/lib/seal.ts'
import { DEFAULT_DEVICE_DB_NAME, openDeviceStore } from '../../src/storage/device-db.ts'
import { docDatabaseName, replaceStoredDocument } from '../../src/storage/doc-persistence.ts'
import { fetchRelayCopy } from '../../src/sync/relay-copy.ts'
import { newFirstLayoutFixture } from '../unit/doc/fixtures.ts'
import { startRelay, waitFor, type InProcessRelay } from '../helpers/relay.ts'
import { open, synced, useGenerationPhones } from '../helpers/generation-phones.ts'

const phones = useGenerationPhones('review-9')

const NOW = parisToInstant(localDate('2027-09-06'), '08:12' as TimeOfDay)
const NAMESPACE = 'review-9-phone:'



describe('review 9: a collective before 0.2.0 on a relay that cannot archive', () => {
  it('is not written to on every opening', async () => {
    const relay: InProcessRelay = await startRelay()
    phones.cleanups.push(() => relay.stop())
    const calls: string[] = []
    const olderRelay: RelayFetch = async (url) => {
      calls.push(url)
      return { status: 404 }
    }
    const startPhone = () => createAppServices({
      origin: 'http://127.0.0.1:1', relayUrl: relay.url, namespace: NAMESPACE,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      windowEvents: new EventTarget(), isBrowserOnline: () => true, disableBroadcastChannel: true, random: () => 0.5, storageManager: {},
      now: () => NOW, renewRetryDelaysMs: [20, 50], fetch: olderRelay,
    })
    const id = createRoomId()
    const secret = createInviteSecret()
    const fixture = newFirstLayoutFixture(await deriveSealKey(id, secret))
    const walk: WalkRef = { lineId: fixture.lineId, date: localDate('2027-09-06'), direction: 'aller' }
    expect(edit.writeSignUp(fixture.doc, { walk, slot: 'lead', adultId: fixture.adultId, familyId: fixture.familyId, actor: createActorId(), at: '2027-09-01T08:00:00+02:00' })).toBe(true)
    await replaceStoredDocument(docDatabaseName(NAMESPACE, id), Y.encodeStateAsUpdate(fixture.doc))
    const device = openDeviceStore(`${NAMESPACE}${DEFAULT_DEVICE_DB_NAME}`)
    await device.putCollective({ id, secret, name: 'Pédibus des Pins', joinedAt: NOW })
    device.close()

    for (let opening = 1; opening <= 3; opening++) {
      const services = await startPhone()
      const session = await open(services, id)
      if (opening === 1) await waitFor(() => calls.length >= 1, 'archive asked')
      await waitFor(() => synced(session), 'synced')
      await new Promise((resolve) => setTimeout(resolve, 300))
      services.destroy()
    }
    // Refused once: the phone does not ask again at each opening (it waits days before trying again).
    expect(calls).toHaveLength(1)
    // The relay's copy: how many times meta.nextGeneration was written.
    const copy = new Y.Doc()
    await fetchRelayCopy(copy, { relayUrl: relay.url, roomId: id, token: await deriveRoomToken(id, secret), WebSocket: WebSocket as unknown as typeof globalThis.WebSocket })
    const meta = copy.getMap(MAP_META)
    let writes = 0
    for (const structs of copy.store.clients.values()) {
      for (const struct of structs) if (struct instanceof Y.Item && struct.parent === meta && struct.parentSub === META_NEXT_GENERATION) writes++
    }
    copy.destroy()
    expect(writes).toBeLessThanOrEqual(1)
  })
})

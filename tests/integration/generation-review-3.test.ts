// Review of document generations (issue 14): two phones online when the room is archived both find no successor on
// the relay (4404) and both build it, each under its own Yjs client id. The phone that opens its successor later
// uploads its build then: its items for every record are concurrent with the first build, and when its client id
// is the higher one they win every key, over the edits made meanwhile on the first build (a rename is undone, a
// removed family comes back). The test picks the phone whose build has the higher client id as the late one.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CollectiveSession } from '../../src/app/api.ts'
import { localDate } from '../../src/domain/dates.ts'
import type { RoomId } from '../../src/lib/credentials.ts'
import { bindDocPersistence, docDatabaseName } from '../../src/storage/doc-persistence.ts'
import { valueOf } from '../unit/doc/fixtures.ts'
import { waitFor } from '../helpers/relay.ts'
import { liveIds, open, synced, useGenerationPhones, type Phone } from '../helpers/generation-phones.ts'
import { inviteFragmentOf } from '../helpers/invitations.ts'

const phones = useGenerationPhones('review-3')

const STARTS_ON = localDate('2027-06-15')

/** The client id of the build this phone stored as its successor (a fresh build holds one client). */
const buildClientOf = async (phone: Phone, successorId: RoomId): Promise<number> => {
  const doc = new Y.Doc()
  const persistence = bindDocPersistence(doc, docDatabaseName(phone.namespace, successorId))
  await persistence.whenLoaded
  const clients = [...doc.store.clients.keys()]
  persistence.destroy()
  doc.destroy()
  expect(clients).toHaveLength(1)
  return clients[0]!
}
const names = (session: CollectiveSession): string[] => session.view.get().families.map((family) => family.displayName).sort()

describe('review 3: two phones following at once', () => {
  it('a build uploaded late does not undo what was edited in the successor meanwhile', async () => {
    const relay = await phones.relay()
    const a = await phones.phone(relay)
    const b = await phones.phone(relay)
    const id = valueOf(await a.services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const sessionA = await open(a.services, id)
    const martin = valueOf(sessionA.addFamily({ displayName: 'Martin' }))
    const durand = valueOf(sessionA.addFamily({ displayName: 'Durand' }))
    await waitFor(() => synced(sessionA), 'A synced')
    valueOf(await b.services.joinFromInvite(await inviteFragmentOf(sessionA)))
    const sessionB = await open(b.services, id)
    await waitFor(() => synced(sessionB) && sessionB.view.get().families.length === 2, 'B synced')

    // A starts the new year while B is online on the same screen: both follow at once, neither finds a successor.
    const next = { startsOn: STARTS_ON, removeChildIds: [], archiveLabel: '2026-2027', reason: 'newSchoolYear' as const }
    const successorId = valueOf(await a.services.startNewGeneration(id, next))
    await waitFor(() => liveIds(a).includes(successorId) && liveIds(b).includes(successorId), 'both followed')

    // Built once, by the archiving phone: B waited for A's build and joined it (one client wrote the whole build).
    const [clientA, clientB] = [await buildClientOf(a, successorId), await buildClientOf(b, successorId)]
    expect(clientB).toBe(clientA)
    const [early, late] = [b, a]

    // The early phone goes on in the successor: Durand renamed, Martin removed (they left, data erased).
    const liveEarly = await open(early.services, successorId)
    await waitFor(() => liveEarly.view.get().profile !== null && synced(liveEarly), 'early on the successor')
    valueOf(liveEarly.renameFamily(durand, { displayName: 'Durand-Lefèvre' }))
    valueOf(liveEarly.removeFamily(martin))
    await waitFor(() => synced(liveEarly), 'early edits on the relay')
    expect(names(liveEarly)).toEqual(['Durand-Lefèvre'])

    // The late phone opens its successor later (its person was away): its build goes up now.
    const liveLate = await open(late.services, successorId)
    await waitFor(() => liveLate.view.get().profile !== null && synced(liveLate), 'late on the successor')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(names(liveLate)).toEqual(names(liveEarly))
    expect(names(liveEarly)).toEqual(['Durand-Lefèvre'])
  })
})

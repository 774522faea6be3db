// Review of document generations (issue 14): families removed on a phone while offline (erasure) must stay removed
// in the successor once that phone follows. A later removal makes the outbox forget the bytes of the earlier one
// (erasure), and unsentChanges strips deletions, so the handoff carries no place for it: it comes back.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { localDate } from '../../src/domain/dates.ts'
import { valueOf } from '../unit/doc/fixtures.ts'
import { waitFor } from '../helpers/relay.ts'
import { liveIds, open, synced, useGenerationPhones } from '../helpers/generation-phones.ts'
import { inviteFragmentOf } from '../helpers/invitations.ts'

const phones = useGenerationPhones('review-1')

const STARTS_ON = localDate('2027-06-15')


describe('review 1: an offline removal (erasure) and the successor', () => {
  it('a family removed offline stays removed once the phone follows the collective to its successor', async () => {
    const relay = await phones.relay()
    const a = await phones.phone(relay)
    const b = await phones.phone(relay)
    const id = valueOf(await a.services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const sessionA = await open(a.services, id)
    valueOf(sessionA.addFamily({ displayName: 'Martin' }))
    const bernard = valueOf(sessionA.addFamily({ displayName: 'Bernard' }))
    const durand = valueOf(sessionA.addFamily({ displayName: 'Durand' }))
    await waitFor(() => synced(sessionA), 'A synced')

    valueOf(await b.services.joinFromInvite(await inviteFragmentOf(sessionA)))
    const sessionB = await open(b.services, id)
    await waitFor(() => synced(sessionB) && sessionB.view.get().families.length === 3, 'B synced')
    // B goes offline and removes the Durand family (they left, and asked for their data to go).
    b.events.dispatchEvent(new Event('offline'))
    valueOf(sessionB.removeFamily(durand))
    // A second removal: erasure makes the outbox forget the bytes of the changes before it (the first removal's).
    valueOf(sessionB.removeFamily(bernard))
    expect(sessionB.view.get().families.map((family) => family.displayName)).toEqual(['Martin'])
    expect(sessionB.status.get().pending).toBeGreaterThan(0)

    const next = { startsOn: STARTS_ON, removeChildIds: [], archiveLabel: '2026-2027', reason: 'newSchoolYear' as const }
    const successorId = valueOf(await a.services.startNewGeneration(id, next))
    const liveA = await open(a.services, successorId)
    await waitFor(() => liveA.view.get().profile !== null && synced(liveA), 'A on the successor')

    b.events.dispatchEvent(new Event('online'))
    await waitFor(() => liveIds(b).includes(successorId), 'B follows')
    const liveB = await open(b.services, successorId)
    await waitFor(() => liveB.view.get().profile !== null && synced(liveB), 'B on the successor')
    await new Promise((resolve) => setTimeout(resolve, 300))
    // B removed them before the move: the successor must not bring them back, on B nor on A.
    expect(liveB.view.get().families.map((family) => family.displayName)).toEqual(['Martin'])
    expect(liveA.view.get().families.map((family) => family.displayName)).toEqual(['Martin'])
  })
})

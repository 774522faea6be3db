// Review of document generations (issue 14): existingSuccessor takes whatever the relay holds under the successor
// room as "built by another phone". A phone that registered the successor (its session connects with
// pedibus.register) and lost its connection before its step 2 was stored leaves an empty room (or, for a large
// document sent in parts, a partial one): every later phone then joins that room and never builds, so the
// collective shows no profile, no families, until that first phone comes back (if ever).
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { TAKEOVER_MS } from '../../src/domain/year/next-generation.ts'
import { WebSocket } from 'ws'
import { parisToInstant } from '../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../src/domain/dates.ts'
import { deriveRoomToken, deriveSuccessorRoomId } from '../../src/lib/credentials.ts'
import { valueOf } from '../unit/doc/fixtures.ts'
import { openRawClient, relayProtocols, waitFor } from '../helpers/relay.ts'
import { liveIds, open, synced, useGenerationPhones } from '../helpers/generation-phones.ts'
import { inviteFragmentOf, secretOf as invitationSecretOf } from '../helpers/invitations.ts'

const phones = useGenerationPhones('review-7')

const NOW = parisToInstant(localDate('2027-06-14'), '08:12' as TimeOfDay)
const STARTS_ON = localDate('2027-06-15')

/** Rooms whose sessions (the sockets that register) never get through: the phone's build of them never lands. */
const blocked = new Set<string>()
class BlockingWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    const registers = Array.isArray(protocols) && protocols.includes('pedibus.register')
    super([...blocked].some((room) => registers && url.endsWith(`/${room}`)) ? 'ws://127.0.0.1:9/closed' : url, protocols)
  }
}

describe('review 7: a successor room registered but not (yet) filled', () => {
  it('is built by the next phone that follows once the builder\'s build is overdue, not taken as it is', async () => {
    const relay = await phones.relay()
    const a = await phones.phone(relay, { WebSocket: BlockingWebSocket })
    // B follows after the wait for the builder (TAKEOVER_MS) is over.
    const b = await phones.phone(relay, { now: NOW + TAKEOVER_MS + 60_000 })
    const id = valueOf(await a.services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const sessionA = await open(a.services, id)
    valueOf(sessionA.addFamily({ displayName: 'Martin' }))
    await waitFor(() => synced(sessionA), 'A synced')
    valueOf(await b.services.joinFromInvite(await inviteFragmentOf(sessionA)))
    const sessionB = await open(b.services, id)
    await waitFor(() => synced(sessionB) && sessionB.view.get().families.length === 1, 'B synced')
    b.events.dispatchEvent(new Event('offline'))

    const next = { startsOn: STARTS_ON, removeChildIds: [], archiveLabel: '2026-2027', reason: 'newSchoolYear' as const }
    const secret = await invitationSecretOf(sessionA, relay.url)
    blocked.add(await deriveSuccessorRoomId(id, secret))
    const successorId = valueOf(await a.services.startNewGeneration(id, next))
    // A's successor session registers the room and drops before its content lands (A's phone then stays away).
    expect(successorId).toBe(await deriveSuccessorRoomId(id, secret))
    const registering = await openRawClient(relay.wsUrl, successorId, relayProtocols(await deriveRoomToken(successorId, secret), { register: true }))
    registering.ws.close()
    await registering.closed
    await a.services.destroy()

    b.events.dispatchEvent(new Event('online'))
    await waitFor(() => liveIds(b).includes(successorId), 'B follows')
    const liveB = await open(b.services, successorId)
    await waitFor(() => synced(liveB), 'B on the successor')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(liveB.view.get().profile?.name).toBe('Pédibus des Pins')
    expect(liveB.view.get().families.map((family) => family.displayName)).toEqual(['Martin'])
  })
})

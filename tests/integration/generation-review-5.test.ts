// Review of document generations (issue 14): a follow refused for a passing reason. fetchRelayCopy rejects any 44xx
// close as RelayCopyRefused, and followSuccessor turns it into 'relayRefused', which retryFollow never tries again.
// 4429 (too many sockets from one address: a school's shared Wi-Fi, where every phone opens two more sockets at the
// moment the room is archived) says nothing about the room. The archiving phone is also told "the relay refused to
// archive the year: nothing changed" while its room is archived.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { localDate } from '../../src/domain/dates.ts'
import { valueOf } from '../unit/doc/fixtures.ts'
import { startRelay, waitFor } from '../helpers/relay.ts'
import { open, synced, useGenerationPhones } from '../helpers/generation-phones.ts'

const phones = useGenerationPhones('review-5')

const STARTS_ON = localDate('2027-06-15')



describe('review 5: a follow refused by the per-address socket limit', () => {
  it('is not a refusal of the archive, and is tried again', async () => {
    // One socket per address: the phone's own session takes it, so the copies of the follow get 4429.
    const relay = await startRelay({ env: { MAX_CONNECTIONS_PER_IP: '1' } })
    phones.cleanups.push(() => relay.stop())
    const { services } = await phones.phone(relay, { namespace: 'review-5-phone:' })
    const id = valueOf(await services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const session = await open(services, id)
    valueOf(session.addFamily({ displayName: 'Martin' }))
    await waitFor(() => synced(session), 'synced')

    const next = { startsOn: STARTS_ON, removeChildIds: [], archiveLabel: '2026-2027', reason: 'newSchoolYear' as const }
    const result = await services.startNewGeneration(id, next)
    await waitFor(() => session.status.get().archived, 'archived')
    // The room is archived: "refused, nothing changed" is wrong, and 'relayRefused' is never retried.
    expect(result).toEqual({ ok: false, error: 'relayUnreachable' })
  })
})

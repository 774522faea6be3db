// Review of document generations (issue 14): the archiving phone's own waiting change. startNewGeneration follows
// with `follow(id, null)` (no handoff) and then empties the archive's outbox; the session's handoff, when 104 comes
// later (or while that follow runs), is ignored because the collective is already followed. A change made on the
// archiving phone that did not reach the relay before the freeze (its socket dropped for a moment, or the change
// crossed the POST) is then never carried to the successor.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { RelayFetch } from '../../src/app/env.ts'
import { localDate } from '../../src/domain/dates.ts'
import { valueOf } from '../unit/doc/fixtures.ts'
import { startRelay, waitFor } from '../helpers/relay.ts'
import { open, synced, useGenerationPhones } from '../helpers/generation-phones.ts'

const phones = useGenerationPhones('review-4')

const STARTS_ON = localDate('2027-06-15')



describe('review 4: a change waiting on the archiving phone', () => {
  it('reaches the successor', async () => {
    const relay = await startRelay()
    phones.cleanups.push(() => relay.stop())
    const hooks: { beforeArchive?: () => void } = {}
    const fetch: RelayFetch = async (url, init) => {
      if (url.includes('/archive/')) hooks.beforeArchive?.()
      return globalThis.fetch(url, init)
    }
    const { services, events } = await phones.phone(relay, { namespace: 'review-4-phone:', fetch })
    const id = valueOf(await services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const session = await open(services, id)
    valueOf(session.addFamily({ displayName: 'Martin' }))
    await waitFor(() => synced(session), 'synced')

    // While the archive request is on its way, the phone's socket drops and the person adds a family.
    hooks.beforeArchive = () => {
      hooks.beforeArchive = undefined
      events.dispatchEvent(new Event('offline'))
      valueOf(session.addFamily({ displayName: 'Bernard' }))
    }
    const next = { startsOn: STARTS_ON, removeChildIds: [], archiveLabel: '2026-2027', reason: 'newSchoolYear' as const }
    const successorId = valueOf(await services.startNewGeneration(id, next))
    expect(session.status.get().pending).toBeGreaterThan(0)
    // The socket comes back: the relay says the room is archived, the session hands its waiting change over.
    events.dispatchEvent(new Event('online'))
    await waitFor(() => session.status.get().archived, 'told archived')

    const live = await open(services, successorId)
    await waitFor(() => live.view.get().profile !== null && synced(live), 'on the successor')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(live.view.get().families.map((family) => family.displayName).sort()).toEqual(['Bernard', 'Martin'])
  })
})

// Review of document generations (issue 14): a follow refused for a passing reason. fetchRelayCopy rejects any 44xx
// close as RelayCopyRefused, and followSuccessor turns it into 'relayRefused', which retryFollow never tries again.
// 4429 (too many sockets from one address: a school's shared Wi-Fi, where every phone opens two more sockets at the
// moment the room is archived) says nothing about the room. The archiving phone is also told "the relay refused to
// archive the year: nothing changed" while its room is archived.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { AppServices, CollectiveSession } from '../../src/app/api.ts'
import { createAppServices } from '../../src/app/services.ts'
import { parisToInstant } from '../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../src/domain/dates.ts'
import type { RoomId } from '../../src/lib/credentials.ts'
import { valueOf } from '../unit/doc/fixtures.ts'
import { startRelay, waitFor } from '../helpers/relay.ts'

const NOW = parisToInstant(localDate('2027-06-14'), '08:12' as TimeOfDay)
const STARTS_ON = localDate('2027-06-15')

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const open = async (services: AppServices, id: RoomId): Promise<CollectiveSession> => {
  const session = await services.openCollective(id)
  if (!session) throw new Error('session did not open')
  return session
}
const synced = (session: CollectiveSession): boolean => {
  const status = session.status.get()
  return status.connection === 'online' && status.pending === 0 && status.local === 'saved' && status.relayConfirmed
}

describe('review 5: a follow refused by the per-address socket limit', () => {
  it('is not a refusal of the archive, and is tried again', async () => {
    // One socket per address: the phone's own session takes it, so the copies of the follow get 4429.
    const relay = await startRelay({ env: { MAX_CONNECTIONS_PER_IP: '1' } })
    cleanups.push(() => relay.stop())
    const services = await createAppServices({
      origin: 'http://127.0.0.1:1', relayUrl: relay.url, namespace: 'review-5-phone:',
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      windowEvents: new EventTarget(), isBrowserOnline: () => true, disableBroadcastChannel: true, random: () => 0.5, storageManager: {},
      now: () => NOW, renewRetryDelaysMs: [20, 50],
    })
    cleanups.push(() => services.destroy())
    const id = valueOf(await services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac' }))
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

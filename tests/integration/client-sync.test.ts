// Two app-level "phones" in Node (y-indexeddb over fake-indexeddb, `ws` sockets) against the real relay on port 0.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { AppServices, CollectiveSession, SyncStatus } from '../../src/app/api.ts'
import { createAppServices } from '../../src/app/services.ts'
import type { RoomId } from '../../src/lib/credentials.ts'
import { startRelay, waitFor, type InProcessRelay } from '../helpers/relay.ts'
import { inviteFragmentOf } from '../helpers/invitations.ts'

let phoneCounter = 0
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const relayFor = async (options: Parameters<typeof startRelay>[0] = {}): Promise<InProcessRelay> => {
  const relay = await startRelay(options)
  cleanups.push(() => relay.stop())
  return relay
}

interface Phone {
  services: AppServices
  events: EventTarget
}

const startPhone = async (relayUrl: string): Promise<Phone> => {
  const events = new EventTarget()
  const services = await createAppServices({
    origin: 'http://127.0.0.1:1',
    relayUrl,
    namespace: `client-phone-${phoneCounter++}:`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    windowEvents: events,
    isBrowserOnline: () => true,
    disableBroadcastChannel: true, // the two phones share a process: they must meet only through the relay
    random: () => 0.5,
    storageManager: {},
  })
  cleanups.push(() => services.destroy())
  return { services, events }
}

const open = async (services: AppServices, id: RoomId): Promise<CollectiveSession> => {
  const session = await services.openCollective(id)
  if (!session) throw new Error('session did not open')
  return session
}

const statusOf = (session: CollectiveSession): SyncStatus => session.status.get()
const profile = { name: 'Pédibus des Lilas', school: 'École Jaurès', town: 'Lyon' }
const newCollective = { ...profile, schoolPlace: '69003' }

/** Creates a collective on A and joins it on B from A's invite link. */
const shareCollective = async (a: Phone, b: Phone): Promise<{ sessionA: CollectiveSession; sessionB: CollectiveSession }> => {
  const created = await a.services.createCollective(newCollective)
  if (!created.ok) throw new Error('create failed')
  const sessionA = await open(a.services, created.value)
  await waitFor(() => statusOf(sessionA).connection === 'online', 'A online')
  const joined = await b.services.joinFromInvite(await inviteFragmentOf(sessionA))
  if (!joined.ok) throw new Error('join failed')
  expect(joined.value).toBe(created.value)
  const sessionB = await open(b.services, joined.value)
  return { sessionA, sessionB }
}

describe('client against the real relay', () => {
  it('two phones converge: profile, added family, rename in the other direction', async () => {
    const relay = await relayFor()
    const a = await startPhone(relay.url)
    const b = await startPhone(relay.url)
    const { sessionA, sessionB } = await shareCollective(a, b)
    await waitFor(() => sessionB.view.get().profile?.name === profile.name, 'profile on B')
    await waitFor(() => b.services.collectives.get()[0]?.name === profile.name, 'cached name on B')

    const added = sessionA.addFamily({ displayName: 'Dupont' })
    if (!added.ok) throw new Error('add failed')
    await waitFor(() => sessionB.view.get().families.length === 1, 'family on B')
    sessionB.renameFamily(added.value, { displayName: 'Dupont-Moreau' })
    await waitFor(() => sessionA.view.get().families[0]?.displayName === 'Dupont-Moreau', 'rename on A')
    expect(sessionB.view.get()).toEqual(sessionA.view.get())
  })

  it('pending count goes N -> 0 once the relay acks', async () => {
    const relay = await relayFor()
    const a = await startPhone(relay.url)
    const created = await a.services.createCollective(newCollective)
    if (!created.ok) throw new Error('create failed')
    const session = await open(a.services, created.value)
    await waitFor(() => statusOf(session).connection === 'online' && statusOf(session).pending === 0, 'creation acked')

    a.events.dispatchEvent(new Event('offline'))
    expect(statusOf(session).connection).toBe('offline')
    for (const name of ['Dupont', 'Martin', 'Bernard']) session.addFamily({ displayName: name })
    expect(statusOf(session).pending).toBe(3)
    const counts: number[] = []
    session.status.subscribe((status) => counts.push(status.pending))
    a.events.dispatchEvent(new Event('online'))
    await waitFor(() => statusOf(session).pending === 0, 'pending drained')
    expect(statusOf(session).connection).toBe('online')
    expect(counts.at(-1)).toBe(0)
  })

  it('a wrong secret for an existing room is refused (no retry)', async () => {
    const relay = await relayFor()
    const a = await startPhone(relay.url)
    const b = await startPhone(relay.url)
    const created = await a.services.createCollective(newCollective)
    if (!created.ok) throw new Error('create failed')
    const sessionA = await open(a.services, created.value)
    await waitFor(() => statusOf(sessionA).connection === 'online', 'A online (room registered)')
    const wrongSecret = 'A'.repeat(43)
    const joined = await b.services.joinFromInvite(`#r=${created.value}&s=${wrongSecret}`)
    if (!joined.ok) throw new Error('join failed')
    const sessionB = await open(b.services, joined.value)
    await waitFor(() => statusOf(sessionB).connection === 'refused', 'B refused')
    expect(sessionB.view.get().profile).toBeNull()
  })

  it('relay stopped -> offline since; restarted -> reconnects and pending drains', async () => {
    const first = await startRelay()
    const port = new URL(first.url).port
    const a = await startPhone(first.url)
    const created = await a.services.createCollective(newCollective)
    if (!created.ok) throw new Error('create failed')
    const session = await open(a.services, created.value)
    await waitFor(() => statusOf(session).connection === 'online' && statusOf(session).pending === 0, 'creation acked')

    await first.relay.close()
    await waitFor(() => statusOf(session).connection === 'offline', 'offline after relay stop')
    expect(statusOf(session).offlineSince).not.toBeNull()
    session.addFamily({ displayName: 'Dupont' })
    session.addFamily({ displayName: 'Martin' })
    expect(statusOf(session).pending).toBe(2)

    const second = await relayFor({ dataDir: first.dataDir, env: { PORT: port } })
    cleanups.push(() => first.stop())
    await waitFor(() => statusOf(session).connection === 'online', 'reconnected', 20_000)
    await waitFor(() => statusOf(session).pending === 0, 'pending drained after restart')
    expect(statusOf(session).offlineSince).toBeNull()

    // A new phone joining now gets everything from the restarted relay.
    const b = await startPhone(second.url)
    await b.services.joinFromInvite(await inviteFragmentOf(session))
    const sessionB = await open(b.services, created.value)
    await waitFor(() => sessionB.view.get().families.length === 2, 'families on the new phone')
  })
})

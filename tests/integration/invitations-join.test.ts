// Joining by invitation through the app's services and the real relay (issue 16): a link holds a one-off invite key,
// never the collective's secret; it opens nothing once expired or revoked; a phone that joined keeps its own copy; a
// link of the earlier format (the secret itself) still opens the collective.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { AppServices, CollectiveSession } from '../../src/app/api.ts'
import { parseInvite } from '../../src/app/invite.ts'
import { createAppServices } from '../../src/app/services.ts'
import type { RoomId } from '../../src/lib/credentials.ts'
import { inviteLinkOf, legacyFragment, storedSecretOf } from '../helpers/invitations.ts'
import { startRelay, waitFor, type InProcessRelay } from '../helpers/relay.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

let phoneCount = 0
const startPhone = async (relay: InProcessRelay): Promise<{ services: AppServices; namespace: string }> => {
  const namespace = `invitations-join-${phoneCount++}-${Date.now()}:`
  const services = await createAppServices({
    origin: 'http://127.0.0.1:1', relayUrl: relay.url, namespace,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket, windowEvents: null, isBrowserOnline: () => true,
    disableBroadcastChannel: true, storageManager: {},
  })
  cleanups.push(() => services.destroy())
  return { services, namespace }
}
const open = async (services: AppServices, id: RoomId): Promise<CollectiveSession> => {
  const session = await services.openCollective(id)
  if (!session) throw new Error('no session')
  return session
}
const valueOf = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`unexpected error: ${JSON.stringify(result.error)}`)
  return result.value
}
const synced = (session: CollectiveSession): boolean => {
  const status = session.status.get()
  return status.connection === 'online' && status.pending === 0 && status.local === 'saved' && status.relayConfirmed
}

const collectiveWithFamily = async (relay: InProcessRelay) => {
  const a = await startPhone(relay)
  const id = valueOf(await a.services.createCollective({ name: 'Pédibus des Lilas', school: 'École Jaurès', town: 'Lyon', schoolPlace: '69003' }))
  const session = await open(a.services, id)
  valueOf(session.addFamily({ displayName: 'Zorglub' }))
  await waitFor(() => synced(session), 'A on the relay')
  return { a, id, session }
}

describe('joining by invitation', () => {
  it('joins with a link that holds no secret, and the collective syncs', async () => {
    const relay = await startRelay()
    cleanups.push(() => relay.stop())
    const { a, id, session } = await collectiveWithFamily(relay)
    const link = await inviteLinkOf(session)
    const secret = await storedSecretOf(a.namespace, id)
    expect(link).not.toContain(secret)
    expect(parseInvite(link)).toMatchObject({ ok: true, value: { kind: 'key', roomId: id } })

    const b = await startPhone(relay)
    expect(valueOf(await b.services.joinFromInvite(new URL(link).hash))).toBe(id)
    expect(await storedSecretOf(b.namespace, id)).toBe(secret) // its own copy, kept on the phone
    const sessionB = await open(b.services, id)
    await waitFor(() => sessionB.view.get().families.some((family) => family.displayName === 'Zorglub'), 'B synced')
    const listed = valueOf(await session.listInvitations())
    expect(listed).toHaveLength(1)
    expect(listed[0]?.expiresAt).toBeGreaterThan(Date.now() + 7 * DAY_MS - 60_000)
  })

  it('a revoked invitation opens nothing; a phone that joined keeps the collective', async () => {
    const relay = await startRelay()
    cleanups.push(() => relay.stop())
    const { id, session } = await collectiveWithFamily(relay)
    const link = await inviteLinkOf(session)
    const b = await startPhone(relay)
    valueOf(await b.services.joinFromInvite(new URL(link).hash))
    const sessionB = await open(b.services, id)
    await waitFor(() => sessionB.view.get().profile?.name === 'Pédibus des Lilas', 'B synced')

    const [invitation] = valueOf(await session.listInvitations())
    if (!invitation) throw new Error('no invitation listed')
    valueOf(await session.revokeInvitation(invitation.id))
    expect(valueOf(await session.listInvitations())).toEqual([])
    const c = await startPhone(relay)
    expect(await c.services.joinFromInvite(new URL(link).hash)).toEqual({ ok: false, error: 'invitationExpired' })
    expect(c.services.collectives.get()).toEqual([])
    // B opening the same link again: it holds the collective already.
    expect(await b.services.joinFromInvite(new URL(link).hash)).toEqual({ ok: true, value: id })
  })

  it('an expired invitation opens nothing', async () => {
    let now = Date.now()
    const relay = await startRelay({ now: () => now })
    cleanups.push(() => relay.stop())
    const { session } = await collectiveWithFamily(relay)
    const created = valueOf(await session.createInvitation(1))
    now += DAY_MS
    const c = await startPhone(relay)
    expect(await c.services.joinFromInvite(new URL(created.url).hash)).toEqual({ ok: false, error: 'invitationExpired' })
    expect(c.services.collectives.get()).toEqual([])
  })

  it('says offline when the relay cannot be asked, and writes nothing', async () => {
    const relay = await startRelay()
    cleanups.push(() => relay.stop())
    const { session } = await collectiveWithFamily(relay)
    const link = await inviteLinkOf(session)
    const c = await startPhone(relay)
    await relay.stop()
    expect(await c.services.joinFromInvite(new URL(link).hash)).toEqual({ ok: false, error: 'offline' })
    expect(c.services.collectives.get()).toEqual([])
  })

  it('still opens a link of the earlier format (the secret in the fragment): members who shared one keep it working', async () => {
    const relay = await startRelay()
    cleanups.push(() => relay.stop())
    const { a, id } = await collectiveWithFamily(relay)
    const b = await startPhone(relay)
    expect(valueOf(await b.services.joinFromInvite(legacyFragment(id, await storedSecretOf(a.namespace, id))))).toBe(id)
    const sessionB = await open(b.services, id)
    await waitFor(() => sessionB.view.get().families.some((family) => family.displayName === 'Zorglub'), 'B synced')
  })
})

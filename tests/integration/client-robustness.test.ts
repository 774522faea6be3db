// The app against the real relay when things go wrong: bad records from another client, a full disk on one phone.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { AppServices, CollectiveSession } from '../../src/app/api.ts'
import { createAppServices } from '../../src/app/services.ts'
import { deriveRoomToken } from '../../src/lib/credentials.ts'
import { connectProvider, startRelay, waitFor } from '../helpers/relay.ts'
import { inviteFragmentOf, secretOf as invitationSecretOf } from '../helpers/invitations.ts'

let phoneCounter = 0
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const startPhone = async (relayUrl: string, namespace = `client-robust-${phoneCounter++}:`): Promise<AppServices> => {
  const services = await createAppServices({
    origin: 'http://127.0.0.1:1',
    relayUrl,
    namespace,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    windowEvents: null,
    isBrowserOnline: () => true,
    disableBroadcastChannel: true,
    storageManager: {},
  })
  cleanups.push(() => services.destroy())
  return services
}

const createShared = async (services: AppServices): Promise<CollectiveSession> => {
  const created = await services.createCollective({ name: 'Lilas', school: 'Jaurès', town: 'Lyon', schoolPlace: '33000' })
  if (!created.ok) throw new Error('create failed')
  const session = await services.openCollective(created.value)
  if (!session) throw new Error('open failed')
  await waitFor(() => session.status.get().connection === 'online', 'online')
  return session
}

describe('client robustness against the real relay', () => {
  it('invalid records written by another client are listed to check, never crash, and can be deleted', async () => {
    const relay = await startRelay()
    cleanups.push(() => relay.stop())
    const services = await startPhone(relay.url)
    const session = await createShared(services)
    session.addFamily({ displayName: 'Valide' })

    const secret = await invitationSecretOf(session, relay.url)
    const rogueDoc = new Y.Doc()
    const rogue = connectProvider(relay.wsUrl, { roomId: session.id, token: await deriveRoomToken(session.id, secret) }, { doc: rogueDoc })
    cleanups.push(() => rogue.destroy())
    await waitFor(() => rogue.synced, 'rogue client synced')
    const families = rogueDoc.getMap<unknown>('families')
    rogueDoc.transact(() => {
      const huge = new Y.Map<unknown>()
      huge.set('displayName', 'x'.repeat(10_000))
      families.set('huge', huge)
      const markup = new Y.Map<unknown>()
      markup.set('displayName', 42)
      families.set('wrong-type', markup)
      families.set('not-a-map', '<b>bold</b>')
    })
    await waitFor(() => session.view.get().toCheck.length === 3, 'records to check')
    expect(session.view.get().families.map((family) => family.displayName)).toEqual(['Valide'])
    for (const record of session.view.get().toCheck) session.deleteRecordToCheck(record)
    await waitFor(() => rogueDoc.getMap('families').size === 1, 'deletion reached the other client')
  })

  it('a quota error on one phone is shown, and its changes still reach the other phone', async () => {
    const relay = await startRelay()
    cleanups.push(() => relay.stop())
    const namespaceA = `client-quota-a-${phoneCounter++}:`
    const a = await startPhone(relay.url, namespaceA)
    const b = await startPhone(relay.url)
    const sessionA = await createShared(a)
    const joined = await b.joinFromInvite(await inviteFragmentOf(sessionA))
    if (!joined.ok) throw new Error('join failed')
    const sessionB = await b.openCollective(joined.value)
    if (!sessionB) throw new Error('open failed')
    await waitFor(() => sessionB.view.get().profile !== null, 'B synced')

    const prototype = globalThis.IDBObjectStore.prototype as unknown as { add: (...args: unknown[]) => unknown }
    const originalAdd = prototype.add
    // Only phone A's document database is full; the transaction aborts at commit, as browsers report it.
    prototype.add = function (this: { name: string; transaction: { db: { name: string }; _abort(name: string): void } }, ...args: unknown[]) {
      const request = originalAdd.apply(this, args) as EventTarget
      if (this.name === 'updates' && this.transaction.db.name.startsWith(namespaceA)) {
        request.addEventListener('success', () => this.transaction._abort('QuotaExceededError'))
      }
      return request
    }
    cleanups.push(() => void (prototype.add = originalAdd))
    sessionA.addFamily({ displayName: 'Dupont' })
    await waitFor(() => sessionA.status.get().storageError === 'quotaExceeded', 'quota error shown on A')
    expect(sessionA.status.get().local).toBe('error')
    await waitFor(() => sessionB.view.get().families.length === 1, 'change reached B')
    await waitFor(() => sessionA.status.get().pending === 0, 'relay stored it')
  })
})

// App services without a relay (scripted sockets): create, join, open, forget, preferences, errors, pending writes.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppServices, CollectiveSession } from '../../../src/app/api.ts'
import { createAppServices } from '../../../src/app/services.ts'
import { createInviteSecret, createRoomId, type RoomId } from '../../../src/lib/credentials.ts'
import { DEFAULT_DEVICE_DB_NAME, openDeviceStore } from '../../../src/storage/device-db.ts'
import { FakeWebSocket } from '../sync/fake-socket.ts'

let phone = 0
const started: AppServices[] = []
const startPhone = async (): Promise<AppServices> => {
  const services = await createAppServices({
    origin: 'https://pedibus.example',
    namespace: `unit-phone-${phone++}:`,
    WebSocket: FakeWebSocket,
    windowEvents: null,
    isBrowserOnline: () => true,
    disableBroadcastChannel: true,
    storageManager: { persist: async () => true },
  })
  started.push(services)
  return services
}
afterEach(() => {
  for (const services of started.splice(0)) services.destroy()
})

const profile = { name: 'Pédibus des Lilas', school: 'École Jaurès', town: 'Lyon' }
const newCollective = { ...profile, schoolPlace: '69003' }

const until = async (check: () => boolean, what: string, refresh?: () => Promise<void>): Promise<void> => {
  for (let attempt = 0; attempt < 250; attempt++) {
    await refresh?.()
    if (check()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`timed out waiting for ${what}`)
}

const openOrFail = async (services: AppServices, id: RoomId): Promise<CollectiveSession> => {
  const session = await services.openCollective(id)
  if (!session) throw new Error('session did not open')
  return session
}

describe('app services', () => {
  it('creating a collective validates, lists it, and opens a session with its profile', async () => {
    const services = await startPhone()
    expect(services.collectives.get()).toEqual([])
    expect(await services.createCollective({ name: ' ', school: 'École', town: 'x'.repeat(81), schoolPlace: '' })).toEqual({
      ok: false,
      error: { name: 'required', town: 'tooLong', schoolPlace: 'required' },
    })
    expect(await services.createCollective({ ...newCollective, schoolPlace: 'Rennes' })).toEqual({
      ok: false,
      error: { schoolPlace: 'unknownPostcode' },
    })
    const created = await services.createCollective(newCollective)
    if (!created.ok) throw new Error('create failed')
    expect(services.collectives.get()).toEqual([expect.objectContaining({ id: created.value, name: profile.name })])
    const session = await openOrFail(services, created.value)
    expect(await services.openCollective(created.value)).toBe(session) // one shared session
    expect(session.view.get()).toMatchObject({ profile, schemaVersion: 2, families: [], toCheck: [] })
    await until(() => session.status.get().local === 'saved', 'saved on this phone')
  })

  it('a new collective takes the holiday zone of where its school is, or the one the parent chose, and Alsace-Moselle\'s holidays there', async () => {
    const services = await startPhone()
    const settingsOf = async (input: Partial<typeof newCollective> & { holidayZone?: 'A' | 'B' | 'C' }) => {
      const created = await services.createCollective({ ...newCollective, ...input })
      if (!created.ok) throw new Error('create failed')
      const { holidayZone, ownCalendar, alsaceMoselle } = (await openOrFail(services, created.value)).view.get().settings
      return { holidayZone, ownCalendar, alsaceMoselle }
    }
    const zone = (holidayZone: 'A' | 'B' | 'C', more: { ownCalendar?: boolean; alsaceMoselle?: boolean } = {}) =>
      ({ holidayZone, ownCalendar: false, alsaceMoselle: false, ...more })
    expect(await settingsOf({ schoolPlace: '35000' })).toEqual(zone('B')) // Rennes
    expect(await settingsOf({ schoolPlace: '75011' })).toEqual(zone('C'))
    expect(await settingsOf({ schoolPlace: '35000', holidayZone: 'A' })).toEqual(zone('A'))
    expect(await settingsOf({ schoolPlace: '20000' })).toEqual(zone('A', { ownCalendar: true })) // Ajaccio
    // Strasbourg and Metz: zone B, and Alsace-Moselle's two more public holidays.
    expect(await settingsOf({ schoolPlace: '67000' })).toEqual(zone('B', { alsaceMoselle: true }))
    expect(await settingsOf({ schoolPlace: '57000' })).toEqual(zone('B', { alsaceMoselle: true }))
  })

  it('creating a collective resolves only once it is saved on the phone, so closing the app then loses nothing', async () => {
    const services = await startPhone()
    const openedFromList: Array<Promise<CollectiveSession | null>> = []
    const unsubscribe = services.collectives.subscribe((list) => {
      for (const joined of list) openedFromList.push(services.openCollective(joined.id))
    })
    const created = await services.createCollective(newCollective)
    unsubscribe()
    if (!created.ok) throw new Error('create failed')
    const session = await openOrFail(services, created.value)
    expect(session.status.get().local).toBe('saved')
    expect(session.view.get().profile).toEqual(profile)
    // A screen that opened it as soon as it was listed shares the same session.
    for (const opened of openedFromList) expect(await opened).toBe(session)
  })

  it('edits go through the session and show in its view', async () => {
    const services = await startPhone()
    const created = await services.createCollective(newCollective)
    if (!created.ok) throw new Error('create failed')
    const session = await openOrFail(services, created.value)
    const added = session.addFamily({ displayName: 'Dupont' })
    if (!added.ok) throw new Error('add failed')
    expect(session.view.get().families).toEqual([{ id: added.value, displayName: 'Dupont', joinedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }])
    expect(session.renameFamily(added.value, { displayName: '' })).toEqual({ ok: false, error: { displayName: 'required' } })
    session.updateProfile({ ...profile, name: 'Les Lilas' })
    await until(() => services.collectives.get()[0]?.name === 'Les Lilas', 'cached name in the switcher')
    session.removeFamily(added.value)
    expect(session.view.get().families).toEqual([])
  })

  it('the guided join starts on a phone that joins by link, never on the creating one, and its progress is kept', async () => {
    const services = await startPhone()
    const created = await services.createCollective(newCollective)
    if (!created.ok) throw new Error('create failed')
    expect((await openOrFail(services, created.value)).welcome.get()).toBeNull()

    const roomId = createRoomId()
    expect(await services.joinFromInvite(`#r=${roomId}&s=${createInviteSecret()}`)).toEqual({ ok: true, value: roomId })
    const joined = await openOrFail(services, roomId)
    expect(joined.welcome.get()).toBe('famille')
    await joined.setWelcome('enfants')
    // Kept in this phone's device database (the row the next start reads), never in the shared document.
    const device = openDeviceStore(`unit-phone-${phone - 1}:${DEFAULT_DEVICE_DB_NAME}`)
    expect((await device.getCollective(roomId))?.welcome).toBe('enfants')
    device.close()
  })

  it('joining from an invite is idempotent and a bad link is invalidLink', async () => {
    const services = await startPhone()
    const roomId = createRoomId()
    const fragment = `#r=${roomId}&s=${createInviteSecret()}`
    expect(await services.joinFromInvite(fragment)).toEqual({ ok: true, value: roomId })
    expect(await services.joinFromInvite(fragment)).toEqual({ ok: true, value: roomId })
    expect(services.collectives.get()).toHaveLength(1)
    expect(await services.joinFromInvite('#r=nope')).toEqual({ ok: false, error: 'invalidLink' })
    const session = await openOrFail(services, roomId)
    expect(session.view.get().profile).toBeNull() // waits for the relay; writes no profile of its own
  })

  it('a link with another secret for a collective that already synced is refused and changes nothing', async () => {
    const services = await startPhone()
    const created = await services.createCollective(newCollective)
    if (!created.ok) throw new Error('create failed')
    const session = await openOrFail(services, created.value)
    const forged = `#r=${created.value}&s=${createInviteSecret()}`
    expect(await services.joinFromInvite(forged)).toEqual({ ok: false, error: 'invalidLink' })
    expect(await services.openCollective(created.value)).toBe(session) // still open, same secret
  })

  it('a collective survives a restart of the app and can be forgotten', async () => {
    const namespace = `unit-restart-${phone++}:`
    const env = { origin: 'https://pedibus.example', namespace, WebSocket: FakeWebSocket, windowEvents: null, disableBroadcastChannel: true, isBrowserOnline: () => true }
    const first = await createAppServices(env)
    const created = await first.createCollective(newCollective)
    if (!created.ok) throw new Error('create failed')
    const session = await openOrFail(first, created.value)
    session.addFamily({ displayName: 'Dupont' })
    await until(() => session.status.get().local === 'saved', 'saved on this phone')
    first.destroy()

    const second = await createAppServices(env)
    started.push(second)
    expect(second.collectives.get().map((collective) => collective.id)).toEqual([created.value])
    const reopened = await openOrFail(second, created.value)
    await until(() => reopened.view.get().families.length === 1, 'families loaded from disk')
    expect(reopened.status.get().pending).toBe(2) // creation + family, never acked by a relay
    await second.forgetCollective(created.value)
    expect(second.collectives.get()).toEqual([])
    expect(await second.openCollective(created.value)).toBeNull()
  })

  it('a dismissed notice stays dismissed after a restart, per collective; a demo\'s only until then', async () => {
    const namespace = `unit-dismiss-${phone++}:`
    const env = { origin: 'https://pedibus.example', namespace, WebSocket: FakeWebSocket, windowEvents: null, disableBroadcastChannel: true, isBrowserOnline: () => true }
    const first = await createAppServices(env)
    const created = await first.createCollective(newCollective)
    if (!created.ok) throw new Error('create failed')
    first.dismissNotice(created.value, 'swap|offerTaken|o1')
    first.dismissNotice('demo', 'waiting|w1')
    expect(first.dismissedNotices.get().get(created.value)).toEqual(new Set(['swap|offerTaken|o1']))
    expect(first.dismissedNotices.get().get('demo')).toEqual(new Set(['waiting|w1']))
    // Written in the background: wait until the phone's database holds it.
    const device = openDeviceStore(`${namespace}${DEFAULT_DEVICE_DB_NAME}`)
    let rows = 0
    await until(() => rows === 1, 'the dismissal on disk', async () => { rows = (await device.listDismissed(0)).length })
    device.close()
    first.destroy()

    const second = await createAppServices(env)
    started.push(second)
    expect(second.dismissedNotices.get()).toEqual(new Map([[created.value, new Set(['swap|offerTaken|o1'])]]))
    await second.forgetCollective(created.value)
    const third = await createAppServices(env)
    started.push(third)
    expect(third.dismissedNotices.get()).toEqual(new Map())
  })

  it('language preference defaults to French and persists', async () => {
    const services = await startPhone()
    expect(services.preferences.get()).toEqual({ language: 'fr' })
    await services.setLanguage('en')
    expect(services.preferences.get()).toEqual({ language: 'en' })
  })

  it('hasPendingWrites is true while a local change is not yet on disk', async () => {
    const services = await startPhone()
    const created = await services.createCollective(newCollective)
    if (!created.ok) throw new Error('create failed')
    const session = await openOrFail(services, created.value)
    await until(() => !services.hasPendingWrites.get(), 'initial writes on disk')
    const seen: boolean[] = []
    services.hasPendingWrites.subscribe((value) => seen.push(value))
    session.addFamily({ displayName: 'Dupont' })
    await until(() => seen.length >= 2, 'pending writes to settle')
    expect(seen).toEqual([true, false])
  })
})

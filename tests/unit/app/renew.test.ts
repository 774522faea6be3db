// "Renouveler l'invitation" through real app services over fake-indexeddb, the test playing the relay (fake sockets) and its HTTP endpoint (fake fetch).
import 'fake-indexeddb/auto'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppServices, CollectiveSession, SyncStatus } from '../../../src/app/api.ts'
import type { RelayFetch } from '../../../src/app/env.ts'
import { storedSecretOf } from '../../helpers/invitations.ts'
import { DEFAULT_DEVICE_DB_NAME, openDeviceStore } from '../../../src/storage/device-db.ts'
import { createAppServices } from '../../../src/app/services.ts'
import { deriveRoomToken, type RoomId } from '../../../src/lib/credentials.ts'
import { MESSAGE_ROOM_MOVED, TOKEN_HEADER } from '../../../src/lib/relay-protocol.ts'
import { FakeSocket, FakeWebSocket } from '../sync/fake-socket.ts'
import { valueOf } from '../doc/fixtures.ts'

const NOW = Date.UTC(2027, 2, 2, 8)
let count = 0
const cleanups: (() => void)[] = []

interface FetchCall { readonly url: string; readonly headers: Record<string, string> }
/** Answers each call with the next status of the list (the last one repeats); 0 stands for a network error. */
const fakeFetch = (...statuses: number[]): { fetch: RelayFetch; calls: FetchCall[] } => {
  const calls: FetchCall[] = []
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, headers: init.headers })
      const status = statuses[Math.min(calls.length, statuses.length) - 1] ?? 204
      if (status === 0) throw new TypeError('Failed to fetch')
      return { status }
    },
  }
}

const startPhone = async (fetch: RelayFetch, renewCopyTimeoutMs = 10_000, namespace = `unit-renew-${count++}:`, online = true): Promise<AppServices> => {
  const services = await createAppServices({
    origin: 'https://pedibus.example', namespace, WebSocket: FakeWebSocket, windowEvents: null,
    isBrowserOnline: () => online, disableBroadcastChannel: true, storageManager: { persist: async () => true }, now: () => NOW,
    fetch, renewCopyTimeoutMs, renewRetryDelaysMs: [1, 1],
  })
  cleanups.push(() => services.destroy())
  return services
}

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2))
}
const untilAsync = async (condition: () => Promise<boolean>): Promise<void> => {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 2))
}
const socketOf = async (roomId: string | ((url: string) => boolean)): Promise<FakeSocket> => {
  const matches = typeof roomId === 'string' ? (url: string) => url.endsWith(`/${roomId}`) : roomId
  await until(() => FakeSocket.instances.some((socket) => matches(socket.url)))
  const socket = FakeSocket.instances.findLast((candidate) => matches(candidate.url))
  if (!socket) throw new Error('no socket')
  return socket
}
/** Plays a relay that stores and acks everything, until the test ends. */
let stopAcking = (): void => {}
const ackEverything = (socket: FakeSocket): void => {
  socket.open()
  socket.handshake()
  const timer = setInterval(() => {
    if (socket.readyState === socket.OPEN) socket.ack(socket.countedSent())
  }, 2)
  stopAcking = () => clearInterval(timer)
  cleanups.push(stopAcking)
}
const statusIs = (session: CollectiveSession, wanted: (status: SyncStatus) => boolean): Promise<void> => until(() => wanted(session.status.get()))

/** A collective with one family and adult (me), online with nothing pending. */
const syncedCollective = async (services: AppServices) => {
  const id = valueOf(await services.createCollective({ name: 'Pédibus des Lilas', school: 'École Jaurès', town: 'Lyon', schoolPlace: '33000' }))
  const session = await services.openCollective(id)
  if (!session) throw new Error('no session')
  const familyId = valueOf(session.addFamily({ displayName: 'Martin' }))
  const adultId = valueOf(session.addAdult(familyId, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
  await session.setMe(familyId, adultId)
  ackEverything(await socketOf(id))
  await statusIs(session, (s) => s.connection === 'online' && s.pending === 0 && s.local === 'saved')
  return { id, session, familyId, adultId }
}
const isCopy = (oldId: RoomId) => (url: string) => url.includes('/sync/') && !url.endsWith(`/${oldId}`)

beforeEach(() => {
  FakeSocket.instances = []
})
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

describe('renewCollective', () => {
  it('copies into a new room, waits for the relay to hold it, renews the old room with its token, forgets the old one and keeps me', async () => {
    const relay = fakeFetch(204)
    const namespace = `unit-renew-first-${count++}:`
    const services = await startPhone(relay.fetch, 10_000, namespace)
    const { id, familyId, adultId } = await syncedCollective(services)
    const secret = await storedSecretOf(namespace, id)

    const renewing = services.renewCollective(id)
    const copySocket = await socketOf(isCopy(id))
    copySocket.open()
    copySocket.handshake()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(relay.calls).toHaveLength(0) // the copy is not acknowledged yet: the old room stays writable
    ackEverything(copySocket)
    const newId = valueOf(await renewing)

    expect(newId).not.toBe(id)
    expect(relay.calls).toEqual([{ url: `https://pedibus.example/renew/${id}`, headers: { [TOKEN_HEADER]: await deriveRoomToken(id, secret) } }])
    expect(services.collectives.get().map((c) => c.id)).toEqual([newId])
    const copy = await services.openCollective(newId)
    if (!copy) throw new Error('no copy')
    expect(copy.view.get().families.map((family) => family.displayName)).toEqual(['Martin'])
    expect(copy.view.get().profile?.name).toBe('Pédibus des Lilas')
    expect(copy.me.get()).toMatchObject({ familyId, adultId })
    expect(await storedSecretOf(namespace, newId)).not.toBe(secret)
  })

  it('refuses while the collective is not connected, and creates nothing', async () => {
    const relay = fakeFetch(204)
    const services = await startPhone(relay.fetch)
    const id = valueOf(await services.createCollective({ name: 'Lilas', school: 'Jaurès', town: 'Lyon', schoolPlace: '33000' }))
    expect(await services.renewCollective(id)).toEqual({ ok: false, error: 'offline' })
    expect(services.collectives.get().map((c) => c.id)).toEqual([id])
    expect(relay.calls).toHaveLength(0)
  })

  it('refuses while changes wait for the relay', async () => {
    const relay = fakeFetch(204)
    const services = await startPhone(relay.fetch)
    const { id, session } = await syncedCollective(services)
    stopAcking() // the relay stops acknowledging: the next change waits
    valueOf(session.addFamily({ displayName: 'Bernard' }))
    expect(session.status.get().pending).toBeGreaterThan(0)
    expect(await services.renewCollective(id)).toEqual({ ok: false, error: 'notSynced' })
    expect(services.collectives.get().map((c) => c.id)).toEqual([id])
  })

  it('gives up when the relay never confirms the copy: the copy is removed, the old collective and its room stay', async () => {
    const relay = fakeFetch(204)
    const services = await startPhone(relay.fetch, 200)
    const { id } = await syncedCollective(services)
    const renewing = services.renewCollective(id)
    const copySocket = await socketOf(isCopy(id))
    copySocket.open()
    copySocket.handshake() // online, but never an ack
    expect(await renewing).toEqual({ ok: false, error: 'notSynced' })
    expect(relay.calls).toHaveLength(0)
    expect(services.collectives.get().map((c) => c.id)).toEqual([id])
  })

  it('says relayRefused when the relay refuses (no retry on a 4xx); the copy is made read-only on the relay and removed, the old collective stays alone', async () => {
    const relay = fakeFetch(401, 204)
    const services = await startPhone(relay.fetch)
    const { id } = await syncedCollective(services)
    const renewing = services.renewCollective(id)
    ackEverything(await socketOf(isCopy(id)))
    expect(await renewing).toEqual({ ok: false, error: 'relayRefused' })
    // One refused request for the old room, then one for the copy (so the relay's sweeper deletes it).
    expect(relay.calls.map((call) => call.url.endsWith(`/${id}`))).toEqual([true, false])
    expect(services.collectives.get().map((c) => c.id)).toEqual([id])
  })

  it('asks again after a 429 (a school’s shared address), which says nothing about the room', async () => {
    const relay = fakeFetch(429, 204)
    const services = await startPhone(relay.fetch)
    const { id } = await syncedCollective(services)
    const renewing = services.renewCollective(id)
    ackEverything(await socketOf(isCopy(id)))
    const renewed = valueOf(await renewing)
    expect(relay.calls).toHaveLength(2)
    expect(services.collectives.get().map((c) => c.id)).toEqual([renewed])
  })

  it('succeeds when the answer is lost but the old room says it moved', async () => {
    const old: { socket?: FakeSocket } = {}
    const moved = encoding.createEncoder()
    encoding.writeVarUint(moved, MESSAGE_ROOM_MOVED)
    const calls: FetchCall[] = []
    const fetch: RelayFetch = async (url, init) => {
      calls.push({ url, headers: init.headers })
      old.socket?.receive(encoding.toUint8Array(moved)) // the relay froze the room and told its phones...
      throw new TypeError('Failed to fetch') // ...but the 204 was lost
    }
    const services = await startPhone(fetch)
    const { id } = await syncedCollective(services)
    old.socket = await socketOf(id)
    const renewing = services.renewCollective(id)
    ackEverything(await socketOf(isCopy(id)))
    const renewed = valueOf(await renewing)
    expect(services.collectives.get().map((c) => c.id)).toEqual([renewed])
  })

  it('asks again after a network error and a 5xx, and renews when the relay answers', async () => {
    const relay = fakeFetch(0, 503, 204)
    const services = await startPhone(relay.fetch)
    const { id } = await syncedCollective(services)
    const renewing = services.renewCollective(id)
    ackEverything(await socketOf(isCopy(id)))
    const renewed = valueOf(await renewing)
    expect(relay.calls).toHaveLength(3)
    expect(services.collectives.get().map((c) => c.id)).toEqual([renewed])
  })

  it('after three unanswered tries says relayUnreachable and keeps the copy (the relay may have renewed without saying so)', async () => {
    const relay = fakeFetch(0)
    const services = await startPhone(relay.fetch)
    const { id } = await syncedCollective(services)
    const renewing = services.renewCollective(id)
    ackEverything(await socketOf(isCopy(id)))
    expect(await renewing).toEqual({ ok: false, error: 'relayUnreachable' })
    expect(relay.calls).toHaveLength(3)
    expect(services.collectives.get()).toHaveLength(2)
  })

  it('remembers on the phone that the collective moved: after a restart, offline, the status says so at once', async () => {
    const namespace = `unit-renew-remembered-${count++}:`
    const services = await startPhone(fakeFetch(204).fetch, 10_000, namespace)
    const { id, session } = await syncedCollective(services)
    const moved = encoding.createEncoder()
    encoding.writeVarUint(moved, MESSAGE_ROOM_MOVED)
    ;(await socketOf(id)).receive(encoding.toUint8Array(moved))
    expect(session.status.get().moved).toBe(true)
    const device = openDeviceStore(`${namespace}${DEFAULT_DEVICE_DB_NAME}`)
    await untilAsync(async () => (await device.getCollective(id))?.movedAt === NOW)
    services.destroy()

    const restarted = await startPhone(fakeFetch(204).fetch, 10_000, namespace, false)
    const again = await restarted.openCollective(id)
    if (!again) throw new Error('no session')
    expect(again.status.get().moved).toBe(true)
  })

  it('does not renew a collective that already moved (a second copy would diverge)', async () => {
    const relay = fakeFetch(204)
    const services = await startPhone(relay.fetch)
    const { id, session } = await syncedCollective(services)
    const moved = encoding.createEncoder()
    encoding.writeVarUint(moved, MESSAGE_ROOM_MOVED)
    ;(await socketOf(id)).receive(encoding.toUint8Array(moved))
    expect(session.status.get().moved).toBe(true)
    expect(await services.renewCollective(id)).toEqual({ ok: false, error: 'relayRefused' })
    expect(services.collectives.get().map((c) => c.id)).toEqual([id])
    expect(relay.calls).toHaveLength(0)
  })
})

describe('a phone that was offline while another renewed (issue 16)', () => {
  it('writes its waiting changes onto the renewed copy once the old room says it moved, keeps me, and forgets the old room', async () => {
    const services = await startPhone(fakeFetch(204).fetch)
    const { id, session, familyId, adultId } = await syncedCollective(services)
    // What another phone copied at its renewal: the collective before this phone's offline edits.
    const copiedByAnother = session.exportCollective()
    stopAcking()
    const bernard = valueOf(session.addFamily({ displayName: 'Bernard' }))
    valueOf(session.addAdult(familyId, { firstName: 'Camille', phone: '06 99 99 99 99', charterAcceptedOn: null, insured: true }))
    await statusIs(session, (s) => s.pending > 0 && s.local === 'saved')

    // The renewal's copy reaches this phone (the new invitation); the relay has closed the old room.
    const oldSocket = await socketOf(id)
    const copyId = valueOf(await services.restoreCollective(copiedByAnother, id))
    const copy = await services.openCollective(copyId)
    if (!copy) throw new Error('no copy')
    ackEverything(await socketOf(copyId))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(copy.view.get().families.map((family) => family.displayName)).toEqual(['Martin']) // not moved yet: nothing
    const moved = encoding.createEncoder()
    encoding.writeVarUint(moved, MESSAGE_ROOM_MOVED)
    oldSocket.receive(encoding.toUint8Array(moved))

    await until(() => services.collectives.get().length === 1)
    expect(services.collectives.get().map((c) => c.id)).toEqual([copyId])
    const names = copy.view.get().families.map((family) => family.displayName).sort()
    expect(names).toEqual(['Bernard', 'Martin'])
    expect(copy.view.get().families.find((family) => family.id === bernard)).toBeDefined()
    const phones = copy.view.get().adults.filter((adult) => adult.familyId === familyId).map((adult) => adult.phone).sort()
    expect(phones).toEqual(['06 12 34 56 78', '06 99 99 99 99']) // a personal value, sealed again under the copy's key
    expect(copy.me.get()).toMatchObject({ familyId, adultId })
    await statusIs(copy, (s) => s.pending === 0 && s.connection === 'online')
  })

  it('leaves the old room alone while the relay has not said it moved (a renewal whose answer never came)', async () => {
    const services = await startPhone(fakeFetch(204).fetch)
    const { id, session } = await syncedCollective(services)
    const copyId = valueOf(await services.restoreCollective(session.exportCollective(), id))
    const copy = await services.openCollective(copyId)
    if (!copy) throw new Error('no copy')
    ackEverything(await socketOf(copyId))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(services.collectives.get().map((c) => c.id).sort()).toEqual([id, copyId].sort())
  })
})

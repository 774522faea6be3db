// Device-local Dexie store: rows round-trip, damaged rows are skipped, preferences default to French, outbox rows per collective.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import type { ExportedCalendar } from '../../../src/domain/export/calendar-history.ts'
import { createAdultId, createFamilyId, createLineId, type FamilyId } from '../../../src/domain/ids.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { createInviteSecret, createRoomId } from '../../../src/lib/credentials.ts'
import { openDeviceStore, type DeviceStore } from '../../../src/storage/device-db.ts'
import { createCalendarExports } from '../../../src/app/calendar-exports.ts'

let dbCounter = 0
const opened: DeviceStore[] = []
const freshStore = (): { store: DeviceStore; name: string } => {
  const name = `device-test-${dbCounter++}`
  const store = openDeviceStore(name)
  opened.push(store)
  return { store, name }
}
afterEach(() => {
  for (const store of opened.splice(0)) store.close()
})

describe('device store', () => {
  it('stores joined collectives and lists them by join date', async () => {
    const { store } = freshStore()
    const first = { id: createRoomId(), secret: createInviteSecret(), name: 'Lilas', joinedAt: 2 }
    const second = { id: createRoomId(), secret: createInviteSecret(), name: 'Tilleuls', joinedAt: 1 }
    await store.putCollective(first)
    await store.putCollective(second)
    expect(await store.listCollectives()).toEqual([second, first])
    expect(await store.getCollective(first.id)).toEqual(first)
    await store.updateCollective(first.id, { name: 'Les Lilas' })
    expect((await store.getCollective(first.id))?.name).toBe('Les Lilas')
  })

  it('skips rows that fail validation instead of crashing', async () => {
    const { store, name } = freshStore()
    const good = { id: createRoomId(), secret: createInviteSecret(), name: 'Lilas', joinedAt: 1 }
    await store.putCollective(good)
    const raw = new Dexie(name)
    raw.version(1).stores({ collectives: 'id, joinedAt', preferences: 'key', outbox: '[collectiveId+seq], collectiveId' })
    await raw.table('collectives').put({ id: 'not-a-room', secret: 'x', name: 5, joinedAt: 0 })
    raw.close()
    expect(await store.listCollectives()).toEqual([good])
    expect(await store.getCollective('not-a-room' as typeof good.id)).toBeNull()
  })

  it('preferences default to French and persist a change', async () => {
    const { store } = freshStore()
    expect(await store.getPreferences()).toEqual({ language: 'fr' })
    await store.setPreferences({ language: 'en' })
    expect(await store.getPreferences()).toEqual({ language: 'en' })
    await store.setPreferences({ language: 'ar' })
    expect(await store.getPreferences()).toEqual({ language: 'ar' })
  })

  it('keeps one outbox per collective and forgetting a collective clears its outbox', async () => {
    const { store } = freshStore()
    const a = { id: createRoomId(), secret: createInviteSecret(), name: 'A', joinedAt: 1 }
    const b = { id: createRoomId(), secret: createInviteSecret(), name: 'B', joinedAt: 2 }
    await store.putCollective(a)
    await store.putCollective(b)
    const change = Uint8Array.from([0, 0])
    await store.outbox(a.id).add(0, null)
    await store.outbox(a.id).add(1, change)
    await store.outbox(b.id).add(0, null)
    await store.outbox(a.id).remove([0])
    expect(await store.outbox(a.id).load()).toEqual([{ seq: 1, update: change }]) // the change itself is kept
    await store.outbox(a.id).replaceAll([{ seq: 7, update: null }])
    expect(await store.outbox(a.id).load()).toEqual([{ seq: 7, update: null }])
    expect(await store.outbox(b.id).load()).toEqual([{ seq: 0, update: null }])
    await store.deleteCollective(b.id)
    expect(await store.outbox(b.id).load()).toEqual([])
    expect(await store.getCollective(b.id)).toBeNull()
  })
})

describe('device identity (schema version 2)', () => {
  it('keeps dismissed notices per collective across a reopen, forgets old ones, and drops them with the collective', async () => {
    const { store, name } = freshStore()
    const kept = { id: createRoomId(), secret: createInviteSecret(), name: 'Lilas', joinedAt: 1 }
    const left = { id: createRoomId(), secret: createInviteSecret(), name: 'Tilleuls', joinedAt: 2 }
    await store.putCollective(kept)
    await store.putCollective(left)
    await store.addDismissed({ collectiveId: kept.id, key: 'swap|offerTaken|o1|a|b' }, 1_000)
    await store.addDismissed({ collectiveId: kept.id, key: 'waiting|old' }, 10)
    await store.addDismissed({ collectiveId: left.id, key: 'gone|x' }, 1_000)
    await expect(store.addDismissed({ collectiveId: kept.id, key: '' }, 1_000)).rejects.toThrow()
    store.close()
    const reopened = openDeviceStore(name)
    opened.push(reopened)
    expect(await reopened.listDismissed(0)).toHaveLength(3)
    expect(await reopened.listDismissed(100)).toHaveLength(2)
    await reopened.deleteCollective(left.id)
    expect(await reopened.listDismissed(0)).toEqual([{ collectiveId: kept.id, key: 'swap|offerTaken|o1|a|b' }])
  })

  it('keeps the last agenda export per family across a reopen, reads a damaged one as none, and drops it with the collective', async () => {
    const { store, name } = freshStore()
    const row = { id: createRoomId(), secret: createInviteSecret(), name: 'Lilas', joinedAt: 1 }
    await store.putCollective(row)
    const family = createFamilyId()
    const other = createFamilyId()
    const time = '08:10' as TimeOfDay
    const calendar: ExportedCalendar = {
      sequence: 42,
      walks: [{
        lineId: createLineId(), lineName: 'Ligne Verte', date: localDate('2027-03-11'), direction: 'aller', slot: 'lead',
        adultId: createAdultId(), adultFirstName: 'Camille', status: 'confirmed',
        stops: [{ name: 'Mairie', time }, { name: 'École', time: null }],
        start: { stopName: 'Mairie', time }, end: { date: localDate('2027-03-11'), time: '08:55' as TimeOfDay },
      }],
      periods: [{ start: localDate('2027-03-15'), end: localDate('2027-03-21'), status: 'cancelled' }],
    }
    expect(await store.getCalendarExport(row.id, family)).toBeNull()
    await store.putCalendarExport(row.id, family, calendar, 1_000)
    // The record itself is parsed by its reader (src/app/calendar-exports.ts): the storage keeps its envelope only.
    await expect(store.putCalendarExport(row.id, 'not a family' as FamilyId, calendar, 1_000)).rejects.toThrow()
    store.close()
    const reopened = openDeviceStore(name)
    opened.push(reopened)
    expect(await reopened.getCalendarExport(row.id, family)).toEqual(calendar)
    expect(await reopened.getCalendarExport(row.id, other)).toBeNull()
    // A row damaged on disk reads as no previous export: the next file then cancels nothing.
    reopened.close()
    const raw = new Dexie(name)
    await raw.open()
    const damaged = { sequence: 1, walks: [{ date: 'soon' }], periods: [] }
    await raw.table('calendarExports').put({ collectiveId: row.id, familyId: other, at: 1, calendar: damaged })
    raw.close()
    const again = openDeviceStore(name)
    opened.push(again)
    const exports = createCalendarExports(again, () => true, () => 2_000)
    expect(await again.getCalendarExport(row.id, other)).toEqual(damaged)
    expect(await exports.calendarExport(row.id, other)).toBeNull()
    expect(await exports.calendarExport(row.id, family)).toEqual(calendar)
    await expect(exports.rememberCalendarExport(row.id, other, { ...calendar, sequence: -1 })).rejects.toThrow()
    await again.deleteCollective(row.id)
    expect(await again.getCalendarExport(row.id, family)).toBeNull()
  })

  it('a version-1 database is upgraded: each joined collective gets an actor id, other fields kept', async () => {
    const name = `device-test-${dbCounter++}`
    const v1 = new Dexie(name)
    v1.version(1).stores({ collectives: 'id, joinedAt', preferences: 'key', outbox: '[collectiveId+seq], collectiveId' })
    const row = { id: createRoomId(), secret: createInviteSecret(), name: 'Lilas', joinedAt: 1 }
    await v1.table('collectives').put(row)
    v1.close()
    const store = openDeviceStore(name)
    opened.push(store)
    expect(await store.getCollective(row.id)).toMatchObject({ ...row, actorId: expect.stringMatching(/^[0-9a-f-]{36}$/) })
    const identity = await store.loadIdentity(row.id)
    expect(identity).toEqual({ actorId: (await store.getCollective(row.id))?.actorId, familyId: null, adultId: null })
  })

  it('creates the actor id once, saves my family and adult, and ignores damaged values', async () => {
    const { store, name } = freshStore()
    const row = { id: createRoomId(), secret: createInviteSecret(), name: 'Lilas', joinedAt: 1 }
    await store.putCollective(row)
    const first = await store.loadIdentity(row.id)
    expect(await store.loadIdentity(row.id)).toEqual(first)
    const familyId = '11111111-1111-4111-8111-111111111111'
    const adultId = '22222222-2222-4222-8222-222222222222'
    await store.saveIdentity(row.id, { actorId: first!.actorId, familyId: familyId as never, adultId: adultId as never })
    expect(await store.loadIdentity(row.id)).toEqual({ actorId: first!.actorId, familyId, adultId })
    const raw = new Dexie(name)
    raw.version(2).stores({})
    raw.version(1).stores({ collectives: 'id, joinedAt', preferences: 'key', outbox: '[collectiveId+seq], collectiveId' })
    await raw.table('collectives').update(row.id, { myAdultId: '<b>', actorId: 7 })
    raw.close()
    const repaired = await store.loadIdentity(row.id)
    expect(repaired).toEqual({ actorId: expect.stringMatching(/^[0-9a-f-]{36}$/), familyId, adultId: null })
    expect(repaired?.actorId).not.toBe(first!.actorId)
    expect(await store.loadIdentity(createRoomId())).toBeNull()
  })
})

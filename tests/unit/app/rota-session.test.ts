// Rota commands of a session (through the real app services over fake-indexeddb), device identity, and the demo collective.
import { describe, expect, it } from 'vitest'
import type { AppServices, CollectiveSession } from '../../../src/app/api.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { weekRota } from '../../../src/domain/rota/resolve.ts'
import type { RoomId } from '../../../src/lib/credentials.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

/** Saturday 13 March 2027, 10:00 in Paris: the next walks are on Monday 15 (within 48 h). */
const NOW = parisToInstant(localDate('2027-03-13'), '10:00' as TimeOfDay)
const phones = useSessionPhones('unit-rota', () => NOW)
const startPhone = phones.start

const newCollective = async (services: AppServices): Promise<{ id: RoomId; session: CollectiveSession }> => {
  const id = valueOf(await services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
  const session = await services.openCollective(id)
  if (!session) throw new Error('no session')
  return { id, session }
}

const monday = { date: localDate('2027-03-15'), direction: 'aller' as const }

describe('rota commands of a session', () => {
  it('lines, stops, families, adults and children go through the session and show in its view', async () => {
    const { session } = await newCollective(await startPhone())
    const lineId = valueOf(session.addLine({ name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
    const stopA = valueOf(session.addStop(lineId, { name: 'Marché', times: { aller: '08:05' }, access: { stepFree: true, dangerousCrossing: false, note: '' } }))
    const stopB = valueOf(session.addStop(lineId, { name: 'Lilas', times: { aller: '08:10' }, access: { stepFree: false, dangerousCrossing: true, note: 'Feu piéton' } }))
    const familyId = valueOf(session.addFamily({ displayName: 'Martin' }))
    valueOf(session.addAdult(familyId, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
    const childId = valueOf(session.addChild(familyId, { firstName: 'Léa', initial: 'M', routes: { aller: { lineId, stopId: stopB } }, days: [1, 2, 4, 5], support: '', countsExtra: false }))
    const view = session.view.get()
    expect(view.stops.map((stop) => stop.name)).toEqual(['Marché', 'Lilas'])
    expect(view.children.map((child) => child.id)).toEqual([childId])
    expect(session.removeStop(stopB, new Map())).toEqual({ ok: false, error: 'childrenNeedAStop' })
    expect(session.removeStop(stopB, new Map([[childId, stopA]]))).toEqual({ ok: true, value: undefined })
    expect(session.view.get().children[0]?.routes.aller?.stopId).toBe(stopA)
    session.removeFamily(familyId)
    expect(session.view.get()).toMatchObject({ families: [], adults: [], children: [] })
  })

  it('signUp answers held, then waiting for a second adult on the same slot; withdraw frees it', async () => {
    const { session } = await newCollective(await startPhone())
    const lineId = valueOf(session.addLine({ name: 'Ligne', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
    const familyId = valueOf(session.addFamily({ displayName: 'Martin' }))
    const first = valueOf(session.addAdult(familyId, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
    const second = valueOf(session.addAdult(familyId, { firstName: 'Julien', phone: '06 98 76 54 32', charterAcceptedOn: null, insured: true }))
    const walk = { lineId, ...monday }
    expect(session.signUp(walk, 'lead', first)).toEqual({ ok: true, value: 'held' })
    expect(session.signUp(walk, 'lead', second)).toEqual({ ok: true, value: 'waiting' })
    expect(session.view.get().signUps.map((signUp) => signUp.actor)).toEqual([session.me.get().actorId, session.me.get().actorId])
    session.withdraw(walk, first)
    expect(session.signUp(walk, 'lead', second)).toEqual({ ok: true, value: 'held' })
    expect(session.signUp(walk, 'lead', '00000000-0000-4000-8000-000000000000' as typeof first)).toEqual({ ok: false, error: 'unknownAdult' })
    expect(session.signUp({ ...walk, date: localDate('2027-03-17') }, 'lead', first)).toEqual({ ok: false, error: 'walkNotRunning' })
    valueOf(session.addException({ date: '2027-03-18', lineId: null, direction: null, reason: 'strike', note: '' }))
    expect(session.signUp({ ...walk, date: localDate('2027-03-18') }, 'tail', first)).toEqual({ ok: false, error: 'walkNotRunning' })
  })

  it('one adult, one walk at a time: a sign-up on another line at the same time is refused; offline doubles are told and withdrawable', async () => {
    const { session } = await newCollective(await startPhone())
    const days = [1, 2, 4, 5]
    const lineA = valueOf(session.addLine({ name: 'Ligne A', colour: '#2e7d32', directions: ['aller'], days }))
    const lineB = valueOf(session.addLine({ name: 'Ligne B', colour: '#1565c0', directions: ['aller'], days }))
    const familyId = valueOf(session.addFamily({ displayName: 'Martin' }))
    const camille = valueOf(session.addAdult(familyId, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
    await session.setMe(familyId, camille)
    expect(session.signUp({ lineId: lineA, ...monday }, 'lead', camille)).toEqual({ ok: true, value: 'held' })
    expect(session.signUp({ lineId: lineB, ...monday }, 'tail', camille)).toEqual({ ok: false, error: 'busyElsewhere' })
    // Another line cancelled that day: helping on it is not a double booking (its walk does not run).
    valueOf(session.addException({ date: '2027-03-15', lineId: lineA, direction: null, reason: 'strike', note: '' }))
    expect(session.signUp({ lineId: lineB, ...monday }, 'tail', camille)).toEqual({ ok: true, value: 'held' })
  })

  it('importHolidays adds the periods of an ICS file once and reports a bad file', async () => {
    const { session } = await newCollective(await startPhone())
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0',
      'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20281021', 'DTEND;VALUE=DATE:20281106', 'SUMMARY:Vacances de la Toussaint', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n')
    expect(session.importHolidays(ics)).toEqual({ ok: true, value: 1 })
    expect(session.importHolidays(ics)).toEqual({ ok: true, value: 0 })
    expect(session.view.get().holidays).toEqual([expect.objectContaining({ start: '2028-10-21', end: '2028-11-05' })])
    expect(session.importHolidays('not a calendar')).toEqual({ ok: false, error: 'invalidIcs' })
  })

  it('settings merge an update over the defaults', async () => {
    const { session } = await newCollective(await startPhone())
    expect(valueOf(session.updateSettings({ childrenPerAdult: 6 }))).toMatchObject({ childrenPerAdult: 6, minAdults: 2 })
    expect(session.view.get().settings.childrenPerAdult).toBe(6)
  })
})

describe('device identity', () => {
  it('a random actor id per collective, kept with my family and adult across a restart', async () => {
    const namespace = `unit-identity-${crypto.randomUUID()}:`
    const services = await startPhone(namespace)
    const { id, session } = await newCollective(services)
    const other = await newCollective(services)
    const me = session.me.get()
    expect(me).toEqual({ actorId: expect.stringMatching(/^[0-9a-f-]{36}$/), familyId: null, adultId: null })
    expect(other.session.me.get().actorId).not.toBe(me.actorId)
    const familyId = valueOf(session.addFamily({ displayName: 'Martin' }))
    const adultId = valueOf(session.addAdult(familyId, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
    await session.setMe(familyId, adultId)
    expect(session.me.get()).toEqual({ actorId: me.actorId, familyId, adultId })
    services.destroy()
    const restarted = await startPhone(namespace)
    const reopened = await restarted.openCollective(id)
    if (reopened) phones.track(reopened)
    expect(reopened?.me.get()).toEqual({ actorId: me.actorId, familyId, adultId })
  })
})

describe('demo collective', () => {
  it('is a realistic example with a gap and an urgent walk, in memory only', async () => {
    const services = await startPhone()
    const databases = async (): Promise<string[]> => (await indexedDB.databases()).map((database) => database.name ?? '').sort()
    const before = await databases()
    const demo = await services.openDemo('fr')
    phones.track(demo)
    const view = demo.view.get()
    expect(view.lines.map((line) => line.name)).toEqual(['Ligne des Pins'])
    expect(view.stops.length).toBeGreaterThanOrEqual(4)
    expect(view.stops.some((stop) => stop.access.dangerousCrossing)).toBe(true)
    expect(view.families).toHaveLength(6)
    expect(view.children).toHaveLength(9)
    expect(view.children.some((child) => /fauteuil : passer par la rampe rue/i.test(child.support))).toBe(true)
    expect(view.toCheck).toEqual([])
    expect(services.collectives.get()).toEqual([])
    expect(await databases()).toEqual(before)
    const me = demo.me.get()
    expect(view.adults.find((adult) => adult.id === me.adultId)?.familyId).toBe(me.familyId)
    const walks = weekRota(view, localDate('2027-03-15'), NOW).flatMap((day) => day.walks)
    expect(walks.filter((walk) => walk.state === 'urgent').length).toBeGreaterThanOrEqual(1)
    expect(walks.filter((walk) => walk.state === 'covered').length).toBeGreaterThan(walks.length / 2)
    const nextWeek = weekRota(view, localDate('2027-03-22'), NOW).flatMap((day) => day.walks)
    expect(nextWeek.filter((walk) => walk.state === 'toFill')).toHaveLength(1)
    const free = walks.find((walk) => walk.state === 'urgent')!
    expect(demo.signUp(free, 'lead', me.adultId!)).toEqual({ ok: true, value: 'held' })
    demo.destroy()
    demo.destroy()
  })
})

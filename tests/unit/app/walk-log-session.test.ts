// Walk-log commands of a session (real app services over fake-indexeddb): absences and the ratio, check-in marks, guests, departures and arrival, logbook notes.
import { describe, expect, it } from 'vitest'
import type { CollectiveSession } from '../../../src/app/api.ts'
import { authorTime } from '../../../src/doc/clock.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { AdultId, ChildId, LineId, StopId } from '../../../src/domain/ids.ts'
import { resolveWalk } from '../../../src/domain/rota/resolve.ts'
import { walkOf } from '../../../src/domain/rota/walks.ts'
import type { WalkRef } from '../../../src/domain/signup.ts'
import { arrivalNotices, timeOfAuthorTime, walkCheckIns, walkProgress } from '../../../src/domain/walk-log/index.ts'
import type { GuestId } from '../../../src/domain/walk-log/records.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

/** Monday 15 March 2027, 08:12 in Paris: the aller walk is under way. */
const NOW = parisToInstant(localDate('2027-03-15'), '08:12' as TimeOfDay)
const UNKNOWN = '00000000-0000-4000-8000-000000000000'
const phones = useSessionPhones('unit-walk-log', () => NOW)
const startPhone = phones.start

interface Collective {
  readonly session: CollectiveSession
  readonly lineId: LineId
  readonly stops: readonly [StopId, StopId]
  readonly adultId: AdultId
  readonly children: readonly [ChildId, ChildId, ChildId]
  readonly walk: WalkRef
}

/** One line (aller), two stops, one family with one adult and three children; one child per adult so the ratio moves with each child. */
const newCollective = async (): Promise<Collective> => {
  const services = await startPhone()
  const id = valueOf(await services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
  const session = await services.openCollective(id)
  if (!session) throw new Error('no session')
  phones.track(session)
  valueOf(session.updateSettings({ childrenPerAdult: 1 }))
  const lineId = valueOf(session.addLine({ name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
  const access = { stepFree: false, dangerousCrossing: false, note: '' }
  const stops = [
    valueOf(session.addStop(lineId, { name: 'Marché', times: { aller: '08:05' }, access })),
    valueOf(session.addStop(lineId, { name: 'Lilas', times: { aller: '08:10' }, access })),
  ] as const
  const familyId = valueOf(session.addFamily({ displayName: 'Martin' }))
  const adultId = valueOf(session.addAdult(familyId, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
  await session.setMe(familyId, adultId)
  const child = (firstName: string, stopId: StopId): ChildId => valueOf(session.addChild(familyId, {
    firstName, initial: 'M', routes: { aller: { lineId, stopId } }, days: [1, 2, 4, 5], support: '', countsExtra: false,
  }))
  const children = [child('Léa', stops[0]), child('Tom', stops[0]), child('Inès', stops[1])] as const
  return { session, lineId, stops, adultId, children, walk: { lineId, date: localDate('2027-03-15'), direction: 'aller' } }
}

const rotaOf = (session: CollectiveSession, ref: WalkRef) => {
  const walk = walkOf(session.view.get(), ref)
  if (walk === null) throw new Error('no walk')
  return resolveWalk(session.view.get(), walk, NOW)
}

describe('absences', () => {
  it('reduce the expected children and the ratio of the walks they cover, show in the list, and can be withdrawn', async () => {
    const { session, walk, children: [lea, tom, ines] } = await newCollective()
    const thursday = { ...walk, date: localDate('2027-03-18') }
    expect(rotaOf(session, walk)).toMatchObject({ expectedChildIds: expect.arrayContaining([lea, tom, ines]), requiredAdults: 3 })
    const id = valueOf(session.declareAbsence({ childId: lea, from: '2027-03-15', to: '2027-03-16', direction: null, note: '  Angine  ' }))
    const [absence] = session.view.get().walkLog.absences
    expect(absence).toMatchObject({ id, childId: lea, note: 'Angine', actor: session.me.get().actorId })
    expect(session.view.get().absences).toEqual([absence])
    expect(rotaOf(session, walk).expectedChildIds).not.toContain(lea)
    expect(rotaOf(session, walk).requiredAdults).toBe(2)
    expect(rotaOf(session, thursday).expectedChildIds).toContain(lea)
    const line = walkCheckIns(session.view.get(), rotaOf(session, walk), session.view.get().walkLog).find((candidate) => candidate.id === lea)
    expect(line).toMatchObject({ expected: false, status: 'excused', prefilled: true })

    expect(session.withdrawAbsence(id)).toEqual({ ok: true, value: undefined })
    expect(session.view.get().walkLog.absences[0]?.withdrawn?.actor).toBe(session.me.get().actorId)
    expect(rotaOf(session, walk).expectedChildIds).toContain(lea)
    expect(rotaOf(session, walk).requiredAdults).toBe(3)
    expect(session.withdrawAbsence(id)).toEqual({ ok: true, value: undefined })
    expect(session.withdrawAbsence(UNKNOWN as typeof id)).toEqual({ ok: false, error: 'notFound' })
  })

  it('field errors: unknown child, reversed range, note too long; nothing written', async () => {
    const { session, children: [lea] } = await newCollective()
    expect(session.declareAbsence({ childId: UNKNOWN, from: '2027-03-15', to: '2027-03-15', direction: 'aller', note: '' }))
      .toEqual({ ok: false, error: { childId: 'unknownChild' } })
    expect(session.declareAbsence({ childId: lea, from: '2027-03-16', to: '2027-03-15', direction: null, note: '' }))
      .toEqual({ ok: false, error: { to: 'endBeforeStart' } })
    expect(session.declareAbsence({ childId: lea, from: '2027-03-15', to: '2027-03-15', direction: null, note: 'x'.repeat(201) }))
      .toEqual({ ok: false, error: { note: 'tooLong' } })
    expect(session.view.get().walkLog.absences).toEqual([])
  })
})

describe('check-in marks', () => {
  it('mark, re-mark and undo a child; errors for an unknown adult, child or a walk that does not run', async () => {
    const { session, walk, stops, adultId, children: [lea] } = await newCollective()
    // Undo with no mark anywhere: nothing to write.
    expect(session.markChild(walk, lea, null, stops[0], adultId)).toEqual({ ok: true, value: undefined })
    expect(session.view.get().walkLog.checkIns).toEqual([])
    expect(session.markChild(walk, lea, 'present', stops[0], adultId)).toEqual({ ok: true, value: undefined })
    const listed = () => walkCheckIns(session.view.get(), rotaOf(session, walk), session.view.get().walkLog).find((line) => line.id === lea)
    expect(listed()).toMatchObject({ status: 'present', disagreement: false, marks: [{ status: 'present', adultId, stopId: stops[0] }] })
    valueOf(session.markChild(walk, lea, 'absent', stops[0], adultId))
    expect(session.view.get().walkLog.checkIns).toHaveLength(1)
    expect(listed()?.status).toBe('absent')
    valueOf(session.markChild(walk, lea, null, stops[0], adultId))
    expect(session.view.get().walkLog.checkIns[0]?.status).toBe('unmarked')
    expect(listed()).toMatchObject({ status: null, marks: [] })

    expect(session.markChild(walk, lea, 'present', null, UNKNOWN as AdultId)).toEqual({ ok: false, error: 'unknownAdult' })
    expect(session.markChild(walk, UNKNOWN as ChildId, 'present', null, adultId)).toEqual({ ok: false, error: 'unknownChild' })
    // Wednesday: the line does not run.
    expect(session.markChild({ ...walk, date: localDate('2027-03-17') }, lea, 'present', null, adultId)).toEqual({ ok: false, error: 'walkNotRunning' })
    valueOf(session.addException({ date: '2027-03-18', lineId: null, direction: null, reason: 'strike', note: '' }))
    expect(session.markChild({ ...walk, date: localDate('2027-03-18') }, lea, 'present', null, adultId)).toEqual({ ok: false, error: 'walkNotRunning' })
  })

  it('a walk of a later Paris day takes no mark, guest, departure nor arrival; an earlier one still does (late correction)', async () => {
    const { session, walk, stops, adultId, children: [lea] } = await newCollective()
    // Tuesday 16 March runs, but it is Monday 15 at 08:12 in Paris.
    const tomorrow = { ...walk, date: localDate('2027-03-16') }
    expect(session.markChild(tomorrow, lea, 'present', stops[0], adultId)).toEqual({ ok: false, error: 'walkNotRunning' })
    expect(session.addGuest(tomorrow, { firstName: 'Jade' }, stops[0], adultId)).toEqual({ ok: false, error: { _: 'walkNotRunning' } })
    expect(session.markDeparture(tomorrow, stops[0], adultId)).toEqual({ ok: false, error: 'walkNotRunning' })
    expect(session.markArrival(tomorrow, adultId)).toEqual({ ok: false, error: 'walkNotRunning' })
    expect(session.view.get().walkLog.checkIns).toEqual([])
    expect(session.view.get().walkLog.events).toEqual([])
    const lastFriday = { ...walk, date: localDate('2027-03-12') }
    expect(session.markChild(lastFriday, lea, 'present', stops[0], adultId)).toEqual({ ok: true, value: undefined })
    expect(session.markArrival(lastFriday, adultId)).toEqual({ ok: true, value: undefined })
  })

  it('a guest is added present with a first name, can then be marked like a child, and only on that walk', async () => {
    const { session, walk, stops, adultId } = await newCollective()
    expect(session.addGuest(walk, { firstName: '   ' }, stops[1], adultId)).toEqual({ ok: false, error: { firstName: 'required' } })
    expect(session.addGuest(walk, { firstName: 'x'.repeat(61) }, stops[1], adultId)).toMatchObject({ ok: false, error: { firstName: 'tooLong' } })
    const guestId = valueOf(session.addGuest(walk, { firstName: ' Zoé ' }, stops[1], adultId))
    const guestLine = () => walkCheckIns(session.view.get(), rotaOf(session, walk), session.view.get().walkLog).find((line) => line.id === guestId)
    expect(guestLine()).toMatchObject({ subject: { kind: 'guest', guestId, name: 'Zoé' }, status: 'present', expected: false })
    valueOf(session.markChild(walk, guestId, 'excused', stops[1], adultId))
    expect(guestLine()).toMatchObject({ subject: { name: 'Zoé' }, status: 'excused' })
    const tuesday = { ...walk, date: localDate('2027-03-16') }
    expect(session.markChild(tuesday, guestId, 'present', null, adultId)).toEqual({ ok: false, error: 'unknownChild' })
    expect(session.markChild(walk, UNKNOWN as GuestId, 'present', null, adultId)).toEqual({ ok: false, error: 'unknownChild' })
  })
})

describe('departures and arrival', () => {
  it('departures per stop and the arrival carry this phone’s time; undo clears them, only for this device', async () => {
    const { session, walk, stops, adultId } = await newCollective()
    const time = timeOfAuthorTime(authorTime(NOW))
    expect(session.undoWalkEvent(walk, 'arrived', null)).toEqual({ ok: false, error: 'notFound' })
    valueOf(session.markDeparture(walk, stops[0], adultId))
    valueOf(session.markDeparture(walk, stops[1], adultId))
    valueOf(session.markArrival(walk, adultId))
    const progress = () => walkProgress(session.view.get(), walk, session.view.get().walkLog)
    expect(progress()).toMatchObject({
      stops: [{ stopId: stops[0], departedAt: time, departedBy: adultId }, { stopId: stops[1], departedAt: time }],
      arrivedAt: time, arrivedBy: adultId, arrivedOn: '2027-03-15',
    })
    expect(session.undoWalkEvent(walk, 'arrived', null)).toEqual({ ok: true, value: undefined })
    expect(progress().arrivedAt).toBeNull()
    expect(session.undoWalkEvent(walk, 'departed', stops[1])).toEqual({ ok: true, value: undefined })
    expect(progress().stops.map((stop) => stop.departedAt)).toEqual([time, null])
    valueOf(session.markArrival(walk, adultId))
    expect(progress().arrivedAt).toBe(time)
    expect(session.markArrival(walk, UNKNOWN as AdultId)).toEqual({ ok: false, error: 'unknownAdult' })
    expect(session.markDeparture({ ...walk, date: localDate('2027-03-17') }, stops[0], adultId)).toEqual({ ok: false, error: 'walkNotRunning' })
  })
})

describe('logbook notes', () => {
  it('a note is added with the adult’s family and removed by its author’s device only', async () => {
    const { session, walk, adultId } = await newCollective()
    expect(session.addWalkNote(walk, { text: '  ' }, adultId)).toEqual({ ok: false, error: { text: 'required' } })
    const id = valueOf(session.addWalkNote(walk, { text: ' Tom a glissé, rien de grave. ' }, adultId))
    const [note] = session.view.get().walkLog.notes
    expect(note).toMatchObject({ id, walk, text: 'Tom a glissé, rien de grave.', adultId, familyId: session.me.get().familyId })
    expect(session.removeWalkNote(id)).toEqual({ ok: true, value: undefined })
    expect(session.view.get().walkLog.notes[0]?.withdrawn).toBeDefined()
    expect(session.removeWalkNote(UNKNOWN as typeof id)).toEqual({ ok: false, error: 'notFound' })
  })
})

describe('demo walk log', () => {
  it('shows an absence next week and the last school day’s aller walk done: marks, departures, arrival at 08:27, a note', async () => {
    const services = await startPhone()
    const demo = await services.openDemo('fr')
    phones.track(demo)
    const view = demo.view.get()
    expect(view.toCheck).toEqual([])
    const [absence] = view.walkLog.absences
    expect(view.walkLog.absences).toHaveLength(1)
    // Today is Monday 15 March: next week starts on the 22nd, the last aller walk was on Friday 12.
    expect(absence).toMatchObject({ from: '2027-03-22', to: '2027-03-22', direction: null })
    const walk = { lineId: view.lines[0]!.id, date: localDate('2027-03-12'), direction: 'aller' as const }
    const progress = walkProgress(view, walk, view.walkLog)
    expect(progress.arrivedAt).toBe('08:27')
    expect(progress.stops.slice(0, -1).every((stop) => stop.departedAt !== null)).toBe(true)
    const list = walkCheckIns(view, rotaOf(demo, walk), view.walkLog)
    expect(list.length).toBeGreaterThan(5)
    expect(list.filter((line) => line.expected).every((line) => line.status !== null && !line.disagreement)).toBe(true)
    expect(list.some((line) => line.status === 'absent')).toBe(true)
    expect(view.walkLog.notes).toHaveLength(1)
    const me = demo.me.get()
    const notices = arrivalNotices(view, view.walkLog, me.familyId!, localDate('2027-03-08'))
    expect(notices.map((notice) => notice.arrivedAt)).toEqual(['08:27', '08:27'])
  })
})

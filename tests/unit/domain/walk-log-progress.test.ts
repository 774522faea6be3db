// Walk progress (stops in walking order, earliest departure, undo), arrival notices for a family, and the walks done with who was on duty.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { arrivalNotices, dateOfAuthorTime, timeOfAuthorTime, walkProgress, walksDone, walkStopsInOrder, type WalkLogRecords } from '../../../src/domain/walk-log/index.ts'
import { NO_WALK_LOG } from '../../../src/domain/walk-log/records.ts'
import { adultId, childId, createChild, createModel, familyId, lineId, stopId } from './rota-fixtures.ts'
import { ALLER, mark, RETOUR, walkEvent, walkNote, walkRef } from './walk-log-fixtures.ts'

const model = createModel({
  children: [
    createChild(1, 1, { routes: { aller: { lineId: lineId(1), stopId: stopId(2) }, retour: { lineId: lineId(1), stopId: stopId(3) } } }),
    createChild(2, 1, { routes: { aller: { lineId: lineId(1), stopId: stopId(1) } } }),
    createChild(3, 2),
  ],
})
const log = (fields: Partial<WalkLogRecords>): WalkLogRecords => ({ ...NO_WALK_LOG, ...fields })

describe('walk progress', () => {
  it('orders the stops as walked: stop order to school, reversed from school', () => {
    expect(walkStopsInOrder(model, ALLER).map((stop) => stop.id)).toEqual([stopId(1), stopId(2), stopId(3)])
    expect(walkStopsInOrder(model, RETOUR).map((stop) => stop.id)).toEqual([stopId(3), stopId(2), stopId(1)])
  })

  it('reads an author time as an instant and gives it in Paris time, whatever the zone of the phone', () => {
    expect(timeOfAuthorTime('2027-03-02T08:27:00+01:00')).toBe('08:27')
    // A phone set to UTC, one in Montréal, one in summer time: the same Paris wall clock.
    expect(timeOfAuthorTime('2027-03-02T07:27:00+00:00')).toBe('08:27')
    expect(timeOfAuthorTime('2027-03-02T02:27:00-05:00')).toBe('08:27')
    expect(timeOfAuthorTime('2027-06-02T06:27:00Z')).toBe('08:27')
    expect(timeOfAuthorTime('2027-06-02T08:27:00.123+02:00')).toBe('08:27')
    // Late evening UTC is already the next day in Paris.
    expect(timeOfAuthorTime('2027-03-02T23:59:59Z')).toBe('00:59')
    expect(dateOfAuthorTime('2027-03-02T23:59:59Z')).toBe('2027-03-03')
    expect(dateOfAuthorTime('2027-03-02T08:27:00+01:00')).toBe('2027-03-02')
    for (const unreadable of ['hier matin', '2027-03-02T25:10:00+01:00', '2027-02-30T08:27:00+01:00', '2027-03-02T08:27:00', '2027-13-02T08:27:00Z', '2027-03-02T08:61:00Z', '']) {
      expect(timeOfAuthorTime(unreadable), unreadable).toBeNull()
      expect(dateOfAuthorTime(unreadable), unreadable).toBeNull()
    }
  })

  it('shows the earliest departure by logical order at each stop, and the arrival', () => {
    const progress = walkProgress(model, ALLER, log({
      events: [
        walkEvent('departed', 1, 2, 5, '2026-12-03T08:12:00+01:00'),
        // Earlier in logical order although its phone's clock says later.
        walkEvent('departed', 1, 1, 4, '2026-12-03T08:13:00+01:00'),
        walkEvent('departed', 2, 1, 6, '2026-12-03T08:16:00+01:00'),
        walkEvent('arrived', null, 3, 9, '2026-12-03T08:27:00+01:00'),
        walkEvent('departed', 3, 1, 7, '2026-12-03T08:21:00+01:00', { walk: RETOUR }),
      ],
    }))
    expect(progress.stops).toEqual([
      { stopId: stopId(1), time: '08:10', departedAt: '08:13', departedBy: adultId(1) },
      { stopId: stopId(2), time: '08:15', departedAt: '08:16', departedBy: adultId(1) },
      { stopId: stopId(3), time: '08:20', departedAt: null, departedBy: null },
    ])
    expect(progress).toMatchObject({ schoolDepartedAt: null, arrivedAt: '08:27', arrivedBy: adultId(3), arrivedOn: '2026-12-03', key: `${lineId(1)}|2026-12-03|aller` })
  })

  it('forgets an undone (cancelled) departure or arrival; the next one shows', () => {
    const progress = walkProgress(model, ALLER, log({
      events: [
        walkEvent('departed', 1, 1, 4, '2026-12-03T08:11:00+01:00', { cancelled: true }),
        walkEvent('departed', 1, 2, 5, '2026-12-03T08:12:00+01:00'),
        walkEvent('arrived', null, 3, 9, '2026-12-03T08:27:00+01:00', { cancelled: true }),
      ],
    }))
    expect(progress.stops[0]).toMatchObject({ departedAt: '08:12', departedBy: adultId(2) })
    expect(progress).toMatchObject({ arrivedAt: null, arrivedBy: null, arrivedOn: null })
  })

  it('a retour: departure from school (no stop), stops reversed', () => {
    const progress = walkProgress(model, RETOUR, log({
      events: [
        walkEvent('departed', null, 1, 3, '2026-12-03T16:35:00+01:00', { walk: RETOUR }),
        walkEvent('departed', 3, 1, 4, '2026-12-03T16:41:00+01:00', { walk: RETOUR }),
        walkEvent('arrived', null, 1, 5, '2026-12-03T16:52:00+01:00', { walk: RETOUR }),
      ],
    }))
    expect(progress.stops.map((stop) => [stop.stopId, stop.time, stop.departedAt])).toEqual([
      [stopId(3), '16:40', '16:41'], [stopId(2), '16:45', null], [stopId(1), '16:50', null],
    ])
    expect(progress).toMatchObject({ schoolDepartedAt: '16:35', arrivedAt: '16:52' })
  })
})

describe('arrival notices', () => {
  const records = log({
    checkIns: [
      mark(1, 1, 'present', 3),
      mark(1, 2, 'absent', 3),
      mark(1, 3, 'present', 3),
      mark(1, 1, 'present', 10, { walk: RETOUR, stop: 2 }),
      mark(1, 2, 'present', 10, { walk: RETOUR, stop: 2 }),
      mark(1, 1, 'present', 20, { walk: walkRef('2026-12-04') }),
      mark(1, 1, 'present', 30, { walk: walkRef('2026-11-30') }),
    ],
    events: [
      walkEvent('arrived', null, 1, 5, '2026-12-03T08:27:00+01:00'),
      walkEvent('arrived', null, 1, 12, '2026-12-03T16:52:00+01:00', { walk: RETOUR }),
      // Not arrived: the 4th has a cancelled arrival only.
      walkEvent('arrived', null, 1, 22, '2026-12-04T08:29:00+01:00', { walk: walkRef('2026-12-04'), cancelled: true }),
      walkEvent('arrived', null, 1, 32, '2026-11-30T08:26:00+01:00', { walk: walkRef('2026-11-30') }),
    ],
  })

  it('tells a family about its children marked present on walks that arrived, newest first', () => {
    const notices = arrivalNotices(model, records, familyId(1), localDate('2026-12-01'))
    expect(notices.map((n) => [n.childId, n.walk.direction, n.arrivedAt, n.stopId])).toEqual([
      [childId(1), 'retour', '16:52', stopId(3)],
      [childId(2), 'retour', '16:52', stopId(2)],
      [childId(1), 'aller', '08:27', null],
    ])
    expect(notices[2]?.key).toBe(`${lineId(1)}|2026-12-03|aller|${childId(1)}`)
    expect(notices.every((n) => n.familyId === familyId(1))).toBe(true)
  })

  it('only from `since` on, and only the family’s children', () => {
    expect(arrivalNotices(model, records, familyId(1), localDate('2026-11-30')).map((n) => n.walk.date)).toContain('2026-11-30')
    expect(arrivalNotices(model, records, familyId(1), localDate('2026-12-04'))).toEqual([])
    expect(arrivalNotices(model, records, familyId(2), localDate('2026-12-01')).map((n) => n.childId)).toEqual([childId(3)])
    expect(arrivalNotices(model, records, familyId(9), localDate('2026-12-01'))).toEqual([])
  })

  it('no notice for a child whose current marks say absent', () => {
    const overruled = log({ ...records, checkIns: [...records.checkIns, mark(2, 3, 'absent', 4, { seen: { 1: 3 } })] })
    expect(arrivalNotices(model, overruled, familyId(2), localDate('2026-12-01'))).toEqual([])
  })

  it('no notice while the adults disagree on whether the child is there', () => {
    // Adult 1 marks absent, adult 2 (later, blind) marks present: the walk screen shows a disagreement.
    const disputed = log({ checkIns: [mark(1, 2, 'absent', 3), mark(2, 2, 'present', 4)], events: [walkEvent('arrived', null, 1, 9, '2026-12-03T08:27:00+01:00')] })
    expect(arrivalNotices(model, disputed, familyId(1), localDate('2026-12-01'))).toEqual([])
    // Settled by a mark that saw both: the notice comes.
    const settled = log({ ...disputed, checkIns: [...disputed.checkIns, mark(3, 2, 'present', 10, { seen: { 1: 3, 2: 4 } })] })
    expect(arrivalNotices(model, settled, familyId(1), localDate('2026-12-01')).map((n) => n.childId)).toEqual([childId(2)])
  })

  it('no notice for an arrival tapped on another Paris day than the walk’s', () => {
    const dayBefore = log({ checkIns: [mark(1, 2, 'present', 12)], events: [walkEvent('arrived', null, 1, 9, '2026-12-02T19:40:00+01:00')] })
    expect(arrivalNotices(model, dayBefore, familyId(1), localDate('2026-12-01'))).toEqual([])
    // 23:30 UTC on the 2nd is 00:30 on the 3rd in Paris: the walk's day.
    const utcPhone = log({ checkIns: [mark(1, 2, 'present', 12)], events: [walkEvent('arrived', null, 1, 9, '2026-12-02T23:30:00Z')] })
    expect(arrivalNotices(model, utcPhone, familyId(1), localDate('2026-12-01')).map((n) => n.arrivedAt)).toEqual(['00:30'])
  })

  it('the time is Paris time whatever the zone of the marking phone', () => {
    const utcPhone = log({ checkIns: [mark(1, 2, 'present', 3)], events: [walkEvent('arrived', null, 1, 9, '2026-12-03T07:27:00+00:00')] })
    expect(arrivalNotices(model, utcPhone, familyId(1), localDate('2026-12-01'))[0]?.arrivedAt).toBe('08:27')
  })
})

describe('walks done', () => {
  const records = log({
    checkIns: [mark(4, 1, 'present', 3), mark(4, 3, 'present', 3), mark(5, 2, 'absent', 3), mark(6, 1, 'unmarked', 3), mark(4, 0, 'present', 3, { guest: 1, guestName: 'Ali' })],
    events: [
      walkEvent('departed', 1, 7, 4, '2026-12-03T08:11:00+01:00'),
      walkEvent('departed', 2, 8, 4, '2026-12-03T08:16:00+01:00', { cancelled: true }),
      walkEvent('arrived', null, 4, 5, '2026-12-03T08:27:00+01:00'),
      walkEvent('arrived', null, 1, 12, '2026-12-08T16:52:00+01:00', { walk: walkRef('2026-12-08', 'retour') }),
      walkEvent('arrived', null, 1, 11, '2026-12-08T08:30:00+01:00', { walk: walkRef('2026-12-08') }),
      walkEvent('departed', 1, 1, 10, '2026-12-07T08:10:00+01:00', { walk: walkRef('2026-12-07') }),
    ],
    notes: [walkNote(1, 'Pluie', 6), walkNote(2, 'Effacée', 7, { withdrawn: true }), walkNote(3, 'Autre trajet', 8, { walk: RETOUR })],
  })
  const holders = (walk: { date: string }) => (walk.date === '2026-12-03' ? [adultId(2), adultId(9)] : [])

  it('lists walks with an arrival: duty adults are the holders plus whoever marked, presents counted, notes kept', () => {
    const done = walksDone(model, records, holders)
    expect(done.map((walk) => [walk.walk.date, walk.walk.direction])).toEqual([['2026-12-03', 'aller'], ['2026-12-08', 'aller'], ['2026-12-08', 'retour']])
    const [first] = done
    expect(first?.dutyAdultIds).toEqual([adultId(2), adultId(4), adultId(5), adultId(7), adultId(9)])
    expect(first).toMatchObject({ arrivedAt: '08:27', presentCount: 3, clock: 5, at: '2026-12-03T08:27:00+01:00' })
    expect(first?.notes.map((note) => note.text)).toEqual(['Pluie'])
  })

  it('a child the adults disagree about is not counted present', () => {
    const disputed = log({ ...records, checkIns: [...records.checkIns, mark(8, 3, 'absent', 4)] })
    expect(walksDone(model, disputed, holders)[0]?.presentCount).toBe(2)
  })

  it('within a range, bounds included', () => {
    expect(walksDone(model, records, holders, { from: localDate('2026-12-04'), to: localDate('2026-12-08') }).map((walk) => walk.walk.date)).toEqual(['2026-12-08', '2026-12-08'])
    expect(walksDone(model, records, holders, { from: localDate('2026-12-04'), to: localDate('2026-12-07') })).toEqual([])
  })
})

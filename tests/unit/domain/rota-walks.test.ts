// Walk derivation: line days x operating weekdays x directions, cancellations flagged (holidays, public holidays, exceptions).
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { deriveWalks, startTimeOf, walkOf } from '../../../src/domain/rota/walks.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import { createException, createHoliday, createLine, createModel, createStop, lineId } from './rota-fixtures.ts'

const summary = (walks: ReturnType<typeof deriveWalks>) =>
  walks.map((w) => `${w.date} ${w.direction}${w.cancellation === null ? '' : ` annulé:${'label' in w.cancellation ? w.cancellation.label : w.cancellation.reason}`}`)

describe('deriveWalks', () => {
  it('an ordinary week: Mon, Tue, Thu, Fri, aller then retour, no Wednesday', () => {
    const walks = deriveWalks(createModel(), localDate('2026-11-30'), localDate('2026-12-06'))
    expect(summary(walks)).toEqual([
      '2026-11-30 aller', '2026-11-30 retour', '2026-12-01 aller', '2026-12-01 retour',
      '2026-12-03 aller', '2026-12-03 retour', '2026-12-04 aller', '2026-12-04 retour',
    ])
    expect(walks[0]).toMatchObject({ lineId: lineId(1), startTime: '08:10', key: `${lineId(1)}|2026-11-30|aller` })
    expect(walks[1]?.startTime).toBe('16:40')
  })

  it('a holiday week keeps every walk, each flagged with the holiday', () => {
    const walks = deriveWalks(createModel(), localDate('2026-12-21'), localDate('2026-12-27'))
    expect(walks).toHaveLength(8)
    expect(walks.every((w) => w.cancellation?.kind === 'holiday' && w.cancellation.label === 'Vacances de Noël')).toBe(true)
  })

  it('the holidays of another zone do not cancel anything', () => {
    const zoneB = createModel({ settings: { ...DEFAULT_SETTINGS, holidayZone: 'B' } })
    expect(deriveWalks(zoneB, localDate('2027-02-15'), localDate('2027-02-19')).every((w) => w.cancellation === null)).toBe(true)
    const zoneA = createModel()
    expect(deriveWalks(zoneA, localDate('2027-02-15'), localDate('2027-02-19')).every((w) => w.cancellation?.kind === 'holiday')).toBe(true)
  })

  it('flags a public holiday on an operating day (Lundi de Pâques 2027)', () => {
    const walks = deriveWalks(createModel(), localDate('2027-03-29'), localDate('2027-03-30'))
    expect(summary(walks)).toEqual([
      '2027-03-29 aller annulé:Lundi de Pâques', '2027-03-29 retour annulé:Lundi de Pâques',
      '2027-03-30 aller', '2027-03-30 retour',
    ])
  })

  it('flags an exception for one line and direction only, with its reason and note', () => {
    const exceptions = [createException(1, { date: '2026-12-03', lineId: lineId(1), direction: 'retour', reason: 'weatherAlert', note: 'vigilance orange' })]
    const walks = deriveWalks(createModel({ exceptions }), localDate('2026-12-03'), localDate('2026-12-03'))
    expect(walks.map((w) => w.cancellation)).toEqual([null, { kind: 'exception', reason: 'weatherAlert', note: 'vigilance orange' }])
  })

  it('the most specific exception wins, whatever the order they are stored in', () => {
    const wholeDay = createException(1, { date: '2026-12-03', lineId: null, direction: null, reason: 'strike', note: 'grève' })
    const thisWalk = createException(2, { date: '2026-12-03', lineId: lineId(1), direction: 'aller', reason: 'schoolTrip', note: 'sortie' })
    for (const exceptions of [[wholeDay, thisWalk], [thisWalk, wholeDay]]) {
      const walk = walkOf(createModel({ exceptions }), { lineId: lineId(1), date: localDate('2026-12-03'), direction: 'aller' })
      expect(walk?.cancellation).toEqual({ kind: 'exception', reason: 'schoolTrip', note: 'sortie' })
    }
  })

  it('an imported holiday cancels walks in a year not shipped', () => {
    const holidays = [createHoliday(1, '2028-10-21', '2028-11-05', 'Toussaint 2028')]
    const walks = deriveWalks(createModel({ holidays }), localDate('2028-10-23'), localDate('2028-10-23'))
    expect(walks.map((w) => w.cancellation)).toEqual([
      { kind: 'holiday', label: 'Toussaint 2028' },
      { kind: 'holiday', label: 'Toussaint 2028' },
    ])
  })

  it('runs a line only on its own days that are also operating days, in its own directions', () => {
    const lines = [createLine(1, { days: [1, 3], directions: ['aller'] }), createLine(2, { days: [2] })]
    const walks = deriveWalks(createModel({ lines }), localDate('2026-11-30'), localDate('2026-12-06'))
    expect(walks.map((w) => `${w.lineId === lineId(1) ? 'L1' : 'L2'} ${w.date} ${w.direction}`)).toEqual([
      'L1 2026-11-30 aller', 'L2 2026-12-01 aller', 'L2 2026-12-01 retour',
    ])
    const wednesdays = createModel({ lines, settings: { ...DEFAULT_SETTINGS, operatingWeekdays: [1, 2, 3, 4, 5] } })
    expect(deriveWalks(wednesdays, localDate('2026-12-02'), localDate('2026-12-02')).map((w) => w.direction)).toEqual(['aller'])
  })

  it('walkOf is null for a line that does not exist or does not run that day', () => {
    const model = createModel()
    expect(walkOf(model, { lineId: lineId(9), date: localDate('2026-12-03'), direction: 'aller' })).toBeNull()
    expect(walkOf(model, { lineId: lineId(1), date: localDate('2026-12-02'), direction: 'aller' })).toBeNull()
  })
})

describe('start time', () => {
  it('is the earliest time at a stop of the line in that direction, null without one', () => {
    const stops = [createStop(1, 1, 1, { aller: '08:05' }), createStop(2, 1, 2, { aller: '08:12', retour: '16:35' }), createStop(3, 2, 1, { aller: '07:00' })]
    expect(startTimeOf(stops, lineId(1), 'aller')).toBe('08:05')
    expect(startTimeOf(stops, lineId(1), 'retour')).toBe('16:35')
    expect(startTimeOf(stops, lineId(3), 'aller')).toBeNull()
  })
})

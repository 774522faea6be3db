// Paris wall-clock times to instants and back, across the March and October daylight-saving changes.
import { describe, expect, it } from 'vitest'
import { instantToParisDate, instantToParisTime, parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'

const at = (date: string, time: string) => parisToInstant(localDate(date), time as TimeOfDay)
const HOUR = 3_600_000

describe('Paris time', () => {
  it('uses UTC+1 in winter and UTC+2 in summer', () => {
    expect(at('2026-12-03', '08:10')).toBe(Date.UTC(2026, 11, 3, 7, 10))
    expect(at('2026-06-04', '08:10')).toBe(Date.UTC(2026, 5, 4, 6, 10))
  })

  it('March change (29 March 2026): the Sunday is 23 hours long', () => {
    expect(at('2026-03-28', '08:00')).toBe(Date.UTC(2026, 2, 28, 7, 0))
    expect(at('2026-03-29', '08:00')).toBe(Date.UTC(2026, 2, 29, 6, 0))
    expect(at('2026-03-30', '00:00') - at('2026-03-29', '00:00')).toBe(23 * HOUR)
    // 02:30 does not exist that night: read with the winter offset, i.e. 03:30 summer time.
    expect(at('2026-03-29', '02:30')).toBe(Date.UTC(2026, 2, 29, 1, 30))
  })

  it('October change (25 October 2026): the Sunday is 25 hours long', () => {
    expect(at('2026-10-24', '08:00')).toBe(Date.UTC(2026, 9, 24, 6, 0))
    expect(at('2026-10-25', '08:00')).toBe(Date.UTC(2026, 9, 25, 7, 0))
    expect(at('2026-10-26', '00:00') - at('2026-10-25', '00:00')).toBe(25 * HOUR)
    // 02:30 happens twice: the first (summer time) one.
    expect(at('2026-10-25', '02:30')).toBe(Date.UTC(2026, 9, 25, 0, 30))
  })

  it('gives the Paris date of an instant, which is not the UTC date around midnight', () => {
    expect(instantToParisDate(Date.UTC(2026, 11, 31, 23, 30))).toBe('2027-01-01')
    expect(instantToParisDate(Date.UTC(2026, 5, 30, 21, 59))).toBe('2026-06-30')
    expect(instantToParisDate(Date.UTC(2026, 5, 30, 22, 0))).toBe('2026-07-01')
    expect(instantToParisTime(Date.UTC(2026, 9, 25, 1, 30))).toBe('02:30')
  })

  it('round-trips every half hour over the two change days', () => {
    for (const date of ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
        const instant = at(date, time)
        expect(instantToParisDate(instant), `${date} ${time}`).toBe(date)
        const skipped = date.endsWith('03-29') || date.endsWith('03-28')
        if (!(skipped && time.startsWith('02:'))) expect(instantToParisTime(instant), `${date} ${time}`).toBe(time)
      }
    }
  })
})

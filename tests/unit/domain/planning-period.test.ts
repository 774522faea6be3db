// The planner's default period: tomorrow until the day before the next school holidays, else six weeks.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { defaultPlanningPeriod } from '../../../src/domain/planning/period.ts'
import type { FairnessModel } from '../../../src/domain/planning/types.ts'
import { fairnessModel, parisAt } from './planning-fixtures.ts'
import { createHoliday, createLine } from './rota-fixtures.ts'

const period = (model: FairnessModel, date: string, time = '12:00') => {
  const { from, to } = defaultPlanningPeriod(model, parisAt(date, time))
  return [from, to]
}

describe('defaultPlanningPeriod', () => {
  it('runs from tomorrow to the day before the Christmas holidays (zone A, from Saturday 19 December 2026)', () => {
    expect(period(fairnessModel(), '2026-11-28')).toEqual(['2026-11-29', '2026-12-18'])
  })

  it('takes tomorrow in Paris, not in UTC', () => {
    // 23:30 UTC on 28 November is 00:30 on the 29th in Paris.
    const { from } = defaultPlanningPeriod(fairnessModel(), Date.UTC(2026, 10, 28, 23, 30))
    expect(from).toBe('2026-11-30')
  })

  it('during the holidays, runs until the holidays after the next school day', () => {
    expect(period(fairnessModel(), '2026-12-22')).toEqual(['2026-12-23', '2027-02-12'])
  })

  it('ends the day before an imported holiday period', () => {
    const model = fairnessModel({ holidays: [createHoliday(1, '2026-12-07', '2026-12-08', 'Classe verte')] })
    expect(period(model, '2026-11-28')).toEqual(['2026-11-29', '2026-12-06'])
  })

  it('skips a shipped period the collective ignores', () => {
    const model = fairnessModel({ holidayOverrides: [{ periodId: '2026-2027/A/noel', ignored: true }] })
    expect(period(model, '2026-11-28')).toEqual(['2026-11-29', '2027-02-12'])
  })

  it('only counts holidays that cancel a walk of the collective', () => {
    // A line running on Wednesdays only: the Christmas holidays cancel Wednesday 23 December first; Saturday 19 is still their start.
    const model = fairnessModel({ lines: [createLine(1, { days: [3] })], settings: { ...fairnessModel().settings, operatingWeekdays: [3] } })
    expect(period(model, '2026-11-28')).toEqual(['2026-11-29', '2026-12-18'])
  })

  it('falls back to six weeks when no holidays come within sixteen weeks', () => {
    expect(period(fairnessModel({ lines: [] }), '2026-11-28')).toEqual(['2026-11-29', '2027-01-09'])
    // Christmas and winter ignored: the spring holidays (10 April 2027) are more than sixteen weeks away.
    const ignored = fairnessModel({ holidayOverrides: [{ periodId: '2026-2027/A/noel', ignored: true }, { periodId: '2026-2027/A/hiver', ignored: true }] })
    expect(period(ignored, '2026-11-28')).toEqual(['2026-11-29', '2027-01-09'])
  })

  it('is a valid range of local dates', () => {
    const { from, to } = defaultPlanningPeriod(fairnessModel(), parisAt('2027-06-01', '09:00'))
    expect(localDate(from) <= localDate(to)).toBe(true)
    expect(to).toBe('2027-07-02')
  })
})

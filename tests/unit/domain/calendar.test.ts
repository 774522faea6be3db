// The school calendar: school years, Easter and public holidays, shipped and imported school holidays, Wednesdays, the Saturday rule.
import { describe, expect, it } from 'vitest'
import { easterSunday, publicHolidayOn, publicHolidaysOf } from '../../../src/domain/calendar/public-holidays.ts'
import {
  decreeToPeriod, holidayOn, isSchoolDay, schoolDayStatus, shippedHolidayPeriods, type CalendarSettings,
} from '../../../src/domain/calendar/school-calendar.ts'
import { SHIPPED_SCHOOL_HOLIDAYS, SHIPPED_SCHOOL_YEARS } from '../../../src/domain/calendar/school-holidays-data.ts'
import { schoolYearOf } from '../../../src/domain/calendar/school-year.ts'
import { addDays, localDate, weekdayOf } from '../../../src/domain/dates.ts'
import { LineIdSchema } from '../../../src/domain/ids.ts'
import { walkCancellationOf } from '../../../src/domain/rota/walks.ts'
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings.ts'
import { createHoliday } from './rota-fixtures.ts'

const zone = (holidayZone: Settings['holidayZone'], operatingWeekdays: number[] = [1, 2, 4, 5]) => ({ holidayZone, operatingWeekdays })
const status = (date: string, settings: CalendarSettings = zone('A'), imported = [] as ReturnType<typeof createHoliday>[]) =>
  schoolDayStatus(settings, imported, localDate(date))

describe('Easter (anonymous Gregorian algorithm)', () => {
  it.each([
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i: %s', (year, date) => {
    expect(easterSunday(year)).toBe(date)
  })

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2200; year += 1) {
      const easter = easterSunday(year)
      expect(weekdayOf(easter), `year ${year}`).toBe(7)
      expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25', `year ${year}: ${easter}`).toBe(true)
    }
  })
})

describe('public holidays', () => {
  it('lists the eleven of 2027, Easter-based ones from 28 March 2027', () => {
    expect(publicHolidaysOf(2027).map((day) => `${day.date} ${day.label}`)).toEqual([
      "2027-01-01 Jour de l'an",
      '2027-03-29 Lundi de Pâques',
      '2027-05-01 Fête du Travail',
      '2027-05-06 Ascension',
      '2027-05-08 Victoire 1945',
      '2027-05-17 Lundi de Pentecôte',
      '2027-07-14 Fête nationale',
      '2027-08-15 Assomption',
      '2027-11-01 Toussaint',
      '2027-11-11 Armistice 1918',
      '2027-12-25 Noël',
    ])
  })

  it('finds a public holiday by date, and nothing on an ordinary day', () => {
    expect(publicHolidayOn(localDate('2026-05-25'))?.label).toBe('Lundi de Pentecôte')
    expect(publicHolidayOn(localDate('2027-03-30'))).toBeNull()
  })

  it('adds Good Friday and 26 December in Alsace-Moselle only', () => {
    const extra = publicHolidaysOf(2027, true).filter((day) => !publicHolidaysOf(2027).some((other) => other.id === day.id))
    expect(extra.map((day) => `${day.date} ${day.id}`)).toEqual(['2027-03-26 goodFriday', '2027-12-26 saintStephen'])
    expect(publicHolidayOn(localDate('2027-03-26'))).toBeNull()
    expect(publicHolidayOn(localDate('2027-03-26'), true)?.id).toBe('goodFriday')
    // The same day once cached for one list does not answer for the other.
    expect(publicHolidayOn(localDate('2027-03-26'))).toBeNull()
    expect(status('2027-03-26', { ...zone('B'), alsaceMoselle: true })).toEqual({ kind: 'publicHoliday', label: 'Vendredi saint', id: 'goodFriday' })
    expect(status('2027-03-26', zone('B'))).toEqual({ kind: 'schoolDay' })
    // A walk on St Stephen's Day is cancelled only for a collective in Alsace-Moselle.
    const walk = { lineId: LineIdSchema.parse('00000000-0000-4000-8000-000000000001'), date: localDate('2026-12-26'), direction: 'aller' as const }
    const model = (alsaceMoselle: boolean) => ({
      settings: { ...DEFAULT_SETTINGS, holidayZone: 'B' as const, ownCalendar: true, alsaceMoselle }, exceptions: [], holidays: [], holidayOverrides: [],
    })
    expect(walkCancellationOf(model(true), walk)).toEqual({ kind: 'publicHoliday', label: 'Saint-Étienne', id: 'saintStephen' })
    expect(walkCancellationOf(model(false), walk)).toBeNull()
  })
})

describe('school days', () => {
  it('a Wednesday is not an operating day by default', () => {
    expect(DEFAULT_SETTINGS.operatingWeekdays).not.toContain(3)
    expect(status('2026-12-02')).toEqual({ kind: 'notOperating' })
    expect(status('2026-12-05')).toEqual({ kind: 'notOperating' })
    expect(status('2026-12-03')).toEqual({ kind: 'schoolDay' })
  })

  it('a collective walking on Wednesdays gets Wednesday as a school day', () => {
    expect(status('2026-12-02', zone('A', [1, 2, 3, 4, 5]))).toEqual({ kind: 'schoolDay' })
  })

  it('names a public holiday on an operating day, and on a Wednesday before "not operating"', () => {
    expect(status('2027-03-29')).toEqual({ kind: 'publicHoliday', label: 'Lundi de Pâques', id: 'easterMonday' })
    expect(status('2026-11-11')).toEqual({ kind: 'publicHoliday', label: 'Armistice 1918', id: 'armistice1918' })
  })

  it('Christmas holidays: Friday is a school day, holidays from Saturday, classes again on Monday 4 January', () => {
    expect(status('2026-12-18')).toEqual({ kind: 'schoolDay' })
    expect(status('2026-12-19')).toEqual({ kind: 'holiday', label: 'Vacances de Noël', slug: 'noel' })
    expect(status('2026-12-23')).toEqual({ kind: 'holiday', label: 'Vacances de Noël', slug: 'noel' })
    expect(status('2027-01-03')).toEqual({ kind: 'holiday', label: 'Vacances de Noël', slug: 'noel' })
    expect(status('2027-01-04')).toEqual({ kind: 'schoolDay' })
  })

  it('with Saturday classes, the Saturday the holidays start is still a school day', () => {
    const saturdayClass = zone('A', [1, 2, 4, 5, 6])
    expect(status('2026-12-19', saturdayClass)).toEqual({ kind: 'schoolDay' })
    expect(status('2026-12-20', saturdayClass)).toEqual({ kind: 'holiday', label: 'Vacances de Noël', slug: 'noel' })
  })

  it('winter holidays depend on the zone', () => {
    expect(status('2027-02-15', zone('A')).kind).toBe('holiday')
    expect(status('2027-02-15', zone('B')).kind).toBe('schoolDay')
    expect(status('2027-02-15', zone('C')).kind).toBe('holiday')
    expect(status('2027-03-01', zone('A')).kind).toBe('schoolDay')
    expect(status('2027-03-01', zone('B')).kind).toBe('holiday')
  })

  it("the pont de l'Ascension 2027: no class on Friday 7 May", () => {
    expect(status('2027-05-07')).toEqual({ kind: 'holiday', label: "Pont de l'Ascension", slug: 'ascension' })
    expect(status('2027-05-10')).toEqual({ kind: 'schoolDay' })
  })

  it('summer holidays start after class on Saturday 3 July 2027', () => {
    expect(status('2027-07-02')).toEqual({ kind: 'schoolDay' })
    expect(status('2027-07-05')).toEqual({ kind: 'holiday', label: "Vacances d'été", slug: 'ete' })
  })

  it('the rentrée 2027 is Thursday 2 September: a Wednesday-walking collective has no walk on 1 September', () => {
    const withWednesday = zone('A', [1, 2, 3, 4, 5])
    for (const z of ['A', 'B', 'C'] as const) {
      expect(status('2027-09-01', zone(z, [1, 2, 3, 4, 5]))).toEqual({ kind: 'holiday', label: "Vacances d'été", slug: 'ete' })
      expect(status('2027-09-02', zone(z)).kind).toBe('schoolDay')
    }
    expect(status('2027-08-31', withWednesday).kind).toBe('holiday')
  })

  it('says "à confirmer" only for a period fewer than two copies agree on (2027-2028, one copy)', () => {
    expect(status('2027-12-20')).toEqual({ kind: 'holiday', label: 'Vacances de Noël', slug: 'noel', provisional: true })
    expect(status('2026-12-21')).toEqual({ kind: 'holiday', label: 'Vacances de Noël', slug: 'noel' })
  })

  it('imported holidays add to the shipped data and are the only source for years not shipped', () => {
    const imported = [createHoliday(1, '2028-10-21', '2028-11-05', 'Toussaint 2028 (import)')]
    expect(status('2028-10-23', zone('A'), imported)).toEqual({ kind: 'holiday', label: 'Toussaint 2028 (import)' })
    expect(status('2028-10-20', zone('A'), imported)).toEqual({ kind: 'schoolDay' })
    expect(isSchoolDay(zone('A'), [], localDate('2028-10-23'))).toBe(true)
  })

  it('a school on its académie’s own calendar (Corse, overseas) has no zone holidays, only what it imports', () => {
    const own = { ...zone('A'), ownCalendar: true }
    expect(status('2026-12-22', zone('A'))).toMatchObject({ kind: 'holiday' })
    expect(status('2026-12-22', own)).toEqual({ kind: 'schoolDay' })
    const imported = [createHoliday(1, '2026-12-19', '2027-01-03', 'Noël (académie de Corse)')]
    expect(status('2026-12-22', own, imported)).toEqual({ kind: 'holiday', label: 'Noël (académie de Corse)' })
    expect(status('2026-12-25', own)).toMatchObject({ kind: 'publicHoliday' })
  })

  it('overlapping imports give the same label whatever their order', () => {
    const a = createHoliday(1, '2029-02-12', '2029-02-27', 'Hiver')
    const b = createHoliday(2, '2029-02-10', '2029-02-20', 'Hiver (corrigé)')
    expect(holidayOn(zone('A'), [a, b], localDate('2029-02-15'))?.label).toBe('Hiver (corrigé)')
    expect(holidayOn(zone('A'), [b, a], localDate('2029-02-15'))?.label).toBe('Hiver (corrigé)')
  })
})

describe('shipped data', () => {
  it('every period ends after it starts, starts on a Saturday (or the Wednesday before a pont) and resumes on a Monday (Tuesday after a public-holiday Monday)', () => {
    for (const holiday of SHIPPED_SCHOOL_HOLIDAYS) {
      const what = `${holiday.schoolYear} ${holiday.label}`
      expect(holiday.classesResumeOn > holiday.classesEndAfter, what).toBe(true)
      if (holiday.slug !== 'ete') expect([3, 6], `${what} ${holiday.classesEndAfter}`).toContain(weekdayOf(holiday.classesEndAfter))
      if (holiday.slug === 'ete') continue
      const resume = holiday.classesResumeOn
      if (weekdayOf(resume) === 2) expect(publicHolidayOn(addDays(resume, -1)), `${what} ${resume}`).not.toBeNull()
      else expect(weekdayOf(resume), what).toBe(1)
    }
  })

  it('each zone has Toussaint, Noël, winter, spring, the pont and summer in each shipped year, each with a unique id', () => {
    for (const z of ['A', 'B', 'C'] as const) {
      const periods = shippedHolidayPeriods(z, [1, 2, 4, 5])
      for (const year of SHIPPED_SCHOOL_YEARS) {
        expect(periods.filter((p) => p.schoolYear === year).map((p) => p.id.split('/')[2]).sort(), `${z} ${year}`)
          .toEqual(['ascension', 'ete', 'hiver', 'noel', 'printemps', 'toussaint'])
      }
      expect(new Set(periods.map((p) => p.id)).size).toBe(periods.length)
      expect(periods.every((p) => p.id.startsWith(`${p.schoolYear}/${z}/`))).toBe(true)
    }
  })

  it('shipped periods never overlap within a zone', () => {
    for (const z of ['A', 'B', 'C'] as const) {
      const periods = shippedHolidayPeriods(z, [1, 2, 4, 5])
      for (let i = 1; i < periods.length; i++) expect(periods[i]!.start > periods[i - 1]!.end, periods[i]!.id).toBe(true)
    }
  })

  it('a decree period is first day without school .. last day without school', () => {
    const [toussaint] = SHIPPED_SCHOOL_HOLIDAYS
    if (toussaint === undefined) throw new Error('no shipped data')
    const period = decreeToPeriod(toussaint, [1, 2, 4, 5])
    expect(period).toEqual({ start: '2026-10-17', end: addDays(localDate('2026-11-02'), -1), label: 'Vacances de la Toussaint', slug: 'toussaint' })
  })
})

describe('school year', () => {
  it('runs 1 September to 31 August, named as the shipped data names it', () => {
    expect(schoolYearOf(localDate('2027-03-02'))).toEqual({ from: '2026-09-01', to: '2027-08-31', label: '2026-2027' })
    expect(schoolYearOf(localDate('2026-09-01'))).toEqual({ from: '2026-09-01', to: '2027-08-31', label: '2026-2027' })
    expect(schoolYearOf(localDate('2026-08-31'))).toEqual({ from: '2025-09-01', to: '2026-08-31', label: '2025-2026' })
    expect(SHIPPED_SCHOOL_HOLIDAYS.every((holiday) => schoolYearOf(holiday.classesEndAfter).label === holiday.schoolYear)).toBe(true)
  })
})

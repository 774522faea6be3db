// Shipped 2027-2028 (provisional) holidays, a collective's overrides of shipped periods and its own added periods, as walks see them.
import { describe, expect, it } from 'vitest'
import { HolidayInputSchema } from '../../../src/domain/calendar-records.ts'
import { holidayOn, isShippedPeriodId, schoolDayStatus, shippedHolidayPeriods } from '../../../src/domain/calendar/school-calendar.ts'
import { SHIPPED_SCHOOL_HOLIDAYS, SHIPPED_SCHOOL_YEARS } from '../../../src/domain/calendar/school-holidays-data.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { deriveWalks } from '../../../src/domain/rota/walks.ts'
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings.ts'
import { createHoliday, createModel } from './rota-fixtures.ts'

const inZone = (holidayZone: Settings['holidayZone']): Settings => ({ ...DEFAULT_SETTINGS, holidayZone })
const cancellationsOn = (date: string, model = createModel()) =>
  deriveWalks(model, localDate(date), localDate(date)).map((walk) => walk.cancellation)
const WINTER_PROVISIONAL = { kind: 'holiday', label: "Vacances d'hiver", slug: 'hiver', provisional: true }

describe('2027-2028 shipped as provisional data', () => {
  it('is a shipped year, every period of it marked unconfirmedCopy with its source named', () => {
    expect(SHIPPED_SCHOOL_YEARS).toEqual(['2026-2027', '2027-2028'])
    const next = SHIPPED_SCHOOL_HOLIDAYS.filter((holiday) => holiday.schoolYear === '2027-2028')
    expect(next).toHaveLength(10)
    for (const holiday of next) {
      expect(holiday.checked).toBe('unconfirmedCopy')
      expect(holiday.source).toContain('#184')
    }
  })

  it('cancels walks in the right zone only: Thursday 2 March 2028 is winter holidays in A, school in B and C', () => {
    expect(cancellationsOn('2028-03-02', createModel({ settings: inZone('A') }))).toEqual([WINTER_PROVISIONAL, WINTER_PROVISIONAL])
    expect(cancellationsOn('2028-03-02', createModel({ settings: inZone('B') }))).toEqual([null, null])
    expect(cancellationsOn('2028-03-02', createModel({ settings: inZone('C') }))).toEqual([null, null])
    expect(cancellationsOn('2028-02-07', createModel({ settings: inZone('B') }))).toEqual([WINTER_PROVISIONAL, WINTER_PROVISIONAL])
    expect(cancellationsOn('2028-02-07', createModel({ settings: inZone('A') }))).toEqual([null, null])
    expect(cancellationsOn('2028-02-14', createModel({ settings: inZone('C') }))).toEqual([WINTER_PROVISIONAL, WINTER_PROVISIONAL])
  })

  it('Toussaint 2027 from Saturday 23 October to Sunday 7 November; school again on Monday 8', () => {
    const settings = inZone('A')
    expect(schoolDayStatus(settings, [], localDate('2027-10-22'))).toEqual({ kind: 'schoolDay' })
    expect(schoolDayStatus(settings, [], localDate('2027-10-25'))).toEqual({ kind: 'holiday', label: 'Vacances de la Toussaint', slug: 'toussaint', provisional: true })
    expect(schoolDayStatus(settings, [], localDate('2027-11-08'))).toEqual({ kind: 'schoolDay' })
  })

  it('spring C: Monday 1 May 2028 is in the holidays, classes resume on Tuesday 2 May', () => {
    const settings = inZone('C')
    expect(holidayOn(settings, [], localDate('2028-05-01'))?.label).toBe('Vacances de printemps')
    expect(schoolDayStatus(settings, [], localDate('2028-05-02'))).toEqual({ kind: 'schoolDay' })
  })

  it('gives every shipped period of a zone a stable id such as 2027-2028/A/hiver', () => {
    const ids = shippedHolidayPeriods('A', DEFAULT_SETTINGS.operatingWeekdays).map((period) => period.id)
    expect(ids).toContain('2027-2028/A/hiver')
    expect(ids).toContain('2026-2027/A/toussaint')
    expect(isShippedPeriodId('2027-2028/B/printemps')).toBe(true)
    expect(isShippedPeriodId('2029-2030/A/hiver')).toBe(false)
  })
})

describe('a collective corrects a shipped period', () => {
  const zoneA = inZone('A')

  it('an ignored shipped period no longer cancels walks; ignored: false changes nothing', () => {
    const ignored = createModel({ settings: zoneA, holidayOverrides: [{ periodId: '2027-2028/A/hiver', ignored: true }] })
    expect(cancellationsOn('2028-03-02', ignored)).toEqual([null, null])
    const restored = createModel({ settings: zoneA, holidayOverrides: [{ periodId: '2027-2028/A/hiver', ignored: false }] })
    expect(cancellationsOn('2028-03-02', restored)).toEqual([WINTER_PROVISIONAL, WINTER_PROVISIONAL])
  })

  it("ignoring another zone's or another year's period leaves this one alone", () => {
    const model = createModel({
      settings: zoneA,
      holidayOverrides: [{ periodId: '2027-2028/B/hiver', ignored: true }, { periodId: '2026-2027/A/hiver', ignored: true }],
    })
    expect(cancellationsOn('2028-03-02', model)).toEqual([WINTER_PROVISIONAL, WINTER_PROVISIONAL])
    expect(cancellationsOn('2027-02-15', model)).toEqual([null, null])
  })

  it('a manually added period cancels walks, also where a shipped period was ignored, without "à confirmer"', () => {
    const holidays = [createHoliday(1, '2028-02-26', '2028-03-12', 'Hiver (corrigé)')]
    const model = createModel({ settings: zoneA, holidays, holidayOverrides: [{ periodId: '2027-2028/A/hiver', ignored: true }] })
    expect(cancellationsOn('2028-02-21', model)).toEqual([null, null])
    expect(cancellationsOn('2028-03-09', model)).toEqual([{ kind: 'holiday', label: 'Hiver (corrigé)' }, { kind: 'holiday', label: 'Hiver (corrigé)' }])
  })

  it('overrides give the same walks whatever their order', () => {
    const a = { periodId: '2027-2028/A/hiver', ignored: true }
    const b = { periodId: '2027-2028/A/toussaint', ignored: false }
    const c = { periodId: '2027-2028/A/noel', ignored: true }
    const walks = (holidayOverrides: (typeof a)[]) =>
      deriveWalks(createModel({ settings: zoneA, holidayOverrides }), localDate('2027-10-01'), localDate('2028-03-31'))
    const reference = walks([a, b, c])
    expect(walks([c, b, a])).toEqual(reference)
    expect(walks([b, a, c])).toEqual(reference)
    expect(reference.filter((walk) => walk.date === '2027-12-20' || walk.date === '2028-03-02').every((walk) => walk.cancellation === null)).toBe(true)
    expect(reference.filter((walk) => walk.date === '2027-10-25').every((walk) => walk.cancellation?.kind === 'holiday')).toBe(true)
  })

  it('a model without overrides (older callers) behaves as before', () => {
    const { holidayOverrides: _, ...model } = createModel({ settings: zoneA })
    expect(deriveWalks(model, localDate('2028-03-02'), localDate('2028-03-02')).map((walk) => walk.cancellation)).toEqual([WINTER_PROVISIONAL, WINTER_PROVISIONAL])
  })
})

describe('adding a holiday period', () => {
  it('needs a label and an end on or after the start', () => {
    expect(HolidayInputSchema.safeParse({ start: '2028-02-26', end: '2028-02-26', label: ' Hiver ' }).data).toEqual({ start: '2028-02-26', end: '2028-02-26', label: 'Hiver' })
    const backwards = HolidayInputSchema.safeParse({ start: '2028-03-12', end: '2028-02-26', label: 'Hiver' })
    expect(backwards.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['end', 'endBeforeStart']])
    const noLabel = HolidayInputSchema.safeParse({ start: '2028-02-26', end: '2028-03-12', label: '   ' })
    expect(noLabel.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['label', 'required']])
    expect(HolidayInputSchema.safeParse({ start: '2028-02-30', end: '2028-03-12', label: 'Hiver' }).success).toBe(false)
    const both = HolidayInputSchema.safeParse({ start: '2028-03-12', end: '2028-02-26', label: '' })
    expect(both.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['end', 'label'])
  })
})

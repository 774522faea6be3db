// The print views' read model: a line's week, the walk a sheet prints, addresses, the poster's stretch, children by stop, the contact.
import { describe, expect, it } from 'vitest'
import type { CollectiveView } from '../../../src/app/api.ts'
import { childrenByStop, contactOn, lineDays, lineWeek, missingSlots, posterStretch } from '../../../src/app/queries/print/print-model.ts'
import { parseWalkParams, parseWeekParams } from '../../../src/app/queries/print/print-params.ts'
import { printWalkOf } from '../../../src/app/queries/print/print-walk.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { ChildIdSchema, StopIdSchema } from '../../../src/domain/ids.ts'
import { AbsenceIdSchema, type Absence } from '../../../src/domain/walk-log/records.ts'
import { actor, adults, child, children, lea, lineId, martin, nguyen, nina, NOW, paul, uuid, view } from './print-fixtures.ts'

describe('the week of a line', () => {
  it('asks for the extra places a big group needs', () => {
    const many = Array.from({ length: 17 }, (_, n) => ({ ...child(ChildIdSchema.parse(uuid(100 + n)), martin, `Enfant${n}`, 'M', 0) }))
    const rota = lineWeek(view({ children: many }), lineId, localDate('2027-03-08'), NOW)[0]?.walks.aller
    expect(rota && missingSlots(rota)).toEqual(['lead', 'tail', 'extra'])
  })
})

describe('print addresses', () => {
  it('parses a line id, a real date and a direction, and names the wrong segment', () => {
    expect(parseWeekParams({ lineId, monday: '2027-03-08' })).toEqual({ ok: true, value: { lineId, monday: '2027-03-08' } })
    expect(parseWeekParams({ lineId: 'ligne', monday: '2027-03-08' })).toEqual({ ok: false, error: 'line' })
    expect(parseWeekParams({ lineId, monday: '2027-02-30' })).toEqual({ ok: false, error: 'date' })
    expect(parseWalkParams({ lineId, date: '2027-03-11', direction: 'retour' })).toEqual({ ok: true, value: { lineId, date: '2027-03-11', direction: 'retour' } })
    expect(parseWalkParams({ lineId, date: '2027-03-11', direction: 'ailleurs' })).toEqual({ ok: false, error: 'direction' })
    expect(parseWalkParams({ lineId, date: undefined, direction: 'aller' })).toEqual({ ok: false, error: 'date' })
  })
})

describe('the walk a sheet prints', () => {
  const walkAt = (date: string, direction = 'aller') => printWalkOf(view(), { lineId, date, direction }, NOW)

  it('is the effective walk of the address, with its holders', () => {
    const printed = walkAt('2027-03-11')
    const { line, walk } = printed.ok ? printed.value : { line: null, walk: null }
    expect([line?.name, walk?.lead?.adultId, walk?.tail?.adultId]).toEqual(['Ligne Verte', lea, paul])
  })

  it('says why there is none: a wrong segment (with the date when it was read), a day the line does not run, a cancellation', () => {
    expect(printWalkOf(view(), { lineId: 'x', date: '2027-03-11', direction: 'aller' }, NOW))
      .toEqual({ ok: false, error: { kind: 'param', problem: 'line', date: null } })
    expect(printWalkOf(view(), { lineId: uuid(99), date: '2027-03-11', direction: 'aller' }, NOW))
      .toEqual({ ok: false, error: { kind: 'param', problem: 'line', date: '2027-03-11' } })
    expect(walkAt('2027-03-10')).toMatchObject({ ok: false, error: { kind: 'notRunning', walk: { date: '2027-03-10' } } }) // Wednesday
    expect(walkAt('2027-03-29')) // Easter Monday
      .toMatchObject({ ok: false, error: { kind: 'cancelled', cancellation: { kind: 'publicHoliday', label: 'Lundi de Pâques' } } })
  })
})

describe('the stop poster', () => {
  it('covers this week until the day before the next school holidays (zone A spring: 10 April 2027)', () => {
    expect(posterStretch(view(), localDate('2027-03-02'))).toEqual({ from: '2027-03-01', to: '2027-04-09' })
  })

  it('stops after seven weeks when no holiday comes sooner', () => {
    expect(posterStretch(view(), localDate('2027-01-05'))).toEqual({ from: '2027-01-04', to: '2027-02-12' }) // winter: from Saturday 13 February
    // After the Ascension bridge, summer (3 July) is more than seven weeks away.
    expect(posterStretch(view(), localDate('2027-05-11'))).toEqual({ from: '2027-05-10', to: '2027-06-27' })
  })

  it('during holidays, starts with the week school resumes', () => {
    expect(posterStretch(view(), localDate('2027-04-14')).from).toBe('2027-04-26')
  })

  it('lists the days of the line only', () => {
    const days = lineDays(view(), lineId, localDate('2027-03-08'), localDate('2027-03-14'), NOW)
    expect(days.map((day) => day.date)).toEqual(['2027-03-08', '2027-03-09', '2027-03-11', '2027-03-12'])
  })
})

describe('a walk on paper', () => {
  const thursday = (model: CollectiveView, direction: 'aller' | 'retour') => {
    const rota = lineWeek(model, lineId, localDate('2027-03-08'), NOW).find((day) => day.date === '2027-03-11')?.walks[direction]
    if (!rota) throw new Error('no walk on Thursday')
    return rota
  }
  const names = (model: CollectiveView, direction: 'aller' | 'retour') =>
    childrenByStop(model, thursday(model, direction)).map((group) => [group.stop?.name ?? null, group.children.map((entry) => `${entry.label}${entry.absent ? ' (absent)' : ''}`)])

  it('lists the stops in walking order with their children; the retour walks them backwards', () => {
    expect(names(view(), 'aller')).toEqual([['Place du Marché', ['Tom M.']], ['Rue des Lilas', []], ['Parc des Pins', ['Ali N.', 'Nina N.']]])
    expect(names(view(), 'retour')).toEqual([['Parc des Pins', ['Ali N.', 'Nina N.']], ['Rue des Lilas', []], ['Place du Marché', ['Tom M.']]])
  })

  it('keeps a child declared absent on the sheet, flagged, and gathers children whose stop is gone at the end', () => {
    const absence: Absence = {
      id: AbsenceIdSchema.parse(uuid(60)), childId: nina, familyId: nguyen, from: localDate('2027-03-11'), to: localDate('2027-03-11'),
      direction: null, note: '', clock: 3, actor, at: '2027-03-02T09:00:00+01:00',
    }
    const lost = { ...child(ChildIdSchema.parse(uuid(53)), martin, 'Zoé', 'M', 0), routes: { aller: { lineId, stopId: StopIdSchema.parse(uuid(49)) } } }
    expect(names(view({ absences: [absence], children: [...children, lost] }), 'aller')).toEqual([
      ['Place du Marché', ['Tom M.']], ['Rue des Lilas', []], ['Parc des Pins', ['Ali N.', 'Nina N. (absent)']], [null, ['Zoé M.']],
    ])
  })

  it('names the coordinator of the period, or the next one before the roster starts, with a phone', () => {
    expect(contactOn(view(), localDate('2027-03-11'))).toEqual({ familyName: 'Famille Martin', phone: '06 11 22 33 44' })
    expect(contactOn(view(), localDate('2027-03-02'))).toEqual({ familyName: 'Famille Martin', phone: '06 11 22 33 44' })
    expect(contactOn(view({ coordination: { ...view().coordination, roster: [] } }), localDate('2027-03-11'))).toBeNull()
    // An adult who gave no number is skipped: the family's next adult with one, else no phone at all (never an empty one).
    const noPhone = { ...adults[0]!, id: paul, phone: '' }
    const withSecond = [noPhone, { ...adults[0]!, phone: '06 00 00 00 01' }]
    expect(contactOn(view({ adults: withSecond }), localDate('2027-03-11'))).toEqual({ familyName: 'Famille Martin', phone: '06 00 00 00 01' })
    expect(contactOn(view({ adults: [noPhone] }), localDate('2027-03-11'))).toEqual({ familyName: 'Famille Martin', phone: null })
  })
})

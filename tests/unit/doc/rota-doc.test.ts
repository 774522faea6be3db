// Rota records in the shared document: settings, lines, stops, adults, children, calendar, with their readers and edits.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  MAP_ADULTS, MAP_CHILDREN, MAP_EXCEPTIONS, MAP_HOLIDAYS, MAP_LINES, MAP_SETTINGS, MAP_SIGNUPS, MAP_STOPS, Origin,
} from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { localDate } from '../../../src/domain/dates.ts'
import type { ChildId, StopId } from '../../../src/domain/ids.ts'
import { childrenWithMissingStop } from '../../../src/domain/rota/checks.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import { newFirstLayoutFixture, newFixture, stopInput, valueOf, walkOn } from './fixtures.ts'

describe('settings', () => {
  it('fall back to the defaults field by field and merge an update', () => {
    const { doc } = newFixture()
    expect(readCollective(doc).settings).toEqual(DEFAULT_SETTINGS)
    const updated = valueOf(edit.updateSettings(doc, { childrenPerAdult: 6 }))
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, childrenPerAdult: 6 })
    expect(edit.updateSettings(doc, { minAdults: 1 })).toEqual({ ok: false, error: { minAdults: 'minAdultsFloor' } })
    expect(readCollective(doc).settings.minAdults).toBe(2)
  })

  it('the association responsible for the data is written, synced to another phone like any setting, and emptied', () => {
    const { doc } = newFixture()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    doc.on('update', (update: Uint8Array) => Y.applyUpdate(other, update))
    const association = { associationName: 'Les Écureuils du Médoc', associationContact: 'bureau@ecureuils-medoc.fr' }
    expect(valueOf(edit.updateSettings(doc, association))).toEqual({ ...DEFAULT_SETTINGS, ...association })
    expect(readCollective(other).settings).toEqual({ ...DEFAULT_SETTINGS, ...association })
    expect(edit.updateSettings(doc, { associationContact: 'bureau@' }))
      .toEqual({ ok: false, error: { associationContact: 'invalidContact' } })
    valueOf(edit.updateSettings(doc, { associationName: '', associationContact: '' }))
    expect(readCollective(other).settings).toEqual(DEFAULT_SETTINGS)
  })

  it('an oversized stored association name is listed to check and reads as not filled in', () => {
    const { doc } = newFixture()
    doc.getMap(MAP_SETTINGS).set('associationName', 'x'.repeat(10_000))
    const view = readCollective(doc)
    expect(view.settings.associationName).toBe('')
    expect(view.toCheck).toEqual([expect.objectContaining({ kind: 'settings', key: 'associationName' })])
  })

  it('an invalid field is listed to check under its name and reads as its default; deleting it restores the default', () => {
    const { doc } = newFixture()
    doc.getMap(MAP_SETTINGS).set('childrenPerAdult', '<b>huit</b>')
    doc.getMap(MAP_SETTINGS).set('holidayZone', 'B')
    const view = readCollective(doc)
    expect(view.settings).toEqual({ ...DEFAULT_SETTINGS, holidayZone: 'B' })
    expect(view.toCheck).toEqual([expect.objectContaining({ kind: 'settings', key: 'childrenPerAdult', preview: '<b>huit</b>' })])
    edit.deleteRecordToCheck(doc, view.toCheck[0]!)
    expect(readCollective(doc).toCheck).toEqual([])
    expect(doc.getMap(MAP_SETTINGS).has('childrenPerAdult')).toBe(false)
  })
})

describe('lines and stops', () => {
  it('stops are appended in order and a move writes one position', () => {
    const { doc, lineId, stops } = newFixture()
    const names = (): string[] => readCollective(doc).stops.filter((stop) => stop.lineId === lineId).map((stop) => stop.name)
    expect(names()).toEqual(['Marché', 'Lilas', 'Parc'])
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    edit.moveStop(doc, stops[2]!, 0)
    expect(names()).toEqual(['Parc', 'Marché', 'Lilas'])
    edit.moveStop(doc, stops[2]!, 1)
    expect(names()).toEqual(['Marché', 'Parc', 'Lilas'])
    edit.moveStop(doc, stops[2]!, 99)
    expect(names()).toEqual(['Marché', 'Lilas', 'Parc'])
    expect(updates).toHaveLength(3)
  })

  it('a line is validated, updated field by field, and removed with its stops; its children are flagged', () => {
    const { doc, lineId, childId } = newFixture()
    expect(edit.addLine(doc, { name: '', colour: 'red', directions: [], days: [] })).toEqual({
      ok: false, error: { name: 'required', colour: 'invalidColour', directions: 'required', days: 'required' },
    })
    const line = doc.getMap(MAP_LINES).get(lineId) as Y.Map<unknown>
    line.set('futureField', 1)
    valueOf(edit.updateLine(doc, lineId, { name: 'Ligne Verte', colour: '#00aa00', directions: ['aller'], days: [1, 4] }))
    expect(readCollective(doc).lines).toEqual([{ id: lineId, name: 'Ligne Verte', colour: '#00aa00', directions: ['aller'], days: [1, 4], futureField: 1 }])
    edit.removeLine(doc, lineId)
    const view = readCollective(doc)
    expect(view.lines).toEqual([])
    expect(view.stops).toEqual([])
    expect(view.children.map((child) => child.id)).toEqual([childId])
    expect(childrenWithMissingStop(view)).toEqual([
      { childId, direction: 'aller', problem: 'unknownLine' },
      { childId, direction: 'retour', problem: 'unknownLine' },
    ])
  })

  it('removing a stop children use needs a reassignment to a stop of the same line', () => {
    const { doc, lineId, stops, childId } = newFixture()
    const used = stops[1]!
    const other = valueOf(edit.addLine(doc, { name: 'Autre', colour: '#000000', directions: ['aller'], days: [1] }))
    const foreignStop = valueOf(edit.addStop(doc, other, stopInput('Ailleurs')))
    const before = Y.encodeStateVector(doc)
    expect(edit.removeStop(doc, used, new Map())).toEqual({ ok: false, error: 'childrenNeedAStop' })
    expect(edit.removeStop(doc, used, new Map([[childId, foreignStop]]))).toEqual({ ok: false, error: 'childrenNeedAStop' })
    expect(edit.removeStop(doc, used, new Map([[childId, used]]))).toEqual({ ok: false, error: 'childrenNeedAStop' })
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(edit.removeStop(doc, used, new Map([[childId, stops[2]!]]))).toEqual({ ok: true, value: undefined })
    const view = readCollective(doc)
    expect(view.stops.map((stop) => stop.id)).not.toContain(used)
    expect(view.children[0]?.routes).toEqual({ aller: { lineId, stopId: stops[2] }, retour: { lineId, stopId: stops[2] } })
    expect(childrenWithMissingStop(view)).toEqual([])
  })

  it('a reassignment to null keeps the route so the child is flagged "stop missing"', () => {
    const { doc, stops, childId } = newFixture()
    valueOf(edit.removeStop(doc, stops[1]!, new Map<ChildId, StopId | null>([[childId, null]])) as never)
    expect(childrenWithMissingStop(readCollective(doc)).map((problem) => problem.problem)).toEqual(['unknownStop', 'unknownStop'])
  })
})

describe('adults and children', () => {
  it('read back with their family, validated and normalised', () => {
    const { doc, familyId, adultId, childId, lineId, stops } = newFixture()
    const view = readCollective(doc)
    expect(view.adults).toEqual([{ id: adultId, familyId, firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: '2026-09-07', insured: true }])
    expect(view.children).toEqual([{
      id: childId, familyId, firstName: 'Léa', initial: 'M', routes: { aller: { lineId, stopId: stops[1] }, retour: { lineId, stopId: stops[1] } },
      days: [1, 2, 4, 5], support: 'Tenir la main aux traversées', countsExtra: false,
    }])
  })

  it('refuse an unknown family, a bad phone and a route to a stop of another line', () => {
    const { doc, familyId, lineId } = newFixture()
    const unknownFamily = '00000000-0000-4000-8000-000000000000' as typeof familyId
    const adult = { firstName: 'Sam', phone: '06 00 00 00 00', charterAcceptedOn: null, insured: false }
    expect(edit.addAdult(doc, unknownFamily, adult)).toEqual({ ok: false, error: { _: 'notFound' } })
    expect(edit.addAdult(doc, familyId, { ...adult, phone: 'appelez-moi' })).toEqual({ ok: false, error: { phone: 'invalidPhone' } })
    const stranger = '11111111-1111-4111-8111-111111111111' as StopId
    const child = { firstName: 'Tom', initial: 'B', routes: { aller: { lineId, stopId: stranger } }, days: [1], support: '', countsExtra: false }
    expect(edit.addChild(doc, familyId, child)).toEqual({ ok: false, error: { 'routes.aller': 'unknownStop' } })
  })

  it('removing a family removes its adults, children and their sign-ups, and nothing of other families', () => {
    const { doc, familyId, adultId, lineId } = newFixture()
    const otherFamily = valueOf(edit.addFamily(doc, { displayName: 'Bernard' }))
    const otherAdult = valueOf(edit.addAdult(doc, otherFamily, { firstName: 'Sophie', phone: '06 11 22 33 44', charterAcceptedOn: null, insured: true }))
    const actor = '22222222-2222-4222-8222-222222222222' as never
    edit.writeSignUp(doc, { walk: walkOn(lineId), adultId, familyId, slot: 'lead', actor })
    edit.writeSignUp(doc, { walk: walkOn(lineId), adultId: otherAdult, familyId: otherFamily, slot: 'tail', actor })
    const origins: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin))
    edit.removeFamily(doc, familyId)
    expect(origins).toEqual([Origin.removeFamily])
    const view = readCollective(doc)
    expect(view.families.map((family) => family.id)).toEqual([otherFamily])
    expect(view.adults.map((adult) => adult.id)).toEqual([otherAdult])
    expect(view.children).toEqual([])
    expect(view.signUps.map((signUp) => signUp.adultId)).toEqual([otherAdult])
  })

  it('an edit keeps fields written by a newer app', () => {
    const { doc, childId, lineId, stops } = newFixture()
    ;(doc.getMap(MAP_CHILDREN).get(childId) as Y.Map<unknown>).set('allergies', 'future')
    valueOf(edit.updateChild(doc, childId, { firstName: 'Léa', initial: 'M', routes: { aller: { lineId, stopId: stops[0]! } }, days: [1], support: '', countsExtra: true }))
    expect(readCollective(doc).children[0]).toMatchObject({ allergies: 'future', routes: { aller: { lineId, stopId: stops[0] } }, countsExtra: true })
  })
})

describe('calendar records', () => {
  it('exceptions are added, read back sorted by date, and removed', () => {
    const { doc, lineId } = newFixture()
    const late = valueOf(edit.addException(doc, { date: '2027-03-19', lineId: null, direction: null, reason: 'strike', note: 'Grève des enseignants' }))
    const early = valueOf(edit.addException(doc, { date: '2027-03-16', lineId, direction: 'aller', reason: 'weatherAlert', note: '' }))
    expect(readCollective(doc).exceptions.map((exception) => exception.id)).toEqual([early, late])
    expect(edit.addException(doc, { date: '2027-02-30', lineId: null, direction: null, reason: 'strike', note: '' })).toEqual({ ok: false, error: { date: 'invalidDate' } })
    edit.removeException(doc, early)
    expect(readCollective(doc).exceptions.map((exception) => exception.id)).toEqual([late])
  })

  it('holiday periods are imported once', () => {
    const { doc } = newFixture()
    const periods = [
      { start: localDate('2028-10-21'), end: localDate('2028-11-05'), label: 'Toussaint' },
      { start: localDate('2028-12-23'), end: localDate('2029-01-07'), label: 'Noël' },
    ]
    expect(edit.importHolidayPeriods(doc, periods)).toBe(2)
    expect(edit.importHolidayPeriods(doc, periods)).toBe(0)
    expect(readCollective(doc).holidays.map((holiday) => holiday.label)).toEqual(['Toussaint', 'Noël'])
  })
})

describe('records to check, for every kind', () => {
  const bad = (): Y.Map<unknown> => {
    const record = new Y.Map<unknown>()
    record.set('name', 'x'.repeat(10_000))
    record.set('firstName', '<script>alert(1)</script>'.repeat(3))
    record.set('position', 'first')
    record.set('date', 20270315)
    return record
  }

  it('wrong types, huge strings, markup and non-map values are listed, never thrown', () => {
    const { doc } = newFixture()
    const expectedKinds: [string, string][] = [
      [MAP_LINES, 'line'], [MAP_STOPS, 'stop'], [MAP_ADULTS, 'adult'], [MAP_CHILDREN, 'child'], [MAP_EXCEPTIONS, 'exception'], [MAP_HOLIDAYS, 'holiday'],
    ]
    for (const [name] of expectedKinds) {
      doc.getMap<unknown>(name).set('bad-record', bad())
      doc.getMap<unknown>(name).set('not-a-map', 'plain text')
      doc.getMap<unknown>(name).set('an-array', new Y.Array())
    }
    const before = readCollective(newFixture().doc)
    const view = readCollective(doc)
    for (const [, kind] of expectedKinds) {
      expect(view.toCheck.filter((record) => record.kind === kind).map((record) => record.key).sort()).toEqual(['an-array', 'bad-record', 'not-a-map'])
    }
    for (const record of view.toCheck) expect(record.preview.length).toBeLessThanOrEqual(80)
    expect(view.lines).toHaveLength(before.lines.length)
    expect(view.children).toHaveLength(before.children.length)
    for (const record of view.toCheck) edit.deleteRecordToCheck(doc, record)
    expect(readCollective(doc).toCheck).toEqual([])
  })

  it('a record of valid shape under a key that is not its id is to check (ids are keys)', () => {
    const { doc, lineId } = newFixture()
    const copy = new Y.Map<unknown>()
    for (const [field, value] of (doc.getMap(MAP_LINES).get(lineId) as Y.Map<unknown>).entries()) copy.set(field, value)
    doc.getMap<unknown>(MAP_LINES).set('not-a-uuid', copy)
    expect(readCollective(doc).toCheck).toEqual([expect.objectContaining({ kind: 'line', key: 'not-a-uuid', problems: ['id:invalid_format'] })])
  })

  it('a repair rewrites every field through the ordinary update command', () => {
    const { doc, lineId } = newFixture()
    doc.getMap<unknown>(MAP_LINES).set(lineId, 'corrupted')
    expect(readCollective(doc).toCheck.map((record) => record.key)).toEqual([lineId])
    valueOf(edit.updateLine(doc, lineId, { name: 'Réparée', colour: '#123456', directions: ['aller'], days: [1] }))
    const view = readCollective(doc)
    expect(view.toCheck).toEqual([])
    expect(view.lines.map((line) => line.name)).toEqual(['Réparée'])
  })

  it('a record is always read under its key: an `id` field stored in it is never taken for its id', () => {
    const { doc, lineId, familyId, adultId } = newFixture()
    const other = '33333333-3333-4333-8333-333333333333'
    for (const [map, key] of [['lines', lineId], ['families', familyId], ['adults', adultId]] as const) {
      ;(doc.getMap<unknown>(map).get(key) as Y.Map<unknown>).set('id', other)
    }
    const view = readCollective(doc)
    expect(view.lines.map((line) => line.id)).toEqual([lineId])
    expect(view.families.map((family) => family.id)).toEqual([familyId])
    expect(view.adults.map((adult) => adult.id)).toEqual([adultId])
  })

  it('sign-up entries (first layout): not an object, wrong fields, and a key that does not match the fields', () => {
    const { doc, lineId, adultId, familyId } = newFirstLayoutFixture()
    const actor = '22222222-2222-4222-8222-222222222222' as never
    edit.writeSignUp(doc, { walk: walkOn(lineId), adultId, familyId, slot: 'lead', actor })
    const signUps = doc.getMap<unknown>(MAP_SIGNUPS)
    const [key, entry] = [...signUps.entries()][0]!
    signUps.set(`${lineId}|2027-03-16|aller|${adultId}`, { ...(entry as object), date: '2027-03-15' }) // fields of another walk
    signUps.set(`${lineId}|2027-03-18|aller|${adultId}|extra`, entry)
    signUps.set(`${lineId}|2027-03-19|à pied|${adultId}`, entry)
    signUps.set('nested', new Y.Map())
    signUps.set('array', [1, 2, 3])
    const wrongKey = `${lineId}|2027-03-22|retour|${adultId}`
    signUps.set(wrongKey, { ...(entry as object), clock: -1, slot: '<i>chef</i>' })
    const view = readCollective(doc)
    expect(view.signUps).toHaveLength(1)
    expect(Object.fromEntries(view.toCheck.map((record) => [record.key, record.problems]))).toEqual({
      [`${lineId}|2027-03-16|aller|${adultId}`]: ['keyMismatch'],
      [`${lineId}|2027-03-18|aller|${adultId}|extra`]: ['keyMismatch'],
      [`${lineId}|2027-03-19|à pied|${adultId}`]: ['direction:invalid_value'],
      nested: ['notARecord'],
      array: ['notARecord'],
      [wrongKey]: ['slot:invalid_value', 'clock:too_small'],
    })
    expect(key).toBe(`${lineId}|2027-03-15|aller|${adultId}|${actor}`)
  })
})

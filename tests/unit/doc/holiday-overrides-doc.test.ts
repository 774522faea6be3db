// Holiday overrides and added periods in the shared document: readers (invalid overrides "to check"), edits with origins, concurrent overrides.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAP_HOLIDAY_OVERRIDES, MAP_HOLIDAYS, Origin } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { walkOf } from '../../../src/domain/rota/walks.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { newFixture, valueOf } from './fixtures.ts'

const originsOf = (doc: Y.Doc): unknown[] => {
  const origins: unknown[] = []
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.changed.size > 0) origins.push(transaction.origin)
  })
  return origins
}

describe('holiday overrides', () => {
  it('are written as one flat entry per shipped period, in one transaction tagged setHolidayOverride, and read back', () => {
    const { doc } = newFixture()
    const origins = originsOf(doc)
    expect(edit.setHolidayOverride(doc, '2027-2028/A/hiver', true)).toEqual({ ok: true, value: undefined })
    expect(origins).toEqual([Origin.setHolidayOverride])
    expect(doc.getMap(MAP_HOLIDAY_OVERRIDES).get('2027-2028/A/hiver')).toEqual({ ignored: true })
    expect(readCollective(doc).holidayOverrides).toEqual([{ periodId: '2027-2028/A/hiver', ignored: true }])
    edit.setHolidayOverride(doc, '2027-2028/A/hiver', true)
    expect(origins).toHaveLength(1)
    edit.setHolidayOverride(doc, '2027-2028/A/hiver', false)
    expect(readCollective(doc).holidayOverrides).toEqual([{ periodId: '2027-2028/A/hiver', ignored: false }])
  })

  it('refuse an id that is not a shipped period', () => {
    const { doc } = newFixture()
    expect(edit.setHolidayOverride(doc, '2029-2030/A/hiver', true)).toEqual({ ok: false, error: 'unknownPeriod' })
    expect(edit.setHolidayOverride(doc, '<script>', true)).toEqual({ ok: false, error: 'unknownPeriod' })
    expect(doc.getMap(MAP_HOLIDAY_OVERRIDES).size).toBe(0)
  })

  it('the ignored period no longer cancels the walk in the view', () => {
    const { doc, lineId } = newFixture()
    const ref = { lineId, date: localDate('2028-03-02'), direction: 'aller' as const }
    expect(walkOf(readCollective(doc), ref)?.cancellation).toEqual({ kind: 'holiday', label: "Vacances d'hiver", slug: 'hiver', provisional: true })
    edit.setHolidayOverride(doc, '2027-2028/A/hiver', true)
    expect(walkOf(readCollective(doc), ref)?.cancellation).toBeNull()
  })

  it('invalid entries are listed to check and the valid ones still apply; delete and rewrite repair them', () => {
    const { doc } = newFixture()
    const map = doc.getMap(MAP_HOLIDAY_OVERRIDES)
    doc.transact(() => {
      map.set('2027-2028/A/hiver', { ignored: true, addedBy: 'newer app' })
      map.set('2027-2028/A/noel', 'oui')
      map.set('2027-2028/A/printemps', { ignored: 'yes' })
      map.set('pas un id', { ignored: true })
      map.set('2027-2028/A/toussaint', { periodId: '2027-2028/A/noel', ignored: true })
    })
    const view = readCollective(doc)
    expect(view.holidayOverrides).toEqual([{ periodId: '2027-2028/A/hiver', ignored: true, addedBy: 'newer app' }])
    const toCheck = view.toCheck.filter((record) => record.kind === 'holidayOverride')
    expect(toCheck.map((record) => [record.key, record.problems])).toEqual([
      ['2027-2028/A/noel', ['notARecord']],
      ['2027-2028/A/printemps', ['ignored:invalid_type']],
      ['pas un id', ['periodId:invalid_format']],
      ['2027-2028/A/toussaint', ['keyMismatch']],
    ])
    edit.deleteRecordToCheck(doc, { kind: 'holidayOverride', key: 'pas un id' })
    edit.setHolidayOverride(doc, '2027-2028/A/noel', true)
    edit.setHolidayOverride(doc, '2027-2028/A/toussaint', false)
    edit.setHolidayOverride(doc, '2027-2028/A/hiver', false)
    const repaired = readCollective(doc)
    expect(repaired.toCheck.map((record) => record.key)).toEqual(['2027-2028/A/printemps'])
    expect(repaired.holidayOverrides).toEqual([
      { periodId: '2027-2028/A/hiver', ignored: false, addedBy: 'newer app' },
      { periodId: '2027-2028/A/noel', ignored: true },
      { periodId: '2027-2028/A/toussaint', ignored: false },
    ])
  })

  it('concurrent overrides of one period converge to the same value whatever order the updates arrive in', () => {
    for (const order of ['ab', 'ba'] as const) {
      const a = new Y.Doc()
      a.clientID = 1
      const b = new Y.Doc()
      b.clientID = 2
      edit.setHolidayOverride(a, '2027-2028/A/hiver', true)
      edit.setHolidayOverride(b, '2027-2028/A/hiver', false)
      edit.setHolidayOverride(b, '2027-2028/A/noel', true)
      const fromA = Y.encodeStateAsUpdate(a)
      const fromB = Y.encodeStateAsUpdate(b)
      if (order === 'ab') {
        Y.applyUpdate(b, fromA)
        Y.applyUpdate(a, fromB)
      } else {
        Y.applyUpdate(a, fromB)
        Y.applyUpdate(b, fromA)
      }
      expect(readCollective(a).holidayOverrides).toEqual(readCollective(b).holidayOverrides)
      expect(readCollective(a).holidayOverrides.map((override) => override.periodId)).toEqual(['2027-2028/A/hiver', '2027-2028/A/noel'])
    }
  })
})

describe('added holiday periods', () => {
  it('are validated, written with origin addHoliday, read with the imported ones, and removed with origin removeHoliday', () => {
    const { doc } = newFixture()
    const origins = originsOf(doc)
    expect(edit.addHoliday(doc, { start: '2028-03-12', end: '2028-02-26', label: 'Hiver' })).toEqual({ ok: false, error: { end: 'endBeforeStart' } })
    expect(edit.addHoliday(doc, { start: '2028-02-26', end: '2028-03-12', label: ' ' })).toEqual({ ok: false, error: { label: 'required' } })
    expect(origins).toEqual([])
    const id = valueOf(edit.addHoliday(doc, { start: '2028-02-26', end: '2028-03-12', label: 'Hiver (corrigé)' }))
    expect(origins).toEqual([Origin.addHoliday])
    expect(readCollective(doc).holidays).toEqual([{ id, start: '2028-02-26', end: '2028-03-12', label: 'Hiver (corrigé)' }])
    edit.removeHoliday(doc, id)
    expect(origins).toEqual([Origin.addHoliday, Origin.removeHoliday])
    expect(doc.getMap(MAP_HOLIDAYS).size).toBe(0)
    expect(readCollective(doc).holidays).toEqual([])
  })
})

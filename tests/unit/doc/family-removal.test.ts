// A removed family is gone from every view, whatever another phone added to it concurrently: people, roster, ratio.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { bindSealKey } from '../../../src/doc/codec.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { createActorId } from '../../../src/domain/ids.ts'
import { coordinatorSchedule } from '../../../src/domain/coordination/schedule.ts'
import { TEST_SEAL_KEY } from '../../helpers/seal-key.ts'
import { exchange, newFixture, valueOf } from './fixtures.ts'

const actor = createActorId()
const at = '2027-03-13T10:00:00+01:00'

const copyOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc()
  bindSealKey(copy, TEST_SEAL_KEY)
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

describe('removing a family', () => {
  for (const order of ['ab', 'ba'] as const) {
    it(`wins over an adult and a child added to it on another phone meanwhile (exchange ${order})`, () => {
      const { doc: a, familyId, stops, lineId } = newFixture()
      const b = copyOf(a)
      edit.removeFamily(a, familyId)
      valueOf(edit.addAdult(b, familyId, { firstName: 'Noé', phone: '06 22 33 44 55', charterAcceptedOn: '2026-09-07', insured: true }))
      const route = { lineId, stopId: stops[0]! }
      valueOf(edit.addChild(b, familyId, { firstName: 'Zoé', initial: 'p', routes: { aller: route, retour: route }, days: [1, 2, 4, 5], support: '', countsExtra: false }))
      exchange(a, b, order)
      for (const doc of [a, b]) {
        const view = readCollective(doc)
        expect(view.families).toEqual([])
        expect(view.adults).toEqual([])
        expect(view.children).toEqual([])
        expect(view.toCheck.map((record) => [record.kind, record.problems])).toEqual([
          ['adult', ['familyRemoved']], ['child', ['familyRemoved']],
        ])
      }
    })
  }

  it('takes the family out of the coordinator rotation, even for an entry written concurrently', () => {
    const { doc: a, familyId } = newFixture()
    const other = valueOf(edit.addFamily(a, { displayName: 'Bernard' }))
    const from = localDate('2027-03-15')
    edit.writeRosterEntry(a, { familyId, accepted: true, position: 1, from, actor, at })
    edit.writeRosterEntry(a, { familyId: other, accepted: true, position: 2, from, actor, at })
    const b = copyOf(a)
    edit.removeFamily(a, familyId)
    edit.writeRosterEntry(b, { familyId, accepted: true, position: 3, from: localDate('2027-03-22'), actor, at })
    exchange(a, b, 'ab')
    for (const doc of [a, b]) {
      const view = readCollective(doc)
      expect(view.coordination.roster.map((entry) => entry.familyId)).toEqual([other])
      const coordinators = coordinatorSchedule(view.coordination, localDate('2027-06-30')).periods
        .filter((period) => period.start >= from).map((period) => period.coordinator)
      expect(new Set(coordinators)).toEqual(new Set([other]))
    }
  })
})

describe('removeFamily in the document', () => {
  it('deletes the family\'s roster entries with it', () => {
    const { doc, familyId } = newFixture()
    edit.writeRosterEntry(doc, { familyId, accepted: true, position: 1, from: localDate('2027-03-15'), actor, at })
    edit.removeFamily(doc, familyId)
    expect([...doc.getMap('roster').keys()]).toEqual([])
  })
})

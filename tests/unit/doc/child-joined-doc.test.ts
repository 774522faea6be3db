// A child's and a family's joining day in the document: written when given, kept by an edit, removed by the repair when unreadable.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { MAP_CHILDREN, MAP_FAMILIES } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { localDate } from '../../../src/domain/dates.ts'
import type { ChildId } from '../../../src/domain/ids.ts'
import type { ChildInput } from '../../../src/domain/people.ts'
import { newFixture, valueOf, type Fixture } from './fixtures.ts'

const input = (fixture: Fixture, support = ''): ChildInput => ({
  firstName: 'Noé', initial: 'B', routes: { aller: { lineId: fixture.lineId, stopId: fixture.stops[0]! } }, days: [1, 4], support, countsExtra: false,
})
const joinedOnOf = (fixture: Fixture, id: ChildId): unknown => readCollective(fixture.doc).children.find((child) => child.id === id)?.joinedOn
const storedJoinedOn = (fixture: Fixture, id: ChildId): unknown => {
  const record = fixture.doc.getMap<unknown>(MAP_CHILDREN).get(id)
  return record instanceof Y.Map ? record.get('joinedOn') : 'no record'
}

describe('a child joining day', () => {
  it('is stored plain when given, absent when not (older callers: the whole year counts)', () => {
    const fixture = newFixture()
    const id = valueOf(edit.addChild(fixture.doc, fixture.familyId, input(fixture), localDate('2027-03-02')))
    expect(storedJoinedOn(fixture, id)).toBe('2027-03-02')
    expect(joinedOnOf(fixture, id)).toBe('2027-03-02')
    expect(joinedOnOf(fixture, fixture.childId)).toBeUndefined()
    expect(storedJoinedOn(fixture, fixture.childId)).toBeUndefined()
  })

  it('is kept by an edit of the child', () => {
    const fixture = newFixture()
    const id = valueOf(edit.addChild(fixture.doc, fixture.familyId, input(fixture), localDate('2027-03-02')))
    // (A note on a child added since 2027 needs its family's agreement, written by the command: issue 16.)
    valueOf(edit.updateChild(fixture.doc, id, { ...input(fixture), days: [1, 2, 4] }))
    expect(joinedOnOf(fixture, id)).toBe('2027-03-02')
    expect(readCollective(fixture.doc).toCheck).toEqual([])
  })

  it('makes the child "to check" when unreadable; the repair (the edit form) removes it and the child reads again', () => {
    const fixture = newFixture()
    const id = valueOf(edit.addChild(fixture.doc, fixture.familyId, input(fixture), localDate('2027-03-02')))
    const record = fixture.doc.getMap<unknown>(MAP_CHILDREN).get(id)
    if (!(record instanceof Y.Map)) throw new Error('no record')
    record.set('joinedOn', 'mars')
    expect(readCollective(fixture.doc).toCheck.map((entry) => [entry.kind, entry.key])).toEqual([['child', id]])
    valueOf(edit.updateChild(fixture.doc, id, input(fixture)))
    expect(readCollective(fixture.doc).toCheck).toEqual([])
    expect(storedJoinedOn(fixture, id)).toBeUndefined()
  })
})

describe('a family joining day', () => {
  it('makes the family "to check" when unreadable; renaming it (the repair form) removes it and keeps the name', () => {
    const fixture = newFixture()
    const id = valueOf(edit.addFamily(fixture.doc, { displayName: 'Famille Durand' }, localDate('2027-03-02')))
    const record = fixture.doc.getMap<unknown>(MAP_FAMILIES).get(id)
    if (!(record instanceof Y.Map)) throw new Error('no record')
    expect(record.get('joinedOn')).toBe('2027-03-02')
    record.set('joinedOn', 'hier')
    expect(readCollective(fixture.doc).toCheck.map((entry) => [entry.kind, entry.key])).toEqual([['family', id]])
    valueOf(edit.renameFamily(fixture.doc, id, { displayName: 'Famille Durand' }))
    expect(readCollective(fixture.doc).toCheck).toEqual([])
    expect(record.has('joinedOn')).toBe(false)
    expect(readCollective(fixture.doc).families.find((family) => family.id === id)?.displayName).toBe('Famille Durand')
  })
})

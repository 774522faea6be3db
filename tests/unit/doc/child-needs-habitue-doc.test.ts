// A child's "habitué·e required" setting in the document: plain (never sealed), written once set, cleared by an edit.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { MAP_CHILDREN } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { localDate } from '../../../src/domain/dates.ts'
import type { ChildId } from '../../../src/domain/ids.ts'
import type { ChildInput } from '../../../src/domain/people.ts'
import { newFixture, valueOf, type Fixture } from './fixtures.ts'

const input = (fixture: Fixture, needsHabitue?: boolean): ChildInput => ({
  firstName: 'Noé', initial: 'B', routes: { aller: { lineId: fixture.lineId, stopId: fixture.stops[0]! } }, days: [1, 4], support: '',
  countsExtra: false, ...(needsHabitue === undefined ? {} : { needsHabitue }),
})
const stored = (fixture: Fixture, id: ChildId): unknown => {
  const record = fixture.doc.getMap<unknown>(MAP_CHILDREN).get(id)
  return record instanceof Y.Map ? record.get('needsHabitue') : 'no record'
}
const read = (fixture: Fixture, id: ChildId): unknown => readCollective(fixture.doc).children.find((child) => child.id === id)?.needsHabitue

describe('a child requiring an habitué·e', () => {
  it('is absent from records that never set it (read as not required)', () => {
    const fixture = newFixture()
    const id = valueOf(edit.addChild(fixture.doc, fixture.familyId, input(fixture, false), localDate('2026-09-02')))
    expect(stored(fixture, id)).toBeUndefined()
    expect(read(fixture, id)).toBeUndefined()
  })

  it('is stored plain when set, and cleared (false) by an edit', () => {
    const fixture = newFixture()
    const id = valueOf(edit.addChild(fixture.doc, fixture.familyId, input(fixture, true), localDate('2026-09-02')))
    expect(stored(fixture, id)).toBe(true)
    expect(read(fixture, id)).toBe(true)
    valueOf(edit.updateChild(fixture.doc, id, input(fixture)))
    expect(stored(fixture, id)).toBe(false)
    expect(read(fixture, id)).toBe(false)
    expect(readCollective(fixture.doc).toCheck).toEqual([])
  })
})

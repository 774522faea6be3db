// removesPersonalValue on flat entries and fields: deleting an entry holding personal values, or replacing a sealed value
// with another or none, asks for compaction; a rewrite keeping the value, a plain value or a deleted sign-up does not.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PERSONAL_FIELDS } from '../../../src/doc/codec.ts'
import { MAP_ADULTS, MAP_CHILDREN, MAP_EXCEPTIONS, MAP_FAMILIES } from '../../../src/doc/keys.ts'
import { removesPersonalValue } from '../../../src/storage/doc-compaction.ts'
import { FLAT_PERSONAL_MAPS } from '../../../src/doc/record-kinds.ts'

const watch = (doc: Y.Doc): boolean[] => {
  const seen: boolean[] = []
  doc.on('beforeObserverCalls', (transaction: Y.Transaction) => seen.push(removesPersonalValue(transaction, FLAT_PERSONAL_MAPS)))
  return seen
}

describe('removesPersonalValue', () => {
  it('is true for a deleted flat key of a personal map, here or arriving from another phone', () => {
    const doc = new Y.Doc()
    doc.getMap('walkNotes').set('n1', { text: 's1.sealed-note' })
    doc.getMap('absences').set('a1', { note: 's1.sealed-absence' })
    const seen = watch(doc)
    doc.getMap('walkNotes').delete('n1')
    expect(seen).toEqual([true])

    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc))
    remote.getMap('absences').delete('a1')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'relay')
    expect(seen).toEqual([true, true])
  })

  it('is false for a rewrite of the entry, a new entry, or a deleted entry of a map without personal values', () => {
    const doc = new Y.Doc()
    doc.getMap('walkNotes').set('n1', { text: 'a' })
    doc.getMap('signups').set('s1', { slot: 'lead' })
    const seen = watch(doc)
    doc.getMap('walkNotes').set('n1', { text: 'a', withdrawn: { clock: 2 } })
    doc.getMap('walkNotes').set('n2', { text: 'b' })
    doc.getMap('signups').delete('s1')
    expect(seen).toEqual([false, false, false])
  })

  it('is true when a sealed value is replaced by another or emptied, in a flat entry or a record field, here or remote', () => {
    const doc = new Y.Doc()
    doc.getMap('absences').set('a1', { note: 's1.first-note', childId: 'c' })
    const child = new Y.Map<unknown>()
    doc.getMap('children').set('c', child)
    child.set('support', 's1.first-support')
    const seen = watch(doc)
    doc.getMap('absences').set('a1', { note: 's1.second-note', childId: 'c' })
    child.set('support', '')
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc))
    ;(remote.getMap('children').get('c') as Y.Map<unknown>).set('support', 's1.remote-support')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'relay')
    // A corrected note, an emptied support note; then a remote note written where the field was empty takes nothing out.
    expect(seen).toEqual([true, true, false])
    child.set('support', 's1.corrected')
    expect(seen).toEqual([true, true, false, true])
  })

  it('is false for a rewrite that keeps the sealed value (a logbook note withdrawn)', () => {
    const doc = new Y.Doc()
    doc.getMap('walkNotes').set('n1', { text: 's1.sealed-note' })
    const seen = watch(doc)
    doc.getMap('walkNotes').set('n1', { text: 's1.sealed-note', withdrawn: { clock: 2 } })
    expect(seen).toEqual([false])
  })

  it('names every flat map the codec seals (the nested ones are caught as nested maps)', () => {
    const nested = new Set([MAP_FAMILIES, MAP_ADULTS, MAP_CHILDREN, MAP_EXCEPTIONS])
    expect(new Set(Object.keys(PERSONAL_FIELDS).filter((map) => !nested.has(map)))).toEqual(FLAT_PERSONAL_MAPS)
  })
})

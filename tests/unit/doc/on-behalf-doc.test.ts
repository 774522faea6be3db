// On-behalf marks in the document (issue 18): a marked sign-up is written in the first layout (the compact one has
// no place for it), reaches another phone as it is, and an ordinary write of the same place drops the mark.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { MAP_COMPACT_SIGNUPS, MAP_SIGNUPS } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { bindSealKey } from '../../../src/doc/codec.ts'
import { createActorId } from '../../../src/domain/ids.ts'
import { TEST_SEAL_KEY } from '../../helpers/seal-key.ts'
import { newFixture, valueOf, walkOn } from './fixtures.ts'

describe('on-behalf sign-up entries', () => {
  it('converge: the other phone reads who made the change for the family, and a later own write drops it', () => {
    const { doc, lineId, familyId, adultId } = newFixture()
    const helper = valueOf(edit.addFamily(doc, { displayName: 'Bernard' }))
    const actor = createActorId()
    const onBehalf = { byFamilyId: helper, at: '2027-03-13T10:00:00+01:00' }
    expect(edit.writeSignUp(doc, { walk: walkOn(lineId), adultId, familyId, slot: 'lead', actor, onBehalf })).toBe(true)
    expect(doc.getMap(MAP_SIGNUPS).size).toBe(1)
    const other = new Y.Doc()
    bindSealKey(other, TEST_SEAL_KEY)
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    expect(readCollective(other).signUps[0]).toMatchObject({ adultId, familyId, onBehalf })
    // The family's own phone changes the slot later: its entry is its own, compact again.
    edit.writeSignUp(other, { walk: walkOn(lineId), adultId, familyId, slot: 'tail', actor: createActorId() })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    const [signUp] = readCollective(doc).signUps
    expect(signUp?.slot).toBe('tail')
    expect(signUp?.onBehalf).toBeUndefined()
    expect(doc.getMap(MAP_SIGNUPS).size).toBe(0)
    expect(doc.getMap(MAP_COMPACT_SIGNUPS).size).toBe(1)
  })

  it('an entry whose mark is damaged is "to check", never read as made by the family', () => {
    const { doc, lineId, familyId, adultId } = newFixture()
    const actor = createActorId()
    edit.writeSignUp(doc, { walk: walkOn(lineId), adultId, familyId, slot: 'lead', actor, onBehalf: { byFamilyId: familyId } })
    const map = doc.getMap<Record<string, unknown>>(MAP_SIGNUPS)
    const [key, value] = [...map.entries()][0]!
    map.set(key, { ...value, onBehalf: { byFamilyId: 'nobody' } })
    const read = readCollective(doc)
    expect(read.signUps).toEqual([])
    expect(read.toCheck.some((record) => record.kind === 'signUp')).toBe(true)
  })
})

// On-behalf marks in the document (issue 18): a marked sign-up is written in the first layout (the compact one has
// no place for it), reaches another phone as it is, and an ordinary write of the same place drops the mark.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { MAP_ABSENCES, MAP_AVAILABILITY, MAP_COMPACT_SIGNUPS, MAP_SIGNUPS } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { bindSealKey } from '../../../src/doc/codec.ts'
import { createActorId } from '../../../src/domain/ids.ts'
import { localDate } from '../../../src/domain/dates.ts'
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

describe('on-behalf absences and availability', () => {
  const otherPhone = (doc: Y.Doc): Y.Doc => {
    const other = new Y.Doc()
    bindSealKey(other, TEST_SEAL_KEY)
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    return other
  }
  const day = { from: localDate('2027-03-15'), to: localDate('2027-03-15'), direction: null, note: 'rendez-vous' }

  it('reach another phone with who made them for the family', () => {
    const { doc, lineId, familyId, adultId, childId } = newFixture()
    const helper = valueOf(edit.addFamily(doc, { displayName: 'Bernard' }))
    const onBehalf = { byFamilyId: helper, at: '2027-03-13T10:00:00+01:00' }
    const author = { actor: createActorId(), at: onBehalf.at, onBehalf }
    const id = valueOf(edit.writeAbsence(doc, { childId, ...day }, familyId, author))
    const recurring = [{ lineId, weekday: 1 as const, direction: 'aller' as const }]
    const availability = { recurring, exceptions: [], weeklyMax: null, preference: 'none' as const }
    valueOf(edit.writeAvailability(doc, { adultId, familyId }, availability, author))
    expect(edit.writeAbsenceWithdrawal(doc, id, author)).toBe(true)
    const read = readCollective(otherPhone(doc))
    const absence = read.walkLog.absences[0]
    expect(absence).toMatchObject({ id, familyId, note: 'rendez-vous', onBehalf, withdrawn: { onBehalf } })
    expect(read.planning.availability[0]).toMatchObject({ adultId, familyId, onBehalf })
  })

  it('older records without a mark read as made by the family; a damaged mark is "to check"', () => {
    const { doc, familyId, childId } = newFixture()
    const id = valueOf(edit.writeAbsence(doc, { childId, ...day }, familyId, { actor: createActorId() }))
    const [absence] = readCollective(doc).walkLog.absences
    expect(absence?.id).toBe(id)
    expect(absence?.onBehalf).toBeUndefined()
    const map = doc.getMap<Record<string, unknown>>(MAP_ABSENCES)
    map.set(id, { ...map.get(id), onBehalf: { byFamilyId: 'nobody' } })
    const read = readCollective(doc)
    expect(read.walkLog.absences).toEqual([])
    expect(read.toCheck.length).toBeGreaterThan(0)
    expect(doc.getMap(MAP_AVAILABILITY).size).toBe(0)
  })
})

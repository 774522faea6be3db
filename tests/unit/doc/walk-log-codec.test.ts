// Personal fields of the walk log (absence note, guest first name, logbook text) go through the codec on write and read.
import { describe, expect, it, vi } from 'vitest'
import { MAP_ABSENCES, MAP_CHECK_INS, MAP_WALK_NOTES } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { createActorId } from '../../../src/domain/ids.ts'
import { createGuestId } from '../../../src/domain/walk-log/records.ts'
import { newFixture, valueOf, walkOn } from './fixtures.ts'

// A stand-in for sealing: the stored value is an object the schemas would refuse if the reader did not open it.
vi.mock('../../../src/doc/codec.ts', () => ({
  sealPersonal: (text: string) => ({ sealed: [...text].reverse().join('') }),
  openPersonal: (stored: unknown) =>
    typeof stored === 'object' && stored !== null && 'sealed' in stored && typeof stored.sealed === 'string' ? [...stored.sealed].reverse().join('') : 42,
}))

describe('walk-log personal fields and the codec', () => {
  it('are stored sealed and read back opened; an unsealed value is "to check"', () => {
    const { doc, lineId, childId, familyId, adultId } = newFixture()
    const walk = walkOn(lineId)
    const author = { actor: createActorId(), at: '2027-03-15T08:12:00+01:00' }
    const absenceId = valueOf(edit.writeAbsence(doc, { childId, from: '2027-03-15', to: '2027-03-15', direction: null, note: 'Angine' }, familyId, author))
    const guestId = createGuestId()
    edit.writeCheckIn(doc, { walk, childId: guestId, guestName: 'Zoé', status: 'present', stopId: null, adultId, ...author })
    edit.writeCheckIn(doc, { walk, childId, status: 'present', stopId: null, adultId, ...author })
    const noteId = valueOf(edit.writeWalkNote(doc, walk, { text: 'Pluie' }, { adultId, familyId }, author))

    expect(doc.getMap(MAP_ABSENCES).get(absenceId)).toMatchObject({ note: { sealed: 'enignA' } })
    expect([...doc.getMap(MAP_CHECK_INS).values()].map((value) => (value as { guestName?: unknown }).guestName)).toContainEqual({ sealed: 'éoZ' })
    expect(doc.getMap(MAP_WALK_NOTES).get(noteId)).toMatchObject({ text: { sealed: 'eiulP' } })

    const { walkLog, toCheck } = readCollective(doc)
    expect(toCheck).toEqual([])
    expect(walkLog.absences[0]?.note).toBe('Angine')
    expect(walkLog.checkIns.find((entry) => entry.childId === guestId)?.guestName).toBe('Zoé')
    expect(walkLog.checkIns.find((entry) => entry.childId === childId)).not.toHaveProperty('guestName')
    expect(walkLog.notes[0]?.text).toBe('Pluie')

    doc.getMap(MAP_WALK_NOTES).set(noteId, { ...(doc.getMap(MAP_WALK_NOTES).get(noteId) as object), text: 'en clair' })
    expect(readCollective(doc).toCheck.map((record) => [record.kind, record.problems])).toEqual([['walkNote', ['text:invalid_type']]])
  })
})

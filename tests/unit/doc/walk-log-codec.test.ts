// Personal fields of the walk log (absence note, guest first name, logbook text) go through the codec: sealed on write, opened on read.
import { describe, expect, it } from 'vitest'
import { MAP_ABSENCES, MAP_CHECK_INS, MAP_WALK_NOTES } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { createActorId } from '../../../src/domain/ids.ts'
import { createGuestId } from '../../../src/domain/walk-log/records.ts'
import { createInviteSecret, createRoomId } from '../../../src/lib/credentials.ts'
import { deriveSealKey, isSealed } from '../../../src/lib/seal.ts'
import { newFixture, valueOf, walkOn } from './fixtures.ts'

describe('walk-log personal fields and the codec', () => {
  it('are stored sealed and read back opened; a legacy plain value reads as is; a value of another type is "to check"', async () => {
    const { doc, lineId, childId, familyId, adultId } = newFixture(await deriveSealKey(createRoomId(), createInviteSecret()))
    const walk = walkOn(lineId)
    const author = { actor: createActorId(), at: '2027-03-15T08:12:00+01:00' }
    const absenceId = valueOf(edit.writeAbsence(doc, { childId, from: '2027-03-15', to: '2027-03-15', direction: null, note: 'Angine' }, familyId, author))
    const guestId = createGuestId()
    edit.writeCheckIn(doc, { walk, childId: guestId, guestName: 'Zoé', status: 'present', stopId: null, adultId, ...author })
    edit.writeCheckIn(doc, { walk, childId, status: 'present', stopId: null, adultId, ...author })
    const noteId = valueOf(edit.writeWalkNote(doc, walk, { text: 'Pluie' }, { adultId, familyId }, author))

    expect(isSealed((doc.getMap(MAP_ABSENCES).get(absenceId) as { note: unknown }).note)).toBe(true)
    const guestNames = [...doc.getMap(MAP_CHECK_INS).values()].map((value) => (value as { guestName?: unknown }).guestName)
    expect(guestNames.filter((name) => name !== undefined).map(isSealed)).toEqual([true])
    expect(isSealed((doc.getMap(MAP_WALK_NOTES).get(noteId) as { text: unknown }).text)).toBe(true)

    const { walkLog, toCheck } = readCollective(doc)
    expect(toCheck).toEqual([])
    expect(walkLog.absences[0]?.note).toBe('Angine')
    expect(walkLog.checkIns.find((entry) => entry.childId === guestId)?.guestName).toBe('Zoé')
    expect(walkLog.checkIns.find((entry) => entry.childId === childId)).not.toHaveProperty('guestName')
    expect(walkLog.notes[0]?.text).toBe('Pluie')

    doc.getMap(MAP_WALK_NOTES).set(noteId, { ...(doc.getMap(MAP_WALK_NOTES).get(noteId) as object), text: 'en clair' })
    expect(readCollective(doc).walkLog.notes[0]?.text).toBe('en clair')
    doc.getMap(MAP_WALK_NOTES).set(noteId, { ...(doc.getMap(MAP_WALK_NOTES).get(noteId) as object), text: 42 })
    expect(readCollective(doc).toCheck.map((record) => [record.kind, record.problems])).toEqual([['walkNote', ['text:invalid_type']]])
  })
})

// Meetings, the kind added through the registry alone: written with their place and agenda sealed, read back opened, deleted by key.
import { describe, expect, it } from 'vitest'
import { deleteEntry, putEntry } from '../../../src/doc/entries.ts'
import { ChangeOrigin } from '../../../src/doc/keys.ts'
import { readFlatMap } from '../../../src/doc/read-flat.ts'
import type { RecordToCheck } from '../../../src/doc/read-util.ts'
import { meetingKind } from '../../../src/doc/record-kinds.ts'
import { createMeetingId } from '../../../src/domain/meeting.ts'
import { isSealed } from '../../../src/lib/seal.ts'
import { newFixture } from './fixtures.ts'

const origin = new ChangeOrigin('testMeeting')

describe('meetings', () => {
  it('are stored with place and agenda sealed, and read back opened', () => {
    const { doc } = newFixture()
    const meeting = { id: createMeetingId(), date: '2027-03-18', place: 'Chez les Martin, 4 rue des Lilas', agenda: 'Rentrée\nAssurance' }
    const written = putEntry(doc, meetingKind, meeting, origin)
    expect(written).toEqual({ ok: true, value: meeting.id })
    const stored = doc.getMap(meetingKind.mapName).get(meeting.id) as Record<string, unknown>
    expect(isSealed(stored.place)).toBe(true)
    expect(isSealed(stored.agenda)).toBe(true)
    expect(JSON.stringify(doc.getMap(meetingKind.mapName).toJSON())).not.toContain('Lilas')
    const toCheck: RecordToCheck[] = []
    expect(readFlatMap(doc, meetingKind, toCheck)).toEqual([meeting])
    expect(toCheck).toEqual([])
  })

  it('refuse an invalid record and list a damaged one "to check" as a meeting', () => {
    const { doc } = newFixture()
    const refused = putEntry(doc, meetingKind, { id: createMeetingId(), date: 'jeudi', place: 'École', agenda: '' }, origin)
    expect(refused.ok).toBe(false)
    expect(doc.getMap(meetingKind.mapName).size).toBe(0)
    doc.getMap(meetingKind.mapName).set('x', { date: '2027-03-18' })
    const toCheck: RecordToCheck[] = []
    expect(readFlatMap(doc, meetingKind, toCheck)).toEqual([])
    expect(toCheck).toEqual([expect.objectContaining({ kind: 'meeting', key: 'x' })])
  })

  it('are deleted by key, once', () => {
    const { doc } = newFixture()
    const id = createMeetingId()
    putEntry(doc, meetingKind, { id, date: '2027-03-18', place: 'École', agenda: '' }, origin)
    expect(deleteEntry(doc, meetingKind, id, origin)).toBe(true)
    expect(deleteEntry(doc, meetingKind, id, origin)).toBe(false)
    expect(readFlatMap(doc, meetingKind, [])).toEqual([])
  })
})

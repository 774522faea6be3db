// Meetings in the document: place, agenda and decisions sealed; one reply per family, converging across phones offline.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeMeeting, writeMeetingReply } from '../../../src/doc/mutations-meetings.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { bindSealKey } from '../../../src/doc/codec.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { ActorId } from '../../../src/domain/ids.ts'
import { currentReplies, replyCounts } from '../../../src/domain/meeting.ts'
import { deleteEntry, putEntry } from '../../../src/doc/entries.ts'
import { ChangeOrigin } from '../../../src/doc/keys.ts'
import { readFlatMap } from '../../../src/doc/read-flat.ts'
import type { RecordToCheck } from '../../../src/doc/read-util.ts'
import { meetingKind } from '../../../src/doc/record-kinds.ts'
import { createMeetingId } from '../../../src/domain/meeting.ts'
import { isSealed } from '../../../src/lib/seal.ts'
import { TEST_SEAL_KEY } from '../../helpers/seal-key.ts'
import { exchange, newFixture } from './fixtures.ts'

const origin = new ChangeOrigin('testMeeting')

describe('meetings', () => {
  it('are stored with place and agenda sealed, and read back opened', () => {
    const { doc } = newFixture()
    const meeting = { id: createMeetingId(), kind: 'assembly' as const, date: '2027-03-18', place: 'Chez les Martin, 4 rue des Lilas', agenda: 'Rentrée\nAssurance' }
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

const phoneA = '11111111-1111-4111-8111-111111111111' as ActorId
const phoneB = '22222222-2222-4222-8222-222222222222' as ActorId

/** A second phone of the collective, synced with the first. */
const secondPhone = (doc: Y.Doc): Y.Doc => {
  const other = new Y.Doc()
  bindSealKey(other, TEST_SEAL_KEY)
  exchange(doc, other, 'ab')
  return other
}

describe('meetings with their replies', () => {
  const input = {
    kind: 'lineMeeting' as const, date: localDate('2027-03-18'), time: '18:30' as TimeOfDay, place: 'Chez les Martin', agenda: 'Rentrée',
  }

  it('seal the decisions and read the meeting into the view', () => {
    const { doc } = newFixture()
    const id = createMeetingId()
    expect(writeMeeting(doc, { id, ...input, decisions: 'Goûter le 2 avril' }).ok).toBe(true)
    expect(isSealed((doc.getMap(meetingKind.mapName).get(id) as Record<string, unknown>).decisions)).toBe(true)
    expect(readCollective(doc).meetings.meetings).toEqual([{ id, ...input, decisions: 'Goûter le 2 avril' }])
  })

  it('keep one answer per family when two phones of it answer offline, the same on both, in either exchange order', () => {
    for (const order of ['ab', 'ba'] as const) {
      const { doc, familyId } = newFixture()
      const id = createMeetingId()
      writeMeeting(doc, { id, ...input })
      writeMeetingReply(doc, { meetingId: id, familyId, answer: 'yes' }, phoneA)
      const other = secondPhone(doc)
      // Offline: each phone changes the family's answer without seeing the other's.
      writeMeetingReply(doc, { meetingId: id, familyId, answer: 'no' }, phoneA)
      writeMeetingReply(other, { meetingId: id, familyId, answer: 'maybe' }, phoneB)
      exchange(doc, other, order)
      const here = currentReplies(readCollective(doc).meetings.replies)
      const there = currentReplies(readCollective(other).meetings.replies)
      expect(here).toEqual(there)
      expect(here).toHaveLength(1)
      expect(replyCounts(here, id)).toEqual({ yes: 0, no: 0, maybe: 1 })
    }
  })

  it('replace the answers a phone has seen, so a changed answer leaves one entry', () => {
    const { doc, familyId } = newFixture()
    const id = createMeetingId()
    writeMeeting(doc, { id, ...input })
    writeMeetingReply(doc, { meetingId: id, familyId, answer: 'yes' }, phoneA)
    const other = secondPhone(doc)
    writeMeetingReply(other, { meetingId: id, familyId, answer: 'no' }, phoneB)
    exchange(doc, other, 'ab')
    expect(readCollective(doc).meetings.replies).toEqual([expect.objectContaining({ answer: 'no', actor: phoneB })])
  })
})

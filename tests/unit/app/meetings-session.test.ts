// Rencontres through a real session: create, edit, cancel, answer for my family, record decisions; the queries read them back.
import { describe, expect, it } from 'vitest'
import type { CollectiveSession } from '../../../src/app/api.ts'
import { collectiveJournal } from '../../../src/app/queries/journal.ts'
import { meetingPage, meetingsList } from '../../../src/app/queries/meetings.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { MeetingId } from '../../../src/domain/meeting.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

let now = parisToInstant(localDate('2027-03-15'), '08:12' as TimeOfDay)
const phones = useSessionPhones('unit-meetings', () => now)
const input = { kind: 'assembly', date: '2027-03-18', time: '18:30', place: 'Salle des fêtes', agenda: 'Rentrée' } as const

const newSession = async (withFamily = true): Promise<CollectiveSession> => {
  now = parisToInstant(localDate('2027-03-15'), '08:12' as TimeOfDay)
  const session = await phones.openNew()
  if (withFamily) {
    const familyId = valueOf(session.addFamily({ displayName: 'Martin' }))
    await session.setMe(familyId, null)
  }
  return session
}

describe('meetings', () => {
  it('are created, edited and listed as upcoming with my family answer and the counts', async () => {
    const session = await newSession()
    const id: MeetingId = valueOf(session.createMeeting(input))
    expect(valueOf(session.editMeeting(id, { ...input, time: '19:00' }))).toBeUndefined()
    expect(valueOf(session.replyToMeeting(id, 'yes'))).toBeUndefined()
    expect(valueOf(session.replyToMeeting(id, 'maybe'))).toBeUndefined()
    const list = meetingsList(session.view.get(), localDate('2027-03-15'), session.me.get().familyId)
    expect(list.upcoming).toEqual([expect.objectContaining({
      meeting: expect.objectContaining({ id, time: '19:00', place: 'Salle des fêtes' }),
      counts: { yes: 0, no: 0, maybe: 1 }, mine: 'maybe',
    })])
    expect(list.past).toEqual([])
  })

  it('refuse an invalid form with its field errors, and an unknown meeting', async () => {
    const session = await newSession()
    const refused = session.createMeeting({ ...input, place: ' ' })
    expect(refused.ok ? null : refused.error).toEqual(expect.objectContaining({ place: expect.any(String) }))
    expect(session.replyToMeeting('00000000-0000-4000-8000-000000000000' as MeetingId, 'yes')).toEqual({ ok: false, error: 'notFound' })
  })

  it('take no answer from a phone without a family, nor once cancelled', async () => {
    const noFamily = await newSession(false)
    const id = valueOf(noFamily.createMeeting(input))
    expect(noFamily.replyToMeeting(id, 'yes')).toEqual({ ok: false, error: 'noFamily' })
    const session = await newSession()
    const other = valueOf(session.createMeeting(input))
    expect(valueOf(session.cancelMeeting(other))).toBeUndefined()
    expect(session.replyToMeeting(other, 'yes')).toEqual({ ok: false, error: 'closed' })
    expect(meetingsList(session.view.get(), localDate('2027-03-15'), null).upcoming).toEqual([])
    expect(meetingPage(session.view.get(), other, localDate('2027-03-15'), null)?.meeting.cancelled).toBe(true)
  })

  it('take decisions from the meeting day on, sealed, shown on its page', async () => {
    const session = await newSession()
    const id = valueOf(session.createMeeting(input))
    expect(session.recordDecisions(id, 'Goûter le 2 avril')).toEqual({ ok: false, error: 'notYet' })
    now = parisToInstant(localDate('2027-03-19'), '09:00' as TimeOfDay)
    expect(valueOf(session.recordDecisions(id, 'Goûter le 2 avril'))).toBeUndefined()
    const page = meetingPage(session.view.get(), id, localDate('2027-03-19'), session.me.get().familyId)
    expect(page).toEqual(expect.objectContaining({ isPast: true, mayReply: false, mayRecordDecisions: true }))
    expect(page?.meeting.decisions).toBe('Goûter le 2 avril')
    expect(meetingsList(session.view.get(), localDate('2027-03-19'), null).past).toEqual([expect.objectContaining({ meeting: page?.meeting })])
    const journal = collectiveJournal(session.view.get(), now).filter((event) => event.kind.startsWith('meeting'))
    expect(journal.map((event) => [event.kind, event.familyId])).toEqual([
      ['meetingPlanned', session.me.get().familyId], ['meetingDecided', session.me.get().familyId],
    ])
  })
})

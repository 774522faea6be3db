// The meeting rules: replies merged to one per family, counts, upcoming meetings, when one may answer or record decisions.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import type { ActorId, FamilyId } from '../../../src/domain/ids.ts'
import {
  MeetingInputSchema, createMeetingId, currentReplies, meetingReplyKeyOf, mayRecordDecisions, mayReply, replyCounts,
  upcomingMeetings, type Meeting, type MeetingReply,
} from '../../../src/domain/meeting.ts'

const meetingA = createMeetingId()
const fam = (n: number) => `00000000-0000-4000-8000-00000000000${n}` as FamilyId
const actor = (n: number) => `actor-${n}` as ActorId
const reply = (family: number, answer: MeetingReply['answer'], clock: number, by = 1): MeetingReply =>
  ({ meetingId: meetingA, familyId: fam(family), answer, clock, actor: actor(by) })
const meeting = (date: string, extra: Partial<Meeting> = {}): Meeting =>
  ({ id: createMeetingId(), kind: 'assembly', date, time: '18:30', place: 'École', agenda: '', ...extra }) as Meeting

describe('meeting input', () => {
  it('needs a known kind and a time of day', () => {
    const input = { kind: 'snack', date: '2027-03-18', time: '16:30', place: 'Square', agenda: '' }
    expect(MeetingInputSchema.safeParse(input).success).toBe(true)
    expect(MeetingInputSchema.safeParse({ ...input, kind: 'party' }).success).toBe(false)
    expect(MeetingInputSchema.safeParse({ ...input, time: '25:00' }).success).toBe(false)
  })
})

describe('replies', () => {
  it('keep one answer per family: the later by the shared clock, then the actor, in either order', () => {
    const replies = [reply(1, 'yes', 3, 1), reply(1, 'no', 5, 2), reply(2, 'maybe', 4), reply(1, 'maybe', 5, 1)]
    const expected = [reply(1, 'no', 5, 2), reply(2, 'maybe', 4)]
    expect(currentReplies(replies)).toEqual(expected)
    expect(currentReplies([...replies].reverse())).toEqual(expected)
  })

  it('are keyed per family and device, so two phones answering offline never overwrite each other', () => {
    expect(meetingReplyKeyOf(reply(1, 'yes', 1, 1))).not.toEqual(meetingReplyKeyOf(reply(1, 'yes', 1, 2)))
    expect(meetingReplyKeyOf(reply(1, 'yes', 1, 1)).split('|')[0]).toBe(meetingA)
  })

  it('are counted oui / non / peut-être once per family', () => {
    const replies = [reply(1, 'yes', 1), reply(1, 'no', 2), reply(2, 'yes', 1), reply(3, 'maybe', 1)]
    expect(replyCounts(currentReplies(replies), meetingA)).toEqual({ yes: 1, no: 1, maybe: 1 })
  })
})

describe('meetings in time', () => {
  it('upcoming: not cancelled, from today on, soonest first', () => {
    const later = meeting('2027-04-01')
    const today = meeting('2027-03-18')
    const past = meeting('2027-03-01')
    const cancelled = meeting('2027-03-20', { cancelled: true })
    expect(upcomingMeetings([later, past, cancelled, today], localDate('2027-03-18'))).toEqual([today, later])
  })

  it('take answers until their day is over, never once cancelled', () => {
    expect(mayReply(meeting('2027-03-18'), localDate('2027-03-18'))).toBe(true)
    expect(mayReply(meeting('2027-03-18'), localDate('2027-03-19'))).toBe(false)
    expect(mayReply(meeting('2027-03-18', { cancelled: true }), localDate('2027-03-01'))).toBe(false)
  })

  it('take their decisions from their day on, not before, and not when cancelled', () => {
    expect(mayRecordDecisions(meeting('2027-03-18'), localDate('2027-03-17'))).toBe(false)
    expect(mayRecordDecisions(meeting('2027-03-18'), localDate('2027-03-18'))).toBe(true)
    expect(mayRecordDecisions(meeting('2027-03-18', { cancelled: true }), localDate('2027-03-20'))).toBe(false)
  })
})

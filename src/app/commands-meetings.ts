// The meeting commands: each checks the meeting as the screens show it (the view), then writes once.
import { authorTime, nextSharedClock } from '../doc/clock.ts'
import { writeMeeting, writeMeetingReply } from '../doc/mutations-meetings.ts'
import { parseInput } from '../doc/mutations-util.ts'
import { instantToParisDate } from '../domain/calendar/paris-time.ts'
import {
  DecisionsInputSchema, MeetingInputSchema, createMeetingId, mayRecordDecisions, mayReply, type Meeting, type MeetingId,
  type MeetingStamp,
} from '../domain/meeting.ts'
import { err, ok } from '../lib/result.ts'
import type { MeetingCommands } from './api-meetings.ts'
import type { CommandContext } from './commands.ts'

export const createMeetingCommands = ({ doc, view, me, now }: CommandContext): MeetingCommands => {
  const meetingOf = (id: MeetingId): Meeting | undefined => view.get().meetings?.meetings.find((meeting) => meeting.id === id)
  const today = () => instantToParisDate(now())
  const stamp = (): MeetingStamp => {
    const { actorId, familyId } = me.get()
    return { clock: nextSharedClock(doc), actor: actorId, at: authorTime(now()), ...(familyId === null ? {} : { familyId }) }
  }
  /** A rewrite of the whole meeting: a write refused by the stored schema is a field error, as the form shows it. */
  const rewrite = (meeting: Meeting) => {
    const written = writeMeeting(doc, meeting)
    return written.ok ? ok(undefined) : written
  }

  return {
    createMeeting(input) {
      const parsed = parseInput(MeetingInputSchema, input)
      if (!parsed.ok) return parsed
      const id = createMeetingId()
      const planned = stamp()
      const written = writeMeeting(doc, { id, ...parsed.value, planned, clock: planned.clock })
      return written.ok ? ok(id) : written
    },

    editMeeting(id, input) {
      const meeting = meetingOf(id)
      if (meeting === undefined) return err('notFound')
      const parsed = parseInput(MeetingInputSchema, input)
      return parsed.ok ? rewrite({ ...meeting, ...parsed.value }) : parsed
    },

    cancelMeeting(id) {
      const meeting = meetingOf(id)
      if (meeting === undefined) return err('notFound')
      const cancelledBy = stamp()
      return rewrite({ ...meeting, cancelled: true, cancelledBy, clock: cancelledBy.clock }).ok ? ok(undefined) : err('notRecorded')
    },

    replyToMeeting(id, answer) {
      const meeting = meetingOf(id)
      if (meeting === undefined) return err('notFound')
      const { familyId, actorId } = me.get()
      if (familyId === null) return err('noFamily')
      if (!mayReply(meeting, today())) return err('closed')
      return writeMeetingReply(doc, { meetingId: id, familyId, answer }, actorId).ok ? ok(undefined) : err('notRecorded')
    },

    recordDecisions(id, decisions) {
      const meeting = meetingOf(id)
      if (meeting === undefined) return err('notFound')
      if (meeting.cancelled === true) return err('closed')
      if (!mayRecordDecisions(meeting, today())) return err('notYet')
      const parsed = parseInput(DecisionsInputSchema, decisions)
      if (!parsed.ok) return parsed
      const decided = stamp()
      return rewrite({ ...meeting, decisions: parsed.value, decided, clock: decided.clock })
    },
  }
}

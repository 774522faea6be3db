// Writes of meetings and of each family's reply: a meeting written whole, a reply replacing the family's replies seen.
import type * as Y from 'yjs'
import type { ActorId, FamilyId } from '../domain/ids.ts'
import type { Meeting, MeetingAnswer, MeetingId } from '../domain/meeting.ts'
import type { FieldErrors } from '../domain/validation.ts'
import type { Result } from '../lib/result.ts'
import { nextSharedClock } from './clock.ts'
import { putEntry } from './entries.ts'
import { ChangeOrigin, safeMap } from './keys.ts'
import { meetingKind, meetingReplyKind } from './record-kinds.ts'

export const MeetingOrigin = {
  writeMeeting: new ChangeOrigin('writeMeeting'),
  replyToMeeting: new ChangeOrigin('replyToMeeting'),
}

/** Creates, edits, cancels or adds decisions: the meeting is written whole (last writer wins per meeting). */
export const writeMeeting = (doc: Y.Doc, meeting: Meeting): Result<string, FieldErrors> =>
  putEntry(doc, meetingKind, meeting, MeetingOrigin.writeMeeting)

export interface ReplyWrite {
  readonly meetingId: MeetingId
  readonly familyId: FamilyId
  readonly answer: MeetingAnswer
}

/**
 * The family's answer from this device, on the shared clock. The family's entries this phone holds are deleted in the
 * same transaction: they were seen, so the new answer replaces them; an entry written meanwhile on another phone
 * survives the merge, and readers keep the later of the two (`currentReplies`), the same on every phone.
 */
export const writeMeetingReply = (doc: Y.Doc, reply: ReplyWrite, actor: ActorId): Result<string, FieldErrors> => {
  const map = safeMap(doc, meetingReplyKind.mapName)
  const prefix = `${reply.meetingId}|${reply.familyId}|`
  let written: Result<string, FieldErrors> = { ok: false, error: { _: 'documentDamaged' } }
  doc.transact(() => {
    for (const key of [...(map?.keys() ?? [])]) if (key.startsWith(prefix)) map?.delete(key)
    written = putEntry(doc, meetingReplyKind, { ...reply, clock: nextSharedClock(doc), actor }, MeetingOrigin.replyToMeeting)
  }, MeetingOrigin.replyToMeeting)
  return written
}

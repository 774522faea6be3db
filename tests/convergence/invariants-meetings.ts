// Rencontres invariants on the converged view: one answer per family and meeting, from entries of one device each.
import type { CollectiveSnapshot } from '../../src/doc/read.ts'
import { currentReplies } from '../../src/domain/meeting.ts'

export const checkMeetings = (view: Pick<CollectiveSnapshot, 'meetings'>): string[] => {
  const failures: string[] = []
  const perFamily = new Map<string, number>()
  for (const reply of currentReplies(view.meetings.replies)) {
    const place = `${reply.meetingId}|${reply.familyId}`
    perFamily.set(place, (perFamily.get(place) ?? 0) + 1)
  }
  for (const [place, count] of perFamily) if (count > 1) failures.push(`meeting reply: ${count} answers for ${place}`)
  // A phone's write deletes the family's entries it saw: more entries than devices means a write kept a seen one.
  const actors = new Set(view.meetings.replies.map((reply) => reply.actor))
  const entries = new Map<string, number>()
  for (const reply of view.meetings.replies) {
    const place = `${reply.meetingId}|${reply.familyId}`
    entries.set(place, (entries.get(place) ?? 0) + 1)
  }
  for (const [place, count] of entries) if (count > actors.size) failures.push(`meeting reply: ${count} entries for ${place}`)
  const known = new Set(view.meetings.meetings.map((meeting) => meeting.id))
  for (const reply of view.meetings.replies) if (!known.has(reply.meetingId)) failures.push(`meeting reply: unknown meeting ${reply.meetingId}`)
  return failures
}

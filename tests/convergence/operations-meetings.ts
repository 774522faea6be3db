// Random Rencontres operations on one replica, through the real writes of src/doc: meetings planned, and family replies.
import type * as Y from 'yjs'
import { MAP_FAMILIES } from '../../src/doc/keys.ts'
import { writeMeeting, writeMeetingReply } from '../../src/doc/mutations-meetings.ts'
import { readFlatValues } from '../../src/doc/read-flat.ts'
import { meetingKind } from '../../src/doc/record-kinds.ts'
import { TimeOfDaySchema, localDate } from '../../src/domain/dates.ts'
import type { FamilyId } from '../../src/domain/ids.ts'
import { MEETING_ANSWERS, createMeetingId } from '../../src/domain/meeting.ts'
import type { OpContext, Replica } from './operations.ts'

type Op = (replica: Replica, context: OpContext) => void

const pick = <T>(random: () => number, items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
const families = (doc: Y.Doc): FamilyId[] => [...doc.getMap(MAP_FAMILIES).keys()] as FamilyId[]

const plan: Op = (replica) => {
  writeMeeting(replica.doc, {
    id: createMeetingId(), kind: 'lineMeeting', date: localDate('2027-03-18'), time: TimeOfDaySchema.parse('18:30'),
    place: 'Chez les Martin', agenda: 'Rentrée',
  })
}

// Any replica answers for any family: two phones of one family answering offline is the case under test. A replica
// that has no meeting yet plans one first (operations are rare beside the sign-ups: replies would seldom happen).
const reply: Op = (replica, context) => {
  const { random } = context
  if (readFlatValues(replica.doc, meetingKind).length === 0) plan(replica, context)
  const meeting = pick(random, readFlatValues(replica.doc, meetingKind))
  const familyId = pick(random, families(replica.doc))
  const answer = pick(random, MEETING_ANSWERS)
  if (meeting === undefined || familyId === undefined || answer === undefined) return
  writeMeetingReply(replica.doc, { meetingId: meeting.id, familyId, answer }, replica.actor)
}

/** [weight, operation]: a few per run, beside hundreds of sign-ups. */
export const MEETING_OPERATIONS: readonly (readonly [number, Op])[] = [[0.5, plan], [4, reply]]

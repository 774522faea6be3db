// Coups de main given and received per family: only those that happened, a request's helpers give, an offer's family gives.
import { describe, expect, it } from 'vitest'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { helpCounts } from '../../../src/domain/help/counts.ts'
import type { HelpAnswer, HelpRequest } from '../../../src/domain/help/records.ts'
import type { ActorId, FamilyId } from '../../../src/domain/ids.ts'

const [A, B, C] = ['a', 'b', 'c'].map((n) => `${n.repeat(8)}-1111-4111-8111-111111111111` as FamilyId) as [FamilyId, FamilyId, FamilyId]
const actor = 'actor-1' as ActorId
let serial = 0
const request = (familyId: FamilyId, fields: Partial<HelpRequest> = {}): HelpRequest => ({
  id: `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}` as HelpRequest['id'], familyId, type: 'request',
  kind: 'carpool', date: localDate('2027-03-17'), needed: 1, note: '', status: 'open', confirmed: [], clock: serial, actor, ...fields,
})
const answer = (of: HelpRequest, familyId: FamilyId, clock: number): HelpAnswer =>
  ({ requestId: of.id, familyId, status: 'active', clock, actor })
const AFTER = parisToInstant(localDate('2027-03-18'), '09:00' as TimeOfDay)
const BEFORE = parisToInstant(localDate('2027-03-16'), '09:00' as TimeOfDay)

describe('coups de main counts', () => {
  it('count a request’s helpers as giving and its family as receiving, an offer the other way, once over', () => {
    const asked = request(A, { needed: 2 })
    const offered = request(B, { type: 'offer' })
    const cancelled = request(C, { status: 'cancelled' })
    const closedUndated = request(C, { date: undefined, status: 'closed' })
    const answers = [answer(asked, B, 100), answer(asked, C, 101), answer(offered, A, 102), answer(cancelled, A, 103),
      answer(closedUndated, B, 104)]
    const records = { requests: [asked, offered, cancelled, closedUndated], answers, kinds: [] }
    expect(helpCounts(records, [A, B, C], AFTER)).toEqual([
      { familyId: A, given: 0, received: 2 }, { familyId: B, given: 3, received: 0 }, { familyId: C, given: 1, received: 1 },
    ])
    // Before the window is over only the closed one counts.
    expect(helpCounts(records, [A, B, C], BEFORE)).toEqual([
      { familyId: A, given: 0, received: 0 }, { familyId: B, given: 1, received: 0 }, { familyId: C, given: 0, received: 1 },
    ])
  })

  it('count nothing for a coup de main nobody answered, and keep the families’ order (no ranking)', () => {
    const records = { requests: [request(A, { status: 'closed' })], answers: [], kinds: [] }
    expect(helpCounts(records, [C, A], AFTER)).toEqual([{ familyId: C, given: 0, received: 0 }, { familyId: A, given: 0, received: 0 }])
  })
})

// Meetings in the journal: planned, cancelled and decided, each at its own stamp on the shared clock; unstamped ones left out.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import type { ActorId, FamilyId } from '../../../src/domain/ids.ts'
import { deriveJournal } from '../../../src/domain/journal/index.ts'
import { createMeetingId, type Meeting } from '../../../src/domain/meeting.ts'

const actor = '11111111-1111-4111-8111-111111111111' as ActorId
const family = '00000000-0000-4000-8000-000000000001' as FamilyId
const stamp = (clock: number) => ({ clock, actor, at: '2027-03-02T09:05:00+01:00', familyId: family })
const base = { kind: 'assembly', date: localDate('2027-03-18'), place: 'École', agenda: '' } as const

describe('meetings in the journal', () => {
  it('records a meeting planned, its cancellation and its decisions, in clock order', () => {
    const decided: Meeting = { id: createMeetingId(), ...base, planned: stamp(3), decisions: 'Oui', decided: stamp(9) }
    const cancelled: Meeting = { id: createMeetingId(), ...base, planned: stamp(5), cancelled: true, cancelledBy: stamp(7) }
    const events = deriveJournal({ signUps: [], meetings: [decided, cancelled] })
    expect(events.map((event) => [event.kind, event.clock, event.ref])).toEqual([
      ['meetingPlanned', 3, `meeting|${decided.id}`],
      ['meetingPlanned', 5, `meeting|${cancelled.id}`],
      ['meetingCancelled', 7, `meetingCancelled|${cancelled.id}`],
      ['meetingDecided', 9, `meetingDecided|${decided.id}`],
    ])
    expect(events[0]).toEqual(expect.objectContaining({ familyId: family, periodStart: '2027-03-18', at: '2027-03-02T09:05:00+01:00' }))
  })

  it('leaves out a meeting written without a stamp (before issue 17)', () => {
    expect(deriveJournal({ signUps: [], meetings: [{ id: createMeetingId(), ...base }] })).toEqual([])
  })
})

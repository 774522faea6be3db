// The home's "Entre familles" block: open coups de main near in time (three at most, then a count) and the next meeting.
import { describe, expect, it } from 'vitest'
import { communityHomeOf } from '../../../src/app/queries/community.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { FamilyId } from '../../../src/domain/ids.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

const now = parisToInstant(localDate('2027-03-15'), '08:12' as TimeOfDay)
const today = localDate('2027-03-15')
const phones = useSessionPhones('unit-community-home', () => now)

describe('the home’s block between families', () => {
  it('lists open requests of the coming week soonest first, places left, mine marked, then the next meeting', async () => {
    const session = await phones.openNew()
    const [martin, durand] = ['Martin', 'Durand'].map((displayName) => valueOf(session.addFamily({ displayName }))) as [FamilyId, FamilyId]
    expect(communityHomeOf(session.view.get(), martin, today, now)).toEqual({ help: [], moreHelp: 0, nextMeeting: null })
    await session.setMe(martin, null)
    const post = (date: string | undefined, needed = 1) =>
      valueOf(session.postHelp({ type: 'request', kind: 'carpool', ...(date === undefined ? {} : { date }), needed, note: '' }))
    const thursday = post('2027-03-18', 2)
    const tuesday = post('2027-03-16')
    post('2027-04-20') // beyond the coming week
    const undated = post(undefined)
    await session.setMe(durand, null)
    valueOf(session.answerHelp(thursday))
    const friday = post('2027-03-19')
    const past = valueOf(session.createMeeting({ kind: 'snack', date: today, time: '07:00', place: 'Parc', agenda: '' }))
    const next = valueOf(session.createMeeting({ kind: 'assembly', date: localDate('2027-03-20'), time: '10:00', place: 'École', agenda: '' }))
    valueOf(session.cancelMeeting(past))

    const home = communityHomeOf(session.view.get(), martin, today, now)
    expect(home.help.map((item) => [item.request.id, item.placesLeft, item.mine])).toEqual([
      [tuesday, 1, true], [thursday, 1, true], [friday, 1, false],
    ])
    expect(home.moreHelp).toBe(1) // the undated request, listed on the coups de main screen
    expect(undated).toBeDefined()
    expect(home.nextMeeting?.meeting.id).toBe(next)
  })
})

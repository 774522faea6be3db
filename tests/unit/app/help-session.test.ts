// Coups de main through a real session: post, answer "Je peux", confirm, close, cancel, reopen; the queries read them back.
import { describe, expect, it } from 'vitest'
import type { CollectiveSession } from '../../../src/app/api.ts'
import { helpKinds, helpNearInTime, helpNewsOf, helpRequestPage, myHelpRequests } from '../../../src/app/queries/help.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { HelpRequestId } from '../../../src/domain/help/records.ts'
import type { FamilyId } from '../../../src/domain/ids.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

let now = parisToInstant(localDate('2027-03-15'), '08:12' as TimeOfDay)
const phones = useSessionPhones('unit-help', () => now)
const input = { type: 'request', kind: 'wednesday', date: '2027-03-17', from: '14:00', to: '17:00', needed: 1, note: 'Léa' } as const

const newSession = async (): Promise<{ session: CollectiveSession; families: FamilyId[] }> => {
  now = parisToInstant(localDate('2027-03-15'), '08:12' as TimeOfDay)
  const session = await phones.openNew()
  const families = ['Martin', 'Durand', 'Nguyen'].map((displayName) => valueOf(session.addFamily({ displayName })))
  await session.setMe(families[0]!, null)
  return { session, families }
}

describe('coups de main', () => {
  it('are posted by my family, answered by others, and the last place goes to one family, the other told', async () => {
    const { session, families } = await newSession()
    const id: HelpRequestId = valueOf(session.postHelp(input))
    expect(session.answerHelp(id)).toEqual({ ok: false, error: 'ownRequest' })
    await session.setMe(families[1]!, null)
    expect(session.answerHelp(id)).toEqual({ ok: true, value: 'helping' })
    await session.setMe(families[2]!, null)
    expect(session.answerHelp(id)).toEqual({ ok: true, value: 'waiting' })
    const page = helpRequestPage(session.view.get(), id, families[2]!, now)
    expect(page).toEqual(expect.objectContaining({
      state: 'open', mine: 'waiting', placesLeft: 0,
      answers: [{ familyId: families[1], name: 'Durand', holds: true, confirmed: false }, { familyId: families[2], name: 'Nguyen', holds: false, confirmed: false }],
    }))
    expect(helpNearInTime(session.view.get(), now).map((r) => r.id)).toEqual([id])
  })

  it('let the requester confirm a helper, close, reopen and cancel; others cannot', async () => {
    const { session, families } = await newSession()
    const id = valueOf(session.postHelp({ ...input, needed: 1 }))
    await session.setMe(families[1]!, null)
    valueOf(session.answerHelp(id))
    expect(session.confirmHelper(id, families[1]!)).toEqual({ ok: false, error: 'notMine' })
    expect(session.setHelpStatus(id, 'closed')).toEqual({ ok: false, error: 'notMine' })
    await session.setMe(families[0]!, null)
    expect(session.confirmHelper(id, families[2]!)).toEqual({ ok: false, error: 'noAnswer' })
    expect(session.confirmHelper(id, families[1]!)).toEqual({ ok: true, value: undefined })
    expect(helpRequestPage(session.view.get(), id, families[0]!, now)?.resolution.confirmed).toEqual([families[1]])
    valueOf(session.setHelpStatus(id, 'closed'))
    expect(helpRequestPage(session.view.get(), id, families[0]!, now)?.state).toBe('closed')
    expect(helpNearInTime(session.view.get(), now)).toEqual([])
    valueOf(session.setHelpStatus(id, 'open'))
    valueOf(session.setHelpStatus(id, 'cancelled'))
    expect(myHelpRequests(session.view.get(), families[0]!, now).map((r) => [r.request.id, r.state])).toEqual([[id, 'cancelled']])
  })

  it('refuse a form out of bounds with field errors, and an answer once the window is over', async () => {
    const { session, families } = await newSession()
    const refused = session.postHelp({ ...input, needed: 0 })
    expect(refused.ok ? null : refused.error).toEqual(expect.objectContaining({ needed: expect.any(String) }))
    const id = valueOf(session.postHelp(input))
    await session.setMe(families[1]!, null)
    now = parisToInstant(localDate('2027-03-17'), '17:30' as TimeOfDay)
    expect(session.answerHelp(id)).toEqual({ ok: false, error: 'notOpen' })
    expect(helpKinds(session.view.get()).map((kind) => kind.id)[0]).toBe('wednesday')
  })

  it('take back an answer: the next family holds the place', async () => {
    const { session, families } = await newSession()
    const id = valueOf(session.postHelp(input))
    await session.setMe(families[1]!, null)
    valueOf(session.answerHelp(id))
    await session.setMe(families[2]!, null)
    valueOf(session.answerHelp(id))
    await session.setMe(families[1]!, null)
    expect(session.withdrawHelpAnswer(id)).toEqual({ ok: true, value: undefined })
    expect(session.withdrawHelpAnswer(id)).toEqual({ ok: false, error: 'nothingToWithdraw' })
    expect(helpRequestPage(session.view.get(), id, families[2]!, now)?.mine).toBe('helping')
  })
})

describe('coups de main news on every screen', () => {
  it('tell the requester who answered, the helper that it is confirmed, the late family that it waits, until the request ends', async () => {
    const { session, families } = await newSession()
    const [martin, durand, nguyen] = families as [FamilyId, FamilyId, FamilyId]
    const id = valueOf(session.postHelp(input))
    expect(helpNewsOf(session.view.get(), martin, now)).toEqual([])
    await session.setMe(durand, null)
    valueOf(session.answerHelp(id))
    await session.setMe(nguyen, null)
    valueOf(session.answerHelp(id))
    const kinds = (family: FamilyId) => helpNewsOf(session.view.get(), family, now).map((news) => [news.kind, news.familyId])
    expect(kinds(martin)).toEqual([['answered', durand], ['answered', nguyen]])
    expect(kinds(nguyen)).toEqual([['waiting', martin]])
    expect(kinds(durand)).toEqual([])
    await session.setMe(martin, null)
    valueOf(session.confirmHelper(id, durand))
    expect(kinds(durand)).toEqual([['confirmed', martin]])
    // A news item keeps its key while nothing changes, so a dismissal holds; a new answer is a new key.
    const keys = helpNewsOf(session.view.get(), martin, now).map((news) => news.key)
    expect(new Set(keys).size).toBe(2)
    expect(helpNewsOf(session.view.get(), martin, now).map((news) => news.key)).toEqual(keys)
    valueOf(session.setHelpStatus(id, 'cancelled'))
    expect(kinds(durand)).toEqual([['cancelled', martin]])
    expect(kinds(martin)).toEqual([])
    expect(kinds(nguyen)).toEqual([])
    now = parisToInstant(localDate('2027-03-18'), '08:00' as TimeOfDay)
    expect(kinds(durand)).toEqual([])
  })
})

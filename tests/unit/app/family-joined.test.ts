// A family or child added today counts in fair shares from today: the session writes its joining day (Paris), shares start it there.
import { describe, expect, it } from 'vitest'
import type { AppServices, CollectiveSession } from '../../../src/app/api.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { ChildInput } from '../../../src/domain/people.ts'
import { fairnessLedger } from '../../../src/domain/planning/ledger.ts'
import { familyWeightOn } from '../../../src/domain/planning/share.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

/** Tuesday 2 March 2027, 00:30 in Paris: still 1 March in UTC, so the day must be taken in Paris. */
const NOW = parisToInstant(localDate('2027-03-02'), '00:30' as TimeOfDay)
/** The session clock: a test may move it to add records on another day. */
let now = NOW
const phones = useSessionPhones('unit-family-joined', () => now)

const openSession = async (services: AppServices): Promise<CollectiveSession> => {
  const id = valueOf(await services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
  const session = await services.openCollective(id)
  if (!session) throw new Error('no session')
  return phones.track(session)
}

/** A line with one stop, and a child input walking it four days a week. */
const lineWithStop = (session: CollectiveSession): ((firstName: string) => ChildInput) => {
  const lineId = valueOf(session.addLine({ name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
  const stopId = valueOf(session.addStop(lineId, { name: 'Marché', times: { aller: '08:05' }, access: { stepFree: false, dangerousCrossing: false, note: '' } }))
  return (firstName) => ({ firstName, initial: 'M', routes: { aller: { lineId, stopId } }, days: [1, 2, 4, 5], support: '', countsExtra: false })
}

describe('a family joining mid-year', () => {
  it('is recorded as joining today in Paris, and owes nothing for the walks before', async () => {
    now = NOW
    const session = await openSession(await phones.start())
    const child = lineWithStop(session)
    const familyId = valueOf(session.addFamily({ displayName: 'Martin' }))
    expect(session.view.get().families.find((family) => family.id === familyId)?.joinedOn).toBe('2027-03-02')
    valueOf(session.addAdult(familyId, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
    valueOf(session.addChild(familyId, child('Léa')))
    const row = fairnessLedger(session.view.get(), NOW).rows.find((candidate) => candidate.familyId === familyId)
    expect(row).toMatchObject({ done: 0, share: 0, balance: 0 })
  })
})

describe('a child joining mid-year', () => {
  it('is recorded as joining today in Paris, counts in its family weight from today only, and keeps that day through an edit', async () => {
    // The family and its first child arrived in September; the second child arrives today.
    now = parisToInstant(localDate('2026-09-07'), '18:00' as TimeOfDay)
    const session = await openSession(await phones.start())
    const child = lineWithStop(session)
    const familyId = valueOf(session.addFamily({ displayName: 'Martin' }))
    valueOf(session.addChild(familyId, child('Léa')))
    now = NOW
    const noeId = valueOf(session.addChild(familyId, child('Noé')))
    const joinedOn = (): string | undefined => session.view.get().children.find((candidate) => candidate.id === noeId)?.joinedOn
    expect(joinedOn()).toBe('2027-03-02')
    expect(session.view.get().children.map((candidate) => candidate.joinedOn).sort()).toEqual(['2026-09-07', '2027-03-02'])
    const weightOn = (date: string): number => familyWeightOn(session.view.get(), familyId, localDate(date))
    expect([weightOn('2026-09-06'), weightOn('2026-09-07'), weightOn('2027-03-01'), weightOn('2027-03-02')]).toEqual([0, 1, 1, 2])

    // The ordinary edit form rewrites its fields only: the joining day stays.
    valueOf(session.updateChild(noeId, { ...child('Noé'), days: [1, 2] }))
    expect(joinedOn()).toBe('2027-03-02')
    expect(session.view.get().toCheck).toEqual([])
    expect(weightOn('2027-03-01')).toBe(1)
  })
})

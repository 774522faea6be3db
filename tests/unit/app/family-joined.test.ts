// A family added today counts in fair shares from today: the session writes its joining day (Paris), the ledger starts it there.
import { describe, expect, it } from 'vitest'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { fairnessLedger } from '../../../src/domain/planning/ledger.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

/** Tuesday 2 March 2027, 00:30 in Paris: still 1 March in UTC, so the day must be taken in Paris. */
const NOW = parisToInstant(localDate('2027-03-02'), '00:30' as TimeOfDay)
const phones = useSessionPhones('unit-family-joined', () => NOW)

describe('a family joining mid-year', () => {
  it('is recorded as joining today in Paris, and owes nothing for the walks before', async () => {
    const services = await phones.start()
    const id = valueOf(await services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac' }))
    const session = await services.openCollective(id)
    if (!session) throw new Error('no session')
    phones.track(session)
    const lineId = valueOf(session.addLine({ name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
    const stopId = valueOf(session.addStop(lineId, { name: 'Marché', times: { aller: '08:05' }, access: { stepFree: false, dangerousCrossing: false, note: '' } }))
    const familyId = valueOf(session.addFamily({ displayName: 'Martin' }))
    expect(session.view.get().families.find((family) => family.id === familyId)?.joinedOn).toBe('2027-03-02')
    valueOf(session.addAdult(familyId, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
    valueOf(session.addChild(familyId, { firstName: 'Léa', initial: 'M', routes: { aller: { lineId, stopId } }, days: [1, 2, 4, 5], support: '', countsExtra: false }))
    const row = fairnessLedger(session.view.get(), NOW).rows.find((candidate) => candidate.familyId === familyId)
    expect(row).toMatchObject({ done: 0, share: 0, balance: 0 })
  })
})

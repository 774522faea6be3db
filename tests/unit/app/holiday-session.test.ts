// Correcting the school calendar through a session: ignore a shipped period, add and remove a period, and what the walks then show.
import { describe, expect, it } from 'vitest'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { walkOf } from '../../../src/domain/rota/walks.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

const NOW = parisToInstant(localDate('2028-02-25'), '10:00' as TimeOfDay)
const phones = useSessionPhones('unit-holidays', () => NOW)
const startPhone = phones.start

describe('school calendar corrections through a session', () => {
  it('ignoring the provisional 2027-2028 winter period lets a walk on it run and take sign-ups; an added period cancels again', async () => {
    const services = await startPhone()
    const id = valueOf(await services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const session = await services.openCollective(id)
    if (!session) throw new Error('no session')
    phones.track(session)
    const lineId = valueOf(session.addLine({ name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
    const familyId = valueOf(session.addFamily({ displayName: 'Martin' }))
    const adultId = valueOf(session.addAdult(familyId, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
    const walk = { lineId, date: localDate('2028-03-02'), direction: 'aller' as const }

    expect(walkOf(session.view.get(), walk)?.cancellation).toEqual({ kind: 'holiday', label: "Vacances d'hiver", slug: 'hiver', provisional: true })
    expect(session.signUp(walk, 'lead', adultId)).toEqual({ ok: false, error: 'walkNotRunning' })

    expect(session.setShippedHolidayIgnored('2029-2030/A/hiver', true)).toEqual({ ok: false, error: 'unknownPeriod' })
    expect(session.setShippedHolidayIgnored('2027-2028/A/hiver', true)).toEqual({ ok: true, value: undefined })
    expect(session.view.get().holidayOverrides).toEqual([{ periodId: '2027-2028/A/hiver', ignored: true }])
    expect(walkOf(session.view.get(), walk)?.cancellation).toBeNull()
    expect(session.signUp(walk, 'lead', adultId)).toEqual({ ok: true, value: 'held' })

    expect(session.addHoliday({ start: '2028-03-02', end: '2028-02-28', label: 'Hiver' })).toEqual({ ok: false, error: { end: 'endBeforeStart' } })
    const holidayId = valueOf(session.addHoliday({ start: '2028-02-26', end: '2028-03-12', label: 'Hiver (corrigé)' }))
    expect(walkOf(session.view.get(), walk)?.cancellation).toEqual({ kind: 'holiday', label: 'Hiver (corrigé)' })

    session.removeHoliday(holidayId)
    expect(session.view.get().holidays).toEqual([])
    session.setShippedHolidayIgnored('2027-2028/A/hiver', false)
    expect(walkOf(session.view.get(), walk)?.cancellation).toEqual({ kind: 'holiday', label: "Vacances d'hiver", slug: 'hiver', provisional: true })
  })

  it('the demo collective offers the same commands', async () => {
    const services = await startPhone()
    const demo = await services.openDemo('fr')
    phones.track(demo)
    expect(demo.setShippedHolidayIgnored('2026-2027/A/noel', true)).toEqual({ ok: true, value: undefined })
    expect(demo.view.get().holidayOverrides).toEqual([{ periodId: '2026-2027/A/noel', ignored: true }])
  })
})

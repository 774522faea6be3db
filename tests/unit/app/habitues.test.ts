// Habitué·e·s through a real session: after a walk done with Léa present, the adults on duty know her; Noé has no instructions.
import { describe, expect, it } from 'vitest'
import { habitueHints, habituesByChild } from '../../../src/app/queries/habitues.ts'
import { walksOfWeeks } from '../../../src/app/queries/rota.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { WalkRef } from '../../../src/domain/signup.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

const NOW = parisToInstant(localDate('2027-03-15'), '08:40' as TimeOfDay)
const phones = useSessionPhones('unit-habitues', () => NOW)

describe('habitué·e·s of a child with support instructions', () => {
  it('are the holders and markers of a walk done with the child present, and nobody before', async () => {
    const session = await phones.openNew()
    const lineId = valueOf(session.addLine({ name: 'Pins', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
    const stop = valueOf(session.addStop(lineId, { name: 'Marché', times: { aller: '08:05' }, access: { stepFree: true, dangerousCrossing: false, note: '' } }))
    const martin = valueOf(session.addFamily({ displayName: 'Martin' }))
    const durand = valueOf(session.addFamily({ displayName: 'Durand' }))
    const camille = valueOf(session.addAdult(martin, { firstName: 'Camille', phone: '', charterAcceptedOn: null, insured: true }))
    const sami = valueOf(session.addAdult(durand, { firstName: 'Sami', phone: '', charterAcceptedOn: null, insured: true }))
    await session.setMe(martin, camille)
    const routes = { aller: { lineId, stopId: stop } }
    const lea = valueOf(session.addChild(martin, { firstName: 'Léa', initial: 'M', routes, days: [1], support: 'tenir la main', countsExtra: true, consentBy: camille }))
    const noe = valueOf(session.addChild(durand, { firstName: 'Noé', initial: 'D', routes, days: [1], support: '', countsExtra: false }))
    const today: WalkRef = { lineId, date: localDate('2027-03-15'), direction: 'aller' }
    valueOf(session.signUp(today, 'lead', camille))
    valueOf(session.signUp(today, 'tail', sami))
    valueOf(session.markChild(today, lea, 'present', stop, camille))
    valueOf(session.markChild(today, noe, 'present', stop, camille))
    expect(habituesByChild(session.view.get(), NOW).size).toBe(0) // not arrived yet: not a walk done
    valueOf(session.markArrival(today, camille))
    const habitues = habituesByChild(session.view.get(), NOW)
    expect(habitues.get(lea)).toEqual([camille, sami].sort())
    expect(habitues.has(noe)).toBe(false)

    // Next Monday's walk has nobody yet: Léa's habitués are named for it (not Noé, who has no instructions) ...
    const nextMonday = (view = session.view.get()) =>
      walksOfWeeks(view, localDate('2027-03-22'), 1, NOW).find((walk) => walk.date === '2027-03-22' && walk.lineId === lineId)!
    expect(habitueHints(session.view.get(), nextMonday(), NOW)).toEqual([{ childId: lea, adults: [camille, sami].sort() }])
    // ... until one of them holds a place on it.
    valueOf(session.signUp({ ...today, date: localDate('2027-03-22') }, 'lead', sami))
    expect(habitueHints(session.view.get(), nextMonday(), NOW)).toEqual([])
  })
})

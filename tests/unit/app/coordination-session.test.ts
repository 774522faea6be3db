// Coordinator commands of a session: roster membership from the next period, period offers and answers, handover notes and acknowledgement.
import { describe, expect, it } from 'vitest'
import { coordinatorOn, handoverStatusOf, coordinatorSchedule, periodIn, currentAndNextCoordinator } from '../../../src/domain/coordination/index.ts'
import { localDate } from '../../../src/domain/dates.ts'
import type { FamilyId } from '../../../src/domain/ids.ts'
import { newWorld, syncAll, valueOf, type Phone } from './swap-phones.ts'

/** NOW is Saturday 13 March 2027: the current weekly period started Monday 8, the next starts Monday 15. */
const THIS_PERIOD = localDate('2027-03-08')
const NEXT_PERIOD = localDate('2027-03-15')

const withRoster = (): { phones: Phone[]; families: FamilyId[] } => {
  const world = newWorld()
  const [a] = world.phones as [Phone]
  for (const familyId of world.families.slice(0, 2)) a.commands.setRosterMembership(familyId, true)
  syncAll(world.phones)
  return { phones: world.phones, families: world.families }
}

describe('coordinator commands', () => {
  it('roster membership applies from the next period, at the end of the order; the current period never moves', () => {
    const { phones, families } = withRoster()
    const [a, b] = phones as [Phone, Phone]
    const { roster } = a.view.get().coordination
    expect(roster.map((entry) => [entry.from, entry.position])).toEqual(expect.arrayContaining([[NEXT_PERIOD, 1], [NEXT_PERIOD, 2]]))
    expect(roster.every((entry) => entry.at !== undefined)).toBe(true)
    expect(coordinatorOn(a.view.get().coordination, THIS_PERIOD)).toBeNull()
    expect(coordinatorOn(a.view.get().coordination, NEXT_PERIOD)).not.toBeNull()
    // The third family joins at the end; leaving is also from the next period.
    b.commands.setRosterMembership(families[2]!, true)
    syncAll(phones)
    expect(a.view.get().coordination.roster.find((entry) => entry.familyId === families[2])?.position).toBe(3)
    a.commands.setRosterMembership(families[0]!, false)
    const leaving = a.view.get().coordination.roster.filter((entry) => entry.familyId === families[0])
    expect(leaving).toHaveLength(1) // same family and `from`: the entry is replaced
    expect(leaving[0]).toMatchObject({ accepted: false, position: 1, from: NEXT_PERIOD })
  })

  it('a period offered is taken by another family: one coordinator, and the loser of a race is told', () => {
    const { phones, families } = withRoster()
    const [a, b, c] = phones as [Phone, Phone, Phone]
    const holder = coordinatorOn(a.view.get().coordination, NEXT_PERIOD) as FamilyId
    const [owner, taker, other] = [phones[families.indexOf(holder)]!, ...phones.filter((phone) => phone.me.get().familyId !== holder)] as [Phone, Phone, Phone]
    expect(taker.commands.offerPeriod(NEXT_PERIOD, taker.me.get().familyId!)).toEqual({ ok: false, error: 'notHolder' })
    const offerId = valueOf(owner.commands.offerPeriod(NEXT_PERIOD, holder))
    syncAll([a, b, c])
    expect(owner.commands.answerPeriodOffer(offerId, holder, 'take')).toEqual({ ok: false, error: 'notEligible' })
    expect(taker.commands.answerPeriodOffer(offerId, taker.me.get().familyId!, 'take')).toEqual({ ok: true, value: 'taken' })
    expect(other.commands.answerPeriodOffer(offerId, other.me.get().familyId!, 'take')).toEqual({ ok: true, value: 'taken' })
    syncAll([c, b, a])
    const coordinators = [a, b, c].map((phone) => coordinatorOn(phone.view.get().coordination, NEXT_PERIOD))
    expect(new Set(coordinators).size).toBe(1)
    expect(coordinators[0]).not.toBe(holder)
    const results = [...coordinatorSchedule(a.view.get().coordination, NEXT_PERIOD).responses.values()].sort()
    expect(results).toEqual(['alreadyTaken', 'won'])
  })

  it('the incoming coordinator reads the notes and acknowledges the handover', () => {
    const { phones, families } = withRoster()
    const [a] = phones as [Phone]
    expect(a.commands.addHandoverNote(NEXT_PERIOD, families[0]!, { text: '  ' })).toEqual({ ok: false, error: { text: 'required' } })
    valueOf(a.commands.addHandoverNote(NEXT_PERIOD, families[0]!, { text: 'Clé du local chez les Bernard' }))
    syncAll(phones)
    const { next } = currentAndNextCoordinator(a.view.get().coordination, localDate('2027-03-13'))
    const incoming = phones[families.indexOf(next.coordinator as FamilyId)]!
    expect(incoming.view.get().coordination.notes.map((note) => note.text)).toEqual(['Clé du local chez les Bernard'])
    expect(handoverStatusOf(incoming.view.get().coordination.acks, next)).toBe('pending')
    incoming.commands.acknowledgeHandover(next.start, next.coordinator as FamilyId)
    syncAll(phones)
    for (const phone of phones) {
      const period = periodIn(coordinatorSchedule(phone.view.get().coordination, NEXT_PERIOD), NEXT_PERIOD)
      expect(period && handoverStatusOf(phone.view.get().coordination.acks, period)).toBe('acknowledged')
    }
  })

  it('setRoster validates the setting (a Monday) and stores it in the settings', () => {
    const { phones } = withRoster()
    const [a] = phones as [Phone]
    expect(a.commands.setRoster({ periodLength: 'twoWeeks', startsOn: localDate('2027-03-16') }).ok).toBe(false)
    expect(a.commands.setRoster({ periodLength: 'twoWeeks', startsOn: localDate('2027-03-15') }).ok).toBe(true)
    expect(a.view.get().coordination.setting).toMatchObject({ periodLength: 'twoWeeks', startsOn: '2027-03-15' })
  })
})

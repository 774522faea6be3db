// The rules coordination and slot offer toasts follow: two or three phones act offline, converge, and each claim
// ("vous coordonnez", "offre publiée", "offre retirée", "créneau proposé") holds exactly where it is true.
import { describe, expect, it } from 'vitest'
import { coordinatorOn } from '../../../src/domain/coordination/index.ts'
import { localDate } from '../../../src/domain/dates.ts'
import type { AdultId, FamilyId } from '../../../src/domain/ids.ts'
import { slotOfferHolds, slotOfferNow, slotWithdrawalHolds } from '../../../src/app/queries/offer-claim.ts'
import {
  periodAnswerHolds, periodOfferHolds, periodOfferNow, periodWithdrawalHolds, rosterClaimHolds,
} from '../../../src/app/queries/period-claim.ts'
import { NOW, newWorld, syncAll, valueOf, walkOn, type Phone } from './swap-phones.ts'

const NEXT_PERIOD = localDate('2027-03-15')

/** Three families on three phones, the first two on the roster; the phone of the next period's holder first. */
const withRoster = () => {
  const world = newWorld()
  const [a] = world.phones as [Phone]
  for (const familyId of world.families.slice(0, 2)) a.commands.setRosterMembership(familyId, true)
  syncAll(world.phones)
  const holder = coordinatorOn(a.view.get().coordination, NEXT_PERIOD) as FamilyId
  const owner = world.phones[world.families.indexOf(holder)] as Phone
  const [b, c] = world.phones.filter((phone) => phone !== owner) as [Phone, Phone]
  return { phones: world.phones, owner, holder, b, c }
}
const familyOf = (phone: Phone): FamilyId => phone.me.get().familyId as FamilyId
const offerOn = (phone: Phone, offerId: string) => periodOfferNow(phone.view.get().coordination, offerId)
/** Another write first: this phone's clock is then higher, so its next event is ordered after the other phones'. */
const bumpClock = (phone: Phone) =>
  valueOf(phone.commands.addHandoverNote(NEXT_PERIOD, familyOf(phone), { text: 'clé' }))

describe('coordinator period claims after a sync', () => {
  it('two families take one period offline: one "vous coordonnez" holds, the other phone is told who has it', () => {
    const { phones, owner, holder, b, c } = withRoster()
    const offerId = valueOf(owner.commands.offerPeriod(NEXT_PERIOD, holder))
    syncAll(phones)
    expect(periodOfferHolds(offerOn(owner, offerId))).toBe(true)
    expect(b.commands.answerPeriodOffer(offerId, familyOf(b), 'take')).toEqual({ ok: true, value: 'taken' })
    expect(c.commands.answerPeriodOffer(offerId, familyOf(c), 'take')).toEqual({ ok: true, value: 'taken' })
    // Before the sync each taker's claim holds on its own phone.
    expect(periodAnswerHolds(offerOn(b, offerId), familyOf(b), 'take')).toBe(true)
    expect(periodAnswerHolds(offerOn(c, offerId), familyOf(c), 'take')).toBe(true)
    syncAll(phones)
    const takers = [b, c].filter((phone) => periodAnswerHolds(offerOn(phone, offerId), familyOf(phone), 'take'))
    expect(takers).toHaveLength(1)
    const winner = familyOf(takers[0] as Phone)
    const loser = [b, c].find((phone) => phone !== takers[0]) as Phone
    expect(offerOn(loser, offerId)).toEqual({ kind: 'taken', winner, answer: 'take' })
    expect(coordinatorOn(loser.view.get().coordination, NEXT_PERIOD)).toBe(winner)
    // The author's "Offre publiée" no longer holds: the period went to the winner.
    expect(periodOfferHolds(offerOn(owner, offerId))).toBe(false)
  })

  it('a withdrawal ordered after another phone’s take changes nothing: "Offre retirée" no longer holds', () => {
    const { phones, owner, holder, b } = withRoster()
    const offerId = valueOf(owner.commands.offerPeriod(NEXT_PERIOD, holder))
    syncAll(phones)
    expect(b.commands.answerPeriodOffer(offerId, familyOf(b), 'take')).toEqual({ ok: true, value: 'taken' })
    bumpClock(owner)
    expect(owner.commands.withdrawPeriodOffer(offerId).ok).toBe(true)
    expect(periodWithdrawalHolds(offerOn(owner, offerId))).toBe(true)
    syncAll(phones)
    expect(periodWithdrawalHolds(offerOn(owner, offerId))).toBe(false)
    expect(periodAnswerHolds(offerOn(owner, offerId), familyOf(b), 'take')).toBe(true)
    expect(coordinatorOn(owner.view.get().coordination, NEXT_PERIOD)).toBe(familyOf(b))
  })

  it('a take ordered after the withdrawal loses: the taker’s claim sees the offer withdrawn', () => {
    const { phones, owner, holder, b } = withRoster()
    const offerId = valueOf(owner.commands.offerPeriod(NEXT_PERIOD, holder))
    syncAll(phones)
    expect(owner.commands.withdrawPeriodOffer(offerId).ok).toBe(true)
    bumpClock(b)
    expect(b.commands.answerPeriodOffer(offerId, familyOf(b), 'take')).toEqual({ ok: true, value: 'taken' })
    syncAll(phones)
    expect(offerOn(b, offerId)).toEqual({ kind: 'withdrawn' })
    expect(periodAnswerHolds(offerOn(b, offerId), familyOf(b), 'take')).toBe(false)
    expect(periodWithdrawalHolds(offerOn(owner, offerId))).toBe(true)
  })

  it('two phones change one family’s roster membership offline: only the claim the roster shows holds', () => {
    const { phones, owner, holder, b } = withRoster()
    owner.commands.setRosterMembership(holder, false)
    bumpClock(b)
    b.commands.setRosterMembership(holder, true)
    expect(rosterClaimHolds(owner.view.get().coordination, holder, false)).toBe(true)
    syncAll(phones)
    const claims = [false, true].map((member) => rosterClaimHolds(owner.view.get().coordination, holder, member))
    expect(claims.filter(Boolean)).toHaveLength(1)
    expect(rosterClaimHolds(b.view.get().coordination, holder, claims[1] as boolean)).toBe(true)
  })
})

describe('walk slot offer claims after a sync', () => {
  it('a withdrawal ordered after another phone’s take: "Offre retirée" and "créneau proposé" no longer hold', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    const walk = walkOn(world.lineId)
    valueOf(a.commands.signUp(walk, 'lead', camille))
    const offerId = valueOf(a.commands.offerSlot(walk, camille))
    expect(slotOfferHolds(slotOfferNow(a.view.get(), offerId, NOW))).toBe(true)
    syncAll([a, b])
    expect(b.commands.takeOffer(offerId, sophie)).toEqual({ ok: true, value: 'taken' })
    valueOf(a.commands.signUp(walkOn(world.lineId, '2027-03-16'), 'lead', camille))
    expect(a.commands.withdrawOffer(offerId).ok).toBe(true)
    expect(slotWithdrawalHolds(slotOfferNow(a.view.get(), offerId, NOW))).toBe(true)
    syncAll([a, b])
    const now = slotOfferNow(a.view.get(), offerId, NOW)
    expect(now).toEqual({ kind: 'taken', by: sophie })
    expect(slotWithdrawalHolds(now)).toBe(false)
    expect(slotOfferHolds(now)).toBe(false)
  })

  it('an offer of a place lost to another phone’s earlier sign-up is void', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    const walk = walkOn(world.lineId)
    valueOf(a.commands.signUp(walkOn(world.lineId, '2027-03-16'), 'lead', camille))
    valueOf(b.commands.signUp(walk, 'lead', sophie))
    valueOf(a.commands.signUp(walk, 'lead', camille))
    const offerId = valueOf(a.commands.offerSlot(walk, camille))
    expect(slotOfferHolds(slotOfferNow(a.view.get(), offerId, NOW))).toBe(true)
    syncAll([a, b])
    expect(slotOfferNow(a.view.get(), offerId, NOW)).toEqual({ kind: 'void' })
    expect(slotOfferHolds(slotOfferNow(b.view.get(), offerId, NOW))).toBe(false)
  })
})

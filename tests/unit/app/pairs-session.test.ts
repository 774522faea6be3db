// "Trajet en binôme" commands on phones: ask, refusals, withdraw, "passer le témoin", concurrent asks, staffing unchanged.
import { describe, expect, it } from 'vitest'
import { effectiveWalkOf } from '../../../src/app/queries/rota.ts'
import { pairsIndex, pairsOfWalk, walkPairLines } from '../../../src/app/queries/pairs.ts'
import { localDate } from '../../../src/domain/dates.ts'
import type { AdultId } from '../../../src/domain/ids.ts'
import { checkPairInvariants } from '../../../src/domain/pairs.ts'
import { walkKeyOf, type WalkRef } from '../../../src/domain/signup.ts'
import { NOW, newWorld, syncAll, valueOf, walkOn, type Phone } from './swap-phones.ts'

const linesOf = (phone: Phone, walk: WalkRef) => {
  const rota = effectiveWalkOf(phone.view.get(), walk, NOW)!
  return walkPairLines(rota, pairsOfWalk(pairsIndex(phone.view.get()), walkKeyOf(walk)))
    .map((line) => [line.pair.adultId, line.pair.withAdultId, line.pair.kind, line.review])
}

describe('pair commands', () => {
  it('a newcomer walks in pair with the lead: shown, never counted, withdrawn', () => {
    const { phones, adults, lineId } = newWorld()
    const [a, b] = phones as [Phone, Phone]
    const [camille, sophie, minh] = adults as [AdultId, AdultId, AdultId]
    const walk = walkOn(lineId)
    valueOf(a.commands.signUp(walk, 'lead', camille))
    valueOf(a.commands.signUp(walk, 'tail', minh))
    const before = effectiveWalkOf(a.view.get(), walk, NOW)!
    syncAll([a, b])
    expect(b.commands.askPair(walk, sophie, sophie)).toEqual({ ok: false, error: 'sameAdult' })
    expect(b.commands.askPair(walk, camille, minh)).toEqual({ ok: false, error: 'alreadyOnWalk' })
    expect(b.commands.askPair(walkOn(lineId, '2027-03-16'), sophie, camille)).toEqual({ ok: false, error: 'withNotOnWalk' })
    expect(b.commands.askPair(walk, sophie, camille)).toEqual({ ok: true, value: undefined })
    syncAll([a, b])
    expect(linesOf(a, walk)).toEqual([[sophie, camille, 'pair', false]])
    const after = effectiveWalkOf(a.view.get(), walk, NOW)!
    expect([after.requiredAdults, after.lead, after.tail, after.extras, after.state])
      .toEqual([before.requiredAdults, before.lead, before.tail, before.extras, before.state])
    // The lead leaves: the pair stays, "à revoir".
    valueOf(a.commands.withdraw(walk, camille))
    expect(linesOf(a, walk)).toEqual([[sophie, camille, 'pair', true]])
    expect(a.commands.withdrawPair(walk, sophie)).toEqual({ ok: true, value: undefined })
    expect(linesOf(a, walk)).toEqual([])
    expect(a.commands.withdrawPair(walk, sophie)).toEqual({ ok: false, error: 'nothingToWithdraw' })
  })

  it('two phones asking one newcomer\'s pair offline converge on one pair', () => {
    const { phones, adults, lineId } = newWorld()
    const [a, b, c] = phones as [Phone, Phone, Phone]
    const [camille, sophie, minh] = adults as [AdultId, AdultId, AdultId]
    const walk = walkOn(lineId)
    valueOf(a.commands.signUp(walk, 'lead', camille))
    valueOf(a.commands.signUp(walk, 'tail', minh))
    syncAll([a, b, c])
    valueOf(b.commands.askPair(walk, sophie, camille))
    valueOf(c.commands.askPair(walk, sophie, minh))
    syncAll([a, b, c])
    const seen = [a, b, c].map((phone) => JSON.stringify(linesOf(phone, walk)))
    expect(new Set(seen).size).toBe(1)
    expect(linesOf(a, walk)).toHaveLength(1)
  })

  it('passer le témoin pairs the newcomer on the leaving adult\'s walks until the date', () => {
    const { phones, adults, lineId } = newWorld()
    const [a] = phones as [Phone]
    const [camille, sophie] = adults as [AdultId, AdultId]
    for (const date of ['2027-03-15', '2027-03-16', '2027-03-18', '2027-03-25']) valueOf(a.commands.signUp(walkOn(lineId, date), 'lead', camille))
    expect(a.commands.handOver(camille, camille, localDate('2027-03-20'))).toEqual({ ok: false, error: { to: 'sameAdult' } })
    expect(a.commands.handOver(camille, sophie, localDate('2027-03-01'))).toEqual({ ok: false, error: { until: 'beforeToday' } })
    valueOf(a.commands.askPair(walkOn(lineId, '2027-03-16'), sophie, camille))
    expect(a.commands.handOver(camille, sophie, localDate('2027-03-20'))).toEqual({ ok: true, value: 2 })
    expect(linesOf(a, walkOn(lineId, '2027-03-18'))).toEqual([[sophie, camille, 'handover', false]])
    expect(linesOf(a, walkOn(lineId, '2027-03-25'))).toEqual([])
    expect(a.commands.handOver(camille, sophie, localDate('2027-03-20'))).toEqual({ ok: false, error: 'nothingToHandOver' })
  })

  it('a newcomer taking the leaving adult\'s place by swap holds it: one holder, no pair line, invariants hold', () => {
    const { phones, adults, lineId } = newWorld()
    const [a, b] = phones as [Phone, Phone]
    const [camille, sophie] = adults as [AdultId, AdultId]
    const walk = walkOn(lineId)
    valueOf(a.commands.signUp(walk, 'lead', camille))
    expect(a.commands.handOver(camille, sophie, localDate('2027-03-15'))).toEqual({ ok: true, value: 1 })
    const offerId = valueOf(a.commands.offerSlot(walk, camille))
    syncAll([a, b])
    expect(b.commands.takeOffer(offerId, sophie)).toEqual({ ok: true, value: 'taken' })
    syncAll([a, b])
    for (const phone of [a, b]) {
      const view = phone.view.get()
      const rota = effectiveWalkOf(view, walk, NOW)!
      // Sophie is on the walk once, as its lead (she has no sign-up of her own: the swap gave her Camille's).
      expect([rota.lead?.adultId, rota.tail, rota.extras]).toEqual([sophie, null, []])
      expect(view.signUps.some((s) => s.adultId === sophie && s.status === 'active')).toBe(false)
      expect(linesOf(phone, walk)).toEqual([])
      expect(checkPairInvariants(view.pairs ?? [], [rota], view.signUps)).toEqual([])
    }
  })
})

// Swap commands of a session: offer and take, concurrent takes, withdrawal racing a take, trades, expiry, release, and the demo's examples.
import { describe, expect, it } from 'vitest'
import { openDemoSession } from '../../../src/app/demo.ts'
import { effectiveWalkOf } from '../../../src/app/queries/rota.ts'
import { swapStateOf } from '../../../src/app/queries/swap-state.ts'
import { instantToParisDate } from '../../../src/domain/calendar/paris-time.ts'
import { coordinatorOn } from '../../../src/domain/coordination/schedule.ts'
import { responseKeyOf, type OfferId } from '../../../src/domain/swaps/records.ts'
import type { AdultId } from '../../../src/domain/ids.ts'
import type { WalkRef } from '../../../src/domain/signup.ts'
import { NOW, newWorld, syncAll, valueOf, walkOn, type Phone } from './swap-phones.ts'

const leadOf = (phone: Phone, walk: WalkRef): AdultId | undefined => effectiveWalkOf(phone.view.get(), walk, NOW)?.lead?.adultId
const resultOf = (phone: Phone, offerId: OfferId, adultId: AdultId): string | undefined =>
  swapStateOf(phone.view.get(), NOW).resolution.responses.find((outcome) => responseKeyOf(outcome.response) === responseKeyOf({ offerId, adultId }))?.result.kind

describe('swap commands', () => {
  it('A offers a slot, B takes it in one tap, A’s rota shows B', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    const walk = walkOn(world.lineId)
    expect(a.commands.signUp(walk, 'lead', camille)).toEqual({ ok: true, value: 'held' })
    expect(a.commands.offerSlot(walk, sophie)).toEqual({ ok: false, error: 'notHolder' })
    const offerId = valueOf(a.commands.offerSlot(walk, camille))
    syncAll([a, b])
    expect(b.commands.takeOffer(offerId, camille)).toEqual({ ok: false, error: 'notEligible' })
    expect(b.commands.takeOffer(offerId, sophie)).toEqual({ ok: true, value: 'taken' })
    expect(leadOf(a, walk)).toBe(camille)
    syncAll([a, b])
    expect(leadOf(a, walk)).toBe(sophie)
    const [offer] = a.view.get().swaps.offers
    expect(offer?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
    expect(b.commands.takeOffer(offerId, sophie)).toEqual({ ok: true, value: 'alreadyTaken' })
  })

  for (const order of ['bc', 'cb'] as const) {
    it(`two offline takes of one offer resolve to one taker on every phone, the other told (exchange ${order})`, () => {
      const world = newWorld()
      const [a, b, c] = world.phones as [Phone, Phone, Phone]
      const [camille, sophie, minh] = world.adults as [AdultId, AdultId, AdultId]
      const walk = walkOn(world.lineId)
      valueOf(a.commands.signUp(walk, 'lead', camille))
      const offerId = valueOf(a.commands.offerSlot(walk, camille))
      syncAll([a, b, c])
      // Both offline: each phone sees its own take win.
      expect(b.commands.takeOffer(offerId, sophie)).toEqual({ ok: true, value: 'taken' })
      expect(c.commands.takeOffer(offerId, minh)).toEqual({ ok: true, value: 'taken' })
      syncAll(order === 'bc' ? [b, c, a] : [c, b, a])
      const leads = [a, b, c].map((phone) => leadOf(phone, walk))
      expect(new Set(leads).size).toBe(1)
      const winner = leads[0]
      expect([sophie, minh]).toContain(winner)
      const loser = winner === sophie ? minh : sophie
      for (const phone of [a, b, c]) {
        expect(resultOf(phone, offerId, winner as AdultId)).toBe('won')
        expect(resultOf(phone, offerId, loser)).toBe('alreadyTaken')
      }
    })
  }

  it('an offer withdrawn while someone takes it offline resolves the same on both phones, one holder', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    const walk = walkOn(world.lineId)
    valueOf(a.commands.signUp(walk, 'lead', camille))
    const offerId = valueOf(a.commands.offerSlot(walk, camille))
    syncAll([a, b])
    expect(b.commands.withdrawOffer(offerId)).toEqual({ ok: false, error: 'notHolder' })
    expect(a.commands.withdrawOffer(offerId)).toEqual({ ok: true, value: undefined })
    expect(b.commands.takeOffer(offerId, sophie)).toEqual({ ok: true, value: 'taken' })
    syncAll([b, a])
    const lead = leadOf(a, walk)
    expect(leadOf(b, walk)).toBe(lead)
    expect([camille, sophie]).toContain(lead)
    const holders = effectiveWalkOf(a.view.get(), walk, NOW)
    expect([holders?.lead, holders?.tail, ...(holders?.extras ?? [])].filter((holder) => holder !== null && holder !== undefined)).toHaveLength(1)
    const status = swapStateOf(a.view.get(), NOW).resolution.offers.get(offerId)?.status
    expect(status).toBe(swapStateOf(b.view.get(), NOW).resolution.offers.get(offerId)?.status)
    expect(status === 'withdrawn' ? camille : sophie).toBe(lead)
  })

  it('a trade accepted by the target family changes both slots at once', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    const monday = walkOn(world.lineId)
    const tuesday = walkOn(world.lineId, '2027-03-16')
    valueOf(a.commands.signUp(monday, 'lead', camille))
    valueOf(b.commands.signUp(tuesday, 'lead', sophie))
    syncAll([a, b])
    const offerId = valueOf(a.commands.proposeTrade(monday, camille, { familyId: world.families[1]!, walk: tuesday }))
    syncAll([a, b])
    expect(a.commands.answerTrade(offerId, camille, { accept: true })).toEqual({ ok: false, error: 'notEligible' })
    expect(b.commands.answerTrade(offerId, sophie, { accept: true })).toEqual({ ok: true, value: 'traded' })
    syncAll([a, b])
    for (const phone of [a, b]) {
      expect(leadOf(phone, monday)).toBe(sophie)
      expect(leadOf(phone, tuesday)).toBe(camille)
    }
  })

  it('a declined trade changes nothing', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    const monday = walkOn(world.lineId)
    valueOf(a.commands.signUp(monday, 'lead', camille))
    const offerId = valueOf(a.commands.proposeTrade(monday, camille, { familyId: world.families[1]! }))
    syncAll([a, b])
    expect(b.commands.answerTrade(offerId, sophie, { accept: false })).toEqual({ ok: true, value: 'declined' })
    syncAll([a, b])
    expect(leadOf(a, monday)).toBe(camille)
  })

  it('a take is refused once the walk has started; offering a started walk too', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    const walk = walkOn(world.lineId)
    valueOf(a.commands.signUp(walk, 'lead', camille))
    const offerId = valueOf(a.commands.offerSlot(walk, camille))
    syncAll([a, b])
    b.clock = NOW + 3 * 86_400_000
    a.clock = b.clock
    expect(b.commands.takeOffer(offerId, sophie)).toEqual({ ok: false, error: 'expired' })
    expect(a.commands.offerSlot(walk, camille)).toEqual({ ok: false, error: 'expired' })
    expect(b.view.get().swaps.responses).toEqual([])
  })

  it('a slot received through an offer can be released; it then has no holder', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    const walk = walkOn(world.lineId)
    valueOf(a.commands.signUp(walk, 'lead', camille))
    const offerId = valueOf(a.commands.offerSlot(walk, camille))
    syncAll([a, b])
    valueOf(b.commands.takeOffer(offerId, sophie))
    expect(a.commands.releaseSlot(offerId, camille)).toEqual({ ok: false, error: 'notHolder' })
    expect(b.commands.releaseSlot(offerId, sophie)).toEqual({ ok: true, value: undefined })
    syncAll([a, b])
    expect(leadOf(a, walk)).toBeUndefined()
  })
})

describe('demo swaps', () => {
  it('the demo has one open offer that "me" can take, and a roster of three families with a coordinator', async () => {
    const demo = await openDemoSession('https://pedibus.example', () => NOW, 'fr')
    const view = demo.view.get()
    expect(view.toCheck).toEqual([])
    const [offer] = view.swaps.offers
    expect(view.swaps.offers).toHaveLength(1)
    expect(swapStateOf(view, NOW).offerById.get(offer!.id)?.status).toBe('open')
    expect(new Set(view.coordination.roster.map((entry) => entry.familyId)).size).toBe(3)
    expect(coordinatorOn(view.coordination, instantToParisDate(NOW))).not.toBeNull()
    const me = demo.me.get()
    expect(demo.takeOffer(offer!.id, me.adultId!)).toEqual({ ok: true, value: 'taken' })
    demo.destroy()
  })
})

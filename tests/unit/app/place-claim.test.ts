// The rule toasts follow: where an adult stands on a walk after a sync, and whether "C'est noté : … conducteur" still holds.
import { describe, expect, it } from 'vitest'
import { claimHolds, OFF, placeOf, type Place } from '../../../src/app/queries/place-claim.ts'
import type { AdultId } from '../../../src/domain/ids.ts'
import { NOW, newWorld, syncAll, valueOf, walkOn, type Phone } from './swap-phones.ts'

const lead: Place = { kind: 'held', slot: 'lead' }

describe('a confirmation follows the synced rota', () => {
  it('the loser of two offline sign-ups on one place is on the waiting list: "held as lead" no longer holds', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    const walk = walkOn(world.lineId)
    // Camille's phone signs her up elsewhere first: her clock is then higher, so Sophie's sign-up wins the place.
    expect(a.commands.signUp(walkOn(world.lineId, '2027-03-16'), 'lead', camille)).toEqual({ ok: true, value: 'held' })
    expect(b.commands.signUp(walk, 'lead', sophie)).toEqual({ ok: true, value: 'held' })
    expect(a.commands.signUp(walk, 'lead', camille)).toEqual({ ok: true, value: 'held' })
    expect(placeOf(a.view.get(), walk, camille, NOW)).toEqual(lead)

    syncAll([a, b])
    const after = placeOf(a.view.get(), walk, camille, NOW)
    expect(after).toEqual({ kind: 'waiting' })
    expect(claimHolds(lead, after)).toBe(false)
    expect(claimHolds(lead, placeOf(b.view.get(), walk, sophie, NOW))).toBe(true)
  })

  it('a taker who lost an offline take holds nothing; a withdrawal undone elsewhere or a cancelled walk are told apart', () => {
    const world = newWorld()
    const [a, b, c] = world.phones as [Phone, Phone, Phone]
    const [camille, sophie, minh] = world.adults as [AdultId, AdultId, AdultId]
    const walk = walkOn(world.lineId)
    valueOf(a.commands.signUp(walk, 'lead', camille))
    const offerId = valueOf(a.commands.offerSlot(walk, camille))
    syncAll([a, b, c])
    expect(b.commands.takeOffer(offerId, sophie)).toEqual({ ok: true, value: 'taken' })
    expect(c.commands.takeOffer(offerId, minh)).toEqual({ ok: true, value: 'taken' })
    syncAll([a, b, c])
    const places = [placeOf(b.view.get(), walk, sophie, NOW), placeOf(c.view.get(), walk, minh, NOW)]
    expect(places.filter((place) => claimHolds(lead, place))).toHaveLength(1)
    expect(places.filter((place) => claimHolds(OFF, place))).toHaveLength(1)
    // The giver is off the walk once the take is in.
    expect(placeOf(a.view.get(), walk, camille, NOW)).toEqual(OFF)
  })

  it('compares slots: a place held as tail does not confirm "lead"; a waiting claim holds only while waiting', () => {
    expect(claimHolds(lead, { kind: 'held', slot: 'tail' })).toBe(false)
    expect(claimHolds(lead, lead)).toBe(true)
    expect(claimHolds({ kind: 'waiting' }, { kind: 'waiting' })).toBe(true)
    expect(claimHolds({ kind: 'waiting' }, lead)).toBe(false)
    expect(claimHolds(OFF, OFF)).toBe(true)
    expect(claimHolds(OFF, { kind: 'waiting' })).toBe(false)
  })
})

// One adult, one walk at a time, decided on the rota with swaps applied: a place given away books nobody, a place received does.
import { describe, expect, it } from 'vitest'
import { goneNotices, weekOf, type RotaModel } from '../../../src/app/queries/rota.ts'
import { swapStateOf } from '../../../src/app/queries/swap-state.ts'
import * as edit from '../../../src/doc/mutations.ts'
import type { AdultId, LineId } from '../../../src/domain/ids.ts'
import { walkKeyOf, type WalkRef } from '../../../src/domain/signup.ts'
import type { EffectiveWalk } from '../../../src/domain/swaps/index.ts'
import { NOW, newWorld, syncAll, valueOf, walkOn, type Phone, type World } from './swap-phones.ts'

interface Scene {
  readonly world: World
  readonly lineB: LineId
  /** Monday aller on the fixture's line, and on line B at the same time. */
  readonly onA: WalkRef
  readonly onB: WalkRef
}

const scene = (): Scene => {
  const world = newWorld()
  const lineB = valueOf(edit.addLine(world.doc, { name: 'Ligne B', colour: '#1565c0', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }))
  syncAll(world.phones)
  return { world, lineB, onA: walkOn(world.lineId), onB: walkOn(lineB) }
}

const shown = (phone: Phone, ref: WalkRef): EffectiveWalk => {
  const walk = weekOf(phone.view.get() as RotaModel, ref.date, NOW).flatMap((day) => day.walks).find((candidate) => candidate.key === walkKeyOf(ref))
  if (walk === undefined) throw new Error('walk not shown')
  return walk as EffectiveWalk
}

const isOn = (walk: EffectiveWalk, adultId: AdultId): boolean =>
  [walk.lead, walk.tail, ...walk.extras, ...walk.waiting].some((signUp) => signUp?.adultId === adultId)

/** On both walks at that time, as every phone shows them. */
const placesOf = (s: Scene, adultId: AdultId): string[][] =>
  s.world.phones.map((phone) => [s.onA, s.onB].flatMap((ref) => (isOn(shown(phone, ref), adultId) ? [ref.lineId] : [])))

describe('double bookings decided with swaps applied', () => {
  it('a place given away through a swap books its author no more: their place at that time on another line counts', () => {
    const s = scene()
    const [one, two] = s.world.phones as [Phone, Phone, Phone]
    const [adult1, adult2] = s.world.adults as [AdultId, AdultId, AdultId]
    expect(one.commands.signUp(s.onA, 'lead', adult1)).toEqual({ ok: true, value: 'held' })
    syncAll(s.world.phones)
    // Later, a plan computed before that sign-up also places the adult on line B at that time (written as is).
    edit.writePublishedSignUps(two.doc, [{ walk: s.onB, adultId: adult1, familyId: s.world.familyId, slot: 'tail' }], { actor: two.me.get().actorId })
    syncAll(s.world.phones)
    expect(placesOf(s, adult1)).toEqual([[s.world.lineId], [s.world.lineId], [s.world.lineId]])
    const offerId = valueOf(one.commands.offerSlot(s.onA, adult1))
    syncAll(s.world.phones)
    expect(two.commands.takeOffer(offerId, adult2)).toEqual({ ok: true, value: 'taken' })
    syncAll(s.world.phones)
    // Adult 1 is on line B now, on every phone; nobody is told the line B place is set aside.
    expect(placesOf(s, adult1)).toEqual([[s.lineB], [s.lineB], [s.lineB]])
    expect(shown(one, s.onB).tail?.adultId).toBe(adult1)
    expect(goneNotices(one.view.get(), (signUp) => signUp.adultId === adult1, NOW)).toEqual([])
  })

  it('a take by an adult already on another walk at that time is refused, and says why', () => {
    const s = scene()
    const [one, two] = s.world.phones as [Phone, Phone, Phone]
    const [adult1, adult2] = s.world.adults as [AdultId, AdultId, AdultId]
    valueOf(one.commands.signUp(s.onA, 'lead', adult1))
    valueOf(two.commands.signUp(s.onB, 'lead', adult2))
    syncAll(s.world.phones)
    const offerId = valueOf(one.commands.offerSlot(s.onA, adult1))
    syncAll(s.world.phones)
    expect(two.commands.takeOffer(offerId, adult2)).toEqual({ ok: false, error: 'busyElsewhere' })
    expect(placesOf(s, adult2)).toEqual([[s.lineB], [s.lineB], [s.lineB]])
  })

  it('a take written offline while the taker signed up on another line at that time: the earlier one counts, on every phone', () => {
    for (const takeFirst of [true, false]) {
      const s = scene()
      const [one, two, three] = s.world.phones as [Phone, Phone, Phone]
      const [adult1, adult2] = s.world.adults as [AdultId, AdultId, AdultId]
      valueOf(one.commands.signUp(s.onA, 'lead', adult1))
      const offerId = valueOf(one.commands.offerSlot(s.onA, adult1))
      syncAll(s.world.phones)
      // Phone 2 takes the offer; phone 3 (offline, a shared phone) signs adult 2 up on line B at the same time.
      const write = [
        () => valueOf(two.commands.takeOffer(offerId, adult2)),
        () => edit.writeSignUp(three.doc, { walk: s.onB, adultId: adult2, familyId: s.world.families[1]!, slot: 'lead', actor: three.me.get().actorId }),
      ]
      for (const run of takeFirst ? write : [...write].reverse()) run()
      syncAll(s.world.phones)
      const places = placesOf(s, adult2)
      expect(places[1]).toEqual(places[0])
      expect(places[2]).toEqual(places[0])
      expect(places[0]).toHaveLength(1)
      const resolution = swapStateOf(one.view.get(), NOW).resolution
      const setAside = [...resolution.setAside.keys()].filter((signUp) => signUp.adultId === adult2)
      // Whichever is the later write loses: the take (refused) or the sign-up (set aside, the family told where they are).
      if (setAside.length > 0) {
        expect(places[0]).toEqual([s.world.lineId])
        expect(goneNotices(one.view.get(), (signUp) => signUp.adultId === adult2, NOW)).toMatchObject([{ keptLineName: expect.any(String) }])
      } else {
        expect(places[0]).toEqual([s.lineB])
        expect(resolution.responses.find((outcome) => outcome.response.adultId === adult2)?.result).toEqual({ kind: 'busyElsewhere' })
      }
    }
  })
})

// Publishing a plan on a phone that has part of another phone's changes: every place written is held right after.
//
// Both found by the convergence harness, where the network drops and reorders updates:
// - seed 207940537: the coordinator's phone had a replacement offer and its take but not the offering adult's entry
//   (its rewrite had deleted it there, the new value had not arrived). The take was void on that phone, the plan put
//   the adult back in the slot, and that write brought the offered sign-up back: the take won again, the published
//   place went to the waiting list.
// - seed 207960721: the phone had another adult's entry on the walk but not the registration of a short id its key
//   names, so it could not read it; the plan's own write registered that id and the entry came in ahead of the place.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { effectiveWalkOf, holdersOf } from '../../../src/app/queries/rota.ts'
import * as edit from '../../../src/doc/mutations.ts'
import type { AdultId, FamilyId } from '../../../src/domain/ids.ts'
import type { PlannedSlot } from '../../../src/domain/planning/types.ts'
import { walkKeyOf, type Slot, type WalkRef } from '../../../src/domain/signup.ts'
import { stopInput } from '../doc/fixtures.ts'
import { newWorld, syncAll, valueOf, walkOn, type Phone, type World } from './swap-phones.ts'

const MONDAY = '2027-03-15'
const FRIDAY = '2027-03-19'

const planned = (world: World, walk: WalkRef, slot: Slot, adultId: AdultId): PlannedSlot => {
  const index = world.adults.indexOf(adultId)
  return { walk, key: walkKeyOf(walk), slot, adultId, familyId: world.families[index] as FamilyId }
}

/** The updates `phone` writes itself while `run` runs (what a relay would forward of that phone alone). */
const ownUpdates = (phone: Phone, run: () => void): Uint8Array[] => {
  const updates: Uint8Array[] = []
  const onUpdate = (update: Uint8Array): void => void updates.push(update)
  phone.doc.on('update', onUpdate)
  run()
  phone.doc.off('update', onUpdate)
  return updates
}

/** Three phones in sync, every adult available on every weekday's aller of the world's lines. */
const syncedWorld = (extraLine = false) => {
  const world = newWorld()
  const [a, b, c] = world.phones as [Phone, Phone, Phone]
  const lines = [world.lineId]
  if (extraLine) {
    const line = { name: 'Ligne des Chênes', colour: '#1565c0', directions: ['aller' as const], days: [1, 2, 4, 5] }
    const lineId = valueOf(edit.addLine(a.doc, line))
    valueOf(edit.addStop(a.doc, lineId, stopInput('Chênes')))
    lines.push(lineId)
  }
  const weekdays = [1, 2, 3, 4, 5]
  const recurring = lines.flatMap((lineId) => weekdays.map((weekday) => ({ weekday, direction: 'aller' as const, lineId })))
  for (const adultId of world.adults) {
    valueOf(a.commands.setAvailability(adultId, { recurring, exceptions: [], weeklyMax: null, preference: 'none' }))
  }
  syncAll([a, b, c])
  const [, sophie, minh] = world.adults as [AdultId, AdultId, AdultId]
  return { world, a, b, c, lines, sophie, minh }
}

/** Each place the publication wrote on `phone` is held there, in its slot. */
const expectHeld = (phone: Phone, places: readonly PlannedSlot[]): void => {
  for (const place of places) {
    const view = phone.view.get()
    const written = view.signUps.find((signUp) => signUp.adultId === place.adultId && walkKeyOf(signUp) === place.key)
    if (written === undefined || written.slot !== place.slot) continue
    const walk = effectiveWalkOf(view, place.walk, phone.clock)
    const held = walk !== null && holdersOf(walk, place.slot).some((holder) => holder.adultId === place.adultId)
    expect(held, `${place.key} ${place.slot}`).toBe(true)
  }
}

describe('publishing a plan over swap records whose claimed sign-up is missing on this phone', () => {
  /**
   * Phone B signs Sophie up as Monday's lead; phone C, which has that sign-up, offers her lead and Minh takes it.
   * The coordinator's phone A gets C's two records but not B's sign-up yet.
   */
  const offeredAndTakenElsewhere = () => {
    const synced = syncedWorld()
    const { world, a, b, c, sophie, minh } = synced
    const monday = walkOn(world.lineId, MONDAY)
    expect(b.commands.signUp(monday, 'lead', sophie)).toEqual({ ok: true, value: 'held' })
    syncAll([b, c])
    const records = ownUpdates(c, () => {
      const offerId = valueOf(c.commands.offerSlot(monday, sophie))
      expect(c.commands.takeOffer(offerId, minh)).toEqual({ ok: true, value: 'taken' })
    })
    for (const update of records) Y.applyUpdate(a.doc, update)
    return { ...synced, monday }
  }

  it('every published place is held right after, whichever slots the plan proposes', () => {
    for (const slots of [['lead'], ['tail'], ['lead', 'tail']] as const) {
      const { world, a, monday, sophie } = offeredAndTakenElsewhere()
      const plan = slots.map((slot) => planned(world, monday, slot, sophie))
      valueOf(a.commands.publishPlan(plan))
      expectHeld(a, plan)
    }
  })

  it('shows the take as the other phones will, and never publishes the offered slot back to its author', () => {
    const { world, a, b, c, monday, sophie, minh } = offeredAndTakenElsewhere()
    // Without Sophie's entry, phone A still sees the lead as the take left it.
    expect(effectiveWalkOf(a.view.get(), monday, a.clock)?.lead?.adultId).toBe(minh)
    const plan = [planned(world, monday, 'lead', sophie), planned(world, monday, 'tail', sophie)]
    expect(a.commands.publishPlan(plan)).toEqual({ ok: true, value: { written: 1, skipped: 1 } })
    const published = effectiveWalkOf(a.view.get(), monday, a.clock)
    expect(published).toMatchObject({ lead: { adultId: minh }, tail: { adultId: sophie } })
    // Once every phone has everything, they agree with what phone A showed.
    syncAll([a, b, c])
    for (const phone of [a, b, c]) {
      const walk = effectiveWalkOf(phone.view.get(), monday, phone.clock)
      expect(walk).toMatchObject({ lead: { adultId: minh }, tail: { adultId: sophie }, waiting: [] })
    }
  })
})

describe('publishing a plan where this phone has a sign-up it cannot read yet', () => {
  it('skips the walk, and the adult at that time, until the entry can be read; what it writes is held', () => {
    const { world, a, b, c, lines, sophie, minh } = syncedWorld(true)
    const [pins, chenes] = lines as [typeof world.lineId, typeof world.lineId]
    // Phone B's sign-up registers the short ids of Sophie and the line; phone C, which has them, signs Sophie up
    // for Monday's lead: phone A gets C's entry alone, whose key names ids A has not seen registered.
    expect(b.commands.signUp(walkOn(pins, '2027-03-18'), 'lead', sophie)).toEqual({ ok: true, value: 'held' })
    syncAll([b, c])
    const entry = ownUpdates(c, () => {
      expect(c.commands.signUp(walkOn(pins, MONDAY), 'lead', sophie)).toEqual({ ok: true, value: 'held' })
    })
    for (const update of entry) Y.applyUpdate(a.doc, update)
    expect(a.view.get().toCheck.filter((record) => record.kind === 'signUp')).toHaveLength(1)

    const plan = [
      planned(world, walkOn(pins, MONDAY), 'lead', minh), // the walk of the entry A cannot read
      planned(world, walkOn(chenes, MONDAY), 'lead', sophie), // Sophie at that date and direction, on another line
      planned(world, walkOn(pins, FRIDAY), 'tail', sophie), // written: it registers Sophie's short id on phone A
    ]
    const outcome = valueOf(a.commands.publishPlan(plan))
    expectHeld(a, plan)
    expect(outcome).toEqual({ written: 1, skipped: 2 })
    // Phone A reads the entry now: Sophie holds Monday's lead, as on the other phones.
    expect(a.view.get().toCheck).toEqual([])
    expect(effectiveWalkOf(a.view.get(), walkOn(pins, MONDAY), a.clock)?.lead?.adultId).toBe(sophie)
  })
})

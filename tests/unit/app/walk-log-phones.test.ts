// Walk-log commands on several phones: concurrent offline check-ins merge with the disagreement shown, notes and events belong to their device.
import { describe, expect, it } from 'vitest'
import { resolveWalk } from '../../../src/domain/rota/resolve.ts'
import { walkOf } from '../../../src/domain/rota/walks.ts'
import type { AdultId } from '../../../src/domain/ids.ts'
import type { WalkRef } from '../../../src/domain/signup.ts'
import { walkCheckIns, walkProgress } from '../../../src/domain/walk-log/index.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import type { TimeOfDay } from '../../../src/domain/dates.ts'
import { NOW, newWorld, syncAll, valueOf, walkOn, type Phone } from './swap-phones.ts'

/** The phones' clocks on the walk's morning: a walk of a later day takes no mark. */
const onTheDay = (phones: readonly Phone[], walk: WalkRef): void => {
  for (const phone of phones) phone.clock = parisToInstant(walk.date, '08:12' as TimeOfDay)
}

const listOf = (phone: Phone, ref: WalkRef) => {
  const view = phone.view.get()
  const walk = walkOf(view, ref)
  if (walk === null) throw new Error('no walk')
  return walkCheckIns(view, resolveWalk(view, walk, NOW), view.walkLog)
}

describe('walk-log commands on two phones', () => {
  it('two adults mark the same child offline: the same list on both with a disagreement, settled by marking again', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    const walk = walkOn(world.lineId)
    onTheDay(world.phones, walk)
    valueOf(a.commands.markChild(walk, world.childId, 'present', world.stops[1] ?? null, camille))
    valueOf(b.commands.markChild(walk, world.childId, 'absent', world.stops[1] ?? null, sophie))
    syncAll([a, b])
    expect(listOf(a, walk)).toEqual(listOf(b, walk))
    const line = listOf(a, walk).find((candidate) => candidate.id === world.childId)
    expect(line?.disagreement).toBe(true)
    expect(line?.marks.map((mark) => mark.status).sort()).toEqual(['absent', 'present'])

    valueOf(b.commands.markChild(walk, world.childId, 'present', world.stops[1] ?? null, sophie))
    syncAll([a, b])
    expect(listOf(a, walk)).toEqual(listOf(b, walk))
    expect(listOf(a, walk).find((candidate) => candidate.id === world.childId)).toMatchObject({ status: 'present', disagreement: false })
  })

  it('a guest added on one phone can be marked on the other once synced, keeping its name', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    const walk = walkOn(world.lineId)
    onTheDay(world.phones, walk)
    const guestId = valueOf(a.commands.addGuest(walk, { firstName: 'Zoé' }, null, camille))
    expect(b.commands.markChild(walk, guestId, 'present', null, sophie)).toEqual({ ok: false, error: 'unknownChild' })
    syncAll([a, b])
    valueOf(b.commands.markChild(walk, guestId, 'absent', null, sophie))
    expect(b.view.get().walkLog.checkIns.every((mark) => mark.guestName === 'Zoé')).toBe(true)
    syncAll([a, b])
    expect(listOf(a, walk).find((line) => line.id === guestId)).toMatchObject({ subject: { name: 'Zoé' }, status: 'absent', disagreement: false })
  })

  it('only the device that wrote a note or an event can remove or undo it', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille] = world.adults as [AdultId]
    const walk = walkOn(world.lineId)
    onTheDay(world.phones, walk)
    const noteId = valueOf(a.commands.addWalkNote(walk, { text: 'Pluie, on a attendu sous l’abri.' }, camille))
    valueOf(a.commands.markArrival(walk, camille))
    syncAll([a, b])
    expect(b.commands.removeWalkNote(noteId)).toEqual({ ok: false, error: 'notAuthor' })
    expect(b.commands.undoWalkEvent(walk, 'arrived', null)).toEqual({ ok: false, error: 'notFound' })
    expect(walkProgress(b.view.get(), walk, b.view.get().walkLog).arrivedBy).toBe(camille)
    expect(a.commands.removeWalkNote(noteId)).toEqual({ ok: true, value: undefined })
  })

  it('an absence declared on one phone is withdrawn by any member on another', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const id = valueOf(a.commands.declareAbsence({ childId: world.childId, from: '2027-03-15', to: '2027-03-15', direction: 'aller', note: '' }))
    syncAll([a, b])
    expect(b.commands.withdrawAbsence(id)).toEqual({ ok: true, value: undefined })
    syncAll([a, b])
    expect(a.view.get().walkLog.absences[0]?.withdrawn?.actor).toBe(b.me.get().actorId)
  })
})

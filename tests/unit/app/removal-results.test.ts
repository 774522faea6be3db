// Removals, roster membership and the handover acknowledgement answer what they did: 'notFound' (nothing written) when another phone removed the record first.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { RecordToCheck } from '../../../src/app/api.ts'
import { MAP_FAMILIES } from '../../../src/doc/keys.ts'
import { currentAndNextCoordinator } from '../../../src/domain/coordination/index.ts'
import { localDate } from '../../../src/domain/dates.ts'
import type { FamilyId } from '../../../src/domain/ids.ts'
import { err, ok } from '../../../src/lib/result.ts'
import { newWorld, syncAll, valueOf, type Phone, type World } from './swap-phones.ts'

/** Counts the document updates a call makes on this phone. */
const updatesOf = (phone: Phone, call: () => unknown): { result: unknown; updates: number } => {
  let updates = 0
  const count = (): void => {
    updates++
  }
  phone.doc.on('update', count)
  try {
    return { result: call(), updates }
  } finally {
    phone.doc.off('update', count)
  }
}

/** Phone A removes first and syncs; phone B, still showing the record, removes it again. */
const removedTwice = (world: World, remove: (phone: Phone) => unknown): { first: unknown; second: unknown; updates: number } => {
  const [a, b] = world.phones as [Phone, Phone]
  const first = remove(a)
  syncAll(world.phones)
  const { result: second, updates } = updatesOf(b, () => remove(b))
  return { first, second, updates }
}

describe('removals answer what they did', () => {
  const cases: Record<string, (world: World) => (phone: Phone) => unknown> = {
    removeFamily: (world) => (phone) => phone.commands.removeFamily(world.families[2]!),
    removeAdult: (world) => (phone) => phone.commands.removeAdult(world.adults[1]!),
    removeChild: (world) => (phone) => phone.commands.removeChild(world.childId),
    removeLine: (world) => (phone) => phone.commands.removeLine(world.lineId),
    removeStop: (world) => (phone) => phone.commands.removeStop(world.stops[0]!, new Map()),
    removeException: (world) => {
      const id = valueOf(world.phones[0]!.commands.addException({ date: '2027-03-19', lineId: null, direction: null, reason: 'strike', note: '' }))
      syncAll(world.phones)
      return (phone) => phone.commands.removeException(id)
    },
    removeHoliday: (world) => {
      const id = valueOf(world.phones[0]!.commands.addHoliday({ start: '2027-05-10', end: '2027-05-14', label: 'Pont' }))
      syncAll(world.phones)
      return (phone) => phone.commands.removeHoliday(id)
    },
    deleteRecordToCheck: (world) => {
      world.doc.getMap<unknown>(MAP_FAMILIES).set('broken', 'not a record')
      syncAll(world.phones)
      const record = world.phones[1]!.view.get().toCheck.find((candidate) => candidate.key === 'broken') as RecordToCheck
      expect(record).toBeDefined()
      return (phone) => phone.commands.deleteRecordToCheck(record)
    },
  }

  for (const [name, prepare] of Object.entries(cases)) {
    it(`${name}: done on the first phone; 'notFound' and nothing written on the second, after sync`, () => {
      const world = newWorld()
      const { first, second, updates } = removedTwice(world, prepare(world))
      expect(first).toEqual(ok(undefined))
      expect(second).toEqual(err('notFound'))
      expect(updates).toBe(0)
    })
  }

  it('a stop children still use is refused as before: nothing written', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    expect(a.commands.removeStop(world.stops[1]!, new Map())).toEqual(err('childrenNeedAStop'))
  })
})

describe('roster membership and the handover acknowledgement answer what they did', () => {
  it('joining writes an entry read back; a family removed on another phone is notFound and stays out of the rotation', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    expect(a.commands.setRosterMembership(world.families[0]!, true)).toEqual(ok(undefined))
    expect(a.view.get().coordination.roster.map((entry) => entry.familyId)).toEqual([world.families[0]])
    valueOf(a.commands.removeFamily(world.families[1]!))
    syncAll(world.phones)
    const { result, updates } = updatesOf(b, () => b.commands.setRosterMembership(world.families[1]!, true))
    expect(result).toEqual(err('notFound'))
    expect(updates).toBe(0)
    expect(b.view.get().coordination.roster.map((entry) => entry.familyId)).toEqual([world.families[0]])
  })

  it('the incoming coordinator acknowledges once; again (here or on another phone) says so and writes nothing', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    for (const familyId of world.families) valueOf(a.commands.setRosterMembership(familyId, true))
    syncAll(world.phones)
    const { next } = currentAndNextCoordinator(a.view.get().coordination, localDate('2027-03-13'))
    const incoming = next.coordinator as FamilyId
    const phone = world.phones[world.families.indexOf(incoming)]!
    const other = world.phones.find((candidate) => candidate !== phone && candidate.me.get().familyId !== incoming)!
    expect(phone.commands.acknowledgeHandover(next.start, incoming)).toEqual(ok('acknowledged'))
    syncAll(world.phones)
    for (const again of [phone, other]) {
      const { result, updates } = updatesOf(again, () => again.commands.acknowledgeHandover(next.start, incoming))
      expect(result).toEqual(ok('alreadyAcknowledged'))
      expect(updates).toBe(0)
    }
  })

  it('an acknowledgement for a family removed meanwhile is notFound, nothing written', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    valueOf(a.commands.removeFamily(world.families[1]!))
    syncAll(world.phones)
    const { result, updates } = updatesOf(b, () => b.commands.acknowledgeHandover(localDate('2027-03-15'), world.families[1]!))
    expect(result).toEqual(err('notFound'))
    expect(updates).toBe(0)
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
  })
})

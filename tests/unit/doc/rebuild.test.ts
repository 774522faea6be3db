// Rebuilding a diverged copy: the places this phone's waiting changes touched, written on the relay's copy.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changedPlaces, writePlaces } from '../../../src/doc/rebuild.ts'

/** A phone's doc whose own changes (after `base`) are recorded as V1 updates, like the outbox keeps them. */
const phoneWith = (base: Y.Doc) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const changes: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => changes.push(update))
  return { doc, changes }
}

const sorted = (value: unknown): string => JSON.stringify(value, (_k, inner: unknown) =>
  inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort()) : inner)

describe('rebuild from the relay', () => {
  it('finds the entries and record fields a change wrote or deleted', () => {
    const base = new Y.Doc()
    const family = new Y.Map<unknown>()
    base.getMap('families').set('f1', family)
    family.set('name', 's1.old')
    base.getMap('signups').set('w|lead|a1', { slot: 'lead' })
    const phone = phoneWith(base)
    ;(phone.doc.getMap('families').get('f1') as Y.Map<unknown>).set('name', 's1.new')
    phone.doc.getMap('signups').delete('w|lead|a1')
    const child = new Y.Map<unknown>()
    phone.doc.getMap('children').set('c1', child)
    child.set('familyId', 'f1')
    expect(changedPlaces(phone.doc, phone.changes).map((place) => [place.map, place.key, place.field ?? null]).sort()).toEqual([
      ['children', 'c1', null],
      ['children', 'c1', 'familyId'],
      ['families', 'f1', 'name'],
      ['signups', 'w|lead|a1', null],
    ].sort())
  })

  it("writes this phone's values at those places on the relay's copy, and leaves everything else as the relay has it", () => {
    const base = new Y.Doc()
    const family = new Y.Map<unknown>()
    base.getMap('families').set('f1', family)
    family.set('name', 's1.old')
    family.set('joinedOn', '2026-09-01')
    const phone = phoneWith(base)
    ;(phone.doc.getMap('families').get('f1') as Y.Map<unknown>).set('name', 's1.mine')
    phone.doc.getMap('signups').set('w|lead|a1', { slot: 'lead', actor: 'me' })
    const removedHere = new Y.Map<unknown>()
    phone.doc.getMap('families').set('f2', removedHere)
    phone.doc.getMap('families').delete('f2')

    // The relay's copy: someone else changed another field and wrote a forged entry elsewhere.
    const relay = new Y.Doc()
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(base))
    ;(relay.getMap('families').get('f1') as Y.Map<unknown>).set('joinedOn', '2026-10-01')
    relay.getMap('forged').set('x', 'by a member')

    writePlaces(phone.doc, relay, changedPlaces(phone.doc, phone.changes))
    expect(sorted(relay.getMap('families').toJSON())).toBe(sorted({ f1: { name: 's1.mine', joinedOn: '2026-10-01' } }))
    expect(relay.getMap('signups').toJSON()).toEqual({ 'w|lead|a1': { slot: 'lead', actor: 'me' } })
    expect(relay.getMap('forged').toJSON()).toEqual({ x: 'by a member' })
  })

  it("keeps a record removed on the relay removed when this phone only changed one of its fields", () => {
    const base = new Y.Doc()
    const family = new Y.Map<unknown>()
    base.getMap('families').set('f1', family)
    family.set('name', 's1.old')
    const phone = phoneWith(base)
    ;(phone.doc.getMap('families').get('f1') as Y.Map<unknown>).set('name', 's1.mine')
    const relay = new Y.Doc()
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(base))
    relay.getMap('families').delete('f1')
    writePlaces(phone.doc, relay, changedPlaces(phone.doc, phone.changes))
    expect(relay.getMap('families').toJSON()).toEqual({})
  })
})

// What the phone sends: large changes in parts that each integrate, never its own pending structs.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { partBytesFor, prepareOutgoing } from '../../../src/sync/outgoing.ts'

describe('outgoing changes', () => {
  it('cuts a step 2 larger than the part size into parts that integrate one after the other', () => {
    const phone = new Y.Doc()
    for (let i = 0; i < 200; i++) {
      const record = new Y.Map<unknown>()
      phone.getMap('families').set(`f${i}`, record)
      record.set('name', `s1.${'n'.repeat(500)}${i}`)
      if (i % 3 === 0) phone.getMap('families').delete(`f${i - 1}`)
    }
    const relay = new Y.Doc()
    const step2 = Y.encodeStateAsUpdate(phone, Y.encodeStateVector(relay))
    const parts = prepareOutgoing(phone, step2, 16 * 1024)
    expect(parts.length).toBeGreaterThan(4)
    for (const part of parts) {
      expect(part.length).toBeLessThan(16 * 1024 + 1024)
      Y.applyUpdate(relay, part)
      expect(relay.store.pendingStructs).toBeNull()
      expect(relay.store.pendingDs).toBeNull()
    }
    expect(relay.getMap('families').toJSON()).toEqual(phone.getMap('families').toJSON())
  })

  it('leaves out what the phone itself could not integrate, and sends small changes as they are', () => {
    const other = new Y.Doc()
    other.getMap('m').set('a', 1)
    other.getMap('m').set('b', 2)
    const phone = new Y.Doc()
    phone.getMap('m').set('mine', true)
    // Only the second change of `other` arrives: pending on the phone, forever missing its predecessor.
    const onlyB = Y.encodeStateAsUpdate(other, Y.encodeStateVector(new Map([[other.clientID, 1]])))
    Y.applyUpdate(phone, onlyB)
    expect(phone.store.pendingStructs).not.toBeNull()
    const [sent] = prepareOutgoing(phone, Y.encodeStateAsUpdate(phone), 1024 * 1024)
    const relay = new Y.Doc()
    Y.applyUpdate(relay, sent!)
    expect(relay.store.pendingStructs).toBeNull()
    expect(relay.getMap('m').toJSON()).toEqual({ mine: true })
    const small = Y.encodeStateAsUpdate(relay)
    expect(prepareOutgoing(relay, small)).toEqual([small])
  })

  it("sizes parts for the relay's advertised limit, within bounds", () => {
    expect(partBytesFor(2 * 1024 * 1024)).toBe(512 * 1024)
    expect(partBytesFor(64 * 1024)).toBe(16 * 1024)
    expect(partBytesFor(1024)).toBe(8 * 1024)
  })
})

// Update shapes, integration plans and parts: a shape re-encodes to an equivalent update, a plan says exactly when
// Yjs would keep something pending, and parts of a large update each integrate completely, in order.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { planIntegration } from '../../../src/crdt/integration.ts'
import { encodeUpdate, keepIntegrated, splitUpdate } from '../../../src/crdt/update-parts.ts'
import { parseUpdateShape, UpdateShapeError } from '../../../src/crdt/update-shape.ts'
import { seededRandom } from '../../helpers/seeded-random.ts'

const SEED = Number(process.env.CRDT_SEED ?? 4242)
const RUNS = Number(process.env.CRDT_RUNS ?? 60)

/** A document written by several clients, with nested maps, overwrites and deletions, like the app's. */
const busyDocument = (random: () => number, writers = 4, edits = 400): Y.Doc => {
  const docs = Array.from({ length: writers }, () => {
    const doc = new Y.Doc()
    doc.clientID = Math.floor(random() * 2 ** 32) // from the seed, so a failing run replays
    return doc
  })
  for (let i = 0; i < edits; i++) {
    const doc = docs[Math.floor(random() * docs.length)]!
    const records = doc.getMap('records')
    const key = `r${Math.floor(random() * 40)}`
    const roll = random()
    if (roll < 0.4) {
      const record = new Y.Map<unknown>()
      records.set(key, record)
      record.set('name', `name ${i} ${'x'.repeat(Math.floor(random() * 80))}`)
      record.set('n', i)
    } else if (roll < 0.7) {
      const record = records.get(key)
      if (record instanceof Y.Map) record.set('n', i)
    } else if (roll < 0.85) {
      records.delete(key)
    } else {
      doc.getMap('flat').set(`k${i}`, { clock: i, actor: `a${i % 7}`, note: 'y'.repeat(Math.floor(random() * 200)) })
    }
    // Exchange updates now and then, so structs reference other clients' structs.
    if (random() < 0.2) {
      const [a, b] = [docs[Math.floor(random() * docs.length)]!, docs[Math.floor(random() * docs.length)]!]
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    }
  }
  const merged = new Y.Doc()
  for (const doc of docs) Y.applyUpdate(merged, Y.encodeStateAsUpdate(doc))
  return merged
}

const jsonOf = (doc: Y.Doc): unknown => ({ records: doc.getMap('records').toJSON(), flat: doc.getMap('flat').toJSON() })

describe('update shapes', () => {
  it('re-encodes every struct and deletion to an update that builds the same document', () => {
    const source = busyDocument(seededRandom(SEED))
    const update = Y.encodeStateAsUpdate(source)
    const shape = parseUpdateShape(update)
    const structs = shape.blocks.flatMap((block) => block.structs)
    expect(structs.length).toBeGreaterThan(100)
    expect(shape.deletes.length).toBeGreaterThan(0)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, encodeUpdate(update, structs, shape.deletes))
    expect(jsonOf(copy)).toEqual(jsonOf(source))
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(source))
  })

  it('refuses truncated, trailing and repeated-client updates instead of reading them differently from Yjs', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('a', 1)
    const update = Y.encodeStateAsUpdate(doc)
    const refused = (bytes: Uint8Array): string => {
      try {
        parseUpdateShape(bytes)
        return 'accepted'
      } catch (error) {
        return error instanceof UpdateShapeError ? error.reason : 'threw'
      }
    }
    expect(refused(update.subarray(0, update.length - 3))).toBe('undecodable')
    expect(refused(new Uint8Array([...update, 0]))).toBe('trailingBytes')
    // Two blocks of the same client: Yjs would keep only the second one.
    const shape = parseUpdateShape(update)
    const block = update.subarray(1, update.length - 1) // without the block count and the empty delete set
    expect(shape.blocks).toHaveLength(1)
    expect(refused(new Uint8Array([2, ...block, ...block, 0]))).toBe('duplicateClient')
  })
})

describe('integration plans', () => {
  /** Applies `update` and says whether Yjs integrated all of it (no exception, nothing left pending). */
  const yjsIntegratesAll = (receiver: Y.Doc, update: Uint8Array): boolean => {
    try {
      Y.applyUpdate(receiver, update)
    } catch {
      return false
    }
    return receiver.store.pendingStructs === null && receiver.store.pendingDs === null
  }

  it('says an update integrates exactly when Yjs keeps nothing pending', () => {
    const random = seededRandom(SEED + 1)
    const outcomes = { complete: 0, incomplete: 0 }
    for (let run = 0; run < RUNS; run++) {
      const source = busyDocument(random, 3, 60)
      const receiver = new Y.Doc()
      // The receiver holds a prefix of each client; the update holds a run of each client after some point.
      const full = Y.encodeStateAsUpdate(source)
      const blocks = parseUpdateShape(full).blocks
      const cut = (length: number): number => Math.floor(random() * (length + 1))
      const prefixes = blocks.map((block) => block.structs.slice(0, cut(block.structs.length)))
      Y.applyUpdate(receiver, encodeUpdate(full, prefixes.flat(), []))
      // Like a relay's room: nothing pending (a prefix may reference another client's missing structs).
      receiver.store.pendingStructs = null
      receiver.store.pendingDs = null
      const runs = blocks.flatMap((block, i) => {
        const from = prefixes[i]!.length + (random() < 0.2 ? 1 : 0) // sometimes leave a hole
        return block.structs.slice(from, from + cut(block.structs.length - from))
      })
      const deletes = parseUpdateShape(full).deletes.filter(() => random() < 0.5)
      const update = encodeUpdate(full, runs, deletes)
      const plan = planIntegration(parseUpdateShape(update), (client) => Y.getState(receiver.store, client))
      const complete = yjsIntegratesAll(receiver, update)
      outcomes[complete ? 'complete' : 'incomplete']++
      expect({ run, seed: SEED, planned: plan.ok }).toEqual({ run, seed: SEED, planned: complete })
    }
    expect(outcomes.complete).toBeGreaterThan(5)
    expect(outcomes.incomplete).toBeGreaterThan(5)
  })

  it('refuses structs re-encoded at other clocks (references to their own client ahead) that make Yjs throw', () => {
    const random = seededRandom(SEED + 5)
    let refused = 0
    for (let run = 0; run < RUNS; run++) {
      const full = Y.encodeStateAsUpdate(busyDocument(random, 2, 40))
      const structs = parseUpdateShape(full).blocks.flatMap((block) => block.structs)
      // Dropping structs in the middle of a block shifts the clocks of the ones after.
      const shuffled = encodeUpdate(full, structs.filter(() => random() < 0.7), [])
      const plan = planIntegration(parseUpdateShape(shuffled), () => 0)
      const complete = yjsIntegratesAll(new Y.Doc(), shuffled)
      if (!plan.ok) refused++
      if (plan.ok) expect({ run, seed: SEED, complete }).toEqual({ run, seed: SEED, complete: true })
    }
    expect(refused).toBeGreaterThan(10)
  })
})

describe('parts', () => {
  it('cuts a large update into parts that each integrate completely, in order, into the same document', () => {
    const source = busyDocument(seededRandom(SEED + 2), 5, 1500)
    const partial = new Y.Doc()
    Y.applyUpdate(partial, Y.encodeStateAsUpdate(busyDocument(seededRandom(SEED + 3), 1, 10)))
    const receiver = new Y.Doc()
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(partial))
    const update = Y.encodeStateAsUpdate(source, Y.encodeStateVector(receiver))
    const parts = splitUpdate(update, (client) => Y.getState(receiver.store, client), 4096)
    expect(parts).not.toBeNull()
    expect(parts!.length).toBeGreaterThan(5)
    for (const part of parts!) {
      expect(part.length).toBeLessThanOrEqual(4096 + 1024)
      Y.applyUpdate(receiver, part)
      expect(receiver.store.pendingStructs).toBeNull()
      expect(receiver.store.pendingDs).toBeNull()
    }
    const expected = new Y.Doc()
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(partial))
    Y.applyUpdate(expected, update)
    expect(jsonOf(receiver)).toEqual(jsonOf(expected))
    expect(Y.encodeStateVector(receiver)).toEqual(Y.encodeStateVector(expected))
  })

  it('drops what the sender itself holds pending, keeping everything it integrated', () => {
    const author = new Y.Doc()
    author.getMap('m').set('a', 1)
    const early = Y.encodeStateAsUpdate(author)
    author.getMap('m').set('b', 2)
    const later = Y.encodeStateAsUpdate(author, Y.encodeStateVector(new Y.Doc()))
    const sender = new Y.Doc()
    sender.getMap('m').set('own', true)
    // The sender receives only the later part: its first struct is missing, so Yjs keeps it pending.
    const laterOnly = encodeUpdate(later, parseUpdateShape(later).blocks[0]!.structs.slice(1), [])
    Y.applyUpdate(sender, laterOnly)
    expect(sender.store.pendingStructs).not.toBeNull()
    const step2 = Y.encodeStateAsUpdate(sender)
    const kept = keepIntegrated(parseUpdateShape(step2), (client) => Y.getState(sender.store, client))
    const receiver = new Y.Doc()
    Y.applyUpdate(receiver, encodeUpdate(step2, kept.blocks.flatMap((block) => block.structs), kept.deletes))
    expect(receiver.store.pendingStructs).toBeNull()
    expect(receiver.getMap('m').toJSON()).toEqual({ own: true })
    void early
  })
})

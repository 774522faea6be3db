// Seeded simulation: replicas make random domain edits, exchange updates with drops, duplicates and reordering, then converge.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAP_FAMILIES, MAP_META, MAP_PROFILE } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import type { FamilyId } from '../../../src/domain/ids.ts'
import { seededRandom as seeded } from '../../helpers/seeded-random.ts'

const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  )
const fingerprint = (doc: Y.Doc): string =>
  sortedJson({ meta: doc.getMap(MAP_META).toJSON(), profile: doc.getMap(MAP_PROFILE).toJSON(), families: doc.getMap(MAP_FAMILIES).toJSON() }) +
  Array.from(Y.encodeStateVector(doc)).join(',')

interface Options {
  replicas: number
  operations: number
  /** Planted bug for the "checker can fail" test: this replica misses the final exchange. */
  skipFinalSyncOf?: number
}

/** Returns null when every replica converged, else a description of the divergence. */
const simulate = (seed: number, options: Options): string | null => {
  const random = seeded(seed)
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
  const docs = Array.from({ length: options.replicas }, () => new Y.Doc())
  edit.initCollective(docs[0]!, { name: 'Lilas', school: 'Jaurès', town: 'Lyon' })
  const inboxes: Uint8Array[][] = docs.map(() => [])
  docs.forEach((doc, index) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'network') return
      for (let other = 0; other < docs.length; other++) {
        if (other === index || random() < 0.2) continue // dropped
        inboxes[other]!.push(update)
        if (random() < 0.1) inboxes[other]!.push(update) // duplicated
      }
    }),
  )
  const offline = new Set<number>()
  for (let step = 0; step < options.operations; step++) {
    const index = Math.floor(random() * docs.length)
    const doc = docs[index]!
    const families = readCollective(doc).families
    const roll = random()
    if (roll < 0.05) {
      if (!offline.delete(index)) offline.add(index)
    } else if (roll < 0.4) edit.addFamily(doc, { displayName: `Famille ${step}` })
    else if (roll < 0.6 && families.length > 0) edit.renameFamily(doc, pick(families)!.id as FamilyId, { displayName: `Renommée ${step}` })
    else if (roll < 0.7 && families.length > 0) edit.removeFamily(doc, pick(families)!.id as FamilyId)
    else if (roll < 0.8) edit.updateProfile(doc, { name: `Lilas ${step}`, school: 'Jaurès', town: 'Lyon' })
    else if (!offline.has(index)) {
      // deliver part of the inbox, in a shuffled order
      const inbox = inboxes[index]!
      const count = Math.floor(random() * (inbox.length + 1))
      const batch = inbox.splice(0, count).sort(() => random() - 0.5)
      for (const update of batch) Y.applyUpdate(doc, update, 'network')
    }
  }
  // Everyone reconnects: a full state exchange, as the sync handshake does.
  const online = docs.filter((_doc, index) => index !== options.skipFinalSyncOf)
  for (const from of online) for (const to of online) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'network')
  const expected = fingerprint(docs[0]!)
  const expectedView = sortedJson(readCollective(docs[0]!))
  for (let index = 1; index < docs.length; index++) {
    if (fingerprint(docs[index]!) !== expected) return `seed ${seed}: replica ${index} diverged from replica 0`
    if (sortedJson(readCollective(docs[index]!)) !== expectedView) return `seed ${seed}: replica ${index} reads differently`
  }
  if (readCollective(docs[0]!).toCheck.length > 0) return `seed ${seed}: valid edits produced records to check`
  return null
}

const baseSeed = Number(process.env.TEST_SEED ?? Date.now() % 1_000_000)
const RUNS = 40

describe('convergence simulation', () => {
  it(`${RUNS} seeded runs of 5 replicas x 200 edits converge (base seed printed on failure)`, () => {
    const failures: string[] = []
    for (let run = 0; run < RUNS; run++) {
      const failure = simulate(baseSeed + run, { replicas: 5, operations: 200 })
      if (failure) failures.push(failure)
    }
    expect(failures, `base seed ${baseSeed} (replay with TEST_SEED=${baseSeed})`).toEqual([])
  })

  it('the checker reports a replica that missed the final exchange (planted bug)', () => {
    const failures: string[] = []
    for (let run = 0; run < 10; run++) {
      const failure = simulate(baseSeed + run, { replicas: 5, operations: 200, skipFinalSyncOf: 4 })
      if (failure) failures.push(failure)
    }
    expect(failures.length, `base seed ${baseSeed}`).toBeGreaterThan(0)
  })
})

// The next shared clock read from the per-doc index equals a full scan after random writes, deletes and remote updates.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { nextSharedClock, scanNextSharedClock } from '../../../src/doc/clock.ts'
import { MAP_ABSENCES, MAP_CHECK_INS, MAP_EXCEPTIONS, MAP_OFFERS, MAP_SIGNUPS } from '../../../src/doc/keys.ts'
import { MAX_CLOCK_STEP } from '../../../src/domain/record-order.ts'
import { seedFromEnv, seededRandom } from '../../helpers/seeded-random.ts'

const FLAT = [MAP_SIGNUPS, MAP_OFFERS, MAP_ABSENCES, MAP_CHECK_INS] as const
const SEEDS = 40
const STEPS = 300

/** Clocks near the current end, far beyond it (forged), or nonsense: each kind moves the answer differently. */
const clockFor = (random: () => number, doc: Y.Doc): unknown => {
  const roll = random()
  const base = scanNextSharedClock(doc)
  if (roll < 0.6) return Math.max(0, base - 3 + Math.floor(random() * 6))
  if (roll < 0.75) return base + MAX_CLOCK_STEP + Math.floor(random() * 3) - 1
  if (roll < 0.85) return Math.floor(random() * base)
  if (roll < 0.9) return -1
  if (roll < 0.95) return 1.5
  return 'seven'
}

const randomValue = (random: () => number, doc: Y.Doc): unknown => {
  const roll = random()
  if (roll < 0.6) return { clock: clockFor(random, doc), actor: 'a' }
  if (roll < 0.85) return { clock: clockFor(random, doc), withdrawn: { clock: clockFor(random, doc) } }
  if (roll < 0.95) return { status: 'active' }
  return 'not a record'
}

/** One random change on `doc`: a flat entry written, rewritten or deleted, or a cancellation's clock field changed. */
const change = (random: () => number, doc: Y.Doc, keys: readonly string[]): void => {
  const roll = random()
  const key = keys[Math.floor(random() * keys.length)]!
  if (roll < 0.15) {
    const exceptions = doc.getMap<Y.Map<unknown>>(MAP_EXCEPTIONS)
    const existing = exceptions.get(key)
    if (existing === undefined || random() < 0.3) {
      const record = new Y.Map<unknown>()
      exceptions.set(key, record)
      record.set('clock', clockFor(random, doc))
    } else if (random() < 0.5) existing.set('clock', clockFor(random, doc))
    else existing.delete('clock')
    return
  }
  if (roll < 0.2) {
    doc.getMap<unknown>(MAP_EXCEPTIONS).delete(key)
    return
  }
  const map = doc.getMap<unknown>(FLAT[Math.floor(random() * FLAT.length)]!)
  if (roll < 0.35) map.delete(key)
  else map.set(key, randomValue(random, doc))
}

const run = (seed: number): void => {
  const random = seededRandom(seed)
  const keys = Array.from({ length: 12 }, (_, i) => `k${i}`)
  const local = new Y.Doc()
  const remote = new Y.Doc()
  // The index starts on a document that already holds entries.
  for (let i = 0; i < 5; i++) change(random, local, keys)
  expect(nextSharedClock(local), `seed ${seed}`).toBe(scanNextSharedClock(local))
  for (let step = 0; step < STEPS; step++) {
    const roll = random()
    if (roll < 0.4) change(random, local, keys)
    else if (roll < 0.6) {
      // Several changes in one transaction, the clock asked in the middle (a plan published in one go).
      local.transact(() => {
        change(random, local, keys)
        expect(nextSharedClock(local), `seed ${seed} step ${step} (open transaction)`).toBe(scanNextSharedClock(local))
        change(random, local, keys)
      })
    } else if (roll < 0.9) {
      const before = Y.encodeStateVector(remote)
      change(random, remote, keys)
      Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, before), 'relay')
    } else {
      // Both ways: concurrent writes to the same keys merge, deletions included.
      Y.applyUpdate(remote, Y.encodeStateAsUpdate(local))
      Y.applyUpdate(local, Y.encodeStateAsUpdate(remote))
    }
    expect(nextSharedClock(local), `seed ${seed} step ${step}`).toBe(scanNextSharedClock(local))
  }
}

describe('the shared clock index', () => {
  it('answers what a full scan answers after random writes, deletes and remote updates (seeded)', () => {
    const first = seedFromEnv('CLOCK_INDEX_SEED', 1)
    console.log(`clock index: seeds ${first}..${first + SEEDS - 1} (CLOCK_INDEX_SEED=n replays from n)`)
    for (let seed = first; seed < first + SEEDS; seed++) run(seed)
  })

  it('ignores a forged clock beyond one step, and follows the chain once the gap is filled or reopened', () => {
    const doc = new Y.Doc()
    const signUps = doc.getMap<unknown>(MAP_SIGNUPS)
    signUps.set('a', { clock: 5 })
    expect(nextSharedClock(doc)).toBe(6)
    signUps.set('forged', { clock: 5 + MAX_CLOCK_STEP + 10 })
    expect(nextSharedClock(doc)).toBe(6)
    signUps.set('bridge', { clock: 5 + MAX_CLOCK_STEP })
    expect(nextSharedClock(doc)).toBe(5 + MAX_CLOCK_STEP + 11)
    signUps.delete('bridge')
    expect(nextSharedClock(doc)).toBe(6)
    signUps.delete('a')
    expect(nextSharedClock(doc)).toBe(1)
  })
})

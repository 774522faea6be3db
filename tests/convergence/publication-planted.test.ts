// The publication check can fail: with writePublishedSignUps rewriting withdrawn places (a bug planted on purpose), the harness reports it.
import { describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import type * as Mutations from '../../src/doc/mutations.ts'
import { DEFAULT_RUN, simulate } from './harness.ts'
import { BASE } from './seeds.ts'

vi.mock('../../src/doc/mutations.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Mutations>()
  const { signUpKeyOf } = await import('../../src/domain/signup.ts')
  const { SIGNUP_MAPS, placeOfStoredKey } = await import('../../src/doc/signup-layout.ts')
  /** The planted bug: withdrawn entries are turned back to active by the (otherwise real) publication. */
  const writePublishedSignUps: typeof original.writePublishedSignUps = (doc: Y.Doc, writes, author) => {
    const withdrawn = new Set(writes.filter((write) => original.storedEntry(doc, write.walk, write.adultId)?.status === 'withdrawn')
      .map((write) => signUpKeyOf(write.walk, write.adultId)))
    doc.transact(() => {
      for (const map of SIGNUP_MAPS.map((name) => doc.getMap<unknown>(name))) {
        for (const key of [...map.keys()]) if (withdrawn.has(placeOfStoredKey(doc, key) ?? '')) map.delete(key)
      }
    })
    return original.writePublishedSignUps(doc, writes, author)
  }
  return { ...original, writePublishedSignUps }
})

describe('convergence harness, plan publication', () => {
  it('catches a planted bug: a published plan turns places withdrawn on its phone back to active', () => {
    let caught: string | null = null
    for (let seed = BASE; seed < BASE + 100 && caught === null; seed++) {
      const failures = simulate(seed, DEFAULT_RUN)
      if (failures.length > 0) caught = `seed ${seed}: ${failures.join('; ')}`
    }
    expect(caught, 'the harness should report the planted bug').toMatch(/turned a withdrawn place back to active/)
  })
})

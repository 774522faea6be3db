// The chunked map: a new version sees its changes, the old one keeps its entries, untouched chunks are shared.
import { describe, expect, it } from 'vitest'
import { chunkedMap } from '../../../src/lib/chunked-map.ts'
import { seedFromEnv, seededRandom } from '../../helpers/seeded-random.ts'

const chunkOf = (key: string): string => key.slice(0, 1)

describe('chunkedMap', () => {
  it('behaves as a copy of a Map with the changes applied, whatever the order of changes', () => {
    const seed = seedFromEnv('CHUNKED_MAP_SEED', 11)
    const random = seededRandom(seed)
    let reference = new Map<string, number>()
    let map = chunkedMap<string, number>([], chunkOf)
    const versions: [Map<string, number>, typeof map][] = []
    for (let step = 0; step < 300; step++) {
      const changes = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
        const key = `${'abc'[Math.floor(random() * 3)]}${Math.floor(random() * 5)}`
        return [key, random() < 0.3 ? undefined : step] as const
      })
      const next = new Map(reference)
      for (const [key, value] of changes) {
        if (value === undefined) next.delete(key)
        else next.set(key, value)
      }
      versions.push([reference, map])
      reference = next
      map = map.with(changes)
      expect(new Map(map.entries()), `seed ${seed} (replay: CHUNKED_MAP_SEED=${seed}), step ${step}`).toEqual(reference)
      for (const key of ['a0', 'b4', 'c2']) expect(map.get(key)).toBe(reference.get(key))
    }
    // Earlier versions are left as they were.
    for (const [expected, version] of versions) expect(new Map(version.entries())).toEqual(expected)
  })
})

// loadOnce: one load shared by every caller, a failed one tried again.
import { describe, expect, it } from 'vitest'
import { loadOnce } from '../../../src/lib/load-once.ts'

describe('loadOnce', () => {
  it('runs the load once and gives every caller its value', async () => {
    let runs = 0
    const load = loadOnce(async () => ++runs)
    expect(await Promise.all([load(), load(), load()])).toEqual([1, 1, 1])
    expect(await load()).toBe(1)
    expect(runs).toBe(1)
  })

  it('forgets a failed load: the next call runs it again', async () => {
    let runs = 0
    const load = loadOnce(async () => {
      runs++
      if (runs === 1) throw new Error('offline')
      return 'loaded'
    })
    await expect(load()).rejects.toThrow('offline')
    expect(await load()).toBe('loaded')
    expect(await load()).toBe('loaded')
    expect(runs).toBe(2)
  })
})

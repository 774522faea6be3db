// Reconnect delays: full jitter within an exponentially growing window, capped by the ceiling.
import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../../src/sync/backoff.ts'
import { seededRandom as seeded } from '../../helpers/seeded-random.ts'

const policy = { baseMs: 500, ceilingMs: 30_000 }

describe('backoff', () => {
  it('spans the whole window: 0 at the bottom, just under base * 2^attempt at the top', () => {
    expect(backoffDelay(0, () => 0, policy)).toBe(0)
    expect(backoffDelay(0, () => 0.999999, policy)).toBe(499)
    expect(backoffDelay(3, () => 0.999999, policy)).toBe(3_999)
  })

  it('never exceeds the ceiling, even after many attempts', () => {
    expect(backoffDelay(7, () => 0.999999, policy)).toBe(29_999)
    expect(backoffDelay(1_000, () => 0.999999, policy)).toBe(29_999)
  })

  it('random delays stay in their window and spread out (seeded)', () => {
    const seed = Number(process.env.TEST_SEED ?? Date.now() % 100_000)
    const random = seeded(seed)
    const delays: number[] = []
    for (let attempt = 0; attempt < 12; attempt++) {
      for (let sample = 0; sample < 50; sample++) {
        const delay = backoffDelay(attempt, random, policy)
        const window = Math.min(policy.ceilingMs, policy.baseMs * 2 ** attempt)
        if (delay < 0 || delay >= window) throw new Error(`seed ${seed}: attempt ${attempt} gave ${delay} outside [0, ${window})`)
        if (attempt === 11) delays.push(delay)
      }
    }
    // 50 draws from [0, 30 s): jitter means they are not all the same (the point of full jitter).
    expect(new Set(delays).size, `seed ${seed}`).toBeGreaterThan(10)
  })
})

// The convergence checker can fail: with a bug planted on purpose, the harness reports it.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_RUN, simulate } from './harness.ts'
import { BASE } from './seeds.ts'

describe('convergence harness', () => {
  it('catches a planted bug: one replica clocks sign-ups with its wall clock instead of a Lamport clock', () => {
    let caught: string | null = null
    // About one seed in thirty catches it (replica 2 must sign up for a slot it saw held): try enough of them.
    for (let seed = BASE; seed < BASE + 300 && caught === null; seed++) {
      const failures = simulate(seed, { ...DEFAULT_RUN, wallClockReplica: 2 })
      if (failures.length > 0) caught = `seed ${seed}: ${failures[0]}`
    }
    expect(caught, 'the harness should report the planted bug').toMatch(/overtook/)
  })

  it('catches a planted bug: new stops keyed by line and rank, so two phones create the same nested map', () => {
    let caught: string | null = null
    for (let seed = BASE; seed < BASE + 100 && caught === null; seed++) {
      const failures = simulate(seed, { ...DEFAULT_RUN, stopKeyedByRank: true })
      if (failures.length > 0) caught = `seed ${seed}: ${failures.join('; ')}`
    }
    expect(caught, 'the harness should report the planted bug').toMatch(/created on two phones/)
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('the same seed replays the same run, and another seed makes another one', () => {
    // Writes the harness does not stamp carry the author's wall-clock time (`at`, never used for order): with the real
    // clock, two runs straddling a second differ there (seen under load). The clock stands still for the comparison.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-03-01T08:00:00+01:00') })
    const convergedView = (seed: number): string => {
      let json = ''
      const failures = simulate(seed, { replicas: 3, operations: 80 }, (view) => {
        json = JSON.stringify(view)
      })
      expect(failures).toEqual([])
      return json
    }
    const first = convergedView(BASE + 7)
    expect(first.length).toBeGreaterThan(100)
    expect(convergedView(BASE + 7)).toBe(first)
    expect(convergedView(BASE + 8)).not.toBe(first)
  })
})

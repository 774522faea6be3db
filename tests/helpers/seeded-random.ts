// Seeded pseudo-random numbers (mulberry32) so that a randomized test's failure can be replayed from its seed.

/** Returns a function yielding floats in [0, 1), the same sequence for the same seed. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The seed to use: `envName` from the environment when set (to replay a failure), else `fallback`. */
export const seedFromEnv = (envName: string, fallback: number): number => {
  const raw = process.env[envName]
  const parsed = raw === undefined ? NaN : Number(raw)
  return Number.isInteger(parsed) ? parsed : fallback
}

// Runs a share of the seeded convergence runs: the 1,000 seeds are split over several test files so they use every core.
import { expect, it } from 'vitest'
import { DEFAULT_RUN, simulate } from './harness.ts'

const envNumber = (name: string): number | null => {
  const raw = process.env[name]
  const parsed = raw === undefined ? NaN : Number(raw)
  return Number.isInteger(parsed) ? parsed : null
}

export const REPLAY_SEED = envNumber('CONVERGENCE_SEED')
export const SEEDS = envNumber('CONVERGENCE_SEEDS') ?? 1_000
/** A new base every day, so the suite explores new runs while any failure stays replayable. */
export const BASE = envNumber('CONVERGENCE_BASE') ?? Math.floor(Date.now() / 86_400_000) * 10_000
export const SHARDS = 4

/** Registers the test for shard `shard` of SHARDS (seeds BASE + i with i % SHARDS === shard). */
export const runShard = (shard: number): void => {
  const seeds = REPLAY_SEED !== null
    ? shard === 0 ? [REPLAY_SEED] : []
    : Array.from({ length: SEEDS }, (_, i) => BASE + i).filter((_, i) => i % SHARDS === shard)
  const title = REPLAY_SEED !== null
    ? `replays seed ${REPLAY_SEED}`
    : `${seeds.length} seeded runs (${DEFAULT_RUN.replicas} replicas x ${DEFAULT_RUN.operations} edits) converge with every invariant, shard ${shard + 1}/${SHARDS}`
  it(title, () => {
    const started = performance.now()
    const failed: string[] = []
    for (const seed of seeds) {
      const failures = simulate(seed)
      if (failures.length > 0) failed.push(`seed ${seed} (replay: CONVERGENCE_SEED=${seed}): ${failures.slice(0, 5).join('; ')}`)
      if (failed.length >= 5) break
    }
    console.log(`convergence shard ${shard + 1}/${SHARDS}: ${seeds.length} runs in ${((performance.now() - started) / 1000).toFixed(1)} s (base ${BASE})`)
    expect(failed).toEqual([])
  }, 120_000)
}

// Test projects: unit (pure and fake-indexeddb), integration (real relay on port 0), browser (Chromium via playwright-core).
import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// One group, one pool: the projects share these workers, and a relay or Chromium test waiting on the network leaves
// its core to another file. On 2 cores: 542 s, against 786 s with the browser and relay files one at a time (their
// CPU was ~45% busy) and 873 s when the unit project also inherited a single worker. Every project states the same
// count (Vitest refuses two counts in one group); more than 4 Chromiums at once would only queue on small machines.
const WORKERS = Math.min(4, Math.max(2, availableParallelism()))
const ONE_GROUP = { groupOrder: 0 }

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // tests/convergence: the seeded multi-replica harness (1,000 runs, CONVERGENCE_SEEDS / CONVERGENCE_SEED).
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/convergence/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          setupFiles: ['tests/helpers/all-texts.ts'],
          maxWorkers: WORKERS,
          // Worker threads start faster than forked processes: 134 s against 154 s for this project on 2 cores.
          pool: 'threads',
          sequence: ONE_GROUP,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: WORKERS,
          sequence: ONE_GROUP,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: WORKERS,
          sequence: ONE_GROUP,
        },
      },
    ],
  },
})

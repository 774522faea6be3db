// Test projects: unit (pure and fake-indexeddb), integration (real relay on port 0), browser (Chromium via playwright-core).
import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// The unit, browser and relay files share one pool, so a Chromium or relay test waiting on a socket leaves its core to
// another file. The one file that arranges races between a phone and the relay (client-integrity: a forged write
// landing before a reconnecting phone's resend) runs alone after them: a second file on a 2-core machine reorders
// those races (it failed 2 of 4 runs in the shared pool). On 2 cores: unit 272 s -> 157 s once it states its own
// workers (it inherited one from the serial projects); browser with a second worker 406 s -> ~290 s; the relay files
// in the pool rather than one at a time after it, vitest 663 s -> 481 s.
// One worker more than the cores (3 on 2 cores): browser and relay files wait on Chromium and sockets, and the CPU was
// 63 % busy with 2 workers. Whole vitest run on 2 cores, one run each, quiet machine: 2 workers 660 s, 3 615 s, 4 597 s;
// 3 keeps a margin for the timing of browser tests. PEDIBUS_TEST_WORKERS=n overrides it.
// Projects of one group must state the same count (Vitest refuses two).
const WORKERS = Number(process.env.PEDIBUS_TEST_WORKERS) || Math.min(4, availableParallelism() + 1)
const SHARED_POOL = { groupOrder: 0 }
const ALONE_AFTER = { groupOrder: 1 }
const RACES = 'tests/integration/client-integrity.test.ts'

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
          sequence: SHARED_POOL,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [RACES],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: WORKERS,
          sequence: SHARED_POOL,
        },
      },
      {
        test: {
          name: 'integration-races',
          include: [RACES],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: ALONE_AFTER,
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
          sequence: SHARED_POOL,
        },
      },
    ],
  },
})

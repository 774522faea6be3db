// Test projects: unit (pure and fake-indexeddb), integration (real relay on port 0), browser (Chromium via playwright-core).
import { defineConfig } from 'vitest/config'

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
          // Projects run one group after another; this one alone may use every core (it inherited 1 worker from the
          // serial projects below, 225 s instead of 134 s on 2 cores). Each group states its worker count.
          maxWorkers: '100%',
          // Worker threads start faster than forked processes: 134 s against 154 s for this project on 2 cores.
          pool: 'threads',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})

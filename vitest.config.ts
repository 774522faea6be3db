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
        },
      },
    ],
  },
})

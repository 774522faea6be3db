// Helpers shared by the benchmarks: one timed run, the median of several, a percentile, and work run a few at a time.

export const time = <T>(run: () => T): { value: T; ms: number } => {
  const started = performance.now()
  const value = run()
  return { value, ms: performance.now() - started }
}

export const median = (samples: readonly number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN

export const timeMedian = (runs: number, run: () => unknown): number => median(Array.from({ length: runs }, () => time(run).ms))

/** The q-th quantile (0..1) of samples sorted ascending; NaN for none. */
export const percentile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN

/** run(0..count-1), at most `limit` at once, results in order; after a failure no worker takes more (it rejects). */
export const withConcurrency = async <T>(count: number, limit: number, run: (index: number) => Promise<T>): Promise<T[]> => {
  const results: T[] = new Array<T>(count)
  let next = 0
  let failed = false
  const worker = async (): Promise<void> => {
    while (next < count && !failed) {
      const index = next++
      try {
        results[index] = await run(index)
      } catch (error) {
        failed = true // one failure is enough to report
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker))
  return results
}

// Timing helpers shared by the benchmarks: one timed run, and the median of several.

export const time = <T>(run: () => T): { value: T; ms: number } => {
  const started = performance.now()
  const value = run()
  return { value, ms: performance.now() - started }
}

export const median = (samples: readonly number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN

export const timeMedian = (runs: number, run: () => unknown): number => median(Array.from({ length: runs }, () => time(run).ms))

// CPU profiles of a measure (bench:phone --profile DIR): the page's V8 sampling profiler through CDP, written as
// .cpuprofile files that Chromium's DevTools open and bench/profile-summary.ts sums up.
import { writeFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'

/** Sampling every 100 µs: a throttled tap of ~150 ms gives ~1,500 samples. */
const SAMPLING_INTERVAL_US = 100

/** Starts profiling `page`; the returned function stops and writes the profile to `file`. */
export const startProfile = async (page: Page, file: string): Promise<() => Promise<void>> => {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US })
  await cdp.send('Profiler.start')
  return async () => {
    try {
      const { profile } = await cdp.send('Profiler.stop')
      await writeFile(file, JSON.stringify(profile))
    } finally {
      await cdp.detach().catch(() => undefined)
    }
  }
}

/** Runs `measure` under a profile written to `file`, or plainly when `file` is null. */
export const profiled = async <T>(page: Page, file: string | null, measure: () => Promise<T>): Promise<T> => {
  if (file === null) return measure()
  const stop = await startProfile(page, file)
  try {
    return await measure()
  } finally {
    await stop()
  }
}

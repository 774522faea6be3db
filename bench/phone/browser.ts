// The bench's phone: Debian Chromium (never downloaded) with a mid-range phone profile, CPU throttled through CDP,
// and the in-page probes that time a screen until it is painted (a DOM condition, then the frame after it).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/helpers/chromium.ts'
import { BENCH_NOW } from './clock.ts'

/** A 6.1" phone: 390 x 844 CSS pixels at 3x, touch, French, in Paris. */
export const phoneProfile = (baseURL: string): BrowserContextOptions => ({
  baseURL,
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  locale: 'fr-FR',
  timezoneId: 'Europe/Paris',
  serviceWorkers: 'allow',
})

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 })

/**
 * Runs in every page before the app: `__phoneBench.afterPaint(cb)` calls back once the next frame is painted
 * (requestAnimationFrame, then a task after that frame), and `__phoneBench.firstCard` is the page's time (ms
 * since navigation start) when the first walk card of the week was painted, null until then. `__name` is the
 * helper tsx (esbuild keepNames) calls in functions the bench passes to page.evaluate.
 */
const PROBE = `(() => {
  if (typeof globalThis.__name !== 'function') globalThis.__name = (target) => target
  const bench = { firstCard: null }
  bench.afterPaint = (done) => requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => done(performance.now())
    channel.port2.postMessage(null)
  })
  window.__phoneBench = bench
  let seen = false
  const observer = new MutationObserver(() => {
    if (seen || !document.querySelector('[data-testid="walk"]')) return
    seen = true
    observer.disconnect()
    bench.afterPaint((at) => { bench.firstCard = at })
  })
  observer.observe(document, { childList: true, subtree: true })
})()`

export interface PersistentPhone {
  readonly context: BrowserContext
  readonly userDataDir: string
  /** Closes the browser and removes its profile directory. */
  close(): Promise<void>
}

/**
 * Each page starts at `start` and its clock runs from there (Date only; performance and paint timings are untouched,
 * which Playwright's clock would replace).
 */
const shiftClock = (start: number): void => {
  const RealDate = Date
  const offset = start - RealDate.now()
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...(args as [string]))
    }
    static override now(): number {
      return RealDate.now() + offset
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor
}

/** A phone whose storage (IndexedDB, service worker, its caches) survives its pages: a persistent profile in a temp dir. */
export const launchPersistentPhone = async (baseURL: string): Promise<PersistentPhone> => {
  const userDataDir = await mkdtemp(join(tmpdir(), 'pedibus-phone-'))
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      ...phoneProfile(baseURL), executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 30_000,
    })
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true })
    throw error
  }
  await context.addInitScript(PROBE)
  await context.addInitScript(shiftClock, BENCH_NOW)
  context.setDefaultTimeout(60_000)
  context.setDefaultNavigationTimeout(60_000)
  let closing: Promise<void> | null = null
  return {
    context,
    userDataDir,
    close() {
      closing ??= context.close().catch(() => undefined).then(() => rm(userDataDir, { recursive: true, force: true }))
      return closing
    },
  }
}

/** A fresh phone (first visit): its own context in `browser`, with the probe. */
export const newFreshContext = async (browser: Browser, baseURL: string): Promise<BrowserContext> => {
  const context = await browser.newContext(phoneProfile(baseURL))
  await context.addInitScript(PROBE)
  await context.addInitScript(shiftClock, BENCH_NOW)
  context.setDefaultTimeout(60_000)
  context.setDefaultNavigationTimeout(60_000)
  return context
}

/**
 * Lighthouse's mobile network ("slow 4G"): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. Applied by CDP to the
 * page's own requests, where the transfer size (compressed or not) is what the parent waits for.
 */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }

/** A new page of `context` whose CPU runs `rate` times slower (1: as the machine runs), on slow 4G if asked. */
export const throttledPage = async (context: BrowserContext, rate: number, slowNetwork = false): Promise<Page> => {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  if (slowNetwork) {
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
  }
  return page
}

/** JS heap used by the page after a full garbage collection, in bytes (CDP). */
export const heapUsed = async (page: Page): Promise<number> => {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    const usage = await cdp.send('Runtime.getHeapUsage')
    return usage.usedSize
  } finally {
    await cdp.detach().catch(() => undefined)
  }
}

/** Waits until the service worker controls `page` (the whole app precached); one reload after the first visit. */
export const waitForServiceWorkerControl = async (page: Page, timeoutMs = 60_000): Promise<void> => {
  await page.evaluate((ms) => Promise.race([
    navigator.serviceWorker.ready.then(() => undefined),
    new Promise((_, reject) => setTimeout(() => reject(new Error('service worker not ready in time')), ms)),
  ]), timeoutMs)
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: timeoutMs })
  }
}

// Browser tests' harness: Debian Chromium through playwright-core (never downloaded), one context per phone,
// the built app (dist/) served by the real relay on port 0, and bounded waits.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startRelay, type InProcessRelay } from './relay.ts'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts'

/** PEDIBUS_DIST_DIR lets several builds coexist (e.g. `vite build --outDir /tmp/dist-x`); dist/ by default. */
export const DIST_DIR = resolve(process.env.PEDIBUS_DIST_DIR ?? resolve(import.meta.dirname, '../../dist'))

/** Fails with a clear message when the app was not built: these tests run against dist/, never the sources. */
export const assertAppBuilt = (): void => {
  for (const file of ['index.html', 'sw.js', 'manifest.webmanifest']) {
    if (!existsSync(join(DIST_DIR, file))) {
      throw new Error(`dist/${file} is missing: build the app first (npx vite build), the browser tests run against the built PWA`)
    }
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`)
}

export interface BrowserHarness {
  readonly browser: Browser
  readonly relay: InProcessRelay
  /** A new phone: its own storage, service worker and network switch. */
  newPhone(): Promise<Phone>
  /** Closes every phone, the browser and the relay; safe to call twice. */
  teardown(): Promise<void>
}

export interface Phone {
  readonly context: BrowserContext
  readonly page: Page
  /** Uncaught page errors and console errors seen so far (for failure messages). */
  readonly errors: string[]
}

/** Debian Chromium, headless, with the project's fixed flags. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 })

/** A new phone on `baseURL`: a fresh context (storage, service worker, network switch) with one page. */
export const openPhone = async (browser: Browser, baseURL: string): Promise<Phone> => {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    serviceWorkers: 'allow',
  })
  context.setDefaultTimeout(10_000)
  context.setDefaultNavigationTimeout(15_000)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  return { context, page, errors }
}

export const startHarness = async (): Promise<BrowserHarness> => {
  assertAppBuilt()
  const relay = await startRelay({ staticDir: DIST_DIR })
  let browser: Browser
  try {
    browser = await launchChromium()
  } catch (error) {
    await relay.stop()
    throw error
  }
  const contexts: BrowserContext[] = []
  let closing: Promise<void> | null = null
  return {
    browser,
    relay,
    async newPhone() {
      const phone = await openPhone(browser, relay.url)
      contexts.push(phone.context)
      return phone
    },
    teardown() {
      closing ??= (async () => {
        for (const context of contexts) await context.close().catch(() => undefined)
        await browser.close().catch(() => undefined)
        await relay.stop()
      })()
      return closing
    },
  }
}

/** `count` phones, as a tuple so they destructure without undefined. */
export type Phones<N extends number, T extends Phone[] = []> = T['length'] extends N ? T : Phones<N, [...T, Phone]>

/**
 * In a describe block: before its tests, starts the harness and `count` phones (their clocks fixed at `fixedTime` when
 * given) and hands them to `ready`; after its tests, tears everything down.
 */
export const usePhones = <N extends number>(count: N, ready: (phones: Phones<N>) => void, fixedTime?: Date): void => {
  let harness: BrowserHarness | undefined
  beforeAll(async () => {
    harness = await startHarness()
    const phones: Phone[] = []
    for (let n = 0; n < count; n += 1) phones.push(await harness.newPhone())
    if (fixedTime) for (const phone of phones) await phone.context.clock.setFixedTime(fixedTime)
    ready(phones as Phones<N>)
  })
  afterAll(async () => {
    await harness?.teardown()
  })
}

/**
 * Waits until the page is controlled by the app's service worker (installed = whole app precached).
 * With registerType 'prompt' the first visit is not controlled; one reload makes it so.
 */
export const waitForServiceWorkerControl = async (page: Page, timeoutMs = 20_000): Promise<void> => {
  await page.evaluate(
    (ms) => Promise.race([
      navigator.serviceWorker.ready.then(() => undefined),
      new Promise((_, reject) => setTimeout(() => reject(new Error('service worker not ready in time')), ms)),
    ]),
    timeoutMs,
  )
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: timeoutMs })
  }
}

/**
 * Waits until this phone's changes are on its own disk (the status line's `data-local` is 'saved'): a reload or a new
 * address before that can lose a change made just before (IndexedDB commits it a moment later, later still on a
 * loaded machine).
 */
export const waitForLocalSave = async (page: Page, timeoutMs = 15_000): Promise<void> => {
  await page.locator('[data-testid="sync-status"][data-local="saved"]').first().waitFor({ timeout: timeoutMs })
}

/** The value of the invite link field on the invite screen. */
/** On an invite screen: creates an invitation (7 days, the default) unless one is shown, and reads its link. */
export const readInviteLink = async (page: Page): Promise<string> => {
  const link = page.getByTestId('invite-link')
  if ((await link.count()) === 0) {
    await page.getByTestId('invite-create').click()
    await link.waitFor({ timeout: 20_000 })
  }
  return link.inputValue()
}

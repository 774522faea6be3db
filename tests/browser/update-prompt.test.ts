// A new deployment while the app is open: the banner "Nouvelle version disponible — Recharger" appears, and its
// button moves the page to the new service worker.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertAppBuilt, DIST_DIR, launchChromium, openPhone, waitForServiceWorkerControl } from '../helpers/browser.ts'
import { compressDirectory } from '../../scripts/compress-dist.ts'
import { startRelay, type InProcessRelay } from '../helpers/relay.ts'

const POLL = { timeout: 15_000, interval: 100 }

describe('update prompt', () => {
  let browser: Browser
  let relay: InProcessRelay | null = null
  let workDir = ''

  beforeAll(async () => {
    assertAppBuilt()
    workDir = await mkdtemp(join(tmpdir(), 'pedibus-update-'))
    await cp(DIST_DIR, join(workDir, 'app'), { recursive: true })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close().catch(() => undefined)
    await relay?.stop()
    if (workDir) await rm(workDir, { recursive: true, force: true })
  })

  it('offers the new version and reloads into it', async () => {
    const appDir = join(workDir, 'app')
    const dataDir = join(workDir, 'data')
    relay = await startRelay({ staticDir: appDir, dataDir })
    const port = new URL(relay.url).port
    const phone = await openPhone(browser, relay.url)
    await phone.page.goto('/')
    await waitForServiceWorkerControl(phone.page)
    expect(await phone.page.getByTestId('update-banner').count()).toBe(0)

    // "Deploy" a new version: a changed service worker script, served by a relay restarted on the same origin
    // (the static server reads file metadata once at start).
    await relay.stop()
    const swPath = join(appDir, 'sw.js')
    await writeFile(swPath, `${await readFile(swPath, 'utf8')}\n// next release\n`)
    await compressDirectory(appDir) // as the build does: the relay serves the compressed copies
    relay = await startRelay({ staticDir: appDir, dataDir, env: { PORT: port } })

    await phone.page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()))
    const banner = phone.page.getByTestId('update-banner')
    await banner.waitFor({ timeout: POLL.timeout })
    expect(await banner.textContent()).toContain('Nouvelle version disponible')
    expect(await phone.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting !== null))).toBe(true)

    await phone.page.evaluate(() => Object.assign(window, { stillTheOldPage: true }))
    await banner.getByRole('button', { name: 'Recharger' }).click()
    // A real reload: the old page's globals are gone.
    await expect.poll(() => phone.page.evaluate(() => 'stillTheOldPage' in window).catch(() => true), POLL).toBe(false)
    await expect
      .poll(() => phone.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting === null && r.active !== null)).catch(() => false), POLL)
      .toBe(true)
    await phone.page.locator('h1').waitFor()
    expect(await phone.page.getByTestId('update-banner').count()).toBe(0)
    expect(await phone.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
  })
})

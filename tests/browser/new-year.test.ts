// A new school year in Chromium with the real relay: A starts it from the settings page and lands on the new year,
// the past year listed as an archive; B, on the old year's screen, is taken to the same screen of the new year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { startHarness, type BrowserHarness, type Phone } from '../helpers/browser.ts'
import { addFamilyWithAdult, createCollective, joinByInvite, waitAllSynced } from '../helpers/collective-steps.ts'

const POLL = { timeout: 30_000, interval: 100 }
const BASE = /^\/c\/[A-Za-z0-9_-]{22}/

describe('a new school year', () => {
  let harness: BrowserHarness
  let a: Phone
  let b: Phone

  beforeAll(async () => {
    harness = await startHarness()
    a = await harness.newPhone()
    b = await harness.newPhone()
  })
  afterAll(async () => {
    await harness?.teardown()
  })

  it('moves every phone to the new year with the same link; the past year stays readable as an archive', async () => {
    const base = await createCollective(a.page)
    await addFamilyWithAdult(a.page, base, 'Famille Martin', 'Camille', '06 12 34 56 78')
    await waitAllSynced(a.page)
    await joinByInvite(a.page, base, [b.page])
    await b.page.goto(`${base}/plus`)
    await expect.poll(() => b.page.getByTestId('family-name').allTextContents(), POLL).toEqual(['Famille Martin'])

    await a.page.goto(`${base}/parametres`)
    const section = a.page.getByTestId('new-year')
    await section.getByTestId('year-start').click()
    await section.getByTestId('year-confirm-yes').click()
    // A lands on the new year's settings page, a new room; the past year is listed there, read-only.
    await a.page.waitForURL((url) => BASE.test(url.pathname) && !url.pathname.startsWith(`${base}/`), { timeout: 30_000 })
    const newBase = BASE.exec(new URL(a.page.url()).pathname)?.[0] ?? ''
    expect(newBase).not.toBe(base)
    const archives = a.page.getByTestId('year-archives')
    await expect.poll(() => archives.getByRole('link').count(), POLL).toBe(2)
    await a.page.goto(`${newBase}/plus`)
    await expect.poll(() => a.page.getByTestId('family-name').allTextContents(), POLL).toEqual(['Famille Martin'])
    await waitAllSynced(a.page)
    expect(await a.page.getByTestId('archive-notice').count()).toBe(0)

    // B, on the old year's screen meanwhile, follows on its own and lands on the same screen of the new year.
    await b.page.waitForURL((url) => url.pathname === `${newBase}/plus`, { timeout: 30_000 })
    await expect.poll(() => b.page.getByTestId('family-name').allTextContents(), POLL).toEqual(['Famille Martin'])
    expect(await b.page.getByTestId('archive-notice').count()).toBe(0)
    // The switcher lists the collective once, as the current year.
    await b.page.goto('/')
    await expect.poll(() => b.page.locator(`a[href^="${newBase}"]`).count(), POLL).toBeGreaterThan(0)
    expect(await b.page.locator(`a[href^="${base}"]`).count()).toBe(0)

    // The archive opens on demand from the settings page: read-only, it stays open, with the way back.
    await a.page.goto(`${newBase}/parametres`)
    await a.page.getByTestId('year-archives').getByRole('link').first().click()
    await a.page.waitForURL((url) => url.pathname === `${base}/journal`)
    await expect.poll(() => a.page.getByTestId('archive-notice').textContent(), POLL).toContain(fr['generation.goLive'])
    // Read-only: the page's buttons and fields are disabled (links still lead around).
    await expect.poll(() => a.page.locator('[data-testid="read-only-archive"]:disabled').count(), POLL).toBe(1)
    await a.page.goto(`${base}/familles`)
    await expect.poll(() => a.page.getByRole('button', { name: fr['families.add'] }).isDisabled(), POLL).toBe(true)
    await a.page.goto(`${base}/journal`)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(new URL(a.page.url()).pathname).toBe(`${base}/journal`)
    await a.page.getByTestId('go-live').click()
    // The link opens the collective's landing, which replaces itself with the week or today's walks: either counts
    // (on a loaded machine the replacement can come before the page's load event).
    const inNewYear = (url: URL): boolean => url.pathname === newBase || url.pathname.startsWith(`${newBase}/`)
    await a.page.waitForURL(inNewYear, { timeout: 30_000, waitUntil: 'commit' })
    await expect.poll(() => a.page.getByTestId('read-only-archive').count(), POLL).toBe(0)
  })
})

// "Premiers pas" and acting for a family without a smartphone (issue 18), on the real screens and relay: the screen
// from "Plus" and from the guided join, the browser's install prompt offered once it fired; a member signs up another
// family's adult at its request, the banner says so, the journal keeps who and when, the family's walks print; "Terminer".
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { readInviteLink, usePhones, type Phone } from '../helpers/browser.ts'
import { addFamilyWithAdult, addLineWithStops, createCollective, sayWhoIAm } from '../helpers/collective-steps.ts'

const POLL = { timeout: 15_000, interval: 100 }
// Tuesday 2 March 2027, 09:00 in Paris (zone A, a school week); the week of 8 March is ahead.
const NOW = new Date('2027-03-02T09:00:00+01:00')
const WEEK = '2027-03-08'
const THURSDAY = '2027-03-11'

const walkCard = (page: Page, date: string): Locator => page.locator(`[data-testid="walk"][data-walk$="|${date}|aller"]`)
const path = (page: Page): string => new URL(page.url()).pathname
const moreTab = (page: Page): Locator => page.getByRole('navigation', { name: fr['nav.bottom'] }).getByRole('link', { name: fr['nav.more'] })

/** The section headings of "Premiers pas", in order. */
const SECTIONS = ['firstSteps.install.title', 'firstSteps.offline.title', 'firstSteps.swap.title', 'firstSteps.acting.title', 'firstSteps.privacy.title'] as const

const expectFirstSteps = async (page: Page): Promise<void> => {
  await page.getByRole('heading', { level: 1, name: fr['firstSteps.title'] }).waitFor()
  expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(SECTIONS.map((key) => fr[key]))
  // The real labels of the status line and the swap buttons, quoted.
  expect(await page.getByText('« 2 modifications en attente »', { exact: false }).count()).toBe(1)
  expect(await page.getByText(`« ${fr['swap.offer']} »`, { exact: false }).count()).toBe(1)
}

describe('Premiers pas, and acting for a family at its request', () => {
  let a: Phone
  let b: Phone
  let base = ''

  usePhones(2, (phones) => { [a, b] = phones }, NOW)

  it('opens "Premiers pas" from "Plus"; a beforeinstallprompt shows the install button, which calls prompt()', async () => {
    base = await createCollective(a.page)
    await addLineWithStops(a.page, base, 'Ligne Verte', [{ name: 'Place du Marché', aller: '08:05' }, { name: 'École', aller: '08:25' }])
    await addFamilyWithAdult(a.page, base, 'Famille Bernard', 'Basile', '06 11 22 33 44')
    await addFamilyWithAdult(a.page, base, 'Famille Colin', 'Chloé', '06 55 66 77 88')
    await sayWhoIAm(a.page, base, 'Famille Bernard', 'Basile', `/semaine/${WEEK}`)

    const { page } = a
    await page.goto(`${base}/plus`)
    await page.getByRole('link', { name: fr['firstSteps.link'], exact: true }).click()
    await page.waitForURL((url) => url.pathname === `${base}/premiers-pas`)
    await expectFirstSteps(page)
    const install = page.getByTestId('first-steps-install')
    await install.getByTestId('install-other').waitFor() // Chromium's user agent: not an iPhone
    expect(await install.getByRole('button', { name: fr['firstSteps.install.button'] }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])

    await page.evaluate(() => {
      const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: () => {
          (window as unknown as { prompted: number }).prompted = ((window as unknown as { prompted?: number }).prompted ?? 0) + 1
          return Promise.resolve()
        },
        userChoice: Promise.resolve({ outcome: 'accepted' }),
      })
      window.dispatchEvent(event)
    })
    await install.getByRole('button', { name: fr['firstSteps.install.button'] }).click()
    await install.getByText(fr['firstSteps.install.accepted']).waitFor()
    expect(await page.evaluate(() => (window as unknown as { prompted?: number }).prompted)).toBe(1)
    expect(await install.getByRole('button', { name: fr['firstSteps.install.button'] }).count()).toBe(0)
  })

  it('links "Premiers pas" from the guided join of a joining phone', async () => {
    await a.page.goto(`${base}/inviter`)
    const invite = await readInviteLink(a.page)
    await b.page.goto(invite)
    await b.page.waitForURL((url) => url.pathname === `${base}/bienvenue/famille`)
    await expect.poll(() => b.page.getByTestId('welcome-collective').textContent(), POLL).toContain('Ligne Verte')
    await b.page.getByTestId('welcome-first-steps').click()
    await b.page.waitForURL((url) => url.pathname === `${base}/premiers-pas`)
    await expectFirstSteps(b.page)
  })

  it('B acts for Famille Colin: signs Chloé up, the banner shows, the journal says by whom and when, her walks print', async () => {
    const { page } = a
    await page.goto(`${base}/familles`)
    await page.getByTestId('manage-families').getByRole('link', { name: 'Famille Colin' }).click()
    await page.getByRole('button', { name: fr['acting.start'] }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: fr['acting.start'] }).click()
    await page.waitForURL((url) => url.pathname === `${base}/semaine`)
    const banner = page.getByTestId('acting-banner')
    expect(await banner.textContent()).toContain('Vous agissez pour Famille Colin, à sa demande.')
    expect(await axeViolations(page)).toEqual([])

    // In-app navigation only: the mode lives in memory, a reload ends it (last test).
    await page.getByRole('link', { name: fr['rota.week.next'] }).click()
    await page.waitForURL((url) => url.pathname === `${base}/semaine/${WEEK}`)
    const thursday = walkCard(page, THURSDAY)
    await thursday.getByRole('button', { name: /^Conducteur .*S’inscrire/ }).click()
    await expect.poll(() => thursday.getByTestId('slot-lead').getByTestId('holder').textContent(), POLL).toContain('Chloé')
    await banner.waitFor() // still acting on every screen

    await moreTab(page).click()
    await page.getByRole('link', { name: fr['journal.title'] }).click()
    await page.waitForURL((url) => url.pathname === `${base}/journal`)
    const entry = page.locator('[data-testid="journal-entry"][data-kind="signedUp"]')
    expect(await entry.getByTestId('journal-text').textContent()).toBe('Chloé (Famille Colin) s’inscrit comme conducteur : Ligne Verte, jeudi 11 mars (aller).')
    expect(await entry.getByTestId('journal-on-behalf').textContent())
      .toMatch(/^Fait par Basile \(Famille Bernard\) à la demande de Famille Colin, le mar\. 2 mars à \d{2}:\d{2}\.$/)
    expect(await axeViolations(page)).toEqual([])

    await banner.getByRole('link', { name: fr['acting.print'] }).click()
    await page.waitForURL(/\/imprimer\/famille\/[0-9a-f-]{36}$/)
    expect(await page.getByTestId('family-walks-title').textContent()).toBe('Les trajets de Famille Colin')
    const rows = page.getByTestId('family-walk')
    expect(await rows.count()).toBe(1)
    expect(await rows.first().getAttribute('data-date')).toBe(THURSDAY)
    const row = await rows.first().textContent()
    for (const part of ['Jeudi 11 mars', 'Ligne Verte', 'aller', 'Place du Marché, 08:05', 'Chloé (Conducteur)']) expect(row).toContain(part)
    expect(await axeViolations(page)).toEqual([])
  })

  it('"Terminer" gives the phone back its own identity', async () => {
    const { page } = a
    await moreTab(page).click()
    await page.waitForURL((url) => url.pathname === `${base}/plus`)
    await page.getByTestId('acting-banner').getByRole('button', { name: fr['acting.stop'] }).click()
    await expect.poll(() => page.getByTestId('acting-banner').count(), POLL).toBe(0)
    await expect.poll(() => page.getByTestId('me').textContent(), POLL).toContain('Vous êtes Basile (Famille Bernard).')
    expect(path(page)).toBe(`${base}/plus`)
  })

  it('a reload ends the mode: the phone is its own again', async () => {
    const { page } = a
    await page.getByTestId('family-name').filter({ hasText: 'Famille Colin' }).click()
    await page.getByRole('button', { name: fr['acting.start'] }).click()
    await page.getByTestId('acting-banner').waitFor()
    await page.reload()
    await page.getByTestId('walk').first().waitFor()
    expect(await page.getByTestId('acting-banner').count()).toBe(0)
  })
})

// "Cette semaine" with several lines on a phone: my family's line shows its walks, the others fold to one row each with
// what they need ("3 trajets à pourvoir"); opening one shows its walks, a sign-up there keeps it where it is, and the
// next visit counts it among my lines. A phone that has not said who it is sees every line. Axe at 0 violations.
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { sayWhoIAm } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'

const POLL = { timeout: 15_000, interval: 100 }
// A school week of March 2027 (zone A), seen on Tuesday 2 March: none of its walks is within 48 hours, so none urgent.
const WEEK = '2027-03-08'
const THURSDAY = '2027-03-11'
const NOW = new Date('2027-03-02T09:00:00+01:00')

const lineTitles = (page: Page): Promise<string[]> =>
  page.getByTestId('line-week').locator('h2').allTextContents().then((titles) => titles.map((title) => title.trim()))
const otherLine = (page: Page, name: string): Locator => page.getByTestId('other-line').filter({ hasText: name })
const walksIn = (scope: Locator): Locator => scope.getByTestId('walk')

describe('the week with several lines', () => {
  let phone: Phone
  let base = ''

  usePhones(1, (phones) => { [phone] = phones }, NOW)

  it('shows every line to a phone that has not said who it is', async () => {
    const { page } = phone
    await page.setViewportSize({ width: 390, height: 844 })
    base = (await seedCollective(page, {
      lines: [
        { name: 'Ligne Verte', stops: [
          { name: 'Place du Marché', aller: '08:05' }, { name: 'École', aller: '08:25' },
        ] },
        { name: 'Ligne Bleue', stops: [{ name: 'Rond-point', aller: '08:00' }, { name: 'Portail', aller: '08:20' }] },
      ],
      families: [
        seedFamily('Famille Martin', 'Sophie', '06 11 22 33 44', [
          { firstName: 'Léa', initial: 'M', stopAller: 'Place du Marché (08:05)' },
        ]),
      ],
    })).base

    await page.goto(`${base}/semaine/${WEEK}`)
    await expect.poll(() => lineTitles(page), POLL).toEqual(['Ligne Bleue', 'Ligne Verte'])
    expect(await page.getByTestId('other-lines').count()).toBe(0)
  })

  it("puts my family's line first and folds the other with what it needs; opening it shows its walks", async () => {
    const { page } = phone
    await sayWhoIAm(page, base, 'Famille Martin', 'Sophie', `/semaine/${WEEK}`)
    await expect.poll(() => lineTitles(page), POLL).toEqual(['Ligne Verte'])
    const blue = otherLine(page, 'Ligne Bleue')
    await expect.poll(() => blue.locator('summary').textContent(), POLL).toMatch(/Ligne Bleue\s*\d+ trajets à pourvoir$/)
    expect(await walksIn(blue).count()).toBe(0)
    expect(await blue.locator('summary').evaluate((summary) => summary.getBoundingClientRect().height)).toBeGreaterThanOrEqual(48)

    await blue.locator('summary').click()
    await expect.poll(() => walksIn(blue).count(), POLL).toBeGreaterThan(0)
    const toFill = Number(/(\d+) trajets/.exec((await blue.locator('summary').textContent()) ?? '')?.[1])
    expect(await walksIn(blue).count()).toBe(toFill)
    expect(await axeViolations(page)).toEqual([])

    // Keyboard: the summary folds it again.
    await blue.locator('summary').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => walksIn(blue).count(), POLL).toBe(0)
  })

  it('a sign-up on an opened line keeps it in place; the next visit counts it among my lines', async () => {
    const { page } = phone
    const blue = otherLine(page, 'Ligne Bleue')
    await blue.locator('summary').click()
    const thursday = blue.locator(`[data-testid="walk"][data-walk$="|${THURSDAY}|aller"]`)
    await thursday.getByRole('button', { name: /^Conducteur .*S’inscrire/ }).click()
    await expect.poll(() => thursday.getByTestId('slot-lead').getByTestId('holder').textContent(), POLL).toContain('Sophie (vous)')
    expect(await blue.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true)
    await expect.poll(() => blue.locator('summary').textContent(), POLL).toMatch(/\d+ trajets à pourvoir$/)

    await page.reload()
    await expect.poll(() => lineTitles(page), POLL).toEqual(['Ligne Bleue', 'Ligne Verte'])
    expect(await page.getByTestId('other-lines').count()).toBe(0)
    // The week after, I hold nothing on the blue line: it folds again.
    await page.getByRole('link', { name: fr['rota.week.next'] }).click()
    await expect.poll(() => lineTitles(page), POLL).toEqual(['Ligne Verte'])
    expect(await otherLine(page, 'Ligne Bleue').count()).toBe(1)
  })
})

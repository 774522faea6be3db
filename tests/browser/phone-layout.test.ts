// A parent's phone (390×844, French): the collective opens on what is needed now (the week with "Mon prochain trajet",
// or today's walk when on duty), the first walk above the fold, a bottom navigation on every screen, management one
// level down under "Plus", no word broken mid-line, and axe at 0 violations on the four screens of the navigation.
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone, waitForLocalSave } from '../helpers/browser.ts'
import { addFamilyWithAdult, addLineWithStops, createCollective, sayWhoIAm } from '../helpers/collective-steps.ts'

const POLL = { timeout: 15_000, interval: 100 }
// Tuesday 2 March 2027 (a school day, zone A), 07:30 in Paris: today's aller (08:05) is still to come.
const TODAY = '2027-03-02'
const MORNING = new Date('2027-03-02T07:30:00+01:00')
// 12:00 the same day: the aller started more than three hours ago, so it is over.
const NOON = new Date('2027-03-02T12:00:00+01:00')
const VIEWPORT = { width: 390, height: 844 }
const ITEMS = [fr['rota.nav.week'], fr['rota.nav.mine'], fr['rota.nav.today'], fr['nav.more']]

const bottomNav = (page: Page): Locator => page.getByRole('navigation', { name: fr['nav.bottom'] })
const currentItem = (page: Page) => bottomNav(page).locator('[aria-current="page"]').allTextContents()
const path = (page: Page): string => new URL(page.url()).pathname

/** Words (4 letters or more) of the visible text that the layout split over two lines: [] when none is. */
const brokenWords = (page: Page): Promise<string[]> => page.evaluate(() => {
  const broken: string[] = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? ''
    for (const match of text.matchAll(/[\p{L}\p{N}’'-]{4,}/gu)) {
      const range = document.createRange()
      range.setStart(node, match.index)
      range.setEnd(node, match.index + match[0].length)
      const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)))
      if (tops.size > 1) broken.push(match[0])
    }
  }
  return broken
})

describe('the collective on a phone', () => {
  let phone: Phone
  let base = ''

  usePhones(1, (phones) => { [phone] = phones }, MORNING)

  it('opens on the week: bottom navigation, "Mon prochain trajet" on top, the first walk above the fold', async () => {
    const { page } = phone
    await page.setViewportSize(VIEWPORT)
    base = await createCollective(page)
    await addLineWithStops(page, base, 'Ligne Verte', [{ name: 'Place du Marché', aller: '08:05' }, { name: 'École', aller: '08:25' }])
    await addFamilyWithAdult(page, base, 'Famille Martin', 'Léa', '06 11 22 33 44')
    await sayWhoIAm(page, base, 'Famille Martin', 'Léa', '/mes-trajets')

    await page.goto('/')
    await page.waitForURL((url) => url.pathname === `${base}/semaine`)
    await expect.poll(() => bottomNav(page).getByRole('link').allTextContents(), POLL).toEqual(ITEMS)
    expect(await currentItem(page)).toEqual([fr['rota.nav.week']])
    for (const box of await bottomNav(page).getByRole('link').evaluateAll((links) => links.map((link) => link.getBoundingClientRect()))) {
      expect(box.height).toBeGreaterThanOrEqual(48)
      expect(box.width).toBeGreaterThanOrEqual(48)
    }
    await expect.poll(() => page.getByTestId('next-walk').count(), POLL).toBe(1)

    const firstWalk = page.getByTestId('walk').first()
    await firstWalk.waitFor()
    const walk = await firstWalk.evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect)
    const nav = await bottomNav(page).evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect)
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    expect(nav.bottom).toBeLessThanOrEqual(VIEWPORT.height)
    expect(walk.top).toBeGreaterThanOrEqual(0)
    expect(walk.bottom).toBeLessThanOrEqual(nav.top)
    // "Mon prochain trajet" comes before the first walk.
    const next = await page.getByTestId('next-walk').evaluate((element) => element.getBoundingClientRect().bottom)
    expect(next).toBeLessThanOrEqual(walk.top)
  })

  it('pads the page so its end is never under the navigation', async () => {
    const { page } = phone
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    const { last, navTop } = await page.evaluate(() => ({
      last: document.querySelector('main')!.lastElementChild!.getBoundingClientRect().bottom,
      navTop: document.querySelector('nav.bottom-nav')!.getBoundingClientRect().top,
    }))
    expect(last).toBeLessThanOrEqual(navTop)
  })

  it('leads from item to item by keyboard, the current one marked', async () => {
    const { page } = phone
    for (const [index, name] of ITEMS.entries()) {
      await bottomNav(page).getByRole('link', { name }).focus()
      await page.keyboard.press('Enter')
      await page.waitForURL((url) => url.pathname === [`${base}/semaine`, `${base}/mes-trajets`, `${base}/aujourdhui`, `${base}/plus`][index])
      await expect.poll(() => currentItem(page), POLL).toEqual([name])
    }
  })

  it('"Plus" holds the management links, and the navigation stays on a management screen', async () => {
    const { page } = phone
    await page.goto(`${base}/plus`)
    const links = [
      fr['manage.links.lines'], fr['manage.links.families'], fr['manage.links.calendar'], fr['manage.links.settings'],
      fr['coord.nav.roster'], fr['journal.title'], fr['export.title'], fr['home.invite'],
    ]
    for (const name of links) await expect.poll(() => page.getByRole('link', { name, exact: true }).count(), POLL).toBeGreaterThan(0)
    expect(await page.getByRole('link', { name: fr['print.link.weekLabel'].replace('{line}', 'Ligne Verte') }).count()).toBe(1)
    await page.getByRole('link', { name: fr['manage.links.lines'], exact: true }).click()
    await page.waitForURL((url) => url.pathname === `${base}/lignes`)
    await expect.poll(() => currentItem(page), POLL).toEqual([fr['nav.more']])
  })

  it('breaks no word mid-line on the navigation’s screens and the coordination screen', async () => {
    const { page } = phone
    for (const screen of ['/semaine', '/mes-trajets', '/aujourdhui', '/plus', '/coordination']) {
      await page.goto(`${base}${screen}`)
      await bottomNav(page).waitFor()
      await page.getByRole('heading', { level: 1 }).waitFor()
      expect({ screen, broken: await brokenWords(page) }).toEqual({ screen, broken: [] })
    }
  })

  it('has no axe violation on the week, my walks, today and more', async () => {
    const { page } = phone
    for (const screen of ['/semaine', '/mes-trajets', '/aujourdhui', '/plus']) {
      await page.goto(`${base}${screen}`)
      await bottomNav(page).waitFor()
      await page.getByRole('heading', { level: 1 }).waitFor()
      expect({ screen, violations: await axeViolations(page) }).toEqual({ screen, violations: [] })
    }
  })

  it('opens on today’s walk when this phone’s family is on duty and the walk is not over', async () => {
    const { page } = phone
    await page.goto(`${base}/semaine`)
    const walk = page.locator(`[data-testid="walk"][data-walk$="|${TODAY}|aller"]`)
    await walk.getByRole('button', { name: /^Conducteur .*S’inscrire/ }).click()
    await expect.poll(() => walk.getByTestId('slot-lead').getByTestId('holder').textContent(), POLL).toContain('Léa (vous)')
    await waitForLocalSave(page) // the sign-up on this phone's disk before the app starts again

    await page.goto('/')
    await page.waitForURL((url) => url.pathname === `${base}/aujourdhui`)
    await expect.poll(() => currentItem(page), POLL).toEqual([fr['rota.nav.today']])
    await page.goto(base)
    await page.waitForURL((url) => url.pathname === `${base}/aujourdhui`)

    await phone.context.clock.setFixedTime(NOON)
    await page.goto(base)
    await page.waitForURL((url) => url.pathname === `${base}/semaine`)
    expect(path(page)).toBe(`${base}/semaine`)
    expect(phone.errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

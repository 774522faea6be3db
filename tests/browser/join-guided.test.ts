// Joining by link on a second phone (390×844, French): the welcome shows the collective (school, lines), then three
// short steps (my family with myself as adult, my children and their stop, my availability), resumable after a reload,
// each skippable; the parent lands on the week with the first walk above the bottom navigation, and axe stays at 0.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { readInviteLink, usePhones, type Phone } from '../helpers/browser.ts'
import { addLineWithStops, createCollective } from '../helpers/collective-steps.ts'

const POLL = { timeout: 15_000, interval: 100 }
// Tuesday 2 March 2027 (a school day, zone A), 07:30 in Paris: today's aller (08:05) is still to come.
const MORNING = new Date('2027-03-02T07:30:00+01:00')
const VIEWPORT = { width: 390, height: 844 }

const path = (page: Page): string => new URL(page.url()).pathname
const stepOf = (n: number): string => fr['manage.setup.stepOf'].replace('{n}', String(n)).replace('{count}', '3')

describe('joining by link on a phone', () => {
  let a: Phone
  let b: Phone
  let base = ''

  usePhones(2, (phones) => { [a, b] = phones }, MORNING)

  it('shows the collective, then asks for my family: adding it makes it mine at once', async () => {
    base = await createCollective(a.page)
    await addLineWithStops(a.page, base, 'Ligne Verte', [{ name: 'Place du Marché', aller: '08:05' }, { name: 'École', aller: '08:25' }])
    await a.page.goto(`${base}/inviter`)
    const invite = await readInviteLink(a.page)

    const { page } = b
    await page.setViewportSize(VIEWPORT)
    await page.goto(invite)
    await page.waitForURL((url) => url.pathname === `${base}/bienvenue/famille`)
    const welcome = page.getByTestId('welcome-collective')
    await expect.poll(() => welcome.textContent(), POLL).toContain('École Jules Ferry')
    expect(await welcome.textContent()).toContain('Pédibus des Écureuils')
    expect(await welcome.textContent()).toContain('Lesparre-Médoc')
    expect(await page.getByTestId('welcome-line').allTextContents()).toEqual(['Ligne Verte : 2 arrêts'])
    expect(await page.getByText(stepOf(1)).count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])

    await page.getByLabel(fr['welcome.familyName']).fill('Famille Durand')
    await page.getByLabel(fr['welcome.myFirstName']).fill('Karim')
    await page.getByRole('button', { name: fr['welcome.addSubmit'] }).click()
    await page.waitForURL((url) => url.pathname === `${base}/bienvenue/enfants`)
    expect(await page.getByText(stepOf(2)).count()).toBe(1)
  })

  it('resumes at the same step after a reload, and from the collective’s landing', async () => {
    const { page } = b
    await page.reload()
    await page.getByLabel(fr['manage.child.firstName']).waitFor()
    expect(path(page)).toBe(`${base}/bienvenue/enfants`)
    await page.goto(base)
    await page.waitForURL((url) => url.pathname === `${base}/bienvenue/enfants`)
    await page.getByLabel(fr['manage.child.firstName']).waitFor()
    expect(await axeViolations(page)).toEqual([])
  })

  it('adds a child with its stop, skips the availability, and lands on the week with the first walk in view', async () => {
    const { page } = b
    await page.getByLabel(fr['manage.child.firstName']).fill('Inès')
    await page.getByLabel(fr['manage.child.initial']).fill('D')
    await page.getByLabel(fr['manage.child.stopAller']).selectOption({ label: 'Place du Marché (08:05)' })
    await page.getByRole('button', { name: fr['manage.child.add'] }).click()
    await expect.poll(() => page.getByTestId('child-name').allTextContents(), POLL).toEqual(['Inès D.'])
    await page.getByRole('link', { name: fr['welcome.next'] }).click()
    await page.waitForURL((url) => url.pathname === `${base}/bienvenue/disponibilites`)
    expect(await page.getByText(stepOf(3)).count()).toBe(1)
    await page.getByRole('heading', { name: fr['planning.availability.adultFixed'].replace('{name}', 'Karim') }).waitFor()
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('link', { name: fr['welcome.later'] }).click()
    await page.waitForURL((url) => url.pathname === `${base}/semaine`)
    const firstWalk = page.getByTestId('walk').first()
    await firstWalk.waitFor()
    const walk = await firstWalk.evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect)
    const nav = await page.getByRole('navigation', { name: fr['nav.bottom'] })
      .evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect)
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    expect(walk.top).toBeGreaterThanOrEqual(0)
    expect(walk.bottom).toBeLessThanOrEqual(nav.top)

    // Finished: the landing now opens the week, never the guide again.
    await page.goto(base)
    await page.waitForURL((url) => url.pathname === `${base}/semaine`)
    // The family added in step 1 is this phone's at once: no "C'est ma famille" tap anywhere.
    await page.goto(`${base}/plus`)
    await expect.poll(() => page.getByTestId('me').textContent(), POLL).toContain('Vous êtes Karim (Famille Durand).')
  })

  it('shows the new family on the first phone', async () => {
    await a.page.goto(`${base}/plus`)
    await expect.poll(() => a.page.getByTestId('family-name').allTextContents(), POLL).toContain('Famille Durand')
  })
})

describe('skipping the guided join', () => {
  let a: Phone
  let b: Phone

  usePhones(2, (phones) => { [a, b] = phones }, MORNING)

  it('"Passer" on the family step goes to the week, and the landing no longer asks', async () => {
    const base = await createCollective(a.page)
    await a.page.goto(`${base}/inviter`)
    const invite = await readInviteLink(a.page)
    await b.page.goto(invite)
    await b.page.waitForURL((url) => url.pathname === `${base}/bienvenue/famille`)
    await b.page.getByRole('link', { name: fr['welcome.skip'] }).click()
    await b.page.waitForURL((url) => url.pathname === `${base}/semaine`)
    await b.page.goto(base)
    await b.page.waitForURL((url) => url.pathname === `${base}/semaine`)
  })
})

// axe on every screen of a collective with data, as a phone sees it (390×844): 0 violations, in French and English.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { sayWhoIAm } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'

const POLL = { timeout: 15_000, interval: 100 }
const NOW = new Date('2027-03-02T09:00:00+01:00')
const WEEK = '2027-03-08'
const THURSDAY = '2027-03-11'

/** Waits for the screen's heading and for no "Chargement…" left, then lists axe's violations. */
const violationsOn = async (page: Page, path: string): Promise<string[]> => {
  await page.goto(path)
  await page.locator('h1').first().waitFor()
  await expect.poll(() => page.getByText(/^Chargement|^Loading/).count(), POLL).toBe(0)
  return axeViolations(page)
}

describe('every screen passes axe', () => {
  let phone: Phone
  let base = ''
  let lineId = ''
  let familyId = ''
  usePhones(1, ([only]) => { phone = only }, NOW)

  it('finds what it should: an image without a text and an unnamed button', async () => {
    const { page } = phone
    await page.goto('/')
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<main><img src="/x.png"><button></button></main>')
    })
    const found = await axeViolations(page)
    expect(found.some((line) => line.startsWith('image-alt'))).toBe(true)
    expect(found.some((line) => line.startsWith('button-name'))).toBe(true)
  })

  it('in French, with a line, a family, a child and a sign-up', async () => {
    const { page } = phone
    await page.setViewportSize({ width: 390, height: 844 })
    const seeded = await seedCollective(page, {
      lines: [{
        name: 'Ligne Verte',
        stops: [
          { name: 'Place du Marché', aller: '08:05' },
          { name: 'École Jules Ferry', aller: '08:25', access: 'crossing' },
        ],
      }],
      families: [seedFamily('Famille Martin', 'Léa', '06 11 22 33 44', [
        { firstName: 'Tom', initial: 'M', stopAller: 'Place du Marché (08:05)', support: 'Lui tenir la main.' },
      ])],
    })
    base = seeded.base
    lineId = seeded.lineIds.get('Ligne Verte') ?? ''
    familyId = seeded.familyIds.get('Famille Martin') ?? ''
    await sayWhoIAm(page, base, 'Famille Martin', 'Léa', `/semaine/${WEEK}`)
    await page.locator(`[data-testid="walk"][data-walk$="|${THURSDAY}|aller"]`)
      .getByRole('button', { name: /^Conducteur .*S’inscrire/ }).click()
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL).toContain('C’est noté')

    const walk = `${lineId}/${THURSDAY}/aller`
    const paths = [
      '/', '/collectifs', '/reglages', '/creer', '/rejoindre', '/donnees', '/demo', '/demo/semaine', '/demo/mes-trajets',
      '/demo/aujourdhui',
      ...[
        `/semaine/${WEEK}`, '/mes-trajets', '/aujourdhui', '/plus', '/inviter', '/absences', '/coordination',
        '/coordination/a-faire', '/journal', '/lignes', `/lignes/${lineId}`, '/familles', `/familles/${familyId}`,
        '/parametres', '/calendrier', '/demarrage/ligne', '/demarrage/famille', '/demarrage/inviter', '/disponibilites',
        '/equite', '/planifier', '/donnees', '/trajet', `/trajet/${walk}`, `/trajet/${walk}/urgence`,
        `/imprimer/semaine/${lineId}/${WEEK}`, `/imprimer/affiche/${lineId}`, `/imprimer/feuille/${walk}`,
        `/imprimer/urgence/${walk}`, '/bienvenue/famille', '/bienvenue/enfants', '/bienvenue/disponibilites',
      ].map((path) => `${base}${path}`),
    ]
    for (const path of paths) expect({ path, violations: await violationsOn(page, path) }).toEqual({ path, violations: [] })
  })

  it('in English, on the screens a parent uses most', async () => {
    const { page } = phone
    await page.goto('/reglages')
    await page.getByLabel('English').check()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('en')
    const paths = ['/', '/creer', '/reglages', `${base}/semaine/${WEEK}`, `${base}/mes-trajets`, `${base}/aujourdhui`,
      `${base}/plus`, `${base}/calendrier`, `${base}/familles/${familyId}`, `${base}/trajet/${lineId}/${THURSDAY}/aller`]
    for (const path of paths) expect({ path, violations: await violationsOn(page, path) }).toEqual({ path, violations: [] })
  })
})

// Importing the ministry's combined school calendar (.ics) in Chromium: the screen asks which zone before writing
// anything (the collective's own zone chosen by default), and only the chosen zone's periods are listed; a school in
// Corse, with no default, must choose, and gets Corse's periods.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { combinedMinistryIcs } from '../helpers/ministry-ics.ts'
import { seedCollective } from '../helpers/seed-collective.ts'

const POLL = { timeout: 10_000, interval: 100 }

const chooseFile = (page: Page) => page.locator('#holidays-file').setInputFiles({
  name: 'Calendrier-scolaire.ics', mimeType: 'text/calendar', buffer: Buffer.from(combinedMinistryIcs()),
})
const imported = (page: Page) => page.getByTestId('holidays').textContent().catch(() => '')
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '')

describe('importing the ministry’s calendar of every zone', () => {
  let phone: Phone
  usePhones(1, ([only]) => { phone = only })

  it('asks which zone (the collective’s chosen), writes nothing before, then lists that zone’s periods only', async () => {
    const { page } = phone
    const { base } = await seedCollective(page, {}) // Lesparre-Médoc, 33340: zone A
    await page.goto(`${base}/calendrier`)
    await chooseFile(page)
    const pasted = page.getByLabel('Ou collez le contenu du calendrier')
    await expect.poll(() => pasted.inputValue(), POLL).toContain('Zones A/B/C')
    await page.getByRole('button', { name: 'Importer les vacances' }).click()

    const question = page.getByRole('group', { name: 'Quelle zone importer ?' })
    await question.waitFor()
    const choices = await question.getByRole('radio').evaluateAll((radios) => radios.map((radio) => radio.parentElement?.textContent))
    expect(choices).toEqual(['Zone A', 'Zone B', 'Zone C', 'Corse', 'Guadeloupe'])
    expect(await question.getByLabel('Zone A', { exact: true }).isChecked()).toBe(true)
    expect(await focusedId(page)).toBe('holidays-zone-A')
    expect(await page.getByText('Aucune période ajoutée ou importée.').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])

    await question.getByLabel('Zone C', { exact: true }).check()
    await page.getByRole('button', { name: 'Importer la zone choisie' }).click()
    await expect.poll(() => page.getByTestId('holidays-result').textContent().catch(() => null), POLL)
      .toBe('6 périodes de vacances importées (Zone C).')
    const listed = await imported(page)
    expect(listed).toContain("Vacances d'Hiver : du 03/02/2029 au 18/02/2029")
    expect(listed).toContain("Vacances d'Été : du 07/07/2029 au 02/09/2029")
    expect(listed).not.toContain('10/02/2029') // zone A's winter
    expect(listed).not.toContain('Carnaval') // Guadeloupe
    expect(listed).not.toContain('Pentecôte') // Corse
    expect(listed).not.toContain('Rentrée')
    expect(await page.getByRole('group', { name: 'Quelle zone importer ?' }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    expect(phone.errors).toEqual([])
  })

  it('a school in Corse chooses its zone (none is chosen for it) and gets Corse’s periods', async () => {
    const { page } = phone
    await page.goto('/creer')
    await page.getByLabel('Nom du collectif').fill('Pédibus du Cours')
    await page.getByLabel('École').fill('École du Cours')
    await page.getByLabel('Commune').fill('Ajaccio')
    await page.getByLabel('Code postal').fill('20000')
    await page.getByRole('button', { name: 'Créer le collectif' }).click()
    await page.waitForURL(/\/demarrage\/ligne$/)
    await page.goto(new URL(page.url()).pathname.replace(/\/demarrage\/ligne$/, '/calendrier'))

    await chooseFile(page)
    await expect.poll(() => page.getByLabel('Ou collez le contenu du calendrier').inputValue(), POLL).toContain('Corse')
    await page.getByRole('button', { name: 'Importer les vacances' }).click()
    const question = page.getByRole('group', { name: 'Quelle zone importer ?' })
    await question.waitFor()
    expect(await question.getByRole('radio', { checked: true }).count()).toBe(0)
    await page.getByRole('button', { name: 'Importer la zone choisie' }).click()
    await expect.poll(() => page.locator('#holidays-zone-error').textContent().catch(() => null), POLL)
      .toContain('Choisissez la zone de votre école')
    await expect.poll(() => focusedId(page), POLL).toBe('holidays-zone-A')
    expect(await page.getByText('Aucune période ajoutée ou importée.').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])

    await question.getByLabel('Corse', { exact: true }).check()
    await page.getByRole('button', { name: 'Importer la zone choisie' }).click()
    await expect.poll(() => page.getByTestId('holidays-result').textContent().catch(() => null), POLL)
      .toBe('7 périodes de vacances importées (Corse).')
    const listed = await imported(page)
    expect(listed).toContain('Lundi de Pentecôte : du 21/05/2029 au 21/05/2029')
    expect(listed).toContain("Vacances d'Hiver : du 17/02/2029 au 04/03/2029")
    expect(listed).toContain("Vacances d'Été : du 30/06/2029 au 02/09/2029")
    expect(listed).not.toContain('Carnaval')
    expect(phone.errors).toEqual([])
  })
})

// Creating a collective asks where the school is: a zone-B town gets zone B's holidays, Corse its own calendar.
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'

const POLL = { timeout: 10_000, interval: 100 }

describe('creating a collective in Rennes (zone B) and in Ajaccio (own calendar)', () => {
  let phone: Phone
  usePhones(1, ([only]) => { phone = only })

  const fillProfile = async (town: string) => {
    const { page } = phone
    await page.goto('/creer')
    await page.getByLabel('Nom du collectif').fill('Pédibus des Lices')
    await page.getByLabel('École').fill('École des Lices')
    await page.getByLabel('Commune').fill(town)
  }

  it('derives zone B from a Rennes postcode, shows it, and the collective gets zone B holidays', async () => {
    const { page } = phone
    await fillProfile('Rennes')
    expect(await axeViolations(page)).toEqual([])
    await page.getByLabel('Code postal').fill('35000')
    await expect.poll(() => page.getByTestId('create-place-found').textContent(), POLL).toBe('Académie de Rennes : zone B.')
    expect(await page.getByLabel('Zone B').isChecked()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Créer le collectif' }).click()
    await page.waitForURL(/\/c\/[A-Za-z0-9_-]{22}\/demarrage\/ligne$/)
    const base = new URL(page.url()).pathname.replace(/\/demarrage\/ligne$/, '')

    await page.goto(`${base}/calendrier`)
    await page.getByRole('heading', { name: 'Vacances scolaires (zone B)' }).waitFor()
    // Zone B's winter holidays 2027 start on Saturday 20 February (zone A's on the 13th, C's on the 6th).
    const winter = page.getByTestId('shipped-2026-2027-B-hiver')
    expect(await winter.textContent()).toContain('du 20/02/2027')
    await page.goto(`${base}/parametres`)
    await expect.poll(() => page.getByLabel('Zone B').isChecked(), POLL).toBe(true)
  })

  it('says a wrong postcode and keeps what was typed', async () => {
    const { page } = phone
    await fillProfile('Rennes')
    await page.getByLabel('Code postal').fill('3500')
    await page.getByRole('button', { name: 'Créer le collectif' }).click()
    await expect.poll(() => page.locator('#create-place-error').textContent(), POLL).toContain('Code postal non reconnu')
    expect(await page.getByLabel('Code postal').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('Commune').inputValue()).toBe('Rennes')
    expect(new URL(page.url()).pathname).toBe('/creer')
    expect(await axeViolations(page)).toEqual([])
  })

  it('lets the parent choose another zone than the derived one', async () => {
    const { page } = phone
    await fillProfile('Rennes')
    await page.getByLabel('Code postal').fill('35000')
    await page.getByLabel('Zone C').check()
    await page.getByRole('button', { name: 'Créer le collectif' }).click()
    await page.waitForURL(/\/demarrage\/ligne$/)
    const base = new URL(page.url()).pathname.replace(/\/demarrage\/ligne$/, '')
    await page.goto(`${base}/calendrier`)
    await page.getByRole('heading', { name: 'Vacances scolaires (zone C)' }).waitFor()
  })

  it('tells a school in Corse that its calendar is its own and must be imported', async () => {
    const { page } = phone
    await fillProfile('Ajaccio')
    await page.getByLabel('Code postal').fill('20000')
    await expect.poll(() => page.getByTestId('create-place-found').textContent(), POLL).toContain('Académie de Corse')
    expect(await page.getByTestId('create-place-found').textContent()).toContain('importez-le')
    expect(await page.getByRole('radio').count()).toBe(0)
    await page.getByRole('button', { name: 'Créer le collectif' }).click()
    await page.waitForURL(/\/demarrage\/ligne$/)
    const base = new URL(page.url()).pathname.replace(/\/demarrage\/ligne$/, '')
    await page.goto(`${base}/calendrier`)
    await page.getByTestId('shipped-own-calendar').waitFor()
    expect(await page.getByRole('heading', { name: /zone [ABC]/ }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await page.goto(`${base}/parametres`)
    await expect.poll(() => page.getByLabel('Notre académie a son propre calendrier (Corse, outre-mer)').isChecked(), POLL).toBe(true)
  })
})

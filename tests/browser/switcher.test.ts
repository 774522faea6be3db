// One phone holds several collectives: the switcher lists them, opens each with its own data, and forgets one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type BrowserHarness, type Phone } from '../helpers/browser.ts'

const POLL = { timeout: 10_000, interval: 100 }

describe('a phone with two collectives', () => {
  let harness: BrowserHarness
  let phone: Phone

  beforeAll(async () => {
    harness = await startHarness()
    phone = await harness.newPhone()
  })
  afterAll(async () => {
    await harness?.teardown()
  })

  const create = async (name: string, town: string) => {
    await phone.page.goto('/creer')
    await phone.page.getByLabel('Nom du collectif').fill(name)
    await phone.page.getByLabel('École').fill('École du Centre')
    await phone.page.getByLabel('Commune').fill(town)
    await phone.page.getByLabel('Code postal').fill('33340')
    await phone.page.getByRole('button', { name: 'Créer le collectif' }).click()
    await phone.page.waitForURL(/\/c\/[A-Za-z0-9_-]{22}\/demarrage\/ligne$/) // the guided set-up follows creation
  }
  const listed = () => phone.page.getByTestId('collectives').getByRole('link').allTextContents()

  it('lists both collectives and opens each with its own data', async () => {
    await create('Pédibus des Pins', 'Lesparre-Médoc')
    await create('Pédibus du Port', 'Pauillac')

    await phone.page.getByRole('link', { name: 'Collectifs' }).click()
    await expect.poll(async () => (await listed()).map((text) => text.replace(/\s*\(affiché\)/, '').trim()).sort(), POLL)
      .toEqual(['Pédibus des Pins', 'Pédibus du Port'])

    await phone.page.getByTestId('collectives').getByRole('link', { name: /Pédibus des Pins/ }).click()
    // A collective opens on its week; its home (profile, families) is under "Plus".
    await phone.page.getByRole('navigation', { name: 'Le pédibus du collectif' }).getByRole('link', { name: 'Plus' }).click()
    await expect.poll(() => phone.page.getByTestId('profile-town').textContent(), POLL).toBe('Lesparre-Médoc')
    await phone.page.getByLabel('Nom de la famille').fill('Famille Martin')
    await phone.page.getByRole('button', { name: 'Ajouter la famille' }).click()

    await phone.page.getByRole('link', { name: 'Collectifs' }).click()
    await phone.page.getByTestId('collectives').getByRole('link', { name: /Pédibus du Port/ }).click()
    await phone.page.getByRole('navigation', { name: 'Le pédibus du collectif' }).getByRole('link', { name: 'Plus' }).click()
    await expect.poll(() => phone.page.getByTestId('profile-town').textContent(), POLL).toBe('Pauillac')
    expect(await phone.page.getByTestId('family-name').count()).toBe(0)
  })

  it('forgets one collective from this phone and keeps the other', async () => {
    await phone.page.getByRole('link', { name: 'Collectifs' }).click()
    await phone.page.getByRole('button', { name: 'Retirer de ce téléphone : Pédibus du Port' }).click()
    await phone.page.getByRole('button', { name: 'Oui, retirer' }).click()
    await expect.poll(() => phone.page.getByTestId('announcer').textContent(), POLL).toContain('« Pédibus du Port » a été retiré')
    await phone.page.reload()
    await phone.page.goto('/collectifs')
    await expect.poll(async () => (await listed()).map((text) => text.replace(/\s*\(affiché\)/, '').trim()), POLL)
      .toEqual(['Pédibus des Pins'])
    expect(phone.errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

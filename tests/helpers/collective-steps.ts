// Browser-test steps shared by the rota, swap and coordination scenarios: create a collective and add a family through the real screens.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'

const POLL = { timeout: 15_000, interval: 100 }

/** Creates "Pédibus des Écureuils" on `page` and returns its base path, `/c/<roomId>`. */
export const createCollective = async (page: Page): Promise<string> => {
  await page.goto('/creer')
  await page.getByLabel('Nom du collectif').fill('Pédibus des Écureuils')
  await page.getByLabel('École').fill('École Jules Ferry')
  await page.getByLabel('Commune').fill('Lesparre-Médoc')
  await page.getByRole('button', { name: 'Créer le collectif' }).click()
  await page.waitForURL(/\/c\/[A-Za-z0-9_-]{22}\//)
  return /^\/c\/[A-Za-z0-9_-]{22}/.exec(new URL(page.url()).pathname)?.[0] ?? ''
}

/** Adds a family from the families list and its first adult; leaves `page` on the family's page. */
export const addFamilyWithAdult = async (page: Page, base: string, name: string, adult: string, phone: string): Promise<void> => {
  await page.goto(`${base}/familles`)
  await page.getByLabel(fr['families.addLabel']).fill(name)
  await page.getByRole('button', { name: fr['families.add'] }).click()
  await page.waitForURL(/\/familles\/[0-9a-f-]{36}$/)
  await page.getByLabel(fr['manage.adult.firstName']).fill(adult)
  await page.getByLabel(fr['manage.adult.phone'], { exact: true }).fill(phone)
  await page.getByRole('button', { name: fr['manage.adult.add'] }).click()
  await expect.poll(() => page.getByTestId('adult-name').allTextContents(), POLL).toEqual([adult])
}

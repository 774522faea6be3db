// Shared steps of the planning browser tests: the scene (a fixed Tuesday, one "Ligne Verte" walking aller), saving availability, reading the proposal.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'

export const POLL = { timeout: 15_000, interval: 100 }
/** Tuesday 2 March 2027, 09:00 Paris; the week of 8 March is a school week in zone A (spring holidays start 10 April). */
export const NOW = new Date('2027-03-02T09:00:00+01:00')
export const [MONDAY, TUESDAY, THURSDAY, FRIDAY] = ['2027-03-08', '2027-03-09', '2027-03-11', '2027-03-12'] as const
export const LINE = 'Ligne Verte'
export const STOP = 'Place du Marché (08:05)'
export const SOPHIE = 'Sophie (Famille Martin)'
export const PAUL = 'Paul (Famille Nguyen)'
export const CHLOE = 'Chloé (Famille Durand)'
export const MARC = 'Marc (Famille Bernard)'

/** Ticks "<Day>, aller, ligne « Ligne Verte »" for each day, optionally types a weekly maximum, saves and waits for "Enregistré". */
export const saveAvailability = async (page: Page, days: readonly string[], weeklyMax?: string): Promise<void> => {
  for (const day of days) await page.getByLabel(`${day}, aller, ligne « ${LINE} »`).check()
  if (weeklyMax !== undefined) await page.getByLabel(fr['planning.availability.weeklyMax']).fill(weeklyMax)
  await page.getByRole('button', { name: fr['planning.availability.save'], exact: true }).click()
  await expect.poll(() => page.getByTestId('announcer').textContent(), POLL).toBe(fr['planning.availability.saved'])
}

/** Every proposed place's holder ("Sophie (Famille Martin)"), sorted. */
export const proposedHolders = (page: Page): Promise<string[]> =>
  page.locator('[data-testid="plan-place"] > span').evaluateAll((spans) => spans.map((span) => (span.textContent ?? '').replace(/^[^:]*:\s*/, '')).sort())

/** The id of the focused element ('' when none). */
export const activeId = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '')

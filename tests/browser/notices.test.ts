// Notices after an offline conflict, on two phone-sized contexts: the loser's "C'est noté" toast is replaced by the
// truth, every notice can be dismissed (and stays dismissed after a reload), the giver of a taken offer is told on the week.
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { fr } from '../../src/ui/i18n/fr.ts'
import { storedDismissals } from '../helpers/stored-values.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { joinByInvite, sayWhoIAm } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'

const POLL = { timeout: 15_000, interval: 100 }
// The week of 8 March 2027 (no zone A holidays); both phones live on Tuesday 2 March 2027, 09:00 Paris.
const WEEK = '2027-03-08'
const MONDAY = '2027-03-08'
const THURSDAY = '2027-03-11'
const FRIDAY = '2027-03-12'
const NOW = new Date('2027-03-02T09:00:00+01:00')

const walkCard = (page: Page, date: string): Locator => page.locator(`[data-testid="walk"][data-walk$="|${date}|aller"]`)
const leadOf = async (page: Page, date: string): Promise<string> =>
  ((await walkCard(page, date).getByTestId('slot-lead').getByTestId('holder').textContent({ timeout: 1_000 }).catch(() => null)) ?? '').trim()
const toast = (page: Page) => () => page.getByTestId('announcer').textContent()
const waitingNames = (page: Page, date: string) => () => walkCard(page, date).getByTestId('waiting-name').allTextContents()
/** The "Masquer ce message" button of the notice whose text has `testId`. */
const dismissOf = (page: Page, testId: string): Locator =>
  page.getByTestId('notice-item').filter({ has: page.getByTestId(testId) }).getByRole('button', { name: fr['notice.dismiss'] })

describe('notices after an offline conflict, on two phones', () => {
  let a: Phone
  let b: Phone
  let base = ''
  const week = `/semaine/${WEEK}`

  usePhones(2, (phones) => { [a, b] = phones }, NOW)

  const signUpLead = async (page: Page, date: string) => {
    await walkCard(page, date).getByTestId('slot-lead').getByRole('button').click()
  }

  it('sets up a collective with two families, one on each phone', async () => {
    base = (await seedCollective(a.page, {
      lines: [{ name: 'Ligne Verte', stops: [{ name: 'Place du Marché', aller: '08:05' }] }],
      families: [
        seedFamily('Famille Martin', 'Léa', '06 11 22 33 44'),
        seedFamily('Famille Nguyen', 'Paul', '06 55 66 77 88'),
      ],
    })).base
    await joinByInvite(a.page, base, [b.page])
    await sayWhoIAm(a.page, base, 'Famille Martin', 'Léa', week)
    await sayWhoIAm(b.page, base, 'Famille Nguyen', 'Paul', week)
  })

  it('the loser of an offline conflict sees the truth in the toast, not a stale "C’est noté : … conducteur"', async () => {
    await a.context.setOffline(true)
    await b.context.setOffline(true)
    // Paul signs up first; Léa's later sign-up (after another one, so her clock is higher) loses Thursday.
    await signUpLead(b.page, THURSDAY)
    await expect.poll(() => leadOf(b.page, THURSDAY), POLL).toBe('Paul (vous)')
    await signUpLead(a.page, MONDAY)
    await expect.poll(() => leadOf(a.page, MONDAY), POLL).toBe('Léa (vous)')
    await signUpLead(a.page, THURSDAY)
    await expect.poll(() => leadOf(a.page, THURSDAY), POLL).toBe('Léa (vous)')
    const stale = 'C’est noté : Léa est conducteur le jeudi 11 mars (aller).'
    await expect.poll(toast(a.page), POLL).toBe(stale)

    await a.context.setOffline(false)
    await b.context.setOffline(false)
    await expect.poll(waitingNames(a.page, THURSDAY), POLL).toEqual(['Léa'])
    await expect.poll(toast(a.page), POLL)
      .toBe('Finalement, la place de conducteur du jeudi 11 mars (aller) était déjà prise : Léa est en liste d’attente.')
    expect(await leadOf(a.page, THURSDAY)).toBe('Paul')
    // The week with its red notice and the toast (and their close buttons) passes axe.
    expect(await axeViolations(a.page)).toEqual([])
  })

  it('the red notice and the toast can be dismissed, and the notice stays dismissed after a reload', async () => {
    const notice = a.page.getByTestId('waiting-notice')
    await expect.poll(() => notice.count(), POLL).toBe(1)
    await a.page.getByTestId('toast').getByRole('button', { name: fr['notice.dismissToast'] }).click()
    expect(await toast(a.page)()).toBe('')
    const dismissedBefore = await storedDismissals(a.page)
    await dismissOf(a.page, 'waiting-notice').click()
    await expect.poll(() => notice.count(), POLL).toBe(0)
    // Focus stays on the screen, not on the body.
    expect(await a.page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY')
    // Reloaded once the dismissal is in the device database (a reload right after the tap can cut the write short).
    await expect.poll(() => storedDismissals(a.page), POLL).toBe(dismissedBefore + 1)
    await a.page.reload()
    await expect.poll(waitingNames(a.page, THURSDAY), POLL).toEqual(['Léa'])
    expect(await a.page.getByTestId('waiting-notice').count()).toBe(0)
    await a.page.goto(`${base}/plus`)
    await expect.poll(() => a.page.getByTestId('collective-name').count(), POLL).toBe(1)
    expect(await a.page.getByTestId('waiting-notice').count()).toBe(0)
  })

  it('the giver of a taken offer is told on the week they are on, once, and can dismiss it for good', async () => {
    await a.page.goto(`${base}${week}`)
    await signUpLead(a.page, FRIDAY)
    await expect.poll(() => leadOf(a.page, FRIDAY), POLL).toBe('Léa (vous)')
    await walkCard(a.page, FRIDAY).getByTestId('offer-slot').click()

    await b.page.goto(`${base}${week}`)
    await walkCard(b.page, FRIDAY).getByTestId('take-offer').click({ timeout: 15_000 })
    await expect.poll(() => leadOf(b.page, FRIDAY), POLL).toBe('Paul (vous)')

    const told = '✓ Votre offre a été prise par Paul : Paul remplace Léa le vendredi 12 mars (aller).'
    await expect.poll(() => a.page.getByTestId('swap-notice').allTextContents(), POLL).toEqual([told])
    expect(await axeViolations(a.page)).toEqual([])
    await a.page.goto(`${base}/plus`)
    await expect.poll(() => a.page.getByTestId('swap-notice').allTextContents(), POLL).toEqual([told])
    expect(await axeViolations(a.page)).toEqual([])
    await a.page.goto(`${base}/mes-trajets`)
    await expect.poll(() => a.page.getByTestId('swap-notice').allTextContents(), POLL).toEqual([told])
    expect(await axeViolations(a.page)).toEqual([])

    await dismissOf(a.page, 'swap-notice').click()
    await expect.poll(() => a.page.getByTestId('swap-notice').count(), POLL).toBe(0)
    await a.page.goto(`${base}${week}`)
    await expect.poll(() => leadOf(a.page, FRIDAY), POLL).toBe('Paul')
    expect(await a.page.getByTestId('swap-notice').count()).toBe(0)
    expect([...a.errors, ...b.errors].filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

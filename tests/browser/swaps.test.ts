// Three phones swap slots through the real relay and the real screens: an offer taken, the same offer taken by two
// phones offline (one winner everywhere, the other told "déjà pris"), and a trade accepted (both slots change on both phones).
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { fr } from '../../src/ui/i18n/fr.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { joinByInvite, sayWhoIAm } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'

const POLL = { timeout: 15_000, interval: 100 }
// The week of 8 March 2027 (no zone A holidays); every phone lives on Tuesday 2 March 2027, 09:00 Paris (nothing urgent, nothing past).
const WEEK = '2027-03-08'
const MONDAY = '2027-03-08'
const THURSDAY = '2027-03-11'
const FRIDAY = '2027-03-12'
const NOW = new Date('2027-03-02T09:00:00+01:00')

const walkCard = (page: Page, date: string): Locator => page.locator(`[data-testid="walk"][data-walk$="|${date}|aller"]`)
const leadOf = async (page: Page, date: string): Promise<string> =>
  ((await walkCard(page, date).getByTestId('slot-lead').getByTestId('holder').textContent({ timeout: 1_000 }).catch(() => null)) ?? '').trim()
const leadName = async (page: Page, date: string): Promise<string> => (await leadOf(page, date)).replace(/\s*\(vous\).*$/, '').replace(/⇄.*$/, '').trim()
const announced = (page: Page) => () => page.getByTestId('announcer').textContent()

describe('swaps on three phones', () => {
  let a: Phone
  let b: Phone
  let c: Phone
  let base = ''

  usePhones(3, (phones) => { [a, b, c] = phones }, NOW)

  const whoIAm = (phone: Phone, family: string, adult: string) => sayWhoIAm(phone.page, base, family, adult, `/semaine/${WEEK}`)
  const signUpLead = async (page: Page, date: string, adult: string) => {
    await walkCard(page, date).getByTestId('slot-lead').getByRole('button').click()
    await expect.poll(() => leadOf(page, date), POLL).toBe(`${adult} (vous)`)
  }

  it('sets up a collective, three families, and one lead each on the week of 8 March', async () => {
    base = (await seedCollective(a.page, {
      lines: [{ name: 'Ligne Verte', stops: [{ name: 'Place du Marché', aller: '08:05' }] }],
      families: [
        seedFamily('Famille Martin', 'Léa', '06 11 22 33 44'),
        seedFamily('Famille Nguyen', 'Paul', '06 11 22 33 44'),
        seedFamily('Famille Durand', 'Chloé', '06 11 22 33 44'),
      ],
    })).base

    await joinByInvite(a.page, base, [b.page, c.page])
    await whoIAm(a, 'Famille Martin', 'Léa')
    await whoIAm(b, 'Famille Nguyen', 'Paul')
    await whoIAm(c, 'Famille Durand', 'Chloé')
    await signUpLead(a.page, THURSDAY, 'Léa')
    await signUpLead(b.page, FRIDAY, 'Paul')
    await signUpLead(c.page, MONDAY, 'Chloé')
    for (const phone of [a, b, c]) {
      await expect.poll(async () => [await leadName(phone.page, MONDAY), await leadName(phone.page, THURSDAY), await leadName(phone.page, FRIDAY)], POLL)
        .toEqual(['Chloé', 'Léa', 'Paul'])
    }
  })

  it('A looks for a replacement, stays shown until B takes it in one tap, and A’s rota updates', async () => {
    await walkCard(a.page, THURSDAY).getByTestId('offer-slot').click()
    await expect.poll(() => leadOf(a.page, THURSDAY), POLL).toContain('cherche un remplaçant')
    expect(await leadName(a.page, THURSDAY)).toBe('Léa')

    const take = walkCard(b.page, THURSDAY).getByTestId('take-offer')
    await take.click({ timeout: 15_000 })
    await expect.poll(announced(b.page), POLL).toBe('C’est noté : vous remplacez Léa le jeudi 11 mars (aller).')
    await expect.poll(() => leadOf(b.page, THURSDAY), POLL).toBe('Paul (vous)')
    await expect.poll(() => leadName(a.page, THURSDAY), POLL).toBe('Paul')

    await a.page.goto(`${base}/plus`)
    await expect.poll(() => a.page.getByTestId('swap-notice').allTextContents(), POLL)
      .toContain('✓ Votre offre a été prise par Paul : Paul remplace Léa le jeudi 11 mars (aller).')
  })

  it('A and C take the same offer of B offline: back online one wins on every phone, the other is told "déjà pris"', async () => {
    await b.page.goto(`${base}/semaine/${WEEK}`)
    await walkCard(b.page, FRIDAY).getByTestId('offer-slot').click()
    for (const phone of [a, c]) {
      await phone.page.goto(`${base}/semaine/${WEEK}`)
      await expect.poll(() => walkCard(phone.page, FRIDAY).getByTestId('take-offer').count(), POLL).toBe(1)
    }
    await a.context.setOffline(true)
    await c.context.setOffline(true)
    await walkCard(a.page, FRIDAY).getByTestId('take-offer').click()
    await walkCard(c.page, FRIDAY).getByTestId('take-offer').click()
    await expect.poll(() => leadOf(a.page, FRIDAY), POLL).toBe('Léa (vous)')
    await expect.poll(() => leadOf(c.page, FRIDAY), POLL).toBe('Chloé (vous)')
    await a.context.setOffline(false)
    await c.context.setOffline(false)

    const leads = async () => [await leadName(a.page, FRIDAY), await leadName(b.page, FRIDAY), await leadName(c.page, FRIDAY)]
    await expect.poll(async () => new Set(await leads()).size === 1 && (await leads())[0] !== 'Paul', POLL).toBe(true)
    const [winner] = await leads()
    const loser = winner === 'Léa' ? c : a
    await loser.page.goto(`${base}/plus`)
    await expect.poll(() => loser.page.getByTestId('swap-notice').allTextContents(), POLL)
      .toContain(`⚠ Trajet du vendredi 12 mars (aller) : déjà pris par ${winner}. Vos créneaux ne changent pas.`)
    // The loser's own slots did not move.
    await loser.page.goto(`${base}/semaine/${WEEK}`)
    expect(await leadName(loser.page, MONDAY)).toBe('Chloé')
  })

  it('C proposes a trade to the Nguyen family for Thursday; B accepts; both slots change on both phones', async () => {
    await c.page.goto(`${base}/semaine/${WEEK}`)
    const monday = walkCard(c.page, MONDAY)
    await monday.getByTestId('propose-trade').click()
    const form = monday.getByTestId('trade-form')
    await form.getByLabel(fr['swap.tradeFamily']).selectOption({ label: 'Famille Nguyen' })
    await form.getByLabel('jeudi 11 mars (aller) · Conducteur : Paul').check()
    await form.getByRole('button', { name: fr['swap.tradeSend'] }).click()
    await expect.poll(announced(c.page), POLL).toContain('Proposition d’échange envoyée à Famille Nguyen')

    await b.page.goto(`${base}/plus`)
    const request = b.page.getByTestId('trade-request')
    await expect.poll(() => request.textContent(), POLL).toContain('Chloé propose un échange : son créneau du lundi 8 mars (aller) contre votre créneau du jeudi 11 mars (aller).')
    await request.getByTestId('accept-trade').click()
    await expect.poll(announced(b.page), POLL).toBe(fr['swap.traded'])

    for (const phone of [b, c]) {
      await phone.page.goto(`${base}/semaine/${WEEK}`)
      await expect.poll(async () => [await leadName(phone.page, MONDAY), await leadName(phone.page, THURSDAY)], POLL).toEqual(['Paul', 'Chloé'])
    }
    expect([...a.errors, ...b.errors, ...c.errors].filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('keeps every swap control at least 48 px tall and inside a 360 px screen, on the week and the home screen', async () => {
    await c.page.goto(`${base}/semaine/${WEEK}`)
    await walkCard(c.page, THURSDAY).getByTestId('propose-trade').click()
    await walkCard(c.page, THURSDAY).getByTestId('trade-form').getByLabel(fr['swap.tradeFamily']).selectOption({ label: 'Famille Martin' })
    const sizes = async (page: Page, selector: string) => page.locator(selector).evaluateAll((nodes) =>
      nodes.map((node) => { const box = node.getBoundingClientRect(); return { h: Math.round(box.height), right: Math.round(box.right) } }))
    const controls = [
      ...(await sizes(c.page, '[data-testid="walk"] button, [data-testid="walk"] select')),
      ...(await sizes(c.page, '[data-testid="trade-form"] label.choice')),
    ]
    expect(controls.length).toBeGreaterThan(5)
    for (const box of controls) {
      expect(box.h).toBeGreaterThanOrEqual(48)
      expect(box.right).toBeLessThanOrEqual(360)
    }
    await b.page.goto(`${base}/plus`)
    for (const box of await sizes(b.page, '[data-testid="swap-home"] button, [data-testid="swap-home"] a.button')) expect(box.h).toBeGreaterThanOrEqual(48)
  })
})

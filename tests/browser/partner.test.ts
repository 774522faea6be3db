// Read-only partner links in Chromium (issue 18): a member makes a link for a school; a fresh browser opens it and sees
// the lines, stops, times and this week's coverage, and not one personal value, neither on the page nor in any
// websocket frame it received or sent; once the member withdraws the link, the open page says so and the link opens
// nothing any more.
import type { WebSocket as PlaywrightSocket } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { needlesFound } from '../helpers/byte-search.ts'
import {
  addChild, addFamilyWithAdult, addLineWithStops, createCollective, sayWhoIAm, waitAllSynced,
} from '../helpers/collective-steps.ts'

const POLL = { timeout: 20_000, interval: 100 }
// Monday 30 November 2026, 07:00 Paris: this week's walks all ahead.
const MONDAY = new Date('2026-11-30T06:00:00Z')
const CANARIES = {
  family: 'Famille Kanarifamille',
  adult: 'Kanariadulte',
  phone: '06 98 76 54 32',
  child: 'Kanarienfant',
  support: 'Kanarisoutien asthme',
} as const

/** Every frame a page's websockets received or sent, as bytes. */
const recordFrames = (phone: Phone): Uint8Array[] => {
  const frames: Uint8Array[] = []
  const keep = (payload: string | Buffer): void => {
    frames.push(typeof payload === 'string' ? Buffer.from(payload, 'utf8') : new Uint8Array(payload))
  }
  phone.page.on('websocket', (socket: PlaywrightSocket) => {
    socket.on('framereceived', (frame) => keep(frame.payload))
    socket.on('framesent', (frame) => keep(frame.payload))
  })
  return frames
}

describe('partner links', () => {
  let a: Phone
  let partner: Phone
  usePhones(2, (phones) => {
    [a, partner] = phones
  }, MONDAY)

  it('shows a partner the lines and the week, nothing personal, and nothing once withdrawn', async () => {
    const base = await createCollective(a.page)
    await addLineWithStops(a.page, base, 'Ligne des Tilleuls', [
      { name: 'Place du Marché', aller: '08:05', retour: '16:55' },
      { name: 'École', aller: '08:25', retour: '16:30', access: 'crossing' },
    ])
    await addFamilyWithAdult(a.page, base, CANARIES.family, CANARIES.adult, CANARIES.phone)
    await addChild(a.page, {
      firstName: CANARIES.child, initial: 'K', stopAller: 'Place du Marché (08:05)', support: CANARIES.support,
    }, [`${CANARIES.child} K.`])
    await sayWhoIAm(a.page, base, CANARIES.family, CANARIES.adult, '/semaine')
    await waitAllSynced(a.page)

    // The member makes a link from "Plus".
    await a.page.goto(`${base}/plus`)
    await a.page.getByRole('link', { name: fr['partners.link'] }).click()
    await a.page.waitForURL((url) => url.pathname === `${base}/partenaires`)
    await a.page.getByLabel(fr['partners.labelField']).fill('École Jules-Ferry')
    await a.page.getByTestId('partner-create').click()
    const field = a.page.getByTestId('partner-link')
    await field.waitFor({ timeout: 20_000 })
    const url = await field.inputValue()
    expect(url).toMatch(/\/partenaire#r=[A-Za-z0-9_-]{22}&k=[A-Za-z0-9_-]{43}$/)
    await expect.poll(() => a.page.getByTestId('partner-item').count(), POLL).toBe(1)
    expect(await axeViolations(a.page)).toEqual([])
    const heights = await a.page.locator('main button, main input').evaluateAll((targets) =>
      targets.map((target) => target.getBoundingClientRect().height))
    expect(heights.filter((height) => height < 48)).toEqual([]) // touch targets

    // A fresh browser, no collective: the page shows the lines, stops, times and coverage.
    const frames = recordFrames(partner)
    await partner.page.goto(url)
    const summary = partner.page.getByTestId('partner-summary')
    await summary.waitFor({ timeout: 20_000 })
    expect(new URL(partner.page.url()).hash).toBe('') // the key left the address bar
    const text = (await partner.page.locator('body').innerText())
    for (const expected of ['Pédibus des Écureuils', 'Ligne des Tilleuls', 'Place du Marché', 'École', '08:05', '16:30']) {
      expect(text).toContain(expected)
    }
    expect(await partner.page.getByTestId('partner-walk').count()).toBe(8) // Mon Tue Thu Fri, both ways
    expect(await partner.page.getByTestId('partner-totals').textContent()).toBe(
      fr['partnerPage.totals'].replace('{covered}', '0').replace('{walks}', '8').replace('{toFill}', '8').replace('{places}', '16'),
    )
    expect(text).toContain(fr['partnerPage.toFill'].replace('{count}', '2'))
    expect(await axeViolations(partner.page)).toEqual([])
    // Fits a phone: nothing wider than the screen.
    expect(await partner.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)

    // Nothing personal on the page, nor in any frame it received or sent.
    const html = await partner.page.content()
    expect(needlesFound([Buffer.from(html), Buffer.from(text)], Object.values(CANARIES))).toEqual([])
    expect(frames.length).toBeGreaterThan(0)
    expect(needlesFound(frames, [...Object.values(CANARIES), 'Ligne des Tilleuls', 'Place du Marché'])).toEqual([])

    // A member signs up: the open page shows it shortly after (published again, received live).
    await a.page.goto(`${base}/semaine/2026-11-30`)
    const monday = a.page.locator('[data-testid="walk"][data-walk$="|2026-11-30|aller"]')
    await monday.getByRole('button', { name: /^Conducteur .*S’inscrire/ }).click()
    await expect.poll(() => partner.page.getByTestId('partner-totals').textContent(), POLL).toContain('15 places')
    expect(await partner.page.getByTestId('partner-walk').first().textContent()).toContain(
      fr['partnerPage.toFill'].replace('{count}', '1'))
    expect(needlesFound(frames, [...Object.values(CANARIES), 'Ligne des Tilleuls', 'Place du Marché'])).toEqual([])

    // A reload in the same tab shows the page again (the tab kept the link), the address bar still without the key.
    await partner.page.reload()
    await expect.poll(() => partner.page.getByTestId('partner-totals').textContent(), POLL).toContain('15 places')
    expect(new URL(partner.page.url()).hash).toBe('')

    // The member withdraws the link: the open page says so at once; opened again, it shows nothing.
    await a.page.goto(`${base}/partenaires`)
    await a.page.getByTestId('partner-revoke').click()
    await a.page.getByTestId('partner-revoke-yes').click()
    await expect.poll(() => a.page.getByTestId('partner-item').count(), POLL).toBe(0)
    await partner.page.getByTestId('partner-revoked').waitFor({ timeout: 20_000 })
    expect(await partner.page.getByTestId('partner-revoked').textContent()).toContain(fr['partnerPage.revoked'])
    await partner.page.goto(url)
    await partner.page.getByTestId('partner-revoked').waitFor({ timeout: 20_000 })
    expect(await partner.page.getByTestId('partner-summary').count()).toBe(0)
    expect(await axeViolations(partner.page)).toEqual([])
  })
})

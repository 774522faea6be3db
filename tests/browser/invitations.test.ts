// Invitations in Chromium (issue 16): a link made for a chosen time holds a one-off key, never the collective's secret;
// the family that joined keeps the collective; once the link is removed, the same address (from a browser's history,
// say) opens nothing and says why.
import { describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { createCollective, skipGuidedJoin, waitAllSynced } from '../helpers/collective-steps.ts'

const POLL = { timeout: 20_000, interval: 100 }

describe('invitations', () => {
  let a: Phone
  let b: Phone
  let c: Phone
  usePhones(3, (phones) => {
    [a, b, c] = phones
  })

  it('creates a link valid one day, lets a family join, then removes it: the link opens nothing any more', async () => {
    const base = await createCollective(a.page)
    await waitAllSynced(a.page)
    await a.page.goto(`${base}/inviter`)
    await expect.poll(() => a.page.getByTestId('invite-open').textContent(), POLL).toContain(fr['invite.openNone'])
    await a.page.getByRole('radio', { name: fr['invite.validity.1'] }).check()
    await a.page.getByRole('button', { name: fr['invite.create'] }).click()
    const link = a.page.getByTestId('invite-link')
    await link.waitFor()
    const url = await link.inputValue()
    expect(url).toMatch(/\/rejoindre#r=[A-Za-z0-9_-]{22}&i=[A-Za-z0-9_-]{43}$/)
    await expect.poll(() => a.page.getByTestId('invite-open-item').count(), POLL).toBe(1)
    expect(await a.page.locator('#invite-until').textContent()).toMatch(/^Valable jusqu’au /)
    expect(await axeViolations(a.page)).toEqual([])

    // B joins with it, and keeps the collective once the link is removed.
    await b.page.goto(url)
    await skipGuidedJoin(b.page, base)
    await a.page.getByRole('button', { name: fr['invite.revoke'] }).click()
    await expect.poll(() => a.page.getByTestId('invite-open').textContent(), POLL).toContain(fr['invite.openNone'])
    await b.page.goto(`${base}/plus`)
    await expect.poll(() => b.page.getByRole('heading', { level: 1 }).count(), POLL).toBeGreaterThan(0)
    expect(new URL(b.page.url()).pathname).toBe(`${base}/plus`)

    // C opens the removed link: nothing opens, and the page says why.
    await c.page.goto(url)
    const field = c.page.getByLabel(fr['join.linkLabel'])
    await field.waitFor({ timeout: 20_000 })
    await expect.poll(() => c.page.getByText(fr['join.invitationExpired']).count(), POLL).toBe(1)
    expect(new URL(c.page.url()).hash).toBe('') // the key left the address bar
    expect(await axeViolations(c.page)).toEqual([])
    await c.page.goto(`${base}/plus`)
    await expect.poll(() => c.page.getByTestId('family-name').count(), POLL).toBe(0)
  })
})

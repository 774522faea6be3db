// "Renouveler l'invitation" with the real relay: A renews and lands on the new collective's invite page; B, holding the old link, is told the collective moved and its edits are not kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { readInviteLink, startHarness, type BrowserHarness, type Phone } from '../helpers/browser.ts'
import { addFamilyWithAdult, createCollective, joinByInvite, waitAllSynced } from '../helpers/collective-steps.ts'

const POLL = { timeout: 20_000, interval: 100 }

describe('renewing the invitation', () => {
  let harness: BrowserHarness
  let a: Phone
  let b: Phone

  beforeAll(async () => {
    harness = await startHarness()
    a = await harness.newPhone()
    b = await harness.newPhone()
  })
  afterAll(async () => {
    await harness?.teardown()
  })

  it('moves the collective to a new link; the old link is read-only and says so', async () => {
    const base = await createCollective(a.page)
    await addFamilyWithAdult(a.page, base, 'Famille Martin', 'Camille', '06 12 34 56 78')
    await waitAllSynced(a.page)
    await joinByInvite(a.page, base, [b.page])
    const oldLink = await readInviteLink(a.page)
    await b.page.goto(`${base}/plus`)
    await expect.poll(() => b.page.getByTestId('family-name').allTextContents(), POLL).toEqual(['Famille Martin'])

    // A renews from the invite page.
    await a.page.goto(`${base}/inviter`)
    const section = a.page.getByTestId('renew-section')
    await expect.poll(() => section.textContent(), POLL).toContain(fr['renew.explain'])
    await section.getByRole('button', { name: fr['renew.button'] }).click()
    await section.getByRole('button', { name: fr['renew.yes'] }).click()

    // A ends on the NEW collective's invite page, with a different link.
    await a.page.waitForURL((url) => /^\/c\/[A-Za-z0-9_-]{22}\/inviter$/.test(url.pathname) && !url.pathname.startsWith(`${base}/`), { timeout: 30_000 })
    const newBase = /^\/c\/[A-Za-z0-9_-]{22}/.exec(new URL(a.page.url()).pathname)?.[0] ?? ''
    expect(newBase).not.toBe(base)
    await expect.poll(() => readInviteLink(a.page), POLL).not.toBe(oldLink)
    expect(await a.page.getByTestId('moved-banner').count()).toBe(0)

    // The data is intact in the new collective.
    await a.page.goto(`${newBase}/plus`)
    await expect.poll(() => a.page.getByTestId('family-name').allTextContents(), POLL).toEqual(['Famille Martin'])
    await waitAllSynced(a.page)

    // B (old link) is told the collective moved, on every screen.
    await b.page.goto(`${base}/plus`)
    const banner = b.page.locator('[role="alert"][data-testid="moved-banner"]')
    await expect.poll(() => banner.textContent(), POLL).toBe(fr['renew.moved'])
    await b.page.goto(`${base}/familles`)
    await expect.poll(() => banner.count(), POLL).toBe(1)

    // B's edit is not kept: the new collective never gets it, and the relay does not acknowledge it.
    await b.page.getByLabel(fr['families.addLabel']).fill('Famille Bernard')
    await b.page.getByRole('button', { name: fr['families.add'] }).click()
    await b.page.waitForURL(/\/familles\/[0-9a-f-]{36}$/)
    await expect.poll(() => b.page.getByTestId('sync-status').textContent(), POLL).toContain('attente')
    await a.page.reload()
    await expect.poll(() => a.page.getByTestId('family-name').allTextContents(), POLL).toEqual(['Famille Martin'])
    // A third phone with the old link reads the old room as the relay kept it: without B's edit.
    const c = await harness.newPhone()
    await c.page.goto(oldLink)
    await c.page.waitForURL((url) => url.pathname === `${base}/bienvenue/famille`)
    await c.page.goto(`${base}/plus`)
    await expect.poll(() => c.page.getByTestId('moved-banner').count(), POLL).toBe(1)
    await expect.poll(() => c.page.getByTestId('family-name').allTextContents(), POLL).toEqual(['Famille Martin'])
  })
})

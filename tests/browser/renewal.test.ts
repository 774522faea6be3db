// "Renouveler l'invitation" with the real relay: A renews and lands on the new collective's invite page. The old room
// closes at once: a phone with the old link is told the collective moved and gets none of it; B, offline during the
// renewal with an edit waiting, joins with the new link and its edit reaches everyone (issue 16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { readInviteLink, startHarness, type BrowserHarness, type Phone } from '../helpers/browser.ts'
import { addFamilyWithAdult, createCollective, joinByInvite, skipGuidedJoin, waitAllSynced } from '../helpers/collective-steps.ts'

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

  it('moves the collective to a new link; the old link opens nothing; an offline phone\'s waiting edit follows', async () => {
    const base = await createCollective(a.page)
    await addFamilyWithAdult(a.page, base, 'Famille Martin', 'Camille', '06 12 34 56 78')
    await waitAllSynced(a.page)
    await joinByInvite(a.page, base, [b.page])
    const oldLink = await readInviteLink(a.page)
    await b.page.goto(`${base}/plus`)
    await expect.poll(() => b.page.getByTestId('family-name').allTextContents(), POLL).toEqual(['Famille Martin'])

    // B goes offline and adds a family: the edit waits on B.
    await b.page.goto(`${base}/familles`)
    await b.page.getByLabel(fr['families.addLabel']).waitFor() // the screen's code is loaded
    await b.context.setOffline(true)
    await b.page.getByLabel(fr['families.addLabel']).fill('Famille Bernard')
    await b.page.getByRole('button', { name: fr['families.add'] }).click()
    await b.page.waitForURL(/\/familles\/[0-9a-f-]{36}$/)
    await expect.poll(() => b.page.getByTestId('sync-status').textContent(), POLL).toContain('attente')

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
    const newLink = await readInviteLink(a.page)
    expect(await a.page.getByTestId('moved-banner').count()).toBe(0)
    await a.page.goto(`${newBase}/plus`)
    await expect.poll(() => a.page.getByTestId('family-name').allTextContents(), POLL).toEqual(['Famille Martin'])
    await waitAllSynced(a.page)

    // A third phone with the old link gets nothing of the collective: its invitation went with the old room.
    const c = await harness.newPhone()
    await c.page.goto(oldLink)
    await expect.poll(() => c.page.getByText(fr['join.invitationExpired']).count(), POLL).toBe(1)
    await c.page.goto(`${base}/plus`)
    expect(await c.page.getByTestId('family-name').count()).toBe(0)

    // B comes back online: told the collective moved, on every screen.
    await b.context.setOffline(false)
    await b.page.goto(`${base}/plus`)
    const banner = b.page.locator('[role="alert"][data-testid="moved-banner"]')
    await expect.poll(() => banner.textContent(), POLL).toBe(fr['renew.moved'])
    // B opens the new invitation: its waiting edit is written onto the renewed collective, and reaches A.
    await b.page.goto(newLink)
    await skipGuidedJoin(b.page, newBase)
    await b.page.goto(`${newBase}/plus`)
    await expect.poll(async () => (await b.page.getByTestId('family-name').allTextContents()).sort(), POLL)
      .toEqual(['Famille Bernard', 'Famille Martin'])
    await waitAllSynced(b.page)
    await a.page.reload()
    await expect.poll(async () => (await a.page.getByTestId('family-name').allTextContents()).sort(), POLL)
      .toEqual(['Famille Bernard', 'Famille Martin'])
    // The old collective left B: the switcher lists only the renewed one.
    await b.page.goto(`${base}/plus`)
    await expect.poll(() => b.page.getByTestId('family-name').count(), POLL).toBe(0)
  })
})

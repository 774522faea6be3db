// "Quitter le collectif": phone B's family removes itself; phone A no longer has it; B forgets the collective once the relay has the removal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { startHarness, type BrowserHarness, type Phone } from '../helpers/browser.ts'
import { addChild, addFamilyWithAdult, createCollective, joinByInvite, sayWhoIAm, waitAllSynced } from '../helpers/collective-steps.ts'

const POLL = { timeout: 15_000, interval: 100 }

describe('a family leaves the collective', () => {
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

  it('removes its family and children everywhere, then forgets the collective on its own phone', async () => {
    const base = await createCollective(a.page)
    await addFamilyWithAdult(a.page, base, 'Famille Martin', 'Camille', '06 12 34 56 78')
    await joinByInvite(a.page, base, [b.page])
    await addFamilyWithAdult(b.page, base, 'Famille Quenouille', 'Philémon', '06 98 76 54 32')
    const familyPage = new URL(b.page.url()).pathname
    await addChild(b.page, { firstName: 'Zéphyrine', initial: 'Q' }, ['Zéphyrine Q.'])
    await waitAllSynced(b.page)
    await a.page.goto(`${base}/plus`)
    const familiesOnA = () => a.page.getByTestId('family-name').allTextContents()
    await expect.poll(familiesOnA, POLL).toEqual(['Famille Martin', 'Famille Quenouille'])

    // Only my own family's page offers to leave.
    await b.page.goto(`${base}/familles`)
    await b.page.getByRole('link', { name: 'Famille Martin' }).click()
    await b.page.waitForURL(/\/familles\/[0-9a-f-]{36}$/)
    expect(await b.page.getByTestId('leave-section').count()).toBe(0)
    await sayWhoIAm(b.page, base, 'Famille Quenouille', 'Philémon', '/coordination')
    await b.page.goto(familyPage)
    const section = b.page.getByTestId('leave-section')
    await expect.poll(() => section.textContent(), POLL).toContain(fr['leave.erasure'])
    await section.getByRole('button', { name: fr['leave.button'] }).click()
    await b.page.getByRole('button', { name: fr['leave.yes'] }).click()

    await b.page.waitForURL((url) => url.pathname === '/')
    // Forgotten on B: the collective's document database is deleted from the phone.
    const roomId = base.slice('/c/'.length)
    await expect.poll(() => b.page.evaluate(async () => (await indexedDB.databases()).map((info) => info.name ?? '')), POLL)
      .not.toContainEqual(expect.stringContaining(roomId))
    await expect.poll(familiesOnA, POLL).toEqual(['Famille Martin'])
  })
})

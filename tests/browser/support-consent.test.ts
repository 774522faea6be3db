// Consent and retention on real phones (issue 16). A child's support note: its family writes it with its agreement,
// the form saying first why, what it covers and that it can be withdrawn; another family's phone cannot write it; the
// family withdraws and the note leaves both phones' IndexedDB. A guest added on the pavement: a first name only, its
// limit said before submit, and that name gone from IndexedDB once the walk's day is over. axe on each screen.
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { joinByInvite, sayWhoIAm, waitAllSynced } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'
import { storedSealedValues } from '../helpers/stored-values.ts'

const POLL = { timeout: 30_000, interval: 250 }
const NOTE = 'Zorglub : fauteuil roulant, rampe côté parc'
const withoutErrors = (phones: readonly Phone[]) => phones.flatMap((phone) => phone.errors).filter((line) => line.startsWith('pageerror'))
/** Waits until exactly one of `before` has left the phone's storage; returns it. */
const oneValueLeaves = async (phone: Phone, before: readonly string[]): Promise<string> => {
  await expect.poll(async () => {
    const now = await storedSealedValues(phone)
    return before.filter((value) => !now.includes(value)).length
  }, POLL).toBe(1)
  const now = await storedSealedValues(phone)
  return before.find((value) => !now.includes(value)) ?? ''
}

describe('a child’s support note, with its family’s agreement, on two phones', () => {
  let a: Phone
  let b: Phone
  let base = ''
  let martin = ''
  usePhones(2, (phones) => {
    [a, b] = phones
  })
  const hugoCard = (page: Page): Locator => page.getByTestId('children').locator('li').filter({ hasText: 'Hugo M.' })

  it('the family writes it: the form first says why the agreement is asked, what it covers, that it can be withdrawn', async () => {
    const { page } = a
    // The Bernard family (the other phone's, in the next test) is in the collective from the start.
    const seeded = await seedCollective(page, {
      families: [
        seedFamily('Famille Martin', 'Camille', '06 11 22 33 44'),
        seedFamily('Famille Bernard', 'Sophie', '06 55 66 77 88'),
      ],
    })
    base = seeded.base
    martin = seeded.familyIds.get('Famille Martin') ?? ''
    await page.goto(`${base}/familles/${martin}`)
    await page.getByRole('button', { name: fr['manage.family.setMine'] }).click()
    await expect.poll(() => page.getByTestId('family-mine').textContent(), POLL).toBe(fr['manage.family.isMine'])
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: fr['manage.child.add'] }) })
    const fieldset = form.locator('fieldset.consent')
    const explained = (await fieldset.getAttribute('aria-describedby'))?.split(' ') ?? []
    expect(await Promise.all(explained.map((id) => page.locator(`[id="${id}"]`).textContent())))
      .toEqual([fr['manage.consent.why'], fr['manage.consent.covers'], fr['manage.consent.withdrawable']])
    expect(await axeViolations(page)).toEqual([])

    await form.getByLabel(fr['manage.child.firstName']).fill('Hugo')
    await form.getByLabel(fr['manage.child.initial']).fill('m')
    await form.getByLabel(fr['manage.child.support']).fill(NOTE)
    await form.getByLabel(fr['manage.child.countsExtra']).check()
    // Without the agreement ticked, nothing is written and the form says why.
    await form.getByRole('button', { name: fr['manage.child.add'] }).click()
    await expect.poll(() => form.locator('.field__error').allTextContents(), POLL).toContain(`⚠ ${fr['manage.error.consentRequired']}`)
    expect(await page.getByTestId('child-name').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await form.getByLabel(fr['manage.consent.agree']).check()
    expect(await form.getByLabel(fr['manage.consent.by']).locator('option:checked').textContent()).toBe('Camille')
    await form.getByRole('button', { name: fr['manage.child.add'] }).click()
    await expect.poll(() => page.getByTestId('child-name').allTextContents(), POLL).toEqual(['Hugo M.'])
    await expect.poll(() => hugoCard(page).getByTestId('consent-given').textContent(), POLL).toMatch(/^Accord de la famille donné par Camille le .+ 2026\.$/)
    expect(await hugoCard(page).textContent()).toContain(NOTE)
    expect(await axeViolations(page)).toEqual([])
  })

  it('another family’s phone reads the note but cannot write it, even when editing that family’s page at its request', async () => {
    await joinByInvite(a.page, base, [b.page])
    await sayWhoIAm(b.page, base, 'Famille Bernard', 'Sophie', '/semaine')
    const { page } = b
    await page.goto(`${base}/familles/${martin}`)
    await expect.poll(() => hugoCard(page).textContent(), POLL).toContain(NOTE)
    expect(await page.getByTestId('family-read-only').count()).toBe(1)
    expect(await hugoCard(page).getByRole('button', { name: `${fr['manage.edit']} : Hugo M.` }).count()).toBe(0)
    await page.getByRole('button', { name: fr['manage.family.help'] }).click()
    await hugoCard(page).getByRole('button', { name: `${fr['manage.edit']} : Hugo M.` }).click()
    const form = page.getByTestId('children').locator('form')
    await form.getByLabel(fr['manage.child.support']).fill('Autre chose')
    await form.getByRole('button', { name: fr['form.save'] }).click()
    await expect.poll(() => form.locator('.field__error').allTextContents(), POLL).toContain(`⚠ ${fr['manage.error.notYourFamily']}`)
    expect(await axeViolations(page)).toEqual([])
    await form.getByRole('button', { name: fr['form.cancel'] }).click()
    await expect.poll(() => hugoCard(page).textContent(), POLL).toContain(NOTE)
    await waitAllSynced(page)
    await a.page.goto(`${base}/familles/${martin}`)
    await expect.poll(() => hugoCard(a.page).textContent(), POLL).toContain(NOTE)
  })

  it('the family withdraws its agreement: the note is gone from both phones’ screens and IndexedDB', async () => {
    await expect.poll(() => hugoCard(a.page).textContent(), POLL).toContain(NOTE)
    const onA = await storedSealedValues(a)
    const onB = await storedSealedValues(b)
    await hugoCard(a.page).getByRole('button', { name: fr['manage.consent.withdrawLabel'].replace('{name}', 'Hugo M.') }).click()
    await a.page.getByRole('button', { name: fr['manage.consent.withdrawYes'] }).click()
    await expect.poll(() => hugoCard(a.page).textContent(), POLL).not.toContain('Zorglub')
    // Exactly one sealed value leaves A's storage: the note's; B held it too (the search can fail), then no longer.
    const note = await oneValueLeaves(a, onA)
    expect(onB).toContain(note)
    await expect.poll(async () => (await storedSealedValues(b)).includes(note), POLL).toBe(false)
    await b.page.goto(`${base}/familles/${martin}`)
    await expect.poll(() => hugoCard(b.page).textContent(), POLL).not.toContain('Zorglub')
    expect(await hugoCard(b.page).textContent()).not.toContain(fr['manage.child.countsExtraTag'])
    expect(await axeViolations(a.page)).toEqual([])
    expect(withoutErrors([a, b])).toEqual([])
  })
})

// Tuesday 2 March 2027, a school day in zone A; the walk at 08:27; the next morning.
const TODAY = '2027-03-02'
const SET_UP = new Date('2027-03-02T07:30:00+01:00')
const ON_THE_WALK = new Date('2027-03-02T08:27:00+01:00')
const NEXT_DAY = new Date('2027-03-03T07:45:00+01:00')

describe('a guest added on the pavement', () => {
  let phone: Phone
  let base = ''
  let lineId = ''
  usePhones(1, ([only]) => {
    phone = only
  }, SET_UP)

  it('holds a first name only, said before submit with its limit, and its name leaves IndexedDB after the walk’s day', async () => {
    const { page } = phone
    const seeded = await seedCollective(page, {
      lines: [{ name: 'Ligne Verte', stops: [{ name: 'Place du Marché', aller: '08:05' }] }],
      families: [seedFamily('Famille Martin', 'Léa', '06 11 22 33 44')],
    })
    base = seeded.base
    lineId = seeded.lineIds.get('Ligne Verte') ?? ''
    await sayWhoIAm(page, base, 'Famille Martin', 'Léa', '/semaine/2027-03-01')
    const card = page.locator(`[data-testid="walk"][data-walk$="|${TODAY}|aller"]`)
    await card.getByRole('button', { name: /^Conducteur .*S’inscrire/ }).click()
    await expect.poll(() => card.getByTestId('slot-lead').getByTestId('holder').textContent(), POLL).toBe('Léa (vous)')

    await phone.context.clock.setFixedTime(ON_THE_WALK)
    await page.goto(`${base}/trajet/${lineId}/${TODAY}/aller`)
    await page.locator('#walk-add-child').selectOption({ label: fr['walk.add.guestOption'] })
    const name = page.getByLabel(fr['walk.add.guestName'])
    expect((await name.getAttribute('aria-describedby'))?.split(' ')).toEqual(['walk-add-name-hint', 'walk-add-name-limit'])
    expect(await page.locator('#walk-add-name-hint').textContent()).toBe(fr['walk.add.guestHint'])
    expect(await page.locator('#walk-add-name-limit').textContent()).toBe('40 caractères au plus')
    expect(await axeViolations(page)).toEqual([])
    await name.fill('Zéphyrin 06 12 34 56 78')
    await page.getByRole('button', { name: fr['walk.add.submit'] }).click()
    await expect.poll(() => page.locator('#walk-add-name-error').textContent(), POLL).toContain(fr['walk.add.firstNameOnly'])
    await name.fill('Zéphyrin')
    await page.getByRole('button', { name: fr['walk.add.submit'] }).click()
    await expect.poll(() => page.getByTestId('walk-child').allTextContents(), POLL).toContainEqual(expect.stringContaining('Zéphyrin (invité)'))
    await waitAllSynced(page)
    const during = await storedSealedValues(phone)

    // The next morning the phone opens the collective: the guest's first name is erased, the walk keeps one guest.
    await phone.context.clock.setFixedTime(NEXT_DAY)
    await page.reload()
    const gone = await oneValueLeaves(phone, during)
    expect(gone).not.toBe('')
    await page.goto(`${base}/trajet/${lineId}/${TODAY}/aller`)
    await expect.poll(() => page.getByTestId('walk-child').allTextContents(), POLL).toContainEqual(expect.stringContaining(fr['walk.guestErased']))
    expect((await page.getByTestId('walk-child').allTextContents()).join(' ')).not.toContain('Zéphyrin')
    expect(await axeViolations(page)).toEqual([])
    expect(withoutErrors([phone])).toEqual([])
  })
})

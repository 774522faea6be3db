// The guided set-up on a 390×844 phone, as a new coordinator does it: limits shown before submit, a line is "fait"
// only with two stops, an adult without a phone, a child's initial typed with its dot, and "Terminer" onto the week.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { usePhones, type Phone, readInviteLink } from '../helpers/browser.ts'

const POLL = { timeout: 10_000, interval: 100 }

/** The set-up stepper's items as read: the step's name, then "✓ fait" when done. */
const steps = (page: Page) => page.getByRole('navigation', { name: 'Étapes de la mise en route' }).locator('li').allTextContents()
const describedText = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' | '))

describe('the guided set-up journey', () => {
  let phone: Phone
  let base = ''

  usePhones(1, ([only]) => { phone = only })

  it('shows each field’s limit before submit, and counts a long text as it is typed', async () => {
    const { page } = phone
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/creer')
    expect(await describedText(page, 'Nom du collectif')).toContain('80 caractères au plus')
    await page.getByLabel('Nom du collectif').fill('Pédibus des Pins')
    await page.getByLabel('École').fill('École Jules Ferry')
    await page.getByLabel('Commune').fill('Lesparre-Médoc')
    await page.getByLabel('Code postal').fill('33340')
    await page.getByRole('button', { name: 'Créer le collectif' }).click()
    await page.waitForURL(/\/c\/[A-Za-z0-9_-]{22}\/demarrage\/ligne$/)
    base = new URL(page.url()).pathname.replace(/\/demarrage\/ligne$/, '')

    expect(await describedText(page, 'Nom de la ligne')).toContain('60 caractères au plus')
    await page.getByLabel('Nom de la ligne').fill('L'.repeat(61))
    await page.getByRole('button', { name: 'Créer la ligne' }).click()
    await expect.poll(() => describedText(page, 'Nom de la ligne'), POLL).toContain('Ce texte est trop long : 60 caractères au plus.')
    expect(await page.getByLabel('Nom de la ligne').getAttribute('aria-invalid')).toBe('true')
    await page.getByLabel('Nom de la ligne').fill('Ligne des Pins')
    await page.getByRole('button', { name: 'Créer la ligne' }).click()
    await expect.poll(() => page.getByTestId('line-name').textContent().catch(() => null), POLL).toBe('Ligne des Pins')

    const note = page.getByLabel('Note d’accès (facultatif)')
    expect(await page.getByText('0 / 300', { exact: true }).count()).toBe(1)
    await note.fill('Feu piéton')
    await expect.poll(() => page.getByText('10 / 300', { exact: true }).count(), POLL).toBe(1)
    await note.fill('')
  })

  it('keeps the line step open until the line has two stops, and says what is missing', async () => {
    const { page } = phone
    expect(await steps(page)).toEqual(['L’école et le collectif ✓ fait', 'La première ligne', 'Votre famille', 'Inviter les familles'])
    expect(await page.getByRole('link', { name: 'Étape suivante' }).count()).toBe(0)
    const blocked = page.getByRole('button', { name: 'Ajoutez encore 2 arrêts pour continuer' })
    // aria-disabled: still focusable, its reason read; Enter takes the focus to the stop form.
    await blocked.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? ''), POLL).toMatch(/^stop-add-.*-name$/)
    expect(await page.getByTestId('setup-line-why').textContent()).toContain('d’un arrêt à l’autre')

    for (const name of ['Mairie', 'École']) {
      await page.getByLabel('Nom de l’arrêt').fill(name)
      await page.getByRole('button', { name: 'Ajouter l’arrêt' }).click()
      await expect.poll(() => page.getByTestId('stop-name').allTextContents(), POLL).toContain(name)
      if (name === 'Mairie') {
        await expect.poll(() => page.getByRole('button', { name: 'Ajoutez encore 1 arrêt pour continuer' }).count(), POLL).toBe(1)
        expect((await steps(page))[1]).toBe('La première ligne')
      }
    }
    await expect.poll(() => steps(page), POLL).toEqual(['L’école et le collectif ✓ fait', 'La première ligne ✓ fait', 'Votre famille', 'Inviter les familles'])
    await page.getByRole('link', { name: 'Étape suivante' }).click()
    await page.waitForURL(`**${base}/demarrage/famille`)
  })

  it('adds me without a phone and my child with an initial typed with its dot', async () => {
    const { page } = phone
    await page.getByLabel('Nom de la famille').fill('Famille Durand')
    await page.getByRole('button', { name: 'Créer la famille' }).click()
    await page.getByLabel('Prénom de l’adulte').waitFor()
    expect(await describedText(page, 'Téléphone (facultatif)')).toMatch(/appeler/)
    await page.getByLabel('Prénom de l’adulte').fill('Awa')
    await page.getByRole('button', { name: 'Ajouter l’adulte' }).click()
    await expect.poll(() => page.getByTestId('adult-name').allTextContents(), POLL).toEqual(['Awa'])
    expect(await page.getByTestId('adults').textContent()).toContain('Pas de numéro')
    expect(await page.getByTestId('adults').locator('a[href^="tel:"]').count()).toBe(0)

    await page.getByLabel('Prénom de l’enfant').fill('Léa')
    await page.getByLabel('Initiale du nom de famille').fill('d.')
    expect(await page.getByText('0 / 500', { exact: true }).count()).toBe(1)
    await page.getByRole('button', { name: 'Ajouter l’enfant' }).click()
    await expect.poll(() => page.getByTestId('child-name').allTextContents(), POLL).toEqual(['Léa D.'])
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL).toBe('Enfant ajouté : Léa D.')
  })

  it('the last step keeps the stepper and says "Terminer", which lands on the week', async () => {
    const { page } = phone
    await page.getByRole('link', { name: 'Étape suivante' }).click()
    await page.waitForURL(`**${base}/demarrage/inviter`)
    expect(await page.getByText('Étape 4 sur 4').count()).toBe(1)
    expect(await steps(page)).toEqual(['L’école et le collectif ✓ fait', 'La première ligne ✓ fait', 'Votre famille ✓ fait', 'Inviter les familles'])
    // The relay's list of open invitations answers slowly (a phone on a poor network): the links under it must not
    // move once the new link is shown, or a tap meant for "Proposer la première rencontre" lands on what moved there.
    let listAnswered = 0
    await page.route(/\/invite\/[A-Za-z0-9_-]{22}$/, async (route) => {
      if (route.request().method() !== 'GET') return route.continue()
      await new Promise((done) => setTimeout(done, 1_500))
      await route.continue()
      listAnswered++
    })
    const answeredBefore = listAnswered
    expect(await readInviteLink(page)).toMatch(/#r=[A-Za-z0-9_-]{22}&i=[A-Za-z0-9_-]{43}$/)
    const meetingLink = page.getByRole('link', { name: 'Proposer la première rencontre' })
    const shownAt = await meetingLink.boundingBox()
    await expect.poll(() => listAnswered > answeredBefore, POLL).toBe(true)
    await expect.poll(() => page.getByTestId('invite-open-item').count(), POLL).toBe(1)
    expect(await meetingLink.boundingBox()).toEqual(shownAt)
    await page.unroute(/\/invite\/[A-Za-z0-9_-]{22}$/)

    // A first meeting is proposed: the form starts as the collective's first assemblée with an agenda to adapt.
    await page.getByRole('link', { name: 'Proposer la première rencontre' }).click()
    await page.waitForURL(`**${base}/rencontres/nouvelle?premiere=1`)
    await expect.poll(() => page.getByLabel('Ordre du jour').inputValue(), POLL).toMatch(/^1\. Se présenter.*\n.*charte/s)
    await page.getByLabel('Date').fill('2027-09-10')
    await page.getByLabel('Heure').fill('18:30')
    await page.getByLabel('Lieu').fill('Préau de l’école')
    await page.getByRole('button', { name: 'Proposer la rencontre' }).click()
    await page.waitForURL(/\/rencontres\/[0-9a-f-]{36}$/)
    await page.goBack()
    await page.goBack()
    await page.waitForURL(`**${base}/demarrage/inviter`)
    await expect.poll(() => page.getByTestId('setup-first-meeting').textContent(), POLL).toContain('Une rencontre est prévue')
    await page.getByRole('link', { name: 'Terminer' }).click()
    await page.waitForURL(`**${base}/semaine`)
    expect(phone.errors).toEqual([])
  })
})

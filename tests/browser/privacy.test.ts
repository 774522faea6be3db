// "Vos données" names the association responsible once a member sets it in the collective's settings (synced to
// another phone), with the CNIL complaint link; the settings form says its limits before submit and a bad contact
// plainly; axe finds nothing on either screen, in French and English.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { createCollective, joinByInvite } from '../helpers/collective-steps.ts'

const POLL = { timeout: 15_000, interval: 100 }
const NAME = 'Les Écureuils du Médoc'
const CONTACT = 'bureau@ecureuils-medoc.fr'

/** Opens a screen and waits for its heading and for no "Chargement…" left. */
const open = async (page: Page, path: string): Promise<void> => {
  await page.goto(path)
  await page.locator('h1').first().waitFor()
  await expect.poll(() => page.getByText(/^Chargement|^Loading/).count(), POLL).toBe(0)
}

describe('the association responsible for the data, from the settings to "Vos données"', () => {
  let a: Phone
  let b: Phone
  let base = ''
  usePhones(2, ([first, second]) => {
    a = first
    b = second
  })

  it('before it is set, "Vos données" says so and where a member fills it in', async () => {
    base = await createCollective(a.page)
    await open(a.page, `${base}/donnees`)
    const who = a.page.getByRole('region', { name: fr['privacy.controller.title'] })
    expect(await who.textContent()).toContain(fr['privacy.controller.missing'])
    expect(await who.getByRole('link', { name: fr['privacy.controller.settingsLink'] }).getAttribute('href'))
      .toBe(`${base}/parametres#settings-association`)
    expect(await a.page.getByRole('link', { name: fr['privacy.rights.cnilLink'] }).getAttribute('href'))
      .toBe('https://www.cnil.fr/fr/plaintes')
    expect(await axeViolations(a.page)).toEqual([])
  })

  it('the settings form says the limits before submit, refuses a bad contact plainly, then saves', async () => {
    const { page } = a
    await open(page, `${base}/parametres`)
    const name = page.getByLabel(fr['manage.settings.associationName'])
    const contact = page.getByLabel(fr['manage.settings.associationContact'])
    expect(await page.locator('#settings-associationName-limit').textContent()).toBe('120 caractères au plus')
    expect(await page.locator('#settings-associationContact-limit').textContent()).toBe('200 caractères au plus')
    await name.fill(NAME)
    await contact.fill('bureau@ecureuils')
    await page.getByRole('button', { name: fr['form.save'], exact: true }).click()
    await expect.poll(() => page.locator('#settings-associationContact-error').textContent(), POLL)
      .toContain(fr['manage.error.invalidContact'])
    expect(await contact.getAttribute('aria-invalid')).toBe('true')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('settings-associationContact')
    expect(await axeViolations(page)).toEqual([])

    await contact.fill(CONTACT)
    await page.getByRole('button', { name: fr['form.save'], exact: true }).click()
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL).toContain(fr['manage.saved'])
    expect(await page.locator('#settings-associationContact-error').count()).toBe(0)
  })

  it('another phone of the collective shows the association and its contact in "Vos données", in French and English', async () => {
    await joinByInvite(a.page, base, [b.page])
    const { page } = b
    await open(page, `${base}/donnees`)
    await expect.poll(() => page.getByTestId('privacy-association-name').textContent(), POLL).toBe(NAME)
    const mail = page.getByTestId('privacy-association-contact').getByRole('link', { name: CONTACT })
    expect(await mail.getAttribute('href')).toBe(`mailto:${CONTACT}`)
    expect(await page.getByRole('link', { name: fr['privacy.rights.cnilLink'] }).getAttribute('href'))
      .toBe('https://www.cnil.fr/fr/plaintes')
    expect(await axeViolations(page)).toEqual([])

    await page.goto('/reglages')
    await page.getByLabel('English').check()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('en')
    await open(page, `${base}/donnees`)
    await page.getByRole('heading', { name: 'Who is responsible' }).waitFor()
    expect(await page.getByTestId('privacy-association-name').textContent()).toBe(NAME)
    expect(await page.getByRole('link', { name: /complaint with the CNIL/ }).getAttribute('href'))
      .toBe('https://www.cnil.fr/fr/plaintes')
    expect(await axeViolations(page)).toEqual([])
    await open(page, `${base}/parametres`)
    expect(await page.getByLabel('Name of the association').inputValue()).toBe(NAME)
    expect(await axeViolations(page)).toEqual([])
  })
})

// Management screens in Chromium: the guided set-up builds a line with 4 stops (one reordered) and a family; a used stop is removed with reassignment; bad input gets French errors.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { usePhones, type Phone, waitForLocalSave } from '../helpers/browser.ts'

const POLL = { timeout: 10_000, interval: 100 }

const stopNames = (page: Page) => page.getByTestId('stop-name').allTextContents()
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '')

/** Controls under 48 px (44 px wide) and horizontal overflow on a 360 px screen. */
const sizeProblems = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = []
    const controls = document.querySelectorAll<HTMLElement>('main a, main button, main select, main textarea, main label.choice, main input:not([type=radio]):not([type=checkbox])')
    for (const control of controls) {
      const box = control.getBoundingClientRect()
      if (box.height < 48 || box.width < 44) found.push(`${control.tagName} "${control.textContent?.trim() ?? ''}" ${Math.round(box.width)}x${Math.round(box.height)}`)
    }
    if (document.documentElement.scrollWidth > window.innerWidth) found.push(`page is ${document.documentElement.scrollWidth}px wide`)
    return found
  })

describe('management screens and the guided set-up', () => {
  let phone: Phone
  let base = ''

  usePhones(1, ([only]) => { phone = only })

  it('after "Créer le collectif", the set-up creates the first line; a missing name is explained in French', async () => {
    const { page } = phone
    await page.goto('/creer')
    await page.getByLabel('Nom du collectif').fill('Pédibus des Pins')
    await page.getByLabel('École').fill('École Jules Ferry')
    await page.getByLabel('Commune').fill('Lesparre-Médoc')
    await page.getByLabel('Code postal').fill('33340')
    await page.getByRole('button', { name: 'Créer le collectif' }).click()
    await page.waitForURL(/\/c\/[A-Za-z0-9_-]{22}\/demarrage\/ligne$/)
    base = new URL(page.url()).pathname.replace(/\/demarrage\/ligne$/, '')
    await page.getByRole('heading', { level: 1, name: 'La première ligne' }).waitFor()
    expect(await page.getByText('Étape 2 sur 4').count()).toBe(1)

    await page.getByRole('button', { name: 'Créer la ligne' }).click()
    await expect.poll(() => page.locator('#line-add-name-error').textContent().catch(() => null), POLL).toContain('Ce champ est obligatoire.')
    await expect.poll(() => focusedId(page), POLL).toBe('line-add-name')

    await page.getByLabel('Nom de la ligne').fill('Ligne des Pins')
    await page.getByLabel('Bleu roi').check()
    await page.getByLabel('Retour (depuis l’école)').check()
    await page.getByRole('button', { name: 'Créer la ligne' }).click()
    await expect.poll(() => page.getByTestId('line-name').textContent().catch(() => null), POLL).toBe('Ligne des Pins')
  })

  it('adds 4 stops with times and access notes, and moves one up with a button', async () => {
    const { page } = phone
    await page.getByRole('button', { name: 'Ajouter l’arrêt' }).click()
    await expect.poll(() => page.getByText('Ce champ est obligatoire.').count(), POLL).toBe(1)

    const stops: [string, string, string][] = [['Mairie', '08:00', '16:50'], ['Lavoir', '08:05', '16:45'], ['Église', '08:10', '16:40'], ['École', '08:20', '16:30']]
    for (const [name, aller, retour] of stops) {
      await page.getByLabel('Nom de l’arrêt').fill(name)
      await page.getByLabel('Heure de passage à l’aller').fill(aller)
      await page.getByLabel('Heure de passage au retour').fill(retour)
      if (name === 'Église') await page.getByLabel('Traversée dangereuse').check()
      if (name === 'Mairie') await page.getByLabel('Accessible en fauteuil (sans marche)').check()
      await page.getByRole('button', { name: 'Ajouter l’arrêt' }).click()
      await expect.poll(async () => (await stopNames(page)).includes(name), POLL).toBe(true)
    }
    expect(await stopNames(page)).toEqual(['Mairie', 'Lavoir', 'Église', 'École'])

    await page.getByRole('button', { name: 'Monter : Église' }).click()
    await expect.poll(() => stopNames(page), POLL).toEqual(['Mairie', 'Église', 'Lavoir', 'École'])
    // The focus stays on the moved stop's button, so a keyboard user can keep moving it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Monter : Église')
    expect(await page.getByTestId('stops').textContent()).toContain('Traversée dangereuse')
    expect(await sizeProblems(page)).toEqual([])
  })

  it('creates my family with an adult and a child routed to a stop; bad phone and initial are explained', async () => {
    const { page } = phone
    await page.getByRole('link', { name: 'Étape suivante' }).click()
    await page.waitForURL(`**${base}/demarrage/famille`)
    await page.getByLabel('Nom de la famille').fill('Famille Martin')
    expect(await page.getByLabel('C’est ma famille').isChecked()).toBe(true)
    await page.getByRole('button', { name: 'Créer la famille' }).click()
    await expect.poll(() => page.getByTestId('family-mine').textContent().catch(() => null), POLL).toBe('C’est votre famille sur ce téléphone.')

    await page.getByLabel('Prénom de l’adulte').fill('Awa')
    await page.getByLabel('Téléphone').fill('12')
    await page.getByRole('button', { name: 'Ajouter l’adulte' }).click()
    await expect.poll(() => page.getByText('Ce numéro de téléphone n’est pas valable').count(), POLL).toBe(1)
    await page.getByLabel('Téléphone').fill('06 12 34 56 78')
    await page.getByRole('button', { name: 'Acceptée aujourd’hui' }).click()
    await page.getByLabel('Assuré pour le pédibus').check()
    await page.getByRole('button', { name: 'Ajouter l’adulte' }).click()
    await expect.poll(() => page.getByTestId('adult-name').allTextContents(), POLL).toEqual(['Awa'])
    await expect.poll(() => page.getByTestId('adults').textContent(), POLL).toContain('(moi)')

    await page.getByLabel('Prénom de l’enfant').fill('Léa')
    await page.getByLabel('Initiale du nom de famille').fill('12')
    await page.getByRole('button', { name: 'Ajouter l’enfant' }).click()
    await expect.poll(() => page.getByText('Une seule lettre : l’initiale du nom de famille.').count(), POLL).toBe(1)
    await page.getByLabel('Initiale du nom de famille').fill('m')
    await page.getByLabel('Arrêt à l’aller').selectOption({ label: 'Église (08:10)' })
    await page.getByLabel('Consignes d’accompagnement (facultatif)').fill('tenir la main aux traversées')
    // A note needs the family's agreement (issue 16): said before anything is written.
    await page.getByRole('button', { name: 'Ajouter l’enfant' }).click()
    await expect.poll(() => page.getByText('Il faut l’accord de la famille pour écrire ces consignes ou « compte double ».').count(), POLL)
      .toBeGreaterThan(0)
    expect(await page.getByTestId('child-name').count()).toBe(0)
    await page.getByLabel('Notre famille est d’accord pour que les adultes du trajet lisent ces consignes').check()
    await page.getByRole('button', { name: 'Ajouter l’enfant' }).click()
    await expect.poll(() => page.getByTestId('child-name').allTextContents(), POLL).toEqual(['Léa M.'])
    expect(await page.getByTestId('children').textContent()).toContain('Aller : Église (Ligne des Pins)')

    await page.getByRole('link', { name: 'Étape suivante' }).click()
    await page.waitForURL(`**${base}/demarrage/inviter`)
  })

  it('removing a stop a child uses asks where the child goes instead', async () => {
    const { page } = phone
    await page.goto(`${base}/lignes`)
    await page.getByRole('link', { name: /Ligne des Pins/ }).click()
    await page.getByRole('button', { name: 'Retirer : Église' }).click()
    const reassign = page.getByLabel('Nouvel arrêt pour Léa M.')
    expect(await reassign.locator('option:checked').textContent()).toBe('Lavoir') // the next stop, by default
    await reassign.selectOption({ label: 'Mairie' })
    await page.getByRole('button', { name: 'Oui, retirer l’arrêt' }).click()
    await expect.poll(() => stopNames(page), POLL).toEqual(['Mairie', 'Lavoir', 'École'])

    await page.goto(`${base}/familles`)
    await page.getByRole('link', { name: /Famille Martin/ }).click()
    await expect.poll(() => page.getByTestId('children').textContent(), POLL).toContain('Aller : Mairie (Ligne des Pins)')
  })

  it('settings refuse fewer than 2 adults per walk, in French, and save a valid ratio', async () => {
    const { page } = phone
    await page.goto(`${base}/parametres`)
    await page.getByLabel('Adultes au minimum par trajet').fill('1')
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await expect.poll(() => page.locator('#settings-minAdults-error').textContent().catch(() => null), POLL).toContain('au moins 2 adultes')
    await expect.poll(() => focusedId(page), POLL).toBe('settings-minAdults')
    await page.getByLabel('Adultes au minimum par trajet').fill('2')
    await page.getByLabel('Enfants par adulte').fill('6')
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await expect.poll(() => page.locator('#settings-minAdults-error').count(), POLL).toBe(0)
    await waitForLocalSave(page)
    await page.reload()
    await expect.poll(() => page.getByLabel('Enfants par adulte').inputValue(), POLL).toBe('6')
  })

  it('the calendar cancels a day for a strike and imports holidays from ICS, with a French error for bad text', async () => {
    const { page } = phone
    await page.goto(`${base}/calendrier`)
    await page.getByLabel('Date').fill('2027-03-04')
    await page.getByLabel('Grève').check()
    await page.getByRole('button', { name: 'Annuler ce trajet' }).click()
    await expect.poll(() => page.getByTestId('exceptions').textContent().catch(() => null), POLL).toContain('04/03/2027')

    await page.getByLabel('Ou collez le contenu du calendrier').fill('pas un calendrier')
    await page.getByRole('button', { name: 'Importer les vacances' }).click()
    await expect.poll(() => page.locator('#holidays-text-error').textContent().catch(() => null), POLL).toMatch(/calendrier|vacances/)

    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:1@test', 'SUMMARY:Vacances d’Hiver', 'DTSTART;VALUE=DATE:20290210', 'DTEND;VALUE=DATE:20290226', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n')
    await page.getByLabel('Ou collez le contenu du calendrier').fill(ics)
    await page.getByRole('button', { name: 'Importer les vacances' }).click()
    await expect.poll(() => page.getByTestId('holidays-result').textContent().catch(() => null), POLL).toBe('1 période de vacances importée.')

    // The same import from a file: the file's text is shown, then imported.
    const file = ics.replace('UID:1@test', 'UID:2@test').replace('20290210', '20290410').replace('20290226', '20290426').replace('Hiver', 'Printemps')
    await page.locator('#holidays-file').setInputFiles({ name: 'vacances.ics', mimeType: 'text/calendar', buffer: Buffer.from(file) })
    await expect.poll(() => page.getByLabel('Ou collez le contenu du calendrier').inputValue(), POLL).toContain('Printemps')
    await page.getByRole('button', { name: 'Importer les vacances' }).click()
    await expect.poll(() => page.getByTestId('holidays').textContent().catch(() => null), POLL).toContain('Printemps')
    expect(await sizeProblems(page)).toEqual([])
    expect(phone.errors).toEqual([])
  })

  it('the calendar lists the zone’s shipped holidays with their status; one is turned off, a period is added and removed', async () => {
    const { page } = phone
    await page.goto(`${base}/calendrier`)
    await expect.poll(() => page.getByRole('heading', { name: 'Vacances scolaires (zone A)' }).count(), POLL).toBe(1)
    const winter = page.getByTestId('shipped-2027-2028-A-hiver')
    await expect.poll(() => winter.textContent(), POLL).toContain('à confirmer')
    expect(await winter.textContent()).toContain('19/02/2028')
    await winter.getByRole('checkbox', { name: 'Ne s’applique pas à notre école' }).check()
    await expect.poll(() => page.getByTestId('shipped-2027-2028-A-hiver-ignored').count(), POLL).toBe(1)
    await waitForLocalSave(page)
    await page.reload()
    await expect.poll(() => page.getByTestId('shipped-2027-2028-A-hiver').getByRole('checkbox').isChecked(), POLL).toBe(true)

    await page.getByLabel('Premier jour sans école').fill('2028-03-12')
    await page.getByLabel('Dernier jour sans école').fill('2028-02-26')
    await page.getByRole('button', { name: 'Ajouter la période' }).click()
    await expect.poll(() => page.locator('#holiday-end-error').textContent().catch(() => null), POLL).toContain('Le dernier jour')
    expect(await page.locator('#holiday-label-error').count()).toBe(1)
    await page.getByLabel('Premier jour sans école').fill('2028-02-26')
    await page.getByLabel('Dernier jour sans école').fill('2028-03-12')
    await page.getByLabel('Nom de la période').fill('Hiver (corrigé)')
    await page.getByRole('button', { name: 'Ajouter la période' }).click()
    await expect.poll(() => page.getByTestId('holidays').textContent().catch(() => null), POLL).toContain('Hiver (corrigé) : du 26/02/2028 au 12/03/2028')
    expect(await sizeProblems(page)).toEqual([])

    await page.getByRole('button', { name: 'Retirer : Hiver (corrigé) : du 26/02/2028 au 12/03/2028' }).click()
    await page.getByRole('button', { name: 'Oui, retirer' }).click()
    await expect.poll(() => page.getByTestId('holidays').textContent().catch(() => null), POLL).not.toContain('Hiver (corrigé)')
    expect(phone.errors).toEqual([])
  })
})

// Issue 18 "Modèle" in Chromium: one phone writes a charter and exports its collective as a template; a second phone
// (another browser context) creates a new collective from the file and finds the lines and the charter, in a new room.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { addFamilyWithAdult, addLineWithStops, createCollective } from '../helpers/collective-steps.ts'

const POLL = { timeout: 15_000, interval: 100 }
const NOW = new Date('2027-03-02T09:00:00+01:00')
const ROOM = /^\/c\/([A-Za-z0-9_-]{22})/

describe('a template on two phones', () => {
  let first: Phone
  let second: Phone

  usePhones(2, ([a, b]) => {
    first = a
    second = b
  }, NOW)

  it('exports the template (lines and charter, no family), and creates a new collective from it on another phone', async () => {
    const page = first.page
    const base = await createCollective(page)
    await addLineWithStops(page, base, 'Ligne des Pins', [
      { name: 'Place du Marché', aller: '08:05', access: 'crossing' },
      { name: 'École Jules Ferry', aller: '08:20' },
    ])
    await addFamilyWithAdult(page, base, 'Famille Canari', 'CanariCamille', '06 11 22 33 44')

    await page.goto(`${base}/parametres`)
    const charter = page.getByTestId('charter')
    await expect.poll(() => charter.getByRole('heading', { level: 2 }).textContent(), POLL).toBe(fr['charter.title'])
    await charter.getByTestId('charter-default').click()
    expect(await page.getByLabel(fr['charter.label']).inputValue()).toBe(fr['charter.default'])
    await page.getByLabel(fr['charter.label']).fill('Charte des Pins : deux adultes par trajet, aucun argent.')
    await charter.getByTestId('charter-save').click()
    await expect.poll(() => charter.getByTestId('charter-none').count(), POLL).toBe(0)
    expect(await axeViolations(page)).toEqual([])

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-template').click()])
    expect(download.suggestedFilename()).toBe('modele-pedibus-2027-03-02.json')
    const path = await download.path()
    const text = await readFile(path, 'utf8')
    expect(JSON.parse(text)).toMatchObject({ format: 'pedibus-coop/template', charter: 'Charte des Pins : deux adultes par trajet, aucun argent.' })
    for (const personal of ['Canari', '06 11 22 33 44', 'Écureuils', ROOM.exec(base)?.[1] ?? 'no room']) expect(text).not.toContain(personal)

    const other = second.page
    await other.goto('/creer')
    const picker = other.getByTestId('template-picker')
    await expect.poll(() => picker.getByRole('heading', { level: 2 }).textContent(), POLL).toBe(fr['template.createTitle'])
    // A file that is not a template: said in words, nothing made.
    await other.getByTestId('template-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"pedibus-coop/collective"}') })
    await expect.poll(() => other.getByTestId('template-error').textContent(), POLL).toBe(fr['template.error.notATemplate'])
    expect(await axeViolations(other)).toEqual([])

    await other.getByTestId('template-file').setInputFiles(path)
    await expect.poll(() => other.getByTestId('template-summary').textContent(), POLL).toContain('Ligne des Pins')
    expect(await other.getByTestId('template-error').count()).toBe(0)
    expect(await axeViolations(other)).toEqual([])
    await other.getByLabel('Nom du collectif').fill('Pédibus du Parc')
    await other.getByLabel('École').fill('École du Parc')
    await other.getByLabel('Commune').fill('Rennes')
    await other.getByLabel('Code postal').fill('35000')
    await other.getByRole('button', { name: fr['template.submit'] }).click()
    await other.waitForURL(/\/c\/[A-Za-z0-9_-]{22}\/demarrage\/famille$/)
    const newBase = ROOM.exec(new URL(other.url()).pathname)?.[0] ?? ''
    expect(newBase).not.toBe('')
    expect(newBase).not.toBe(base)

    await other.goto(`${newBase}/lignes`)
    await expect.poll(() => other.getByRole('main').textContent(), POLL).toContain('Ligne des Pins')
    await other.goto(`${newBase}/familles`)
    await expect.poll(() => other.getByRole('main').textContent(), POLL).toContain(fr['families.empty'])
    await other.goto(`${newBase}/parametres`)
    await expect.poll(() => other.getByLabel(fr['charter.label']).inputValue(), POLL).toBe('Charte des Pins : deux adultes par trajet, aucun argent.')
  })
})

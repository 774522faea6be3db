// Exports in Chromium: the whole collective downloads as JSON from the settings page and restores on a second phone as a new collective; the rota downloads as CSV with a BOM.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { addFamilyWithAdult, createCollective } from '../helpers/collective-steps.ts'

const POLL = { timeout: 15_000, interval: 100 }
const NOW = new Date('2027-03-02T09:00:00+01:00')

describe('export and restore on two phones', () => {
  let first: Phone
  let second: Phone

  usePhones(2, ([a, b]) => {
    first = a
    second = b
  }, NOW)

  it('downloads the collective JSON and the rota CSV, then restores the JSON on another phone as a new collective', async () => {
    const page = first.page
    const base = await createCollective(page)
    await addFamilyWithAdult(page, base, '=HYPERLINK("x")', 'Camille', '06 11 22 33 44')

    await page.goto(`${base}/parametres`)
    const section = page.getByTestId('export')
    await expect.poll(() => section.getByRole('heading', { level: 2 }).textContent(), POLL).toBe(fr['export.title'])
    expect(await page.getByTestId('export-warning').textContent()).toBe(fr['export.warning'])
    expect(await page.getByTestId('export-family').isDisabled()).toBe(true)

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-collective').click()])
    expect(json.suggestedFilename()).toBe('pedibus-collectif-2027-03-02.json')
    const jsonPath = await json.path()
    const file = JSON.parse(await readFile(jsonPath, 'utf8')) as { format: string; families: { displayName: string }[] }
    expect(file.format).toBe('pedibus-coop/collective')
    expect(file.families.map((family) => family.displayName)).toEqual(['=HYPERLINK("x")'])

    expect(await page.locator('#export-from').inputValue()).toBe('2026-09-01')
    expect(await page.locator('#export-to').inputValue()).toBe('2027-08-31')
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-rota').click()])
    expect(csv.suggestedFilename()).toBe('pedibus-planning-2026-09-01-2027-08-31.csv')
    const csvText = await readFile(await csv.path(), 'utf8')
    expect(csvText.startsWith('\uFEFFDate;Ligne;Sens;Heure;Conducteur;Serre-file;Accompagnants;État;Enfants\r\n')).toBe(true)

    const other = second.page
    await other.goto('/collectifs')
    await other.getByTestId('restore-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') })
    await expect.poll(() => other.getByTestId('restore-error').textContent(), POLL).toBe(fr['restore.invalidExport'])
    expect(await other.getByTestId('collectives').locator('li').count()).toBe(0)

    await other.getByTestId('restore-file').setInputFiles(jsonPath)
    await other.waitForURL(/\/c\/[A-Za-z0-9_-]{22}/)
    const restoredBase = /^\/c\/[A-Za-z0-9_-]{22}/.exec(new URL(other.url()).pathname)?.[0] ?? ''
    expect(restoredBase).not.toBe(base)
    await other.goto(`${restoredBase}/familles`)
    await expect.poll(() => other.getByRole('main').textContent(), POLL).toContain('=HYPERLINK("x")')
  })
})

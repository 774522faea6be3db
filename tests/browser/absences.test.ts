// A parent reports "Léa ne vient pas jeudi" on the absences screen: the week's walk card shows fewer children, fewer adults
// needed and "1 absence signalée" (on a second phone too, after sync); "Retirer" restores them; a reversed range is refused in French.
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { fr } from '../../src/ui/i18n/fr.ts'
import { usePhones, type Phone, waitForLocalSave } from '../helpers/browser.ts'
import { chooseWhoIAm, joinByInvite } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'

const POLL = { timeout: 15_000, interval: 100 }
// A school week of March 2027 outside zone A holidays; the phones live on Tuesday 2 March 2027, 09:00 in Paris.
const WEEK = '2027-03-08'
const THURSDAY = '2027-03-11'
const FRIDAY = '2027-03-12'
const NOW = new Date('2027-03-02T09:00:00+01:00')

const walkCard = (page: Page, date: string): Locator => page.locator(`[data-testid="walk"][data-walk$="|${date}|aller"]`)
const meta = (walk: Locator): Promise<string> => walk.locator('.walk__meta').first().textContent().then((text) => (text ?? '').trim())
const absencesLine = (walk: Locator): Promise<string | null> =>
  walk.getByTestId('walk-absences').textContent({ timeout: 500 }).catch(() => null)

describe('declared absences', () => {
  let a: Phone
  let b: Phone
  let base = ''

  usePhones(2, (phones) => { [a, b] = phones }, NOW)

  it('sets up a line, one adult per child (ratio 1) and three children walking on Thursday', async () => {
    const { page } = a
    const stopAller = 'Place du Marché (08:05)'
    base = (await seedCollective(page, {
      lines: [{ name: 'Ligne Verte', stops: [
        { name: 'Place du Marché', aller: '08:05' }, { name: 'École Jules Ferry', aller: '08:25' },
      ] }],
      families: [
        seedFamily('Famille Martin', 'Sophie', '06 11 22 33 44', [
          { firstName: 'Léa', initial: 'M', stopAller }, { firstName: 'Tom', initial: 'M', stopAller },
        ]),
        seedFamily('Famille Nguyen', 'Paul', '06 55 66 77 88', [{ firstName: 'Nina', initial: 'N', stopAller }]),
      ],
    })).base
    // The ratio through the settings screen (the only browser test that saves a setting and reads it back).
    await page.goto(`${base}/parametres`)
    await page.getByLabel(fr['manage.settings.childrenPerAdult']).fill('1')
    // Scoped to the settings form: the charter's form on the same page has its own "Enregistrer".
    const settings = page.getByRole('region', { name: fr['manage.settings.title'] })
    await settings.getByRole('button', { name: fr['form.save'] }).click()
    await waitForLocalSave(page)
    await page.reload()
    await expect.poll(() => page.getByLabel(fr['manage.settings.childrenPerAdult']).inputValue(), POLL).toBe('1')

    await page.goto(`${base}/semaine/${WEEK}`)
    await expect.poll(() => meta(walkCard(page, THURSDAY)), POLL).toBe('3 enfants · Adultes : 0 sur 3')
    expect(await absencesLine(walkCard(page, THURSDAY))).toBeNull()
  })

  it('phone B joins the collective and sees the same Thursday', async () => {
    await joinByInvite(a.page, base, [b.page])
    await b.page.goto(`${base}/semaine/${WEEK}`)
    await expect.poll(() => meta(walkCard(b.page, THURSDAY)), POLL).toBe('3 enfants · Adultes : 0 sur 3')
  })

  it('Sophie reports Léa absent for the whole Thursday with a note: the confirmation names the walk, the list shows it', async () => {
    const { page } = a
    await page.goto(`${base}/semaine/${WEEK}`)
    await page.getByRole('navigation', { name: fr['nav.bottom'] }).getByRole('link', { name: fr['nav.more'] }).click()
    await page.getByRole('link', { name: fr['absence.nav'], exact: true }).click()
    await page.waitForURL((url) => url.pathname === `${base}/absences`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe('Absences')

    // Nobody chosen on this phone yet: the existing "Qui êtes-vous ?" comes first, and no form.
    expect(await page.getByTestId('absence-form').count()).toBe(0)
    await chooseWhoIAm(page, 'Famille Martin', 'Sophie')

    const form = page.getByTestId('absence-form')
    await form.getByLabel(fr['absence.form.child']).selectOption({ label: 'Léa' })
    // The default is the next day Léa walks: Thursday 4 March (no walk on Wednesday).
    await expect.poll(() => form.getByLabel(fr['absence.form.date']).inputValue(), POLL).toBe('2027-03-04')
    await form.getByLabel(fr['absence.form.kind.day']).check()
    await form.getByLabel(fr['absence.form.date']).fill(THURSDAY)
    await form.getByLabel(fr['absence.form.note']).fill('Sortie avec sa grand-mère')
    await form.getByRole('button', { name: fr['absence.form.save'] }).click()

    const confirmation = 'C’est noté, Léa ne viendra pas : jeudi 11 mars, aller.'
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL).toBe(confirmation)
    expect(await page.getByTestId('absence-saved').textContent()).toBe(confirmation)
    expect(await form.getByLabel(fr['absence.form.note']).inputValue()).toBe('')

    const list = page.getByTestId('absence-list')
    await expect.poll(() => list.getByTestId('absence-period').allTextContents(), POLL).toEqual(['jeudi 11 mars, toute la journée'])
    expect(await list.getByTestId('absence').textContent()).toContain('Précision : Sortie avec sa grand-mère')
  })

  it('the week shows one child fewer, one adult fewer needed and "1 absence signalée" on that Thursday only, on both phones', async () => {
    await a.page.goto(`${base}/semaine/${WEEK}`)
    for (const page of [a.page, b.page]) {
      await expect.poll(() => meta(walkCard(page, THURSDAY)), POLL).toBe('2 enfants · Adultes : 0 sur 2')
      expect(await absencesLine(walkCard(page, THURSDAY))).toBe('1 absence signalée')
      expect(await meta(walkCard(page, FRIDAY))).toBe('3 enfants · Adultes : 0 sur 3')
      expect(await absencesLine(walkCard(page, FRIDAY))).toBeNull()
    }
  })

  it('a range ending before it starts is refused in French, and nothing is saved', async () => {
    const { page } = a
    // "Mes trajets" leads here too, from the family's children.
    await page.goto(`${base}/mes-trajets`)
    await page.getByRole('link', { name: fr['absence.declareLink'] }).click()
    await page.waitForURL((url) => url.pathname === `${base}/absences`)
    const form = page.getByTestId('absence-form')
    await form.getByLabel(fr['absence.form.kind.range']).check()
    await form.getByLabel(fr['absence.form.from']).fill('2027-03-19')
    await form.getByLabel(fr['absence.form.to']).fill('2027-03-15')
    await form.getByLabel(fr['absence.form.note']).fill('Vacances chez les cousins')
    await form.getByRole('button', { name: fr['absence.form.save'] }).click()

    await expect.poll(() => page.locator('#absence-to-error').textContent().catch(() => null), POLL).toBe('⚠ La date de fin est avant la date de début.')
    expect(await form.getByLabel(fr['absence.form.to']).getAttribute('aria-invalid')).toBe('true')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('absence-to')
    // Nothing lost: the typed values stay for correction; nothing saved: still one absence.
    expect(await form.getByLabel(fr['absence.form.note']).inputValue()).toBe('Vacances chez les cousins')
    expect(await page.getByTestId('absence').count()).toBe(1)
    expect(await page.getByTestId('absence-saved').count()).toBe(0)
  })

  it('"Retirer" (confirmed) withdraws the absence: the list empties and the walk card counts Léa again, on both phones', async () => {
    const { page } = a
    await page.getByRole('button', { name: 'Retirer l’absence de Léa : jeudi 11 mars, toute la journée' }).click()
    await page.getByRole('button', { name: fr['absence.withdrawYes'] }).click()
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL)
      .toBe('Absence retirée : les adultes attendront de nouveau Léa (jeudi 11 mars, toute la journée).')
    expect(await page.getByTestId('absence').count()).toBe(0)
    expect(await page.getByTestId('child-absences').allTextContents()).toEqual([
      `Léa${fr['absence.list.none']}`,
      `Tom${fr['absence.list.none']}`,
    ])

    await page.goto(`${base}/semaine/${WEEK}`)
    for (const p of [page, b.page]) {
      await expect.poll(() => meta(walkCard(p, THURSDAY)), POLL).toBe('3 enfants · Adultes : 0 sur 3')
      expect(await absencesLine(walkCard(p, THURSDAY))).toBeNull()
    }
    expect([...a.errors, ...b.errors].filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

// Rencontres: phone A proposes a réunion de ligne for today (a wrong form is explained in French first); B answers "Oui"
// then "Peut-être" offline, A answers "Oui", and once B is back both read "1 oui · 1 peut-être · 0 non"; A records the
// decisions, which B reads; an unknown meeting says so; cancelling marks it "Annulée"; axe finds nothing on the screens.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { chooseWhoIAm, joinByInvite } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'

const POLL = { timeout: 15_000, interval: 100 }
// The phones live on Tuesday 2 March 2027, 09:00 in Paris; the meeting is that evening, so answers and decisions are open.
const NOW = new Date('2027-03-02T09:00:00+01:00')
const TODAY = '2027-03-02'
const HEADING = 'Réunion de ligne – mardi 2 mars à 18:30'
const DECISIONS = 'Nouvel arrêt rue des Lilas à partir du 15 mars.\nGoûter de printemps le 9 avril.'

const h1 = (page: Page): Promise<string | null> => page.getByRole('heading', { level: 1 }).textContent()
const counts = (page: Page): Promise<string | null> => page.getByTestId('meeting-counts').textContent().catch(() => null)
const pressed = (page: Page): Promise<string[]> =>
  page.getByTestId('meeting-reply').locator('button[aria-pressed="true"]').allTextContents()
const answer = (page: Page, label: string) =>
  page.getByTestId('meeting-reply').getByRole('button', { name: label, exact: true })

describe('collective meetings', () => {
  let a: Phone
  let b: Phone
  let base = ''
  let meetingPath = ''

  usePhones(2, (phones) => { [a, b] = phones }, NOW)

  it('sets up two families; phone B joins the collective', async () => {
    base = (await seedCollective(a.page, {
      families: [
        seedFamily('Famille Martin', 'Sophie', '06 11 22 33 44'),
        seedFamily('Famille Nguyen', 'Paul', '06 55 66 77 88'),
      ],
    })).base
    await joinByInvite(a.page, base, [b.page])
  })

  it('A opens the meetings from "Plus", and the form explains a missing date and a too-long place in French', async () => {
    const { page } = a
    await page.goto(`${base}/plus`)
    await page.getByRole('link', { name: fr['meetings.nav'], exact: true }).click()
    await page.waitForURL((url) => url.pathname === `${base}/rencontres`)
    await expect.poll(() => h1(page), POLL).toBe(fr['meetings.title'])
    expect(await page.getByTestId('meetings-upcoming').textContent()).toContain(fr['meetings.upcoming.none'])
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('link', { name: fr['meetings.propose'] }).click()
    await expect.poll(() => h1(page), POLL).toBe(fr['meetings.new.title'])
    const form = page.getByTestId('meeting-form')
    // The limits are said before any submit.
    expect(await page.locator('#meeting-place-limit').textContent()).toBe('120 caractères au plus')
    expect(await page.locator('#meeting-agenda-limit').textContent()).toBe('2000 caractères au plus')
    expect(await axeViolations(page)).toEqual([])

    await form.getByLabel(fr['meetings.form.time']).fill('18:30')
    await form.getByLabel(fr['meetings.form.place']).fill('Salle '.repeat(25))
    await form.getByRole('button', { name: fr['meetings.form.create'] }).click()
    await expect.poll(() => page.locator('#meeting-date-error').textContent().catch(() => null), POLL)
      .toBe('⚠ Choisissez la date de la rencontre.')
    expect(await page.locator('#meeting-place-error').textContent())
      .toBe('⚠ Ce texte est trop long : 120 caractères au plus.')
    expect(await form.getByLabel(fr['meetings.form.date']).getAttribute('aria-invalid')).toBe('true')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('meeting-date')
    expect(await axeViolations(page)).toEqual([])
  })

  it('A proposes a réunion de ligne for this evening with a place and an agenda', async () => {
    const { page } = a
    const form = page.getByTestId('meeting-form')
    await form.getByLabel(fr['meetings.form.kind']).selectOption({ label: fr['meetings.kind.lineMeeting'] })
    await form.getByLabel(fr['meetings.form.date']).fill(TODAY)
    await form.getByLabel(fr['meetings.form.place']).fill('Préau de l’école')
    await form.getByLabel(fr['meetings.form.agenda']).fill('Nouvel arrêt\nGoûter de printemps')
    await form.getByRole('button', { name: fr['meetings.form.create'] }).click()
    await page.waitForURL(/\/rencontres\/[0-9a-f-]{36}$/)
    meetingPath = new URL(page.url()).pathname
    await expect.poll(() => h1(page), POLL).toBe(HEADING)
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL)
      .toBe('Rencontre proposée : Réunion de ligne, mardi 2 mars à 18:30.')
    expect(await page.getByTestId('meeting-place').textContent()).toBe('Lieu : Préau de l’école')
    expect(await page.getByTestId('meeting-agenda').textContent()).toBe('Nouvel arrêt\nGoûter de printemps')
    expect(await counts(page)).toBe('0 oui · 0 peut-être · 0 non')
    // No family chosen on this phone: "Qui êtes-vous ?" before any answer.
    expect(await page.getByTestId('meeting-reply').count()).toBe(0)
    await chooseWhoIAm(page, 'Famille Martin', 'Sophie')
    await expect.poll(() => page.getByTestId('meeting-reply').getByRole('button').allTextContents(), POLL)
      .toEqual(['Oui', 'Peut-être', 'Non'])
    expect(await pressed(page)).toEqual([])
    expect(await axeViolations(page)).toEqual([])
  })

  it('B (Famille Nguyen) answers "Oui" offline, then changes to "Peut-être" still offline', async () => {
    const { page } = b
    await page.goto(`${base}/rencontres`)
    const upcoming = page.getByTestId('meetings-upcoming')
    await upcoming.getByRole('link', { name: HEADING }).click({ timeout: 15_000 })
    await page.waitForURL((url) => url.pathname === meetingPath)
    await chooseWhoIAm(page, 'Famille Nguyen', 'Paul')
    await expect.poll(() => page.getByTestId('meeting-reply').count(), POLL).toBe(1)

    await b.context.setOffline(true)
    await answer(page, 'Oui').click()
    await expect.poll(() => pressed(page), POLL).toEqual(['Oui'])
    expect(await counts(page)).toBe('1 oui · 0 peut-être · 0 non')
    await answer(page, 'Peut-être').click()
    await expect.poll(() => pressed(page), POLL).toEqual(['Peut-être'])
    expect(await counts(page)).toBe('0 oui · 1 peut-être · 0 non')
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL).toBe('Réponse enregistrée : Peut-être.')
  })

  it('A answers "Oui"; once B is back online both phones read "1 oui · 1 peut-être · 0 non"', async () => {
    await answer(a.page, 'Oui').click()
    await expect.poll(() => pressed(a.page), POLL).toEqual(['Oui'])
    expect(await counts(a.page)).toBe('1 oui · 0 peut-être · 0 non')
    await b.context.setOffline(false)
    for (const page of [a.page, b.page]) await expect.poll(() => counts(page), POLL).toBe('1 oui · 1 peut-être · 0 non')
    expect(await pressed(b.page)).toEqual(['Peut-être'])
  })

  it('A changes the place: the form opens focused on the meeting’s values, and B sees the new place', async () => {
    const { page } = a
    await page.getByRole('button', { name: fr['meetings.edit'] }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('meeting-kind')
    const form = page.getByTestId('meeting-form')
    expect(await form.getByLabel(fr['meetings.form.date']).inputValue()).toBe(TODAY)
    await form.getByLabel(fr['meetings.form.place']).fill('Préau de l’école, côté cour')
    await form.getByRole('button', { name: fr['meetings.form.save'] }).click()
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL).toBe(fr['meetings.edited'])
    for (const phone of [page, b.page]) {
      await expect.poll(() => phone.getByTestId('meeting-place').textContent(), POLL).toBe('Lieu : Préau de l’école, côté cour')
    }
    expect(await counts(b.page)).toBe('1 oui · 1 peut-être · 0 non')
  })

  it('A records the decisions on the meeting’s day; B reads them', async () => {
    const { page } = a
    const form = page.getByTestId('decisions-form')
    expect(await page.locator('#meeting-decisions-limit').textContent()).toBe('2000 caractères au plus')
    await form.getByLabel(fr['meetings.decisions.label']).fill(DECISIONS)
    await form.getByRole('button', { name: fr['meetings.decisions.save'] }).click()
    for (const phone of [page, b.page]) {
      await expect.poll(() => phone.getByTestId('meeting-decisions').textContent().catch(() => null), POLL).toBe(DECISIONS)
    }
  })

  it('B’s list shows the meeting with its answers and the family’s; an unknown meeting says so with the way back', async () => {
    const { page } = b
    await page.getByRole('link', { name: fr['meetings.back'] }).click()
    await page.waitForURL((url) => url.pathname === `${base}/rencontres`)
    const item = page.getByTestId('meetings-upcoming').getByTestId('meeting')
    await expect.poll(() => item.getByTestId('meeting-counts').textContent(), POLL).toBe('1 oui · 1 peut-être · 0 non')
    expect(await item.getByTestId('meeting-mine').textContent()).toBe('Votre famille : peut-être')
    expect(await item.textContent()).toContain('Lieu : Préau de l’école, côté cour')

    await page.goto(`${base}/rencontres/00000000-0000-4000-8000-000000000000`)
    await expect.poll(() => h1(page), POLL).toBe(fr['meetings.missing.title'])
    await page.getByRole('link', { name: fr['meetings.back'] }).click()
    await page.waitForURL((url) => url.pathname === `${base}/rencontres`)
  })

  it('A cancels the meeting (confirmed): both lists show it "Annulée" with the past ones', async () => {
    const { page } = a
    await page.getByRole('button', { name: fr['meetings.cancel'] }).click()
    await page.getByRole('button', { name: fr['meetings.cancelYes'] }).click()
    await expect.poll(() => page.getByTestId('meeting-cancelled').textContent().catch(() => null), POLL)
      .toBe(fr['meetings.cancelledNotice'])
    expect(await page.getByTestId('meeting-reply').count()).toBe(0)
    await page.getByRole('link', { name: fr['meetings.back'] }).click()
    for (const phone of [page, b.page]) {
      const mark = phone.getByTestId('meetings-past').getByTestId('meeting-cancelled')
      await expect.poll(() => mark.textContent().catch(() => null), POLL).toBe(fr['meetings.cancelled'])
    }
    expect(await axeViolations(page)).toEqual([])
    expect([...a.errors, ...b.errors].filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

// Coups de main on three phones: A asks "Qui peut garder Léa mercredi 14 h–17 h ?" for one family; B and C both answer
// "Je peux" offline; back online every phone shows the same single helper and the other family its waiting list; A
// confirms the helper; an end before the start is explained in French; the list and request pages pass axe.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { chooseWhoIAm, joinByInvite } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'

const POLL = { timeout: 15_000, interval: 100 }
// The phones live on Monday 15 March 2027, 09:00 in Paris; the help is for Wednesday 17 March.
const NOW = new Date('2027-03-15T09:00:00+01:00')
const NOTE = 'Qui peut garder Léa mercredi 14 h–17 h ?'
const WHAT = 'Demande : Garde le mercredi, mercredi 17 mars, 14 h–17 h'

const places = (page: Page) => () => page.getByTestId('help-place').allTextContents()
const answerRows = (page: Page) => () => page.getByTestId('help-answer-row').allTextContents()

describe('coups de main', () => {
  let a: Phone
  let b: Phone
  let c: Phone
  let base = ''
  let requestPath = ''

  usePhones(3, (phones) => { [a, b, c] = phones }, NOW)

  it('sets up three families; each phone opens "Coups de main" and says who it is first', async () => {
    base = (await seedCollective(a.page, {
      families: [
        seedFamily('Famille Martin', 'Sophie', '06 11 22 33 44'),
        seedFamily('Famille Nguyen', 'Paul', '06 55 66 77 88'),
        seedFamily('Famille Durand', 'Chloé', '06 99 88 77 66'),
      ],
    })).base
    await joinByInvite(a.page, base, [b.page, c.page])
    const who = [[a, 'Famille Martin', 'Sophie'], [b, 'Famille Nguyen', 'Paul'], [c, 'Famille Durand', 'Chloé']] as const
    for (const [phone, family, adult] of who) {
      await phone.page.goto(`${base}/coups-de-main`)
      await expect.poll(() => phone.page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe('Coups de main')
      expect(await phone.page.getByTestId('help-form').count()).toBe(0)
      await chooseWhoIAm(phone.page, family, adult)
      await expect.poll(() => phone.page.getByTestId('help-form').count(), POLL).toBe(1)
    }
    expect(await a.page.getByText('Pas d’argent, pas de notes').count()).toBe(1)
  })

  it('an end before the start is explained in French, then A asks for one family', async () => {
    const { page } = a
    const form = page.getByTestId('help-form')
    await form.getByLabel(fr['help.form.type.request']).check()
    await form.getByLabel(fr['help.form.kind']).selectOption({ label: 'Garde le mercredi' })
    await form.getByLabel(fr['help.form.date']).fill('2027-03-17')
    await form.getByLabel(fr['help.form.from']).fill('17:00')
    await form.getByLabel(fr['help.form.to']).fill('14:00')
    await form.getByLabel(fr['help.form.note']).fill(NOTE)
    await form.getByRole('button', { name: fr['help.form.save'] }).click()
    await expect.poll(() => page.locator('#help-to-error').textContent().catch(() => null), POLL)
      .toBe('⚠ L’heure de fin doit être après l’heure de début.')
    expect(await form.getByLabel(fr['help.form.to']).getAttribute('aria-invalid')).toBe('true')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('help-to')
    expect(await form.getByLabel(fr['help.form.note']).inputValue()).toBe(NOTE)
    // The limit is said before submit.
    expect(await page.locator('#help-note-limit').textContent()).toBe('500 caractères au plus')

    await form.getByLabel(fr['help.form.from']).fill('14:00')
    await form.getByLabel(fr['help.form.to']).fill('17:00')
    await form.getByLabel(fr['help.form.needed']).fill('1')
    await form.getByRole('button', { name: fr['help.form.save'] }).click()
    await expect.poll(() => page.getByTestId('help-saved').textContent(), POLL).toBe(fr['help.form.saved.request'])
    await expect.poll(() => page.getByTestId('help-item').allTextContents(), POLL)
      .toEqual([`Demande : Garde le mercredimercredi 17 mars, 14 h–17 hPar Famille MartinIl reste 1 place sur 1${fr['help.open.yours']}`])
    expect(await page.getByTestId('help-state').allTextContents()).toEqual(['État : Ouverte'])
    expect(await axeViolations(page)).toEqual([])
  })

  it('B and C both answer "Je peux" offline; back online one family helps on every phone, the other waits, told', async () => {
    for (const phone of [b, c]) {
      await expect.poll(() => phone.page.getByTestId('help-item').count(), POLL).toBe(1)
      await phone.context.setOffline(true)
    }
    for (const phone of [b, c]) {
      await phone.page.getByRole('button', { name: `Je peux : ${WHAT}` }).click()
      await expect.poll(places(phone.page), POLL).toEqual([fr['help.answer.helping']])
    }
    for (const phone of [b, c]) await phone.context.setOffline(false)

    const shown = async () => [...await places(b.page)(), ...await places(c.page)()].sort()
    await expect.poll(shown, POLL).toEqual([fr['help.answer.waiting'], fr['help.answer.helping']].sort())
    const [winner, loser] = (await places(b.page)())[0] === fr['help.answer.helping']
      ? ['Famille Nguyen', 'Famille Durand'] : ['Famille Durand', 'Famille Nguyen']
    // The requester is told on the screen it is on, by the notice area; the late family is told the places are taken.
    const notices = (phone: Phone) => () => phone.page.getByTestId('help-notice').allTextContents()
    // In the order places are given: the family holding the place first.
    await expect.poll(notices(a), POLL).toEqual([
      expect.stringContaining(`${winner} peut vous aider`), expect.stringContaining(`${loser} peut vous aider`),
    ])
    const late = loser === 'Famille Nguyen' ? b : c
    await expect.poll(notices(late), POLL).toEqual([expect.stringContaining('C’est complet : Famille Martin a déjà l’aide')])

    await a.page.getByTestId('help-link').first().click()
    await a.page.waitForURL(/\/coups-de-main\/[0-9a-f-]{36}$/)
    requestPath = new URL(a.page.url()).pathname
    for (const phone of [a, b, c]) {
      if (phone !== a) await phone.page.goto(requestPath)
      // The requester's phone has "Confirmer" on each row.
      const confirm = phone === a ? fr['help.confirm'] : ''
      await expect.poll(answerRows(phone.page), POLL)
        .toEqual([`${winner}${fr['help.answers.holds']}${confirm}`, `${loser}${fr['help.answers.waiting']}${confirm}`])
    }
    expect(await a.page.getByTestId('help-details').textContent()).toContain(`Précision : ${NOTE}`)
  })

  it('A confirms the helper: every phone shows it confirmed; the request page passes axe', async () => {
    const winner = (await answerRows(a.page)())[0]?.replace(fr['help.answers.holds'] + fr['help.confirm'], '') ?? ''
    await a.page.getByRole('button', { name: `Confirmer l’aide de ${winner}` }).click()
    await expect.poll(() => a.page.getByTestId('announcer').textContent(), POLL).toBe(`Aide de ${winner} confirmée.`)
    for (const phone of [a, b, c]) {
      await expect.poll(async () => (await answerRows(phone.page)())[0], POLL).toBe(`${winner}${fr['help.answers.confirmed']}`)
    }
    // The place is confirmed: no more "Confirmer" for the family waiting.
    expect(await a.page.getByRole('button', { name: fr['help.confirm'] }).count()).toBe(0)
    expect(await axeViolations(a.page)).toEqual([])
    expect(await axeViolations(b.page)).toEqual([])
  })

  it('A closes and reopens; the family waiting takes its answer back; the journal tells the story', async () => {
    const { page } = a
    const winner = (await answerRows(page)())[0]?.replace(fr['help.answers.confirmed'], '') ?? ''
    const loser = winner === 'Famille Nguyen' ? c : b
    await page.getByRole('button', { name: fr['help.close'] }).click()
    await expect.poll(() => page.getByTestId('help-state').textContent(), POLL).toBe('État : Close')
    await page.getByRole('button', { name: fr['help.reopen'] }).click()
    await expect.poll(() => page.getByTestId('help-state').textContent(), POLL).toBe('État : Ouverte')

    await loser.page.getByRole('button', { name: `Je ne peux plus : ${WHAT}` }).click()
    await expect.poll(answerRows(page), POLL).toEqual([`${winner}${fr['help.answers.confirmed']}`])

    await page.goto(`${base}/journal`)
    await expect.poll(() => page.locator('main').textContent(), POLL).toContain(`${winner} peut aider Famille Martin.`)
    expect(await page.locator('main').textContent()).toContain(`Famille Martin confirme l’aide de ${winner}.`)
  })

  it('any member edits the kinds: B adds one and hides one, A’s form offers the new list', async () => {
    const { page } = b
    await page.goto(`${base}/coups-de-main`)
    const kinds = page.getByTestId('help-kinds')
    await kinds.getByText(fr['help.kinds.title']).click()
    expect(await page.locator('#help-kind-label-limit').textContent()).toBe('60 caractères au plus')
    await kinds.getByLabel(fr['help.kinds.add']).fill('Bricolage')
    await kinds.getByRole('button', { name: fr['help.kinds.addSave'] }).click()
    await kinds.getByRole('button', { name: 'Masquer : Jour de grève' }).click()
    await expect.poll(() => kinds.getByRole('button', { name: 'Afficher : Jour de grève' }).count(), POLL).toBe(1)
    expect(await axeViolations(page)).toEqual([])

    await a.page.goto(`${base}/coups-de-main`)
    const options = () => a.page.getByLabel(fr['help.form.kind']).locator('option').allTextContents()
    await expect.poll(options, POLL).toEqual([
      'Garde le mercredi', 'Covoiturage', 'Prêt de matériel (siège auto, vélo cargo)', 'Sortie scolaire', 'Bricolage', 'Autre',
    ])
  })

  it('an unknown request says so with a way back, and nothing crashed', async () => {
    const { page } = a
    await page.goto(`${base}/coups-de-main/00000000-0000-4000-8000-000000000000`)
    await expect.poll(() => page.getByTestId('help-not-found').textContent(), POLL).toBe(fr['help.notFound.text'])
    await page.getByRole('link', { name: fr['help.request.back'] }).click()
    await page.waitForURL((url) => url.pathname === `${base}/coups-de-main`)
    expect([...a.errors, ...b.errors, ...c.errors].filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

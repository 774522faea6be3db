// "Ajouter à mon agenda" in Chromium: the button is off until the phone says who it is and the family holds something,
// then it downloads an .ics made on the phone that Mozilla's ical.js reads back with the walk in it; the next file
// cancels what the previous one held and the family gave up since, and nothing the agenda never had.
import { readFile } from 'node:fs/promises'
import ICAL from 'ical.js'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone, waitForLocalSave } from '../helpers/browser.ts'
import { chooseWhoIAm } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'

const POLL = { timeout: 15_000, interval: 100 }
// Tuesday 2 March 2027, 09:00 in Paris; Thursday 11 March is a school day ahead (zone A winter holidays end 1 March).
const NOW = new Date('2027-03-02T09:00:00+01:00')
const WEEK = '2027-03-08'
const THURSDAY = '2027-03-11'
const FRIDAY = '2027-03-12'
const PLACE = 'Place du 8 mai, côté école; entrée B'
const PHONE = '06 11 22 33 44'

const walkCard = (page: Page, date: string): Locator => page.locator(`[data-testid="walk"][data-walk$="|${date}|aller"]`)

describe('agenda file on a phone', () => {
  let phone: Phone
  let base = ''

  usePhones(1, ([only]) => { phone = only }, NOW)

  it('is off, with its reason, until the phone says who it is and the family holds a walk', async () => {
    const { page } = phone
    base = (await seedCollective(page, {
      lines: [{
        name: 'Ligne Verte', stops: [{ name: PLACE, aller: '08:10' }, { name: 'École Jules Ferry', aller: '08:25' }],
      }],
      families: [
        seedFamily('Famille Martin', 'Camille', PHONE, [
          { firstName: 'Tom', initial: 'M', stopAller: `${PLACE} (08:10)` },
        ]),
      ],
    })).base

    await page.goto(`${base}/mes-trajets`)
    const agenda = page.getByTestId('agenda')
    await expect.poll(() => agenda.getByRole('heading', { level: 2 }).textContent(), POLL).toBe(fr['agenda.title'])
    const button = agenda.getByRole('button', { name: fr['agenda.download'] })
    expect(await button.isDisabled()).toBe(true)
    expect(await agenda.textContent()).toContain(fr['agenda.whoFirst'])

    await chooseWhoIAm(page, 'Famille Martin', 'Camille')
    await expect.poll(() => agenda.textContent(), POLL).toContain(fr['agenda.empty'])
    expect(await button.isDisabled()).toBe(true)
  })

  it('downloads pedibus-des-ecureuils.ics, read by ical.js, with the walk Camille holds and nothing private', async () => {
    const { page } = phone
    await page.goto(`${base}/semaine/${WEEK}`)
    await walkCard(page, THURSDAY).getByRole('button', { name: /^Conducteur .*S’inscrire/ }).click()
    await expect.poll(() => walkCard(page, THURSDAY).getByTestId('slot-lead').getByTestId('holder').textContent(), POLL).toBe('Camille (vous)')

    await page.getByRole('link', { name: fr['rota.nav.mine'] }).click()
    const button = page.getByTestId('agenda').getByRole('button', { name: fr['agenda.download'] })
    await expect.poll(() => button.isEnabled(), POLL).toBe(true)
    expect(await page.getByTestId('agenda-contents').textContent()).toBe('Il contiendra 1 trajet.')
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
    expect(download.suggestedFilename()).toBe('pedibus-des-ecureuils.ics')
    const text = await readFile(await download.path(), 'utf8')
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL).toContain('pedibus-des-ecureuils.ics')

    const calendar = new ICAL.Component(ICAL.parse(text))
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
    expect(events).toHaveLength(1)
    const [walk] = events
    expect(walk?.summary).toBe('Pédibus – Ligne Verte, aller (conducteur)')
    expect(walk?.location).toBe(PLACE)
    expect(walk?.startDate.zone?.tzid).toBe('Europe/Paris')
    expect(new Date((walk?.startDate.toUnixTime() ?? 0) * 1000).toISOString()).toBe('2027-03-11T07:10:00.000Z')
    expect(new Date((walk?.endDate.toUnixTime() ?? 0) * 1000).toISOString()).toBe('2027-03-11T07:25:00.000Z')
    expect(walk?.uid).toMatch(new RegExp(`^[0-9a-f-]{36}-${THURSDAY}-aller-[0-9a-f-]{36}@pedibus-coop$`))
    expect(text).not.toContain('Tom')
    expect(text).not.toContain(PHONE)
    for (const line of text.split('\r\n').slice(0, -1)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    expect(phone.errors).toEqual([])
  })

  it('cancels in the next file, after a reload, the walk the last file held, and leaves out one it never held', async () => {
    const { page } = phone
    await page.goto(`${base}/semaine/${WEEK}`)
    // Friday: signed up and withdrawn before any file held it. Thursday: in the last file, withdrawn since.
    await walkCard(page, FRIDAY).getByRole('button', { name: /^Conducteur .*S’inscrire/ }).click()
    await withdraw(page, FRIDAY)
    await withdraw(page, THURSDAY)
    await waitForLocalSave(page)
    await page.reload()
    await page.getByRole('link', { name: fr['rota.nav.mine'] }).click()
    const button = page.getByTestId('agenda').getByRole('button', { name: fr['agenda.download'] })
    await expect.poll(() => button.isEnabled(), POLL).toBe(true)
    expect(await page.getByTestId('agenda-contents').textContent()).toBe('Il contiendra 1 trajet annulé.')
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
    const events = new ICAL.Component(ICAL.parse(await readFile(await download.path(), 'utf8')))
      .getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
    const statuses = events.map((event) => [event.uid.includes(`-${THURSDAY}-aller-`), event.component.getFirstPropertyValue('status')])
    expect(statuses).toEqual([[true, 'CANCELLED']])
    expect(await axeViolations(page)).toEqual([])
    expect(phone.errors).toEqual([])
  })
})

/** Withdraws me from the lead of that morning's walk, confirming. */
const withdraw = async (page: Page, date: string): Promise<void> => {
  const lead = walkCard(page, date).getByTestId('slot-lead')
  await lead.getByRole('button', { name: fr['rota.slot.withdraw'] }).click()
  await walkCard(page, date).getByRole('button', { name: fr['rota.slot.withdrawYes'] }).click()
  await expect.poll(() => lead.getAttribute('data-state'), POLL).not.toBe('held')
}

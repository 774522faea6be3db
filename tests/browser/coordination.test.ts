// Two phones run the rotating coordinator through the real relay and the real screens: both families join the roster,
// the current and next coordinator show on both phones, a handover note is left and acknowledged, and the journal lists and filters it.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { fr } from '../../src/ui/i18n/fr.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { joinByInvite, sayWhoIAm } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'

const POLL = { timeout: 15_000, interval: 100 }
// Tuesday 2 March 2027 in Paris: roster changes apply from the next period, Monday 8 March.
const NOW = new Date('2027-03-02T09:00:00+01:00')
// A week later the rotation runs: Martin (joined first) this week, Nguyen the next.
const WEEK_LATER = new Date('2027-03-09T09:00:00+01:00')
const NOTE = 'Les gilets sont chez la boulangère, rue des Lilas.'

describe('the rotating coordinator on two phones', () => {
  let a: Phone
  let b: Phone
  let base = ''

  usePhones(2, (phones) => { [a, b] = phones }, NOW)

  /** On the coordination page: says who this phone is, then joins the roster. */
  const joinRoster = async (page: Page, family: string, adult: string) => {
    await sayWhoIAm(page, base, family, adult, '/coordination')
    expect(await page.getByText(fr['coord.roster.effective'].replace('{day}', 'lundi 8 mars')).count()).toBe(1)
    await page.getByRole('button', { name: fr['coord.roster.join'] }).click()
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL).toBe(`C’est noté : ${family} coordonnera à son tour à partir du lundi 8 mars.`)
  }

  const rosterOf = (page: Page) => page.getByTestId('roster-family').allTextContents()
  const line = (page: Page) => page.getByTestId('coordinator-line').textContent()

  it('phone A restores a collective of two families; both phones join the roster and see the same order', async () => {
    base = (await seedCollective(a.page, {
      families: [
        seedFamily('Famille Martin', 'Léa', '06 11 22 33 44'),
        seedFamily('Famille Nguyen', 'Paul', '06 55 66 77 88'),
      ],
    })).base

    await a.page.goto(`${base}/plus`)
    await expect.poll(() => line(a.page), POLL).toContain(fr['coord.line.none'])
    await a.page.getByRole('link', { name: fr['coord.line.setUp'] }).click()
    await a.page.waitForURL((url) => url.pathname === `${base}/coordination`)
    await joinRoster(a.page, 'Famille Martin', 'Léa')
    await expect.poll(() => rosterOf(a.page), POLL).toEqual(['Famille Martin (votre famille)'])

    await joinByInvite(a.page, base, [b.page])
    await joinRoster(b.page, 'Famille Nguyen', 'Paul')
    await expect.poll(() => rosterOf(b.page), POLL).toEqual(['Famille Martin', 'Famille Nguyen (votre famille)'])
    await a.page.goto(`${base}/coordination`)
    await expect.poll(() => rosterOf(a.page), POLL).toEqual(['Famille Martin (votre famille)', 'Famille Nguyen'])
    // This week nobody yet (the change applies from Monday); next: the first family in the order.
    await expect.poll(() => line(a.page), POLL).toContain('ensuite : Famille Martin')
  })

  it('a week later both phones show the current and next coordinator', async () => {
    for (const phone of [a, b]) {
      await phone.context.clock.setFixedTime(WEEK_LATER)
      await phone.page.goto(`${base}/plus`)
      await expect.poll(() => line(phone.page), POLL).toContain('Coordination cette semaine : Famille Martin')
      expect(await line(phone.page)).toContain('ensuite : Famille Nguyen')
    }
  })

  it('the outgoing coordinator leaves a note; the next one reads and acknowledges it; the other phone sees it acknowledged', async () => {
    await a.page.goto(`${base}/coordination/a-faire`)
    const handoverA = a.page.getByTestId('handover')
    await expect.poll(() => handoverA.textContent(), POLL).toContain('De Famille Martin à Famille Nguyen, pour la période du lundi 15 mars au dimanche 21 mars.')
    expect(await a.page.getByTestId('handover-status').getAttribute('data-status')).toBe('pending')
    expect(await a.page.getByTestId('handover-status').textContent()).toContain('État : en attente')
    expect(await a.page.getByRole('button', { name: fr['coord.handover.ack'] }).count()).toBe(0)
    await a.page.getByLabel(fr['coord.handover.noteLabel']).fill(NOTE)
    await a.page.getByRole('button', { name: fr['coord.handover.noteAdd'] }).click()
    await expect.poll(() => a.page.getByTestId('handover-note').allTextContents(), POLL).toEqual([NOTE])

    await b.page.goto(`${base}/coordination/a-faire`)
    await expect.poll(() => b.page.getByTestId('handover-note').allTextContents(), POLL).toEqual([NOTE])
    expect(await b.page.getByTestId('handover-status').getAttribute('data-status')).toBe('pending')
    await b.page.getByRole('button', { name: fr['coord.handover.ack'] }).click()
    await expect.poll(() => b.page.getByTestId('handover-status').getAttribute('data-status'), POLL).toBe('acknowledged')
    await expect.poll(() => b.page.getByTestId('announcer').textContent(), POLL).toBe(fr['coord.handover.acked'])

    await expect.poll(() => a.page.getByTestId('handover-status').getAttribute('data-status'), POLL).toBe('acknowledged')
    expect(await a.page.getByTestId('handover-status').textContent()).toContain('État : lu')
    expect(await a.page.getByTestId('handover-status').textContent()).toContain('Lu par Famille Nguyen, le mar. 9 mars à 09:00.')
  })

  it('the journal lists the events in order and filters by family', async () => {
    await a.page.goto(`${base}/journal`)
    const kinds = () => a.page.getByTestId('journal-entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))
    await expect.poll(kinds, POLL).toEqual(['coordinatorJoined', 'coordinatorJoined', 'handoverNote', 'handoverAcknowledged'])
    const texts = await a.page.getByTestId('journal-text').allTextContents()
    expect(texts).toEqual([
      'Famille Martin accepte la coordination à partir du lundi 8 mars.',
      'Famille Nguyen accepte la coordination à partir du lundi 8 mars.',
      'Famille Martin laisse une note de passation pour la période du lundi 15 mars.',
      'Famille Nguyen a pris connaissance de la passation (période du lundi 15 mars).',
    ])
    expect(await a.page.getByTestId('journal-count').textContent()).toBe('4 événements')

    await a.page.getByLabel(fr['journal.family']).selectOption({ label: 'Famille Nguyen' })
    await expect.poll(kinds, POLL).toEqual(['coordinatorJoined', 'handoverAcknowledged'])
    expect(await a.page.getByTestId('journal-count').textContent()).toBe('2 événements')
  })

  it('B offers a coming period ("Je cherche un remplaçant"), A takes it in one tap, both schedules show the new coordinator', async () => {
    const period = (page: Page, start: string) => page.locator(`[data-testid="period"][data-start="${start}"]`)
    await b.page.goto(`${base}/coordination`)
    await expect.poll(() => period(b.page, '2027-03-29').getByTestId('period-coordinator').textContent(), POLL).toBe('Famille Nguyen')
    await b.page.getByRole('button', { name: 'Je cherche un remplaçant pour la période du lundi 29 mars' }).click()
    await expect.poll(() => b.page.getByTestId('announcer').textContent(), POLL).toBe('Offre publiée : période du lundi 29 mars.')

    await a.page.goto(`${base}/coordination`)
    const offer = a.page.getByTestId('offer')
    await expect.poll(() => offer.textContent(), POLL).toContain('Famille Nguyen cherche un remplaçant pour la période du lundi 29 mars.')
    await offer.getByRole('button', { name: fr['coord.offers.take'] }).click()
    await expect.poll(() => a.page.getByTestId('announcer').textContent(), POLL).toBe('C’est noté : vous coordonnez la période du lundi 29 mars.')
    for (const page of [a.page, b.page]) {
      await expect.poll(() => period(page, '2027-03-29').getByTestId('period-coordinator').textContent(), POLL).toBe('Famille Martin')
    }
    expect(await b.page.getByTestId('offer').count()).toBe(0)
    expect([...a.errors, ...b.errors].filter((entry) => entry.startsWith('pageerror'))).toEqual([])
  })

  it('A proposes a trade of its period for one of B’s; B accepts; both periods change hands on both phones', async () => {
    const coordinatorOf = (page: Page, start: string) => page.locator(`[data-testid="period"][data-start="${start}"]`).getByTestId('period-coordinator').textContent()
    await a.page.getByRole('button', { name: 'Proposer un échange pour la période du lundi 22 mars' }).click()
    await a.page.locator('[data-start="2027-03-22"]').getByLabel(fr['coord.schedule.tradeTarget']).selectOption({ label: 'Famille Nguyen : lundi 12 avril' })
    await a.page.getByRole('button', { name: fr['coord.schedule.tradeSubmit'] }).click()
    await expect.poll(() => a.page.getByTestId('announcer').textContent(), POLL).toBe('Offre publiée : période du lundi 22 mars.')

    const offer = b.page.getByTestId('offer')
    await expect.poll(() => offer.textContent(), POLL).toContain('Famille Martin propose d’échanger sa période du lundi 22 mars contre celle du lundi 12 avril (Famille Nguyen).')
    await offer.getByRole('button', { name: fr['coord.offers.accept'] }).click()
    await expect.poll(() => b.page.getByTestId('announcer').textContent(), POLL).toBe(fr['coord.offers.traded'])
    for (const page of [a.page, b.page]) {
      await expect.poll(() => coordinatorOf(page, '2027-03-22'), POLL).toBe('Famille Nguyen')
      await expect.poll(() => coordinatorOf(page, '2027-04-12'), POLL).toBe('Famille Martin')
    }
  })

  it('the coordination screens keep every control at least 48 px tall and fit a 360 px screen', async () => {
    for (const path of [`${base}/coordination`, `${base}/coordination/a-faire`, `${base}/journal`]) {
      await a.page.goto(path)
      await a.page.locator('h1').waitFor()
      const problems = await a.page.evaluate(() => {
        const found: string[] = []
        for (const control of document.querySelectorAll<HTMLElement>('main a, main button, main input, main select, main textarea')) {
          const box = control.getBoundingClientRect()
          if (box.height < 48 || box.width < 44) found.push(`${control.tagName} "${control.textContent?.trim() ?? ''}" ${Math.round(box.width)}x${Math.round(box.height)}`)
        }
        if (document.documentElement.scrollWidth > window.innerWidth) found.push(`page is ${document.documentElement.scrollWidth}px wide`)
        return found
      })
      expect(problems, path).toEqual([])
    }
  })
})

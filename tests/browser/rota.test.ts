// Two phones run the rota through the real relay and the real screens: set-up, a sign-up seen by the other phone,
// then the same free slot taken on both phones offline, resolved to one holder and one waiting list with a message.
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { fr } from '../../src/ui/i18n/fr.ts'
import { usePhones, waitForServiceWorkerControl, type Phone } from '../helpers/browser.ts'
import { joinByInvite, sayWhoIAm, waitAllSynced } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'

const POLL = { timeout: 15_000, interval: 100 }
// A school week of March 2027, outside zone A holidays (winter ends 1 March, spring starts 10 April).
const WEEK = '2027-03-08'
const THURSDAY = '2027-03-11'
const FRIDAY = '2027-03-12'
// Both phones live on Tuesday 2 March 2027, 09:00 in Paris: the week of 8 March is ahead (not urgent, not past),
// whatever the real date the test runs on.
const NOW = new Date('2027-03-02T09:00:00+01:00')

const STOPS = [
  { name: 'Place du Marché', aller: '08:05' },
  { name: 'Rue des Lilas', aller: '08:10' },
  { name: 'Parc des Pins', aller: '08:15' },
  { name: 'École Jules Ferry', aller: '08:25' },
] as const

const walkCard = (page: Page, date: string, direction: 'aller' | 'retour'): Locator =>
  page.locator(`[data-testid="walk"][data-walk$="|${date}|${direction}"]`)
const holderOf = async (walk: Locator, slot: 'lead' | 'tail'): Promise<string> =>
  ((await walk.getByTestId(`slot-${slot}`).getByTestId('holder').textContent({ timeout: 1_000 }).catch(() => null)) ?? '').trim()
const waitingNames = (walk: Locator): Promise<string[]> => walk.getByTestId('waiting-name').allTextContents()
const takeButton = (walk: Locator, role: string): Locator => walk.getByRole('button', { name: new RegExp(`^${role} .*S’inscrire`) })

describe('the rota on two phones', () => {
  let a: Phone
  let b: Phone
  let base = ''

  usePhones(2, (phones) => { [a, b] = phones }, NOW)

  const family = (name: string, adult: [string, string], child: [string, string, string]) =>
    seedFamily(name, adult[0], adult[1], [{ firstName: child[0], initial: child[1], stopAller: child[2] }])

  it('phone A restores a collective: a line of 4 stops, two families with children; it says who it is', async () => {
    const seeded = await seedCollective(a.page, {
      lines: [{ name: 'Ligne Verte', stops: STOPS }],
      families: [
        family('Famille Martin', ['Léa', '06 11 22 33 44'], ['Tom', 'M', 'Place du Marché (08:05)']),
        family('Famille Nguyen', ['Paul', '06 55 66 77 88'], ['Nina', 'N', 'Parc des Pins (08:15)']),
      ],
    })
    base = seeded.base
    // The line page lists the stops in walking order.
    await a.page.goto(`${base}/lignes/${seeded.lineIds.get('Ligne Verte') ?? ''}`)
    await expect.poll(() => a.page.getByTestId('stop-name').allTextContents(), POLL)
      .toEqual(STOPS.map(({ name }) => name))

    // A says who it is on the week screen ("Qui êtes-vous ?" or "Changer").
    await sayWhoIAm(a.page, base, 'Famille Martin', 'Léa', `/semaine/${WEEK}`)
    const thursday = walkCard(a.page, THURSDAY, 'aller')
    await expect.poll(() => thursday.getAttribute('data-state'), POLL).toBe('toFill')
    expect(await thursday.getByTestId('walk-state').textContent()).toContain('À pourvoir')
    await waitAllSynced(a.page)
  })

  it('phone B joins, says who it is, and signs up as lead on "Cette semaine"; phone A sees it', async () => {
    await joinByInvite(a.page, base, [b.page])
    await b.page.getByRole('link', { name: fr['rota.nav.week'] }).click()
    await b.page.waitForURL((url) => url.pathname === `${base}/semaine`)
    await b.page.goto(`${base}/semaine/${WEEK}`)

    const thursday = walkCard(b.page, THURSDAY, 'aller')
    await takeButton(thursday, 'Conducteur').click()
    // B has not said who it is yet: the sign-up asks first.
    const form = thursday.getByTestId('identity-form')
    await form.getByLabel(fr['rota.me.family']).selectOption({ label: 'Famille Nguyen' })
    await form.getByLabel(fr['rota.me.adult']).selectOption({ label: 'Paul' })
    await form.getByRole('button', { name: fr['rota.me.save'] }).click()

    await expect.poll(() => holderOf(thursday, 'lead'), POLL).toBe('Paul (vous)')
    await expect.poll(() => b.page.getByTestId('announcer').textContent(), POLL).toBe('C’est noté : Paul est conducteur le jeudi 11 mars (aller).')

    await a.page.goto(`${base}/semaine/${WEEK}`)
    await expect.poll(() => holderOf(walkCard(a.page, THURSDAY, 'aller'), 'lead'), POLL).toBe('Paul')
  })

  it('both phones take the same free slot offline; back online both show one holder, the other waiting, and the loser is told', async () => {
    await waitForServiceWorkerControl(a.page)
    await waitForServiceWorkerControl(b.page)
    await a.page.goto(`${base}/semaine/${WEEK}`)
    await b.page.goto(`${base}/semaine/${WEEK}`)
    await expect.poll(() => holderOf(walkCard(a.page, THURSDAY, 'aller'), 'lead'), POLL).toBe('Paul')

    await a.context.setOffline(true)
    await b.context.setOffline(true)
    await takeButton(walkCard(a.page, FRIDAY, 'aller'), 'Conducteur').click()
    await takeButton(walkCard(b.page, FRIDAY, 'aller'), 'Conducteur').click()
    await expect.poll(() => holderOf(walkCard(a.page, FRIDAY, 'aller'), 'lead'), POLL).toBe('Léa (vous)')
    await expect.poll(() => holderOf(walkCard(b.page, FRIDAY, 'aller'), 'lead'), POLL).toBe('Paul (vous)')

    await a.context.setOffline(false)
    await b.context.setOffline(false)

    // Both phones converge on the same holder; the other adult is on the waiting list.
    const settled = async () => {
      const fridayA = walkCard(a.page, FRIDAY, 'aller')
      const fridayB = walkCard(b.page, FRIDAY, 'aller')
      return {
        a: [(await holderOf(fridayA, 'lead')).replace(' (vous)', ''), await waitingNames(fridayA)],
        b: [(await holderOf(fridayB, 'lead')).replace(' (vous)', ''), await waitingNames(fridayB)],
      }
    }
    await expect.poll(async () => {
      const state = await settled()
      return JSON.stringify(state.a) === JSON.stringify(state.b) && state.a[1]?.length === 1
    }, POLL).toBe(true)
    const { a: [holder, waiting] } = await settled()
    expect([holder, ...(waiting as string[])].sort()).toEqual(['Léa', 'Paul'])

    const [winner, loser] = holder === 'Léa' ? [a, b] : [b, a]
    const loserName = holder === 'Léa' ? 'Paul' : 'Léa'
    const message = `Votre inscription au trajet du vendredi 12 mars (aller) n’a pas été retenue : la place était déjà prise par ${holder}. Vous êtes en liste d’attente.`
    await expect.poll(() => loser.page.getByTestId('waiting-notice').allTextContents(), POLL).toEqual([`⚠ ${message}`])
    expect(await winner.page.getByTestId('waiting-notice').count()).toBe(0)
    expect(await waitingNames(walkCard(loser.page, FRIDAY, 'aller'))).toEqual([loserName])

    // The collective home tells the loser too.
    await loser.page.goto(`${base}/plus`)
    await expect.poll(() => loser.page.getByTestId('waiting-notice').allTextContents(), POLL).toEqual([`⚠ ${message}`])
    expect([...a.errors, ...b.errors].filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('the rota screens open by their address offline, and "Mes trajets" lists the family’s places', async () => {
    await b.context.setOffline(true)
    const h1 = () => b.page.getByRole('heading', { level: 1 }).textContent()
    try {
      await b.page.goto(`${base}/semaine/${WEEK}`)
      await expect.poll(h1, POLL).toBe('Semaine du lundi 8 mars')
      await expect.poll(() => holderOf(walkCard(b.page, THURSDAY, 'aller'), 'lead'), POLL).toBe('Paul (vous)')

      await b.page.goto(`${base}/mes-trajets`)
      await expect.poll(h1, POLL).toBe('Mes trajets')
      await expect.poll(() => b.page.getByTestId('my-place').first().textContent(), POLL).toBe('jeudi 11 mars · aller · Ligne VerteConducteur : Paul')
      expect(await b.page.getByTestId('my-place').count()).toBe(2) // Thursday, and Friday held or waiting

      await b.page.goto(`${base}/aujourdhui`)
      await expect.poll(h1, POLL).toBe('Aujourd’hui')
    } finally {
      await b.context.setOffline(false)
    }
    expect(b.errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

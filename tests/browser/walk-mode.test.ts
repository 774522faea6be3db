// Walk mode on real phones through the real relay: the leader checks three children in at two stops offline, marks the
// departures and the arrival, and the parent's phone shows the arrival once synced; then two adults on duty check in
// concurrently offline, both phones read the same list with the disagreement shown, and settling it on one clears it on both;
// the walk ends with one child still disputed, and the other children's families are told all the same.
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, waitForServiceWorkerControl, type Phone } from '../helpers/browser.ts'
import { storedDismissals } from '../helpers/stored-values.ts'
import { joinByInvite, sayWhoIAm, waitAllSynced } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'

const POLL = { timeout: 15_000, interval: 100 }
// Tuesday 2 March 2027 (a school day in zone A): set-up at 07:30, before the aller starts; the walk itself at 08:27.
const TODAY = '2027-03-02'
const MONDAY = '2027-03-01'
const SET_UP = new Date('2027-03-02T07:30:00+01:00')
const ON_THE_WALK = new Date('2027-03-02T08:27:00+01:00')

const STOPS = [
  { name: 'Place du Marché', aller: '08:05', retour: '16:45' },
  { name: 'Mairie', aller: '08:15', retour: '16:35' },
] as const

const walkCard = (page: Page, direction: 'aller' | 'retour'): Locator =>
  page.locator(`[data-testid="walk"][data-walk$="|${TODAY}|${direction}"]`)
const childRow = (page: Page, name: string): Locator => page.getByTestId('walk-child').filter({ hasText: name })
const statusOf = (page: Page, name: string) => () => childRow(page, name).getByTestId('child-status').textContent()
const markButton = (page: Page, status: 'present' | 'absent' | 'excused', name: string): Locator =>
  page.getByRole('button', { name: fr['walk.markLabel'].replace('{status}', fr[`walk.status.${status}`]).replace('{name}', name), exact: true })
const listText = (page: Page) => page.getByTestId('walk-child').allTextContents()

describe('walk mode on three phones', () => {
  let a: Phone
  let b: Phone
  let c: Phone
  let base = ''
  let lineId = ''

  usePhones(3, (phones) => { [a, b, c] = phones }, SET_UP)

  const family = (name: string, adult: [string, string], child: [string, string, string]) =>
    seedFamily(name, adult[0], adult[1], [
      { firstName: child[0], initial: child[1], stopAller: child[2], stopRetour: child[2] },
    ])
  const whoIAm = (phone: Phone, family: string, adult: string) => sayWhoIAm(phone.page, base, family, adult, `/semaine/${MONDAY}`)
  const take = async (page: Page, direction: 'aller' | 'retour', role: string, adult: string) => {
    const card = walkCard(page, direction)
    await card.getByRole('button', { name: new RegExp(`^${role} .*S’inscrire`) }).click()
    await expect.poll(() => card.getByTestId(`slot-${role === 'Conducteur' ? 'lead' : 'tail'}`).getByTestId('holder').textContent(), POLL).toBe(`${adult} (vous)`)
  }

  it('sets up a line of two stops, three families with a child each, and the adults on duty today', async () => {
    const seeded = await seedCollective(a.page, {
      lines: [{ name: 'Ligne Verte', stops: STOPS }],
      families: [
        family('Famille Martin', ['Léa', '06 11 22 33 44'], ['Tom', 'M', 'Place du Marché']),
        family('Famille Nguyen', ['Paul', '06 55 66 77 88'], ['Nina', 'N', 'Place du Marché']),
        family('Famille Durand', ['Chloé', '06 99 88 77 66'], ['Zoé', 'D', 'Mairie']),
      ],
    })
    base = seeded.base
    lineId = seeded.lineIds.get('Ligne Verte') ?? ''

    await joinByInvite(a.page, base, [b.page, c.page])
    await whoIAm(a, 'Famille Martin', 'Léa')
    await whoIAm(b, 'Famille Nguyen', 'Paul')
    await whoIAm(c, 'Famille Durand', 'Chloé')
    await take(a.page, 'aller', 'Conducteur', 'Léa')
    await take(a.page, 'retour', 'Conducteur', 'Léa')
    await take(c.page, 'retour', 'Serre-file', 'Chloé')
    for (const phone of [a, b, c]) {
      await waitForServiceWorkerControl(phone.page)
      await waitAllSynced(phone.page)
    }
  })

  it('A, offline, checks in three children at two stops, marks the departures and the arrival; back online, B sees the arrival', async () => {
    for (const phone of [a, b, c]) await phone.context.clock.setFixedTime(ON_THE_WALK)
    await a.context.setOffline(true)
    // "Mode trajet" opens the one walk A holds that is coming first: today's aller.
    await a.page.goto(`${base}/trajet`)
    await a.page.waitForURL((url) => url.pathname === `${base}/trajet/${lineId}/${TODAY}/aller`)
    await expect.poll(() => a.page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe('Ligne Verte · Aller')
    expect(await a.page.getByTestId('my-slot').textContent()).toBe('Vous êtes conducteur.')
    expect(await a.page.getByTestId('walk-summary').textContent()).toBe('0 présent · 3 à pointer')
    expect(await a.page.getByTestId('walk-stop').locator('h3').allTextContents()).toEqual(['08:05Place du Marché', '08:15Mairie'])

    // Tom: present, undone by tapping "Présent" again, then present again.
    await markButton(a.page, 'present', 'Tom M.').click()
    await expect.poll(statusOf(a.page, 'Tom M.'), POLL).toBe('Présent')
    expect(await markButton(a.page, 'present', 'Tom M.').getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => a.page.getByTestId('announcer').textContent(), POLL).toBe('Tom M. : présence notée')
    await markButton(a.page, 'present', 'Tom M.').click()
    await expect.poll(statusOf(a.page, 'Tom M.'), POLL).toBe('À pointer')
    expect(await markButton(a.page, 'present', 'Tom M.').getAttribute('aria-pressed')).toBe('false')
    await markButton(a.page, 'present', 'Tom M.').click()
    await expect.poll(statusOf(a.page, 'Tom M.'), POLL).toBe('Présent')
    // Nina: marked absent by mistake, "Annuler" at the bottom takes it back, then present.
    await markButton(a.page, 'absent', 'Nina N.').click()
    await expect.poll(statusOf(a.page, 'Nina N.'), POLL).toBe('Absent')
    await a.page.getByTestId('undo-last').click()
    await expect.poll(statusOf(a.page, 'Nina N.'), POLL).toBe('À pointer')
    await markButton(a.page, 'present', 'Nina N.').click()
    await a.page.getByRole('button', { name: 'Départ de Place du Marché' }).click()
    await expect.poll(() => a.page.getByTestId('depart-done').first().textContent(), POLL).toBe('✓ Départ de Place du Marché à 8 h 27')
    await markButton(a.page, 'present', 'Zoé D.').click()
    await a.page.getByRole('button', { name: 'Départ de Mairie' }).click()
    await expect.poll(() => a.page.getByTestId('depart-done').allTextContents(), POLL)
      .toEqual(['✓ Départ de Place du Marché à 8 h 27', '✓ Départ de Mairie à 8 h 27'])
    await expect.poll(() => a.page.getByTestId('walk-summary').textContent(), POLL).toBe('3 présents')

    // Parents are one tap away, and so is the emergency card.
    expect(await childRow(a.page, 'Nina N.').getByRole('link', { name: 'Appeler Paul, parent de Nina N.' }).getAttribute('href')).toBe('tel:0655667788')
    await a.page.getByTestId('emergency-link').click()
    await expect.poll(() => a.page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe(fr['walk.emergency.title'])
    await expect.poll(() => a.page.getByTestId('emergency-child').filter({ hasText: 'Nina N.' }).textContent(), POLL).toContain('06 55 66 77 88')
    expect(await a.page.getByTestId('emergency-adult').allTextContents()).toEqual(['☎ Léa · conducteur06 11 22 33 44'])
    await a.page.getByRole('link', { name: fr['walk.emergency.back'] }).click()

    await a.page.getByRole('button', { name: fr['walk.arrive'] }).click()
    await expect.poll(() => a.page.getByTestId('arrive-done').textContent(), POLL).toBe('✓ Arrivés à 8 h 27')
    // The logbook says, before anything is typed, who reads it and what not to write there.
    const logbook = a.page.getByRole('textbox', { name: fr['walk.log.label'] })
    await expect.poll(async () => (await logbook.getAttribute('aria-describedby'))?.split(' '), POLL).toContain('walk-log-text-hint')
    expect(await a.page.locator('#walk-log-text-hint').textContent()).toBe(fr['walk.log.hint'])
    await a.page.getByLabel(fr['walk.log.label']).fill('Pluie forte, tout le monde est arrivé au sec.')
    await a.page.getByRole('button', { name: fr['walk.log.add'] }).click()
    await expect.poll(() => a.page.getByTestId('walk-note').allTextContents(), POLL).toEqual(['Pluie forte, tout le monde est arrivé au sec.Léa, 8 h 27Supprimer'])
    await expect.poll(() => a.page.getByTestId('sync-status').textContent(), POLL).not.toContain('Tout est sur le relais')

    await a.context.setOffline(false)
    await waitAllSynced(a.page)
    // Paul is not on duty: opening the collective lands on the week, where the notice area tells him, after a reload too.
    const nina = '✓ Le pédibus est arrivé à l’école à 8 h 27 avec Nina'
    const arrivalsOf = (page: Page) => page.getByTestId('collective-notices').getByTestId('arrival-notice')
    await b.page.goto(base)
    await b.page.waitForURL((url) => url.pathname === `${base}/semaine`)
    await b.page.reload()
    await expect.poll(() => arrivalsOf(b.page).allTextContents(), POLL).toEqual([nina])
    expect(await b.page.getByTestId('walk').count()).toBeGreaterThan(0)
    expect(await b.page.getByTestId('arrival-notices').getAttribute('role')).toBe('status')
    expect(await axeViolations(b.page)).toEqual([])
    // Closed with its "✕", it stays closed: after a reload, and on the other screens of the collective.
    await b.page.getByTestId('arrival-item').getByRole('button', { name: fr['notice.dismiss'] }).click()
    await expect.poll(() => arrivalsOf(b.page).count(), POLL).toBe(0)
    // Stored in the device database before the reload (a reload in the same instant could cut the write short).
    await expect.poll(() => storedDismissals(b.page), POLL).toBe(1)
    await b.page.reload()
    await expect.poll(() => b.page.getByTestId('walk').count(), POLL).toBeGreaterThan(0)
    await b.page.goto(`${base}/plus`)
    await expect.poll(() => b.page.getByTestId('collective-name').count(), POLL).toBe(1)
    expect(await b.page.getByTestId('arrival-notice').count()).toBe(0)
    // Only the family's own children.
    await a.page.goto(`${base}/plus`)
    await expect.poll(() => a.page.getByTestId('arrival-notice').allTextContents(), POLL).toEqual(['✓ Le pédibus est arrivé à l’école à 8 h 27 avec Tom'])
    expect([...a.errors, ...b.errors].filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('two adults on duty check in concurrently offline: the same list on both phones, the disagreement shown, settled on one', async () => {
    for (const phone of [a, c]) {
      await phone.page.goto(`${base}/trajet`)
      await phone.page.waitForURL((url) => url.pathname === `${base}/trajet/${lineId}/${TODAY}/retour`)
      await expect.poll(() => phone.page.getByTestId('walk-child').count(), POLL).toBe(3)
    }
    // The retour walks the stops the other way.
    expect(await c.page.getByTestId('walk-stop').locator('h3').allTextContents()).toEqual(['16:35Mairie', '16:45Place du Marché'])
    await a.context.setOffline(true)
    await c.context.setOffline(true)
    await markButton(a.page, 'present', 'Tom M.').click()
    await markButton(a.page, 'present', 'Nina N.').click()
    await markButton(a.page, 'absent', 'Zoé D.').click()
    await markButton(c.page, 'present', 'Zoé D.').click()
    await markButton(c.page, 'absent', 'Nina N.').click()
    await markButton(c.page, 'present', 'Tom M.').click()
    await expect.poll(statusOf(a.page, 'Zoé D.'), POLL).toBe('Absent')
    await expect.poll(statusOf(c.page, 'Zoé D.'), POLL).toBe('Présent')
    await a.context.setOffline(false)
    await c.context.setOffline(false)

    const settled = async () => {
      const [onA, onC] = [await listText(a.page), await listText(c.page)]
      return JSON.stringify(onA) === JSON.stringify(onC) && onA.filter((row) => row.includes('vérifiez')).length === 2
    }
    await expect.poll(settled, POLL).toBe(true)
    for (const phone of [a, c]) {
      expect(await childRow(phone.page, 'Nina N.').getByTestId('disagreement').textContent()).toMatch(/^⚠ (Léa : présent · Chloé : absent|Chloé : absent · Léa : présent) — vérifiez$/)
      expect(await childRow(phone.page, 'Zoé D.').getByTestId('disagreement').textContent()).toContain('Léa : absent')
      expect(await childRow(phone.page, 'Tom M.').getByTestId('disagreement').count()).toBe(0)
      await expect.poll(() => phone.page.getByTestId('walk-summary').textContent(), POLL).toContain('2 désaccords')
    }

    // Chloé settles Nina as present: the disagreement goes on both phones, and both lists read the same again.
    await markButton(c.page, 'present', 'Nina N.').click()
    for (const phone of [a, c]) {
      await expect.poll(() => childRow(phone.page, 'Nina N.').getByTestId('disagreement').count(), POLL).toBe(0)
      await expect.poll(statusOf(phone.page, 'Nina N.'), POLL).toBe('Présent')
    }
    await expect.poll(async () => JSON.stringify(await listText(a.page)) === JSON.stringify(await listText(c.page)), POLL).toBe(true)
    expect((await listText(a.page)).filter((row) => row.includes('vérifiez'))).toHaveLength(1)

    // Zoé is still disputed when Léa ends the walk: Nina's and Tom's families are told all the same (B and C have
    // their screen open as the arrival syncs in; A looks once back home), Zoé's family is not. B closed the morning's
    // notice: only the new one shows.
    for (const [phone, count] of [[b, 0], [c, 1]] as const) {
      await phone.page.goto(base)
      await expect.poll(() => phone.page.getByTestId('arrival-notices').count(), POLL).toBe(1)
      await expect.poll(() => phone.page.getByTestId('arrival-notice').count(), POLL).toBe(count)
    }
    await a.page.getByRole('button', { name: fr['walk.end'] }).click()
    await expect.poll(() => a.page.getByTestId('arrive-done').textContent(), POLL).toBe('✓ Trajet terminé à 8 h 27')
    await waitAllSynced(a.page)
    await a.page.goto(`${base}/plus`)
    const notices = async (page: Page) => (await page.getByTestId('arrival-notice').allTextContents()).sort()
    const atSchool = (name: string) => `✓ Le pédibus est arrivé à l’école à 8 h 27 avec ${name}`
    const droppedOff = (name: string) => `✓ Le pédibus a déposé ${name} à son arrêt (Place du Marché) à 8 h 27`
    await expect.poll(() => notices(b.page), POLL).toEqual([droppedOff('Nina')])
    await expect.poll(() => notices(a.page), POLL).toEqual([droppedOff('Tom'), atSchool('Tom')])
    expect(await notices(c.page)).toEqual([atSchool('Zoé')])
    await c.page.goto(`${base}/trajet/${lineId}/${TODAY}/retour`)
    await expect.poll(() => c.page.getByTestId('walk-child').count(), POLL).toBe(3)
    expect([...a.errors, ...b.errors, ...c.errors].filter((line) => line.startsWith('pageerror'))).toEqual([])
  })

  it('keeps the walk screen’s buttons at least 56 px tall inside a 360 px screen', async () => {
    const boxes = await c.page.locator('.walk-mode button.mark, .walk-mode button.walk-go, .walk-emergency-link').evaluateAll((nodes) =>
      nodes.map((node) => { const box = node.getBoundingClientRect(); return { h: Math.round(box.height), right: Math.round(box.right) } }))
    expect(boxes.length).toBeGreaterThan(10)
    for (const box of boxes) {
      expect(box.h).toBeGreaterThanOrEqual(56)
      expect(box.right).toBeLessThanOrEqual(360)
    }
  })
})

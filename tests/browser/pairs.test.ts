// "Trajet en binôme" on one phone: a walk with a lead and a tail, a newcomer of another family asks "Marcher en
// binôme" with the lead; the card shows "en binôme avec …", the adults count is unchanged, and axe finds nothing.
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { chooseWhoIAm, sayWhoIAm } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'

const POLL = { timeout: 15_000, interval: 100 }
// A school week of March 2027 outside zone A holidays; the phone lives on Tuesday 2 March 2027, 09:00 in Paris.
const WEEK = '2027-03-08'
const THURSDAY = '2027-03-11'
const NOW = new Date('2027-03-02T09:00:00+01:00')

const walkCard = (page: Page, date: string): Locator => page.locator(`[data-testid="walk"][data-walk$="|${date}|aller"]`)
const meta = (walk: Locator): Promise<string> => walk.locator('.walk__meta').first().textContent().then((text) => (text ?? '').trim())
const holderOf = async (walk: Locator, slot: 'lead' | 'tail'): Promise<string> =>
  ((await walk.getByTestId(`slot-${slot}`).getByTestId('holder').textContent({ timeout: 1_000 }).catch(() => null)) ?? '').trim()
const takeButton = (walk: Locator, role: string): Locator => walk.getByRole('button', { name: new RegExp(`^${role} .*S’inscrire`) })

describe('trajet en binôme', () => {
  let a: Phone
  let base = ''

  usePhones(1, (phones) => { [a] = phones }, NOW)

  it('sets up a line and three families; Sophie leads and Paul closes Thursday\'s walk', async () => {
    const { page } = a
    base = (await seedCollective(page, {
      lines: [{ name: 'Ligne Verte', stops: [
        { name: 'Place du Marché', aller: '08:05' }, { name: 'École Jules Ferry', aller: '08:25' },
      ] }],
      families: [
        seedFamily('Famille Martin', 'Sophie', '06 11 22 33 44'),
        seedFamily('Famille Nguyen', 'Paul', '06 55 66 77 88'),
        seedFamily('Famille Dupont', 'Marie', '06 99 88 77 66'),
      ],
    })).base

    await sayWhoIAm(page, base, 'Famille Martin', 'Sophie', `/semaine/${WEEK}`)
    await takeButton(walkCard(page, THURSDAY), 'Conducteur').click()
    await expect.poll(() => holderOf(walkCard(page, THURSDAY), 'lead'), POLL).toBe('Sophie (vous)')
    await chooseWhoIAm(page, 'Famille Nguyen', 'Paul')
    await takeButton(walkCard(page, THURSDAY), 'Serre-file').click()
    await expect.poll(() => holderOf(walkCard(page, THURSDAY), 'tail'), POLL).toBe('Paul (vous)')
    await expect.poll(() => meta(walkCard(page, THURSDAY)), POLL).toBe('0 enfant · Adultes : 2 sur 2')
  })

  it('Marie asks to walk in pair with Sophie: the card shows the pair, the adults count is unchanged', async () => {
    const { page } = a
    await chooseWhoIAm(page, 'Famille Dupont', 'Marie')
    const thursday = walkCard(page, THURSDAY)
    await thursday.getByRole('button', { name: fr['rota.pair.ask'] }).click()
    const form = thursday.getByTestId('pair-form')
    await form.getByLabel(fr['rota.pair.with']).selectOption({ label: 'Sophie' })
    await form.getByRole('button', { name: fr['rota.pair.ask'] }).click()

    await expect.poll(() => thursday.getByTestId('pair-line').first().textContent({ timeout: 1_000 }).catch(() => ''), POLL)
      .toContain('Marie en binôme avec Sophie')
    expect(await meta(thursday)).toBe('0 enfant · Adultes : 2 sur 2')
    expect(await thursday.getAttribute('data-state')).toBe('covered')
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL)
      .toBe('Marie marchera en binôme avec Sophie jeudi 11 mars (aller).')
    expect(await axeViolations(page)).toEqual([])
  })

  it('Marie withdraws her pair with "Retirer"', async () => {
    const thursday = walkCard(a.page, THURSDAY)
    await thursday.getByRole('button', { name: 'Retirer le binôme de Marie' }).click()
    await expect.poll(() => thursday.getByTestId('pair-line').count(), POLL).toBe(0)
    expect(await meta(thursday)).toBe('0 enfant · Adultes : 2 sur 2')
  })

  it('Sophie passes the baton to Marie on "Mes trajets": Thursday shows the handover, still 2 adults of 2', async () => {
    const { page } = a
    await sayWhoIAm(page, base, 'Famille Martin', 'Sophie', '/mes-trajets')
    const handover = page.getByTestId('handover')
    await handover.getByLabel(fr['rota.handover.to']).selectOption({ label: 'Marie' })
    await handover.getByLabel(fr['rota.handover.until']).fill('2027-03-12')
    await handover.getByRole('button', { name: fr['rota.handover.submit'] }).click()
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL).toBe('Marie marchera en binôme sur 1 trajet.')
    expect(await axeViolations(page)).toEqual([])

    await page.goto(`${base}/semaine/${WEEK}`)
    const thursday = walkCard(page, THURSDAY)
    await expect.poll(() => thursday.getByTestId('pair-line').first().textContent({ timeout: 1_000 }).catch(() => ''), POLL)
      .toContain('Passage de témoin : Marie avec Sophie')
    expect(await meta(thursday)).toBe('0 enfant · Adultes : 2 sur 2')
  })
})

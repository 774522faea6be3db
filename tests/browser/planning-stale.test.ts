// "Planifier" while another phone signs up: a choice that left the choices meanwhile is refused (never turned into
// "Personne"), publishing says why a place was not published, and "Proposer à nouveau" plans the same period again.
import { describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { activeId, CHLOE, LINE, MARC, MONDAY, NOW, POLL, proposedHolders, saveAvailability, SOPHIE, STOP, TUESDAY } from '../helpers/planning-steps.ts'
import { chooseWhoIAm, joinByInvite, sayWhoIAm, waitAllSynced } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily } from '../helpers/seed-collective.ts'

const WALK = `${LINE}, aller, lundi 8 mars`


describe('planning while another phone signs up', () => {
  let a: Phone
  let b: Phone
  let base = ''
  usePhones(2, (phones) => { [a, b] = phones }, NOW)

  it('phone A sets up three families available on Monday; phone B joins as Marc', async () => {
    const { page } = a
    const child = (firstName: string, initial: string) => ({ firstName, initial, stopAller: STOP })
    base = (await seedCollective(page, {
      lines: [{ name: LINE, stops: [
        { name: 'Place du Marché', aller: '08:05' }, { name: 'École Jules Ferry', aller: '08:25' },
      ] }],
      families: [
        seedFamily('Famille Martin', 'Sophie', '06 11 22 33 44', [child('Léa', 'M')]),
        seedFamily('Famille Durand', 'Chloé', '06 22 33 44 55', [child('Hugo', 'D')]),
        seedFamily('Famille Bernard', 'Marc', '06 99 88 77 66'),
      ],
    })).base
    await sayWhoIAm(page, base, 'Famille Martin', 'Sophie', '/disponibilites')
    await saveAvailability(page, ['Lundi'])
    for (const [family, adult] of [['Famille Durand', 'Chloé'], ['Famille Bernard', 'Marc']] as const) {
      await chooseWhoIAm(page, family, adult)
      await expect.poll(() => page.locator('#availability-title').textContent(), POLL).toContain(adult)
      await saveAvailability(page, ['Lundi'])
    }
    await waitAllSynced(page)
    await joinByInvite(page, base, [b.page])
    await sayWhoIAm(b.page, base, 'Famille Bernard', 'Marc', `/semaine/${MONDAY}`)
  })

  it('Marc chosen for Chloé’s place, then signed up on B: "Confirmer" refuses him and keeps Chloé', async () => {
    const { page } = a
    await page.goto(`${base}/planifier`)
    await page.getByLabel(fr['planning.plan.from'], { exact: true }).fill(MONDAY)
    await page.getByLabel(fr['planning.plan.to'], { exact: true }).fill(TUESDAY)
    await page.getByRole('button', { name: fr['planning.plan.propose'] }).click()
    await expect.poll(() => proposedHolders(page), POLL).toEqual([CHLOE, SOPHIE])
    const monday = page.getByRole('group', { name: WALK, exact: true })
    const row = monday.getByTestId('plan-place').filter({ hasText: CHLOE })
    await row.getByRole('button', { name: /^Changer/ }).click()
    const select = monday.getByRole('combobox')
    expect(await select.locator('option').allTextContents()).toEqual([CHLOE, MARC, fr['planning.plan.nobody']])
    await select.selectOption({ label: MARC })
    const selectId = (await select.getAttribute('id')) ?? 'missing'

    // Marc takes Monday's lead on his own phone.
    const walk = b.page.locator(`[data-testid="walk"][data-walk$="|${MONDAY}|aller"]`)
    await walk.getByRole('button', { name: /^Conducteur .*S’inscrire/ }).click()
    await waitAllSynced(b.page)

    // On A, Marc leaves the choices: the select is back on Chloé, and why is said under it.
    await expect.poll(() => monday.getByTestId('plan-place').filter({ has: page.getByRole('combobox') }).textContent(), POLL)
      .toContain(fr['planning.plan.addRefused'])
    expect(await select.inputValue()).not.toBe('')
    expect(await select.locator('option').allTextContents()).toEqual([CHLOE, fr['planning.plan.nobody']])
    await monday.getByRole('button', { name: /^Confirmer le changement/ }).click()
    // Nothing changed (the place did not go to "Personne"); the keyboard is on the select, described by the refusal.
    await expect.poll(() => activeId(page), POLL).toBe(selectId)
    expect(await monday.getByTestId('plan-place').count()).toBe(2)
    expect(await monday.getByTestId('plan-missing').count()).toBe(0)
    expect(await select.getAttribute('aria-describedby')).toBe(`${selectId}-error`)
    await page.keyboard.press('Escape')
    await expect.poll(() => proposedHolders(page), POLL).toEqual([CHLOE, SOPHIE])
  })

  it('publishing skips the place taken meanwhile, says why, and "Proposer à nouveau" plans the same period again', async () => {
    const { page } = a
    await page.getByRole('button', { name: fr['planning.plan.publish'], exact: true }).click()
    await page.getByRole('button', { name: fr['planning.plan.publishYes'] }).click()
    await expect.poll(() => page.getByTestId('plan-published').textContent(), POLL).toBe(
      '1 créneau publié. 1 créneau n’a pas été publié : entre-temps, la place a été prise, le trajet annulé ou la personne n’est plus disponible.')
    expect(await page.getByTestId('plan-proposal').count()).toBe(0)
    const again = page.getByRole('button', { name: fr['planning.plan.proposeAgain'], exact: true })
    const box = await again.boundingBox()
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48)
    // The dates typed change; "Proposer à nouveau" still plans the period just published.
    await page.getByLabel(fr['planning.plan.from'], { exact: true }).fill(TUESDAY)
    await again.click()
    await expect.poll(() => page.getByTestId('plan-proposal').count(), POLL).toBe(1)
    expect(await page.getByLabel(fr['planning.plan.from'], { exact: true }).inputValue()).toBe(MONDAY)
    expect(await page.getByLabel(fr['planning.plan.to'], { exact: true }).inputValue()).toBe(TUESDAY)
    expect(await page.getByTestId('plan-published').count()).toBe(0)
    expect(await again.count()).toBe(0)
    await expect.poll(() => activeId(page), POLL).toBe('plan-proposal-title')
    // Monday is now covered by Marc and the one published: nothing left to propose there, Tuesday nobody can walk.
    expect(await page.locator(`[id="plan-day-${MONDAY}"]`).count()).toBe(0)
    expect(await page.getByTestId('plan-uncovered').textContent()).toBe('1 trajet reste sans assez d’adultes : le détail est donné jour par jour.')
    expect([...a.errors, ...b.errors].filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

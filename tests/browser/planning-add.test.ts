// "Planifier" with the keyboard: a walk nobody can take just says why; a proposed place given to nobody ("Changer",
// choose, "Confirmer") is explained ("une personne disponible peut encore être ajoutée"), then filled again with
// "Ajouter quelqu’un" (open, choose, confirm), focus kept on the walk throughout.
import { describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { activeId, CHLOE, LINE, MARC, MONDAY, NOW, POLL, proposedHolders, saveAvailability, SOPHIE, STOP, TUESDAY } from '../helpers/planning-steps.ts'
import { addChild, addFamilyWithAdult, addLineWithStops, chooseWhoIAm, createCollective, sayWhoIAm } from '../helpers/collective-steps.ts'

const WALK = `${LINE}, aller, lundi 8 mars`
const TUESDAY_WALK = `${LINE}, aller, mardi 9 mars`


describe('adding someone to a proposal by hand', () => {
  let a: Phone
  usePhones(1, (phones) => { [a] = phones }, NOW)

  it('fills a place left open with the keyboard', async () => {
    const { page } = a
    const base = await createCollective(page)
    await addLineWithStops(page, base, LINE, [{ name: 'Place du Marché', aller: '08:05' }, { name: 'École Jules Ferry', aller: '08:25' }])
    await addFamilyWithAdult(page, base, 'Famille Martin', 'Sophie', '06 11 22 33 44')
    await addChild(page, { firstName: 'Léa', initial: 'M', stopAller: STOP }, ['Léa M.'])
    await addFamilyWithAdult(page, base, 'Famille Durand', 'Chloé', '06 22 33 44 55')
    await addChild(page, { firstName: 'Hugo', initial: 'D', stopAller: STOP }, ['Hugo D.'])
    await addFamilyWithAdult(page, base, 'Famille Bernard', 'Marc', '06 99 88 77 66')
    await sayWhoIAm(page, base, 'Famille Martin', 'Sophie', '/disponibilites')
    await saveAvailability(page, ['Lundi'])
    for (const [family, adult] of [['Famille Durand', 'Chloé'], ['Famille Bernard', 'Marc']] as const) {
      await chooseWhoIAm(page, family, adult)
      await expect.poll(() => page.locator('#availability-title').textContent(), POLL).toContain(adult)
      await saveAvailability(page, ['Lundi'])
    }

    await page.goto(`${base}/planifier`)
    await page.getByLabel(fr['planning.plan.from'], { exact: true }).fill(MONDAY)
    await page.getByLabel(fr['planning.plan.to'], { exact: true }).fill(TUESDAY)
    await page.getByRole('button', { name: fr['planning.plan.propose'] }).click()
    await expect.poll(() => proposedHolders(page), POLL).toEqual([CHLOE, SOPHIE])
    // Covered walks offer nobody to add; nor does Tuesday, when nobody can walk: it only says why.
    const monday = page.getByRole('group', { name: WALK, exact: true })
    const tuesday = page.getByRole('group', { name: TUESDAY_WALK, exact: true })
    expect(await page.getByRole('button', { name: /^Ajouter quelqu’un/ }).count()).toBe(0)
    expect(await tuesday.getByTestId('plan-missing').textContent()).toContain('2 places manquantes : personne n’est disponible.')
    expect(await monday.getByTestId('plan-missing').count()).toBe(0)

    // "Changer" then a choice changes nothing by itself; Escape closes it, focus back on "Changer".
    const change = monday.getByTestId('plan-place').filter({ hasText: SOPHIE }).getByRole('button', { name: /^Changer/ })
    const changeId = (await change.getAttribute('id')) ?? 'missing'
    await change.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => activeId(page), POLL).toMatch(/^plan-place-/)
    await monday.getByRole('combobox').selectOption({ label: fr['planning.plan.nobody'] })
    // Choosing alone changes nothing: no place is missing yet.
    expect(await monday.getByTestId('plan-missing').count()).toBe(0)
    await page.keyboard.press('Escape')
    await expect.poll(() => activeId(page), POLL).toBe(changeId)
    expect(await monday.getByRole('combobox').count()).toBe(0)
    expect(await proposedHolders(page)).toEqual([CHLOE, SOPHIE])

    // Sophie's place goes to nobody, confirmed with the keyboard: the walk says someone available could still take it.
    await page.keyboard.press('Enter')
    await expect.poll(() => activeId(page), POLL).toMatch(/^plan-place-/)
    await monday.getByRole('combobox').selectOption({ label: fr['planning.plan.nobody'] })
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Confirmer le changement : .*, lundi 8 mars$/)
    const confirm = await monday.getByRole('button', { name: /^Confirmer le changement/ }).boundingBox()
    expect(confirm?.height ?? 0).toBeGreaterThanOrEqual(48)
    await page.keyboard.press('Enter')
    await expect.poll(() => monday.getByTestId('plan-missing').textContent(), POLL).toContain('1 place manquante : une personne disponible peut encore être ajoutée.')
    expect(await proposedHolders(page)).toEqual([CHLOE])
    // The edit keeps keyboard users on the walk (the next frame): wait for it before moving on.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), POLL).toBe(WALK)
    // Tuesday still offers nobody to add.
    expect(await tuesday.getByRole('button', { name: /^Ajouter quelqu’un/ }).count()).toBe(0)

    const add = page.getByRole('button', { name: `Ajouter quelqu’un : ${WALK}` })
    const addId = (await add.getAttribute('id')) ?? 'missing'
    const whoId = `${addId}-who`
    await add.focus()
    await expect.poll(() => activeId(page), POLL).toBe(addId)
    await page.keyboard.press('Enter')
    const who = page.getByLabel(`Qui ajouter ? ${WALK}`)
    await expect.poll(() => activeId(page), POLL).toBe(whoId)
    // Family display order: Bernard, Durand, Martin; Chloé already walks that Monday.
    expect(await who.locator('option').allTextContents()).toEqual([MARC, SOPHIE])
    const box = await page.getByRole('button', { name: `Confirmer l’ajout : ${WALK}` }).boundingBox()
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48)

    // Escape closes it, focus back on "Ajouter quelqu’un"; reopen, choose Marc, Tab to confirm, Enter.
    await page.keyboard.press('Escape')
    await expect.poll(() => activeId(page), POLL).toBe(addId)
    await page.keyboard.press('Enter')
    await expect.poll(() => activeId(page), POLL).toBe(whoId)
    await who.selectOption({ label: MARC })
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL).toBe(fr['planning.plan.added'])
    expect(await proposedHolders(page)).toEqual([CHLOE, MARC])
    // Only Tuesday, which nobody can walk, stays uncovered.
    expect(await page.getByTestId('plan-uncovered').textContent()).toBe('1 trajet reste sans assez d’adultes : le détail est donné jour par jour.')
    expect(await monday.getByTestId('plan-missing').count()).toBe(0)
    // The walk is covered: focus lands on its last place's "Changer".
    await expect.poll(() => activeId(page), POLL).toMatch(/^plan-change-/)
    expect(a.errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

// A corrected or emptied support note leaves the phone's storage: every IndexedDB database of the phone is read after
// the edit and holds the note's previous sealed value nowhere (the key that opens it is in the same storage).
import { describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { storedSealedValues } from '../helpers/stored-values.ts'
import { addFamilyWithAdult, createCollective } from '../helpers/collective-steps.ts'

const POLL = { timeout: 30_000, interval: 250 }

describe('a corrected personal field leaves the phone', () => {
  let phone: Phone
  usePhones(1, ([only]) => {
    phone = only
  })

  it('correcting, then emptying a child’s support note leaves no trace of the previous ones in IndexedDB', async () => {
    const { page } = phone
    const base = await createCollective(page)
    await addFamilyWithAdult(page, base, 'Famille Zorglub', 'Zéphyrin', '06 12 34 56 78')
    // The family's own phone writes the note, with its agreement (issue 16).
    await page.getByRole('button', { name: fr['manage.family.setMine'] }).click()
    await expect.poll(() => page.getByTestId('family-mine').textContent(), POLL).toBe(fr['manage.family.isMine'])
    await page.getByLabel(fr['manage.child.firstName']).fill('Léa')
    await page.getByLabel(fr['manage.child.initial']).fill('z')
    await page.getByLabel(fr['manage.child.support']).fill('fauteuil roulant, rampe côté parc')
    await page.getByLabel(fr['manage.consent.agree']).check()
    await page.getByRole('button', { name: fr['manage.child.add'] }).click()
    await expect.poll(() => page.getByTestId('child-name').allTextContents(), POLL).toEqual(['Léa Z.'])
    await expect.poll(async () => (await storedSealedValues(phone)).length, POLL).toBeGreaterThan(0)
    const first = await storedSealedValues(phone)

    const edit = async (support: string): Promise<void> => {
      await page.getByRole('button', { name: `${fr['manage.edit']} : Léa Z.` }).click()
      const form = page.getByTestId('children')
      await form.getByLabel(fr['manage.child.support']).fill(support)
      await form.getByRole('button', { name: fr['form.save'] }).click()
      await expect.poll(() => page.getByTestId('children').textContent(), POLL).not.toContain(fr['form.save'])
    }
    /** Waits until exactly one of `before` has left the phone's storage (the previous note); returns what is stored. */
    const oneValueLeaves = async (before: readonly string[]): Promise<string[]> => {
      await expect.poll(async () => {
        const now = await storedSealedValues(phone)
        return before.filter((value) => !now.includes(value)).length
      }, POLL).toBe(1)
      return storedSealedValues(phone)
    }
    await edit('fauteuil roulant, rampe côté école')
    // Exactly one sealed value leaves: the first note's. Before, every earlier value stayed in the log.
    const second = await oneValueLeaves(first)
    const firstNote = first.filter((value) => !second.includes(value))

    await edit('')
    const after = await oneValueLeaves(second)
    expect(after.filter((value) => firstNote.includes(value))).toEqual([])
    expect(await page.getByTestId('children').textContent()).not.toContain('fauteuil')
    expect(phone.errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

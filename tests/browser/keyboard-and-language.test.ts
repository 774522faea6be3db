// The create form with the keyboard only, its French errors (linked and focused), and the language switch.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { usePhones, type Phone } from '../helpers/browser.ts'

const POLL = { timeout: 10_000, interval: 100 }

/** What has the keyboard focus: tag, id and text, enough to tell where Tab went. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    return { tag: element?.tagName.toLowerCase() ?? '', id: element?.id ?? '', text: element?.textContent?.trim() ?? '' }
  })

/** Presses Tab until `matches` holds; bounded, so a keyboard trap fails the test instead of hanging. */
const tabTo = async (page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, maxTabs = 15) => {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab')
    if (matches(await focused(page))) return
  }
  throw new Error(`not reached with ${maxTabs} Tab presses`)
}

describe('create form, keyboard and language', () => {
  let phone: Phone
  /** Set by the keyboard test: the collective it created. */
  let collectivePath = ''

  usePhones(1, ([only]) => { phone = only })

  it('shows French errors under each field, linked to it, and focuses the first one', async () => {
    const { page } = phone
    await page.goto('/creer')
    await page.getByLabel('École').fill('École Jules Ferry')
    await page.getByLabel('Commune').fill('x'.repeat(81))
    await page.getByRole('button', { name: 'Créer le collectif' }).click()

    await expect.poll(() => page.locator('#create-name-error').textContent(), POLL).toContain('Ce champ est obligatoire.')
    expect(await page.locator('#create-town-error').textContent()).toContain('Ce texte est trop long : 80 caractères au plus.')
    expect(await page.locator('#create-place-error').textContent()).toContain('Ce champ est obligatoire.')
    expect(await page.locator('#create-school-error').count()).toBe(0)
    expect(await page.getByLabel('Nom du collectif').getAttribute('aria-describedby')).toContain('create-name-error')
    expect(await page.getByLabel('Nom du collectif').getAttribute('aria-invalid')).toBe('true')
    await expect.poll(async () => (await focused(page)).id, POLL).toBe('create-name')
    expect(new URL(page.url()).pathname).toBe('/creer')
  })

  it('creates a collective with the keyboard only, starting at the skip link', async () => {
    const { page } = phone
    await page.goto('/creer')
    await page.getByRole('heading', { level: 1, name: 'Créer un collectif' }).waitFor()
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Aller au contenu' })
    await tabTo(page, (f) => f.id === 'create-name')
    await page.keyboard.type('Pédibus du Clavier')
    await page.keyboard.press('Tab')
    expect((await focused(page)).id).toBe('create-school')
    await page.keyboard.type('École du Port')
    await page.keyboard.press('Tab')
    expect((await focused(page)).id).toBe('create-town')
    await page.keyboard.type('Pauillac')
    await page.keyboard.press('Tab')
    expect((await focused(page)).id).toBe('create-place')
    await page.keyboard.type('33250')
    // The zone follows the postcode, shown and changeable: the radio group takes one Tab stop, its checked zone.
    await expect.poll(() => page.getByTestId('create-place-found').textContent(), POLL).toBe('Académie de Bordeaux : zone A.')
    await page.keyboard.press('Tab')
    expect((await focused(page)).id).toBe('create-zone-A')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Créer le collectif' })
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/demarrage\/ligne$/)
    collectivePath = new URL(page.url()).pathname.replace(/\/demarrage\/ligne$/, '')
    // After navigation the new screen's heading has the focus, so a screen reader announces it.
    await expect.poll(async () => (await focused(page)).tag, POLL).toBe('h1')
  })

  it('explains a broken invite link and removes it from the address bar', async () => {
    const { page } = phone
    await page.goto('/rejoindre#r=tronque&s=abc')
    await expect.poll(() => page.locator('#join-link-error').textContent().catch(() => null), POLL).toContain('Ce lien d’invitation n’est pas valable')
    expect(new URL(page.url()).hash).toBe('')
    expect((await focused(page)).id).toBe('join-link')
  })

  it('every control on each screen is at least 48 px tall and nothing overflows a 360 px screen', async () => {
    const { page } = phone
    expect(collectivePath).toMatch(/^\/c\//)
    await page.goto(`${collectivePath}/plus`)
    await page.getByLabel('Nom de la famille').fill('Famille Martin')
    await page.keyboard.press('Enter')
    await page.getByTestId('family-name').waitFor()
    for (const path of [`${collectivePath}/plus`, `${collectivePath}/inviter`, '/collectifs', '/reglages', '/creer', '/rejoindre']) {
      await page.goto(path)
      await page.locator('h1').waitFor()
      const { problems, checked } = await page.evaluate(() => {
        const found: string[] = []
        const controls = document.querySelectorAll<HTMLElement>('main a, main button, main input:not([type=radio]), header a, label.choice')
        for (const control of controls) {
          const box = control.getBoundingClientRect()
          if (box.height < 48 || box.width < 44) found.push(`${control.tagName} "${control.textContent?.trim() ?? ''}" ${Math.round(box.width)}x${Math.round(box.height)}`)
        }
        if (document.documentElement.scrollWidth > window.innerWidth) found.push(`page is ${document.documentElement.scrollWidth}px wide`)
        return { problems: found, checked: controls.length }
      })
      expect(problems, path).toEqual([])
      expect(checked, path).toBeGreaterThan(3)
    }
  })

  it('switches to English: text and the lang attribute follow, and the choice survives a reload', async () => {
    const { page } = phone
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr')
    // A French phone never loads the English texts: they come with the choice, from their own chunk.
    const englishChunk = () => page.evaluate(() =>
      performance.getEntriesByType('resource').some((entry) => /\/assets\/en-[\w-]+\.js$/.test(new URL(entry.name).pathname)))
    expect(await englishChunk()).toBe(false)
    await page.getByRole('link', { name: 'Réglages' }).click()
    await page.getByLabel('English').check()
    await expect.poll(englishChunk, POLL).toBe(true)
    await expect.poll(() => page.locator('h1').textContent(), POLL).toBe('Settings')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('en')
    await page.reload()
    await expect.poll(() => page.locator('h1').textContent(), POLL).toBe('Settings')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('en')
  })
})

// Arabic in Chromium: the choice in the settings loads its own chunk and lays every screen out right to left (week,
// my walks, walk mode, "Plus", a line, the settings, printed sheets on one A4 page) with no message key and no French
// text left, nothing wider than a 390 px phone, the bottom navigation mirrored, arrows flipped, phone numbers in their
// order, axe at 0 on two screens; a reload (offline too) keeps it; French is left to right again.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { ar } from '../../src/ui/i18n/ar.ts'
import { fr, type MessageKey } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, waitForServiceWorkerControl, type Phone } from '../helpers/browser.ts'
import {
  addChild, addFamilyWithAdult, addLineWithStops, createCollective, sayWhoIAm,
} from '../helpers/collective-steps.ts'

const POLL = { timeout: 15_000, interval: 100 }
// Tuesday 2 March 2027, a school day: set up before the aller starts, the walk mode opened during it.
const TODAY = '2027-03-02'
const MONDAY = '2027-03-01'
const SET_UP = new Date('2027-03-02T07:30:00+01:00')
const ON_THE_WALK = new Date('2027-03-02T08:27:00+01:00')
const PHONE_SIZE = { width: 390, height: 844 }
const STOPS = [
  { name: 'Place du Marché', aller: '08:05', retour: '16:45' },
  { name: 'Mairie', aller: '08:15', retour: '16:35' },
] as const

const FRENCH_KEYS = new Set<string>(Object.keys(fr))
/**
 * French interface texts that must not show in Arabic: each message's fixed parts (between its {slots}) over 12
 * characters, unless the Arabic text is the same (a name like the app's). Collective data is not in the catalogues.
 */
const FRENCH_FRAGMENTS: readonly string[] = (Object.keys(fr) as MessageKey[])
  .filter((key) => ar[key] !== fr[key])
  .flatMap((key) => fr[key].split(/\{\w+\}/).map((part) => part.trim()))
  .filter((part) => part.length > 12)

/** What the screen shows or says (text nodes, labels, placeholders), outside elements marked in another language. */
const shownTexts = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const inArabic = (element: Element): boolean => (element.closest('[lang]')?.getAttribute('lang') ?? 'ar') === 'ar'
    const texts: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement
      const text = node.textContent?.trim() ?? ''
      if (parent === null || text === '' || parent.closest('script, style, noscript') !== null) continue
      if (parent.checkVisibility() && inArabic(parent)) texts.push(text)
    }
    for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      if (!inArabic(element)) continue
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(name)?.trim()
        if (value) texts.push(value)
      }
    }
    return texts
  })

interface Layout {
  readonly dir: string
  readonly lang: string
  readonly pageWidth: number
  readonly viewWidth: number
  readonly mainOverflow: number
  /** The bottom navigation's first and last items' left edges, or null on a screen without it. */
  readonly nav: { readonly first: number; readonly last: number } | null
  /** Arrows beside a word ("← Retour"): drawn flipped, and on the right of their link, where Arabic starts. */
  readonly arrows: ReadonlyArray<{ readonly flipped: boolean; readonly onTheRight: boolean }>
}

const layoutOf = (page: Page): Promise<Layout> =>
  page.evaluate(() => {
    const root = document.documentElement
    const main = document.querySelector('main')
    const items = [...document.querySelectorAll('nav.bottom-nav li')].map((item) => item.getBoundingClientRect().left)
    const centre = (box: DOMRect): number => box.left + box.width / 2
    const arrows = [...document.querySelectorAll('.flip-rtl')]
      .filter((arrow) => arrow.parentElement !== null && arrow.parentElement.textContent !== arrow.textContent)
      .map((arrow) => ({
        flipped: getComputedStyle(arrow).transform.startsWith('matrix(-1'),
        onTheRight: centre(arrow.getBoundingClientRect()) > centre(arrow.parentElement!.getBoundingClientRect()),
      }))
    return {
      dir: root.dir,
      lang: root.lang,
      pageWidth: root.scrollWidth,
      viewWidth: root.clientWidth,
      mainOverflow: main === null ? 0 : main.scrollWidth - main.clientWidth,
      nav: items.length < 2 ? null : { first: items[0]!, last: items[items.length - 1]! },
      arrows,
    }
  })

/** Message keys and French interface texts the screen shows (none once its Arabic texts are loaded). */
const untranslatedOf = async (page: Page): Promise<string[]> => {
  const texts = await shownTexts(page)
  const keys = texts.flatMap((text) => [...text.matchAll(/\b[a-z]+(?:\.[a-zA-Z0-9]+)+\b/g)].map((match) => match[0]))
  const joined = texts.join('\n')
  return [
    ...keys.filter((key) => FRENCH_KEYS.has(key)).map((key) => `key ${key}`),
    ...FRENCH_FRAGMENTS.filter((fragment) => joined.includes(fragment)).map((fragment) => `French "${fragment}"`),
  ]
}

/**
 * Opens `path`, waits for `ready` (a selector of its content, so never a loading frame is checked), and checks
 * direction, keys, French texts, width and navigation.
 */
const checkArabicScreen = async (page: Page, path: string, ready: string, withNav: boolean): Promise<Layout> => {
  await page.goto(path)
  await page.locator(ready).first().waitFor()
  await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('ar')
  // The lazy screens wait for their texts, and data arrives after the first frame: polled until nothing is left.
  await expect.poll(() => untranslatedOf(page), { ...POLL, message: path }).toEqual([])
  const layout = await layoutOf(page)
  expect({ dir: layout.dir, lang: layout.lang }, path).toEqual({ dir: 'rtl', lang: 'ar' })
  expect(layout.pageWidth, `${path}: page width`).toBeLessThanOrEqual(layout.viewWidth)
  expect(layout.mainOverflow, `${path}: main overflows by`).toBeLessThanOrEqual(0)
  expect(layout.arrows.filter((arrow) => !arrow.flipped || !arrow.onTheRight), `${path}: arrows`).toEqual([])
  if (withNav) {
    expect(layout.nav, `${path}: bottom navigation`).not.toBeNull()
    // Mirrored: the first item ("the week") on the right, "Plus" on the left.
    expect(layout.nav!.first, `${path}: first nav item`).toBeGreaterThan(layout.nav!.last)
  }
  return layout
}

const langAndDir = (): string[] => [document.documentElement.lang, document.documentElement.dir]

/** The Arabic texts' chunk among the files the page asked for (the fixed clock empties the Performance API). */
const ARABIC_CHUNK = /\/assets\/ar-[\w-]+\.js$/

describe('the interface in Arabic', () => {
  let phone: Phone
  let base = ''
  let lineId = ''

  const requested: string[] = []
  const arabicChunkLoaded = (): boolean => requested.some((path) => ARABIC_CHUNK.test(path))

  usePhones(1, ([only]) => {
    phone = only
    phone.page.on('request', (request) => requested.push(new URL(request.url()).pathname))
  }, SET_UP)

  it('sets up a line, a family with a child and my place on today’s aller (in French)', async () => {
    const { page } = phone
    await page.setViewportSize(PHONE_SIZE)
    base = await createCollective(page)
    lineId = await addLineWithStops(page, base, 'Ligne Verte', STOPS)
    await addFamilyWithAdult(page, base, 'Famille Martin', 'Léa', '06 11 22 33 44')
    const tom = { firstName: 'Tom', initial: 'M', stopAller: 'Place du Marché (08:05)', stopRetour: 'Mairie (16:35)' }
    await addChild(page, tom, ['Tom M.'])
    await sayWhoIAm(page, base, 'Famille Martin', 'Léa', `/semaine/${MONDAY}`)
    const card = page.locator(`[data-testid="walk"][data-walk$="|${TODAY}|aller"]`)
    await card.getByRole('button', { name: /^Conducteur .*S’inscrire/ }).click()
    const holder = card.getByTestId('slot-lead').getByTestId('holder')
    await expect.poll(() => holder.textContent(), POLL).toBe('Léa (vous)')
  })

  it('offers Arabic in the settings, named in Arabic, and loads its texts only once chosen', async () => {
    const { page } = phone
    await page.goto('/reglages')
    expect(requested.length).toBeGreaterThan(0)
    expect(arabicChunkLoaded()).toBe(false)
    const choice = page.getByLabel('العربية')
    expect(await page.locator('label.choice[lang="ar"]').textContent()).toBe('العربية')
    await choice.check()
    await expect.poll(arabicChunkLoaded, POLL).toBe(true)
    await expect.poll(() => page.locator('h1').textContent(), POLL).toBe(ar['settings.title'])
    expect(await page.evaluate(langAndDir)).toEqual(['ar', 'rtl'])
  })

  it('lays out the week, my walks, "Plus", a line, the settings, a print view right to left, in Arabic', async () => {
    const { page } = phone
    const layouts = [
      await checkArabicScreen(page, `${base}/semaine/${MONDAY}`, '[data-testid="walk"]', true),
      await checkArabicScreen(page, `${base}/mes-trajets`, '[data-testid="my-place"]', true),
      await checkArabicScreen(page, `${base}/plus`, '[data-testid="walk-mode-link"]', true),
      await checkArabicScreen(page, `${base}/lignes/${lineId}`, '[data-testid="stop-name"]', true),
      await checkArabicScreen(page, '/reglages', 'label.choice[lang="ar"]', false),
      await checkArabicScreen(page, `${base}/imprimer/feuille/${lineId}/${TODAY}/aller`, '.print-name', false),
    ]
    // "Mode trajet", "Retour aux lignes", the print view's "Retour": the arrows were there to check.
    expect(layouts.flatMap((layout) => layout.arrows).length).toBeGreaterThanOrEqual(3)
  })

  it('keeps a phone number in its own order inside Arabic text', async () => {
    const { page } = phone
    await page.goto(`${base}/familles`)
    await page.getByRole('link', { name: 'Famille Martin' }).click()
    const number = page.locator('a[href^="tel:"] [dir="ltr"]').first()
    await expect.poll(() => number.textContent(), POLL).toBe('06 11 22 33 44')
    // Isolated left to right: its first group is drawn left of its last one, in a right-to-left page.
    const [first, last] = await number.evaluate((element) => {
      const range = document.createRange()
      const text = element.firstChild!
      range.setStart(text, 0)
      range.setEnd(text, 2)
      const start = range.getBoundingClientRect().left
      range.setStart(text, 12)
      range.setEnd(text, 14)
      return [start, range.getBoundingClientRect().left]
    })
    expect(first).toBeLessThan(last)
  })

  it('prints the check-in sheet and emergency card in Arabic, one A4 page each, the band on the right', async () => {
    const { page } = phone
    for (const view of ['feuille', 'urgence']) {
      await page.goto(`${base}/imprimer/${view}/${lineId}/${TODAY}/aller`)
      await page.locator('.print-sheet .print-name').first().waitFor()
      await expect.poll(() => untranslatedOf(page), { ...POLL, message: view }).toEqual([])
      await page.emulateMedia({ media: 'print' })
      const band = await page.locator('.print-head')
        .evaluate((head) => [getComputedStyle(head).borderLeftWidth, getComputedStyle(head).borderRightWidth])
      expect(band[0], view).toBe('0px')
      expect(Number.parseFloat(band[1] ?? ''), view).toBeGreaterThan(10)
      const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true })
      await page.emulateMedia({ media: 'screen' })
      const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise
      const pages = doc.numPages
      await doc.destroy()
      expect(pages, view).toBe(1)
    }
  })

  it('runs the walk mode in Arabic, with axe at 0 there and on the week', async () => {
    const { page } = phone
    await phone.context.clock.setFixedTime(ON_THE_WALK)
    await checkArabicScreen(page, `${base}/trajet/${lineId}/${TODAY}/aller`, '[data-testid="walk-child"]', true)
    expect(await axeViolations(page)).toEqual([])
    await checkArabicScreen(page, `${base}/semaine/${MONDAY}`, '[data-testid="walk"]', true)
    expect(await axeViolations(page)).toEqual([])
  })

  it('keeps Arabic after a reload, offline too (its chunk is precached); French is left to right again', async () => {
    const { page } = phone
    await page.goto('/reglages')
    await waitForServiceWorkerControl(page)
    await phone.context.setOffline(true)
    await page.reload()
    await expect.poll(() => page.locator('h1').textContent(), POLL).toBe(ar['settings.title'])
    expect(await page.evaluate(langAndDir)).toEqual(['ar', 'rtl'])
    await phone.context.setOffline(false)
    await page.getByLabel('Français').check()
    await expect.poll(() => page.locator('h1').textContent(), POLL).toBe(fr['settings.title'])
    expect(await page.evaluate(langAndDir)).toEqual(['fr', 'ltr'])
    expect(phone.errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

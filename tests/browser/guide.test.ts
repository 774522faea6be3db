// The printable guide "Monter un pédibus" (issue 18): reached from "Plus", printed by Chromium to an A4 PDF of a few
// pages in French then English, with each section, the collective's line poster (stops, times), and no person's name.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { ar } from '../../src/ui/i18n/ar.ts'
import { en } from '../../src/ui/i18n/en.ts'
import { fr } from '../../src/ui/i18n/fr.ts'
import { axeViolations } from '../helpers/axe.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { addChild, addFamilyWithAdult, addLineWithStops, createCollective } from '../helpers/collective-steps.ts'

const POLL = { timeout: 15_000, interval: 100 }
const NOW = new Date('2027-03-02T09:00:00+01:00')

const STOPS = [
  { name: 'Place des Tilleuls', aller: '08:04', retour: '16:52' },
  { name: 'Rue du Moulin', aller: '08:11', retour: '16:44', access: 'crossing' as const },
  { name: 'École Jules Ferry', aller: '08:23', retour: '16:31' },
]
/** Everything personal the test types in: none of it may reach the guide. */
const PERSONAL = ['Famille Quenouille', 'Quenouille', 'Bérénice', 'Anatole', '06 12 34 56 78', '0612345678']

const SECTIONS = {
  fr: [
    'Monter un pédibus', 'De la première réunion au premier trajet', 'Une charte à adapter', 'Les assurances à vérifier',
    'L’ordre du jour de la première réunion', 'Les affiches des lignes',
  ],
  en: [
    'Starting a walking bus', 'From a first meeting to the first walk', 'A charter to adapt', 'Insurance to check',
    'The first meeting’s agenda', 'The line posters',
  ],
} as const

/** A4 in PDF points (1/72 in): 210 x 297 mm. */
const A4 = { width: 595, height: 842 }

/** What the raw bytes say: the header, the page objects (`/Type /Page`, not `/Pages`) and each page's MediaBox. */
const pdfFacts = (pdf: Buffer) => {
  const raw = pdf.toString('latin1')
  const pages = raw.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
  const boxes = [...raw.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)]
    .map((box) => ({ width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) }))
  return { header: raw.slice(0, 5), pages, boxes }
}

/** The text of every page, read back with pdf.js. */
const pdfText = async (pdf: Buffer): Promise<{ pages: number; text: string }> => {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise
  try {
    const texts: string[] = []
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent()
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''))
    }
    return { pages: doc.numPages, text: texts.join('\n') }
  } finally {
    await doc.destroy()
  }
}

const squash = (text: string): string => text.replace(/\s+/g, '')

describe('the printable guide "Monter un pédibus"', () => {
  let phone: Phone
  let page: Page
  let base = ''
  usePhones(1, ([only]) => { phone = only; page = only.page }, NOW)

  const charterText = async (): Promise<string> => (await page.getByTestId('guide-charter').textContent()) ?? ''
  const sheetText = async (): Promise<string> => (await page.getByTestId('print-sheet').textContent().catch(() => '')) ?? ''

  /** Prints the guide shown to an A4 PDF as the browser's print does and checks it is one, of a few A4 pages. */
  const printGuide = async (language: string): Promise<string> => {
    await page.emulateMedia({ media: 'print' })
    let pdf: Buffer
    try {
      pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false })
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
    // PRINT_PDF_DIR keeps the PDFs for a look by eye.
    if (process.env.PRINT_PDF_DIR) writeFileSync(join(process.env.PRINT_PDF_DIR, `guide-${language}.pdf`), pdf)
    const facts = pdfFacts(pdf)
    expect(facts.header).toBe('%PDF-')
    expect(facts.pages).toBeGreaterThanOrEqual(3)
    expect(facts.pages).toBeLessThanOrEqual(12)
    expect(facts.boxes.length).toBeGreaterThanOrEqual(facts.pages)
    for (const box of facts.boxes) {
      expect(Math.abs(box.width - A4.width), `MediaBox width ${box.width}`).toBeLessThan(1.5)
      expect(Math.abs(box.height - A4.height), `MediaBox height ${box.height}`).toBeLessThan(1.5)
    }
    const { pages, text } = await pdfText(pdf)
    expect(pages).toBe(facts.pages)
    return text
  }

  const expectGuide = (text: string, titles: readonly string[]) => {
    const squashed = squash(text)
    for (const part of [...titles, ...STOPS.flatMap((stop) => [stop.name, stop.aller, stop.retour]), 'Ligne des Tilleuls']) {
      expect(squashed, `"${part}" in the guide`).toContain(squash(part))
    }
    for (const personal of PERSONAL) expect(squashed, `"${personal}" must not be on the guide`).not.toContain(squash(personal))
  }

  it('in French: from "Plus", each section, the line poster, nothing personal; a PDF of a few A4 pages; axe clean', async () => {
    base = await createCollective(page)
    await addLineWithStops(page, base, 'Ligne des Tilleuls', STOPS)
    await addFamilyWithAdult(page, base, 'Famille Quenouille', 'Bérénice', '06 12 34 56 78')
    await addChild(page, {
      firstName: 'Anatole', initial: 'Q', stopAller: 'Place des Tilleuls (08:04)', stopRetour: 'Place des Tilleuls (16:52)',
    }, ['Anatole Q.'])

    await page.goto(`${base}/plus`)
    await page.getByRole('link', { name: 'Guide « Monter un pédibus »' }).click()
    await page.waitForURL((url) => url.pathname === `${base}/imprimer/guide`)
    await expect.poll(sheetText, POLL).toContain('Place des Tilleuls')
    expect(await page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }).count()).toBe(1)
    // The set-up's first-meeting agenda, as the meeting form offers it.
    expectGuide(await sheetText(), [...SECTIONS.fr, 'À vérifier auprès de l’assureur de chaque famille'])
    expect(squash(await sheetText())).toContain(squash('Les lignes et les arrêts : qui habite où, quels horaires'))
    // No charter written yet: the default one, to adapt.
    expect(squash(await charterText())).toBe(squash(fr['charter.default']))
    expect(await axeViolations(page)).toEqual([])

    expectGuide(await printGuide('fr'), SECTIONS.fr)
  })

  it('in English once the language is switched, the same collective', async () => {
    await page.goto('/reglages')
    await page.getByLabel('English').check()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('en')
    await page.goto(`${base}/imprimer/guide`)
    await expect.poll(sheetText, POLL).toContain(SECTIONS.en[1])
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).count()).toBe(1)
    expectGuide(await sheetText(), SECTIONS.en)
    expect(squash(await sheetText())).toContain(squash('Lines and stops: who lives where, what times'))
    expect(squash(await charterText())).toBe(squash(en['charter.default']))

    expectGuide(await printGuide('en'), SECTIONS.en)
  })

  it('in Arabic, right to left: its texts (no bare key), the stops and times, still a few A4 pages', async () => {
    await page.goto('/reglages')
    await page.getByLabel('العربية').check()
    await expect.poll(() => page.evaluate(() => document.documentElement.dir), POLL).toBe('rtl')
    await page.goto(`${base}/imprimer/guide`)
    const titles = (['guide.title', 'guide.steps.title', 'guide.charter.title', 'guide.insurance.title'] as const)
      .map((key) => ar[key] ?? key)
    await expect.poll(sheetText, POLL).toContain(titles[1])
    expect(await sheetText()).not.toMatch(/\b(guide|print|meetings|charter)\.[a-z]/)
    expectGuide(await sheetText(), titles)
    expectGuide(await printGuide('ar'), [])
    expect(phone.errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

// The four print views rendered to PDF by Chromium (print media, A4) and read back with pdf.js: one page each, the
// expected names, stops and phones, none of the app's header or toolbar; a big line (8 stops, 15 children) still fits.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { fr } from '../../src/ui/i18n/fr.ts'
import { usePhones, type Phone } from '../helpers/browser.ts'
import { chooseWhoIAm } from '../helpers/collective-steps.ts'
import { seedCollective, seedFamily, type SeedChild } from '../helpers/seed-collective.ts'

const POLL = { timeout: 15_000, interval: 100 }
// Tuesday 2 March 2027, 09:00 in Paris (zone A: spring holidays from Saturday 10 April).
const NOW = new Date('2027-03-02T09:00:00+01:00')
const WEEK = '2027-03-08'
const THURSDAY = '2027-03-11'

interface StopRow { readonly name: string; readonly aller: string; readonly retour: string; readonly access?: 'crossing' | 'stepFree' }
const SMALL_STOPS: readonly StopRow[] = [
  { name: 'Place du Marché', aller: '08:05', retour: '16:50' },
  { name: 'Rue des Lilas', aller: '08:10', retour: '16:45', access: 'crossing' },
  { name: 'Parc des Pins', aller: '08:15', retour: '16:40', access: 'stepFree' },
  { name: 'École Jules Ferry', aller: '08:25', retour: '16:30' },
]
const BIG_STOPS: readonly StopRow[] = [
  { name: 'Mairie', aller: '07:55', retour: '17:10' }, { name: 'Lavoir', aller: '07:58', retour: '17:07' },
  { name: 'Église', aller: '08:01', retour: '17:04', access: 'crossing' }, { name: 'Boulangerie', aller: '08:04', retour: '17:01' },
  { name: 'Stade', aller: '08:07', retour: '16:58' }, { name: 'Gymnase', aller: '08:10', retour: '16:55', access: 'stepFree' },
  { name: 'Poste', aller: '08:13', retour: '16:52' }, { name: 'Collège', aller: '08:16', retour: '16:49' },
]
const BIG_FAMILIES = [
  ['Famille Bernard', 'Claire', '06 10 10 10 10'], ['Famille Petit', 'Hugo', '06 20 20 20 20'], ['Famille Durand', 'Sarah', '06 30 30 30 30'],
  ['Famille Leroy', 'Karim', '06 40 40 40 40'], ['Famille Moreau', 'Julie', '06 50 50 50 50'],
] as const
const BIG_CHILDREN = [
  'Adam', 'Alice', 'Arthur', 'Chloé', 'Emma', 'Gabriel', 'Inès', 'Jade', 'Jules', 'Léon', 'Louise', 'Lucas', 'Manon', 'Noah', 'Zoé',
]
const SUPPORT = 'tenir la main aux traversées et attendre le feu vert'

/** The text of every page of a PDF, read with pdf.js (Mozilla), and the page count. */
const readPdf = async (pdf: Buffer): Promise<{ pages: number; text: string }> => {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise
  try {
    const texts: string[] = []
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent()
      texts.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''))
    }
    return { pages: doc.numPages, text: texts.join('\n') }
  } finally {
    await doc.destroy()
  }
}

/** Whitespace-free form: pdf.js may split or join runs differently from the DOM, never reorders characters in a run. */
const squash = (text: string): string => text.replace(/\s+/g, '')

const expectInPdf = (text: string, parts: readonly string[]) => {
  const squashed = squash(text)
  for (const part of parts) expect(squashed, `"${part}" in the PDF text:\n${text}`).toContain(squash(part))
}

/** The app around the sheet never prints: brand and nav, skip link, sync status, toolbar. */
const SHELL_TEXTS = [fr['app.name'], fr['nav.collectives'], fr['nav.settings'], fr['app.skipLink'], fr['print.toolbar.print'], fr['print.toolbar.hint'], 'Tout est sur le relais', 'Enregistré sur ce téléphone']

describe('print views as PDF in Chromium', () => {
  let phone: Phone
  let page: Page
  let base = ''
  const lineIds = new Map<string, string>()

  usePhones(1, ([only]) => { phone = only; page = only.page }, NOW)

  /** The big line's family `index`: three children, one note in two. */
  const bigChildren = (index: number): SeedChild[] => [0, 1, 2].map((k) => {
    const child = index * 3 + k
    const stop = BIG_STOPS[child % BIG_STOPS.length] as StopRow
    const family = BIG_FAMILIES[index]?.[0] ?? ''
    return childAt(BIG_CHILDREN[child] ?? '?', family.charAt(8), stop, child % 2 === 0 ? SUPPORT : '')
  })

  /** A child routed to `stop` both ways. */
  const childAt = (firstName: string, initial: string, stop: StopRow, support = ''): SeedChild =>
    ({ firstName, initial, stopAller: stop.name, stopRetour: stop.name, support })

  /** Opens a print view, waits for `ready` on the sheet, prints it to an A4 PDF the way the browser's print does. */
  const printToPdf = async (path: string, ready: string) => {
    await page.goto(path)
    await expect.poll(() => page.getByTestId('print-sheet').textContent().catch(() => ''), POLL).toContain(ready)
    await page.emulateMedia({ media: 'print' })
    try {
      const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true })
      // PRINT_PDF_DIR keeps the PDFs for a look by eye.
      if (process.env.PRINT_PDF_DIR) writeFileSync(join(process.env.PRINT_PDF_DIR, `${path.split('/imprimer/')[1]?.replace(/\//g, '_') ?? 'print'}.pdf`), pdf)
      return await readPdf(pdf)
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
  }

  const expectNoShell = (text: string) => {
    const squashed = squash(text)
    for (const shell of SHELL_TEXTS) expect(squashed, `"${shell}" must not print`).not.toContain(squash(shell))
  }

  it('sets up a collective: a line of 4 stops, two families, the big line, a coordinator and a lead', async () => {
    // The big line of the last test (8 stops, five families of three children) is in the collective from the start.
    const seeded = await seedCollective(page, {
      lines: [{ name: 'Ligne Verte', stops: SMALL_STOPS }, { name: 'Ligne Bleue', stops: BIG_STOPS }],
      families: [
        seedFamily('Famille Martin', 'Léa', '06 11 22 33 44', [
          childAt('Tom', 'M', SMALL_STOPS[0] as StopRow, SUPPORT),
        ]),
        seedFamily('Famille Nguyen', 'Paul', '06 55 66 77 88', [childAt('Nina', 'N', SMALL_STOPS[2] as StopRow)]),
        ...BIG_FAMILIES.map(([family, adult, phoneNumber], index) =>
          seedFamily(family, adult, phoneNumber, bigChildren(index))),
      ],
    })
    base = seeded.base
    for (const [name, id] of seeded.lineIds) lineIds.set(name, id)

    // Famille Martin coordinates from Monday 8 March (a roster change applies from the next period).
    await page.goto(`${base}/coordination`)
    await chooseWhoIAm(page, 'Famille Martin', 'Léa')
    await page.getByRole('button', { name: fr['coord.roster.join'] }).click()
    await expect.poll(() => page.getByTestId('announcer').textContent(), POLL).toContain('Famille Martin')

    // Léa leads Thursday's aller.
    await page.goto(`${base}/semaine/${WEEK}`)
    const thursday = page.locator(`[data-testid="walk"][data-walk$="|${THURSDAY}|aller"]`)
    await thursday.getByRole('button', { name: /^Conducteur .*S’inscrire/ }).click()
    await expect.poll(() => thursday.getByTestId('slot-lead').getByTestId('holder').textContent().catch(() => ''), POLL).toContain('Léa')
    // The week screen links to the printable week, the line page to the poster.
    await page.getByRole('link', { name: 'Imprimer la semaine de la ligne Ligne Verte' }).click()
    await page.waitForURL((url) => url.pathname === `${base}/imprimer/semaine/${lineIds.get('Ligne Verte')}/${WEEK}`)
    await page.goto(`${base}/lignes/${lineIds.get('Ligne Verte')}`)
    await page.getByRole('link', { name: fr['print.link.poster'] }).click()
    await page.waitForURL((url) => url.pathname === `${base}/imprimer/affiche/${lineIds.get('Ligne Verte')}`)
  })

  it('the week rota prints on one A4 page with the holders, "à pourvoir", the collective and its contact', async () => {
    const { pages, text } = await printToPdf(`${base}/imprimer/semaine/${lineIds.get('Ligne Verte')}/${WEEK}`, 'Ligne Verte')
    expect(pages).toBe(1)
    expectInPdf(text, [
      'Ligne Verte : semaine du lundi 8 mars 2027', 'Pédibus des Écureuils', 'Jeudi 11 mars', 'Conducteur : Léa (Famille Martin)',
      'Serre-file : à pourvoir', 'Départ 08:05', 'Départ 16:30', 'Contact : coordination Famille Martin, 06 11 22 33 44', 'Imprimé le mardi 2 mars 2027.',
    ])
    expectNoShell(text)
  })

  it('the stop poster prints on one page: stops with times and access, the rota until the holidays, the contact, never the invite link', async () => {
    const { pages, text } = await printToPdf(`${base}/imprimer/affiche/${lineIds.get('Ligne Verte')}`, 'Ligne Verte')
    expect(pages).toBe(1)
    expectInPdf(text, [
      'Ligne Verte', '1. Place du Marché', '08:05', '16:50', '2. Rue des Lilas', 'traversée dangereuse', '3. Parc des Pins', 'sans marche',
      'Qui accompagne, du lundi 1er mars au vendredi 9 avril', 'Léa / à pourvoir', 'Rejoindre : demandez le lien à une famille.',
      'Contact : coordination Famille Martin, 06 11 22 33 44',
    ])
    expect(text).not.toContain('rejoindre#')
    expectNoShell(text)
  })

  it('the check-in sheet prints on one page: stops in walking order, children with boxes and instructions, adults on duty', async () => {
    const aller = await printToPdf(`${base}/imprimer/feuille/${lineIds.get('Ligne Verte')}/${THURSDAY}/aller`, 'Tom M.')
    expect(aller.pages).toBe(1)
    expectInPdf(aller.text, [
      'Feuille de présence : Ligne Verte', 'jeudi 11 mars 2027, aller', 'Conducteur : Léa (Famille Martin)', 'Serre-file : à pourvoir',
      'Tom M.', 'Nina N.', SUPPORT, 'Présent', 'Absent', 'Excusé', 'Enfant ajouté', 'Nom et signature',
    ])
    const squashed = squash(aller.text)
    expect(squashed.indexOf(squash('1. Place du Marché'))).toBeLessThan(squashed.indexOf(squash('3. Parc des Pins')))
    expectNoShell(aller.text)

    // The retour walks the stops the other way round.
    const retour = await printToPdf(`${base}/imprimer/feuille/${lineIds.get('Ligne Verte')}/${THURSDAY}/retour`, 'Tom M.')
    expect(retour.pages).toBe(1)
    const back = squash(retour.text)
    expect(back.indexOf(squash('1. École Jules Ferry'))).toBeGreaterThan(-1)
    expect(back.indexOf(squash('2. Parc des Pins'))).toBeLessThan(back.indexOf(squash('4. Place du Marché')))
  })

  it('the emergency card prints on one page with every child, instructions, parents’ and adults’ phones and the emergency numbers', async () => {
    const { pages, text } = await printToPdf(`${base}/imprimer/urgence/${lineIds.get('Ligne Verte')}/${THURSDAY}/aller`, 'Tom M.')
    expect(pages).toBe(1)
    expectInPdf(text, [
      'Fiche d’urgence : Ligne Verte', 'Pédibus des Écureuils', '112 : urgences', '15 : SAMU', '17 : police', '18 : pompiers',
      'Conducteur : Léa (Famille Martin), 06 11 22 33 44', 'Tom M.', SUPPORT, 'Léa 06 11 22 33 44', 'Nina N.', 'Paul 06 55 66 77 88',
      'Contact : coordination Famille Martin, 06 11 22 33 44',
    ])
    expectNoShell(text)
  })

  it('a wrong address or a walk that does not run says so in French, with a way back', async () => {
    const green = lineIds.get('Ligne Verte') ?? ''
    const title = () => page.getByRole('heading', { level: 1 }).textContent()
    await page.goto(`${base}/imprimer/semaine/00000000-0000-4000-8000-000000000000/${WEEK}`)
    await expect.poll(title, POLL).toBe(fr['print.error.line'])
    expect(await page.getByTestId('print-back').getAttribute('href')).toBe(`${base}/semaine/${WEEK}`)
    await page.goto(`${base}/imprimer/feuille/${green}/2027-02-30/aller`)
    await expect.poll(title, POLL).toBe(fr['print.error.date'])
    await page.goto(`${base}/imprimer/urgence/${green}/${THURSDAY}/ailleurs`)
    await expect.poll(title, POLL).toBe(fr['print.error.direction'])
    // Wednesday: the line does not run; Monday 12 April: spring holidays.
    await page.goto(`${base}/imprimer/feuille/${green}/2027-03-10/aller`)
    await expect.poll(title, POLL).toBe('La ligne Ligne Verte ne circule pas le mercredi 10 mars (aller) : rien à imprimer pour ce trajet.')
    await page.goto(`${base}/imprimer/urgence/${green}/2027-04-12/aller`)
    await expect.poll(title, POLL).toContain('Le trajet du lundi 12 avril (aller) de la ligne Ligne Verte n’a pas lieu. Annulé : vacances')
    expect(await page.getByTestId('print-sheet').count()).toBe(0)
  })

  it('a big line (8 stops, 15 children) still prints each view on one page', async () => {
    const blue = lineIds.get('Ligne Bleue') ?? ''
    const allChildren = BIG_CHILDREN.map((name, child) => `${name} ${BIG_FAMILIES[Math.floor(child / 3)]?.[0].charAt(8)}.`)

    const week = await printToPdf(`${base}/imprimer/semaine/${blue}/${WEEK}`, 'Ligne Bleue')
    expect(week.pages).toBe(1)
    expectInPdf(week.text, ['Ligne Bleue', '15 enfants', 'Vendredi 12 mars'])

    const sheet = await printToPdf(`${base}/imprimer/feuille/${blue}/${THURSDAY}/aller`, 'Zoé')
    expect(sheet.pages).toBe(1)
    expectInPdf(sheet.text, [...allChildren, ...BIG_STOPS.map(({ name }, index) => `${index + 1}. ${name}`), 'Nom et signature'])

    const card = await printToPdf(`${base}/imprimer/urgence/${blue}/${THURSDAY}/retour`, 'Zoé')
    expect(card.pages).toBe(1)
    expectInPdf(card.text, [...allChildren, ...BIG_FAMILIES.map(([, adult, phoneNumber]) => `${adult} ${phoneNumber}`), '18 : pompiers'])

    const poster = await printToPdf(`${base}/imprimer/affiche/${blue}`, 'Ligne Bleue')
    expect(poster.pages).toBe(1)
    expectInPdf(poster.text, [...BIG_STOPS.map(({ name }) => name), 'Rejoindre'])
    expect([...phone.errors].filter((line) => line.startsWith('pageerror'))).toEqual([])
  })
})

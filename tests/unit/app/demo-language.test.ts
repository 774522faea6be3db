// The demo collective reads in the interface's language: its free texts (line, stop notes, children's support, an
// absence note, a logbook entry) are written in French or English (French for Arabic); names stay as they are.
import { describe, expect, it } from 'vitest'
import type { CollectiveView } from '../../../src/app/api.ts'
import { openDemoSession } from '../../../src/app/demo.ts'
import type { Language } from '../../../src/domain/language.ts'

// Monday 30 November 2026, 09:00 Paris: a school week, last week's walks behind, next week's ahead.
const NOW = Date.UTC(2026, 10, 30, 8)

/** The texts a person wrote in the demo, as opposed to names. */
const freeTexts = (view: CollectiveView): string[] => [
  ...view.lines.map((line) => line.name),
  ...view.stops.map((stop) => stop.access.note),
  ...view.children.map((child) => child.support),
  ...view.walkLog.absences.map((absence) => absence.note),
  ...view.walkLog.notes.map((note) => note.text),
].filter((text) => text.trim() !== '')

const viewIn = async (language: Language): Promise<CollectiveView> => {
  const demo = await openDemoSession('https://pedibus.example', () => NOW, language)
  const view = demo.view.get()
  demo.destroy()
  return view
}

describe('the demo in the interface’s language', () => {
  it('an English demo holds none of the French demo’s texts, and as many texts of its own', async () => {
    const french = await viewIn('fr')
    const english = await viewIn('en')
    const frenchTexts = freeTexts(french)
    // The line, three stop notes, three support notes, one absence, one logbook entry.
    expect(frenchTexts).toHaveLength(9)
    expect(frenchTexts).toContain('Rendez-vous chez l’orthophoniste')
    const englishTexts = freeTexts(english)
    expect(englishTexts).toHaveLength(frenchTexts.length)
    const everything = JSON.stringify(english)
    for (const text of frenchTexts) expect(everything, text).not.toContain(text)
  })

  it('an Arabic interface opens the French demo: it is a French school, its notes written as its papers are', async () => {
    expect(freeTexts(await viewIn('ar'))).toEqual(freeTexts(await viewIn('fr')))
  })

  it('keeps people’s names and the same collective otherwise', async () => {
    const french = await viewIn('fr')
    const english = await viewIn('en')
    const names = (view: CollectiveView) => [
      ...view.adults.map((adult) => adult.firstName), ...view.children.map((child) => child.firstName),
      ...view.families.map((family) => family.displayName), ...view.stops.map((stop) => stop.name),
    ]
    expect(names(english)).toEqual(names(french))
    expect(english.signUps).toHaveLength(french.signUps.length)
    expect(english.walkLog.checkIns).toHaveLength(french.walkLog.checkIns.length)
  })
})

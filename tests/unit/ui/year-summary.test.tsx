// The new-year summary text: every kind the new year deletes is counted, ended reduced shares included (never "Rien à effacer" when something goes).
import { describe, expect, it } from 'vitest'
import type { NewYearSummary } from '../../../src/domain/year/summary.ts'
import { removedText } from '../../../src/ui/components/year/NewYearSection.tsx'
import { createTranslate } from '../../helpers/translate.ts'

const NONE: NewYearSummary['removed'] = { signUps: 0, swaps: 0, absences: 0, walkLog: 0, walkNotes: 0, exceptions: 0, exemptions: 0, coordination: 0, children: 0 }
const summary = (removed: Partial<NewYearSummary['removed']>): NewYearSummary => ({
  removed: { ...NONE, ...removed },
  kept: { lines: 1, stops: 1, families: 1, adults: 1, children: 1 },
})

describe('removedText', () => {
  it('counts ended reduced shares, in French and English, singular and plural', () => {
    expect(removedText(createTranslate('fr'), 'fr', summary({ exemptions: 1 }))).toBe('Resteront dans l’archive seulement : 1 part réduite terminée.')
    expect(removedText(createTranslate('fr'), 'fr', summary({ exemptions: 3 }))).toBe('Resteront dans l’archive seulement : 3 parts réduites terminées.')
    expect(removedText(createTranslate('en'), 'en', summary({ exemptions: 1 }))).toBe('Will stay in the archive only: 1 ended reduced share.')
    expect(removedText(createTranslate('en'), 'en', summary({ exemptions: 2 }))).toBe('Will stay in the archive only: 2 ended reduced shares.')
  })

  it('lists them after cancellations, and says nothing is erased only when every count is 0', () => {
    expect(removedText(createTranslate('fr'), 'fr', summary({ exceptions: 2, exemptions: 1 }))).toBe('Resteront dans l’archive seulement : 2 annulations, 1 part réduite terminée.')
    expect(removedText(createTranslate('fr'), 'fr', summary({}))).toBe('Tout passe dans la nouvelle année.')
  })
})

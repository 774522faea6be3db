// The line colour palette: every colour named in both languages, readable with white text and visible on the page.
import { describe, expect, it } from 'vitest'
import { LINE_PALETTE, colourNameOf, contrastRatio, nextFreeColour, relativeLuminance } from '../../../src/ui/components/manage/palette.ts'
import { createTranslate } from '../../helpers/translate.ts'

describe('line colour palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(relativeLuminance('#000000')).toBe(0)
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 6)
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6)
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6)
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5)
  })

  it('offers colours that carry white text (AA, 4.5:1) and stand out on the page background (3:1)', () => {
    for (const colour of LINE_PALETTE) {
      expect(contrastRatio(colour.hex, '#ffffff'), colour.hex).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(colour.hex, '#fffdf7'), colour.hex).toBeGreaterThanOrEqual(3)
    }
  })

  it('names every colour, differently, in French and English', () => {
    for (const language of ['fr', 'en'] as const) {
      const names = LINE_PALETTE.map((colour) => createTranslate(language)(colour.name))
      expect(new Set(names).size).toBe(LINE_PALETTE.length)
      for (const name of names) expect(name).not.toMatch(/^manage\./)
    }
    expect(new Set(LINE_PALETTE.map((c) => c.hex.toLowerCase())).size).toBe(LINE_PALETTE.length)
  })

  it('finds a colour name whatever the case, and none for a colour from elsewhere', () => {
    const first = LINE_PALETTE[0]
    expect(first && colourNameOf(first.hex.toUpperCase())).toBe(first?.name)
    expect(colourNameOf('#123456')).toBeNull()
  })

  it('proposes a colour no line uses yet, the first one when all are taken', () => {
    const [a, b] = LINE_PALETTE
    expect(nextFreeColour([])).toBe(a?.hex)
    expect(nextFreeColour([a?.hex ?? ''])).toBe(b?.hex)
    expect(nextFreeColour(LINE_PALETTE.map((c) => c.hex))).toBe(a?.hex)
  })
})

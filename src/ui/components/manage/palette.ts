// The line colours offered to collectives: named (never colour alone), each readable with white text and visible on the page background.
import type { MessageKey } from '../../i18n/fr.ts'

export interface LineColour {
  readonly hex: string
  /** The colour's name, shown next to its swatch and read by screen readers. */
  readonly name: MessageKey
}

export const LINE_PALETTE: readonly LineColour[] = [
  { hex: '#1f5f3f', name: 'manage.colour.green' },
  { hex: '#1f4e9c', name: 'manage.colour.blue' },
  { hex: '#a4262c', name: 'manage.colour.red' },
  { hex: '#6a3d9a', name: 'manage.colour.purple' },
  { hex: '#9a4a00', name: 'manage.colour.orange' },
  { hex: '#a3245e', name: 'manage.colour.pink' },
  { hex: '#006b75', name: 'manage.colour.teal' },
  { hex: '#4a5563', name: 'manage.colour.grey' },
]

export const DEFAULT_LINE_COLOUR = LINE_PALETTE[0]?.hex ?? '#1f5f3f'

/** The palette's name for a colour, or null for a colour written by another app version. */
export const colourNameOf = (hex: string): MessageKey | null =>
  LINE_PALETTE.find((colour) => colour.hex.toLowerCase() === hex.toLowerCase())?.name ?? null

/** A palette colour not used yet by another line, so two lines rarely share one. */
export const nextFreeColour = (used: readonly string[]): string => {
  const taken = new Set(used.map((hex) => hex.toLowerCase()))
  return LINE_PALETTE.find((colour) => !taken.has(colour.hex.toLowerCase()))?.hex ?? DEFAULT_LINE_COLOUR
}

const channel = (value: number): number => {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** WCAG relative luminance of a '#rrggbb' colour. */
export const relativeLuminance = (hex: string): number => {
  const n = Number.parseInt(hex.slice(1), 16)
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
}

/** WCAG contrast ratio between two '#rrggbb' colours (1 to 21). */
export const contrastRatio = (a: string, b: string): number => {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

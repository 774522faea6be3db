// RFC 5545 text rules for the .ics export: TEXT escaping, content lines folded at 75 octets, date and date-time values.
import type { LocalDate, TimeOfDay } from '../dates.ts'

/** RFC 5545 3.1: a content line is at most 75 octets (excluding CRLF); longer ones are folded. */
export const MAX_LINE_OCTETS = 75
export const CRLF = '\r\n'

// TEXT may not hold control characters other than HTAB (3.3.11); line breaks become the \n escape.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

/** A TEXT value: backslash, semicolon and comma escaped, any line break written as \n. */
export const escapeText = (text: string): string =>
  text
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')

/** UTF-8 length of one code point. */
const utf8Octets = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4)

/**
 * One logical line as physical lines of at most 75 octets, each continuation starting with a
 * space (which counts in its 75). Iterating by code point never cuts a multi-byte character
 * (nor a surrogate pair) in two, which some readers turn into replacement characters.
 */
export const foldLine = (line: string): string[] => {
  const lines: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0) ?? 0)
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current)
      current = ' '
      octets = 1
    }
    current += char
    octets += size
  }
  lines.push(current)
  return lines
}

/** The whole object: every logical line folded, every physical line ended by CRLF (the last one too). */
export const joinContentLines = (lines: readonly string[]): string => lines.flatMap(foldLine).map((line) => line + CRLF).join('')

/** '2027-03-02' -> '20270302' (a DATE value). */
export const icsDate = (date: LocalDate): string => date.replace(/-/g, '')

/** '2027-03-02', '08:10' -> '20270302T081000' (a local DATE-TIME, read in its TZID). */
export const icsLocalDateTime = (date: LocalDate, time: TimeOfDay): string => `${icsDate(date)}T${time.replace(':', '')}00`

/** An instant as a UTC DATE-TIME: '20270302T071000Z'. */
export const icsUtcDateTime = (instant: number): string => new Date(Math.floor(instant / 1000) * 1000).toISOString().replace(/[-:]/g, '').replace('.000', '')

// CSV cells and lines for spreadsheets: RFC 4180 quoting, and cells a spreadsheet could run as a formula neutralised.
//
// Separator: ',' (RFC 4180). A French Excel opens a ','-separated file through "Données > À partir
// d'un fichier texte" or reads it directly when the UTF-8 BOM is present; LibreOffice and Google
// Sheets ask. One separator everywhere keeps the file the same on every phone.

export const CSV_SEPARATOR = ','
/** Lines end with CRLF, as RFC 4180 says. */
export const CSV_LINE_END = '\r\n'
/** Makes Excel read the file as UTF-8 (accents in names and lines). */
export const UTF8_BOM = '\uFEFF'

/** OWASP "CSV injection": a cell starting with one of these may be run as a formula by a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A cell as text: a leading apostrophe when it could start a formula (a family named
 * "=HYPERLINK(...)", a phone "+33 6..."), then quoted when it holds the separator, a quote or a
 * line break, inner quotes doubled.
 */
export const csvCell = (value: string | number): string => {
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export const csvLine = (cells: readonly (string | number)[]): string => cells.map(csvCell).join(CSV_SEPARATOR)

/** The whole file: BOM, one line per row, CRLF after each. */
export const csvDocument = (rows: readonly (readonly (string | number)[])[]): string =>
  UTF8_BOM + rows.map((row) => csvLine(row) + CSV_LINE_END).join('')

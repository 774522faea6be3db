// CSV cells and lines for spreadsheets: RFC 4180 quoting, the separator and decimal mark of the reader's language, and
// cells a spreadsheet could run as a formula neutralised.
//
// French spreadsheet software (Excel and LibreOffice set to French) splits a double-clicked file on ';' and reads
// '3,5' as a number: a ','-separated file opened in one column. English ones split on ','. The language of the phone
// that builds the file picks the dialect; the UTF-8 BOM makes Excel read accents right in both.

/** How a spreadsheet of one language reads a file it opens. */
export interface CsvDialect {
  readonly separator: ';' | ','
  /** '3,5' rather than '3.5' for a decimal number. */
  readonly decimalComma: boolean
}

export const FRENCH_CSV: CsvDialect = { separator: ';', decimalComma: true }
export const ENGLISH_CSV: CsvDialect = { separator: ',', decimalComma: false }

/** Lines end with CRLF, as RFC 4180 says. */
export const CSV_LINE_END = '\r\n'
/** Makes Excel read the file as UTF-8 (accents in names and lines). */
export const UTF8_BOM = '\uFEFF'

/** OWASP "CSV injection": a cell starting with one of these may be run as a formula by a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/

const numberText = (value: number, dialect: CsvDialect): string =>
  dialect.decimalComma ? String(value).replace('.', ',') : String(value)

/**
 * A cell as text: a leading apostrophe when it could start a formula (a family named
 * "=HYPERLINK(...)", a phone "+33 6..."), then quoted when it holds the separator, a quote or a
 * line break, inner quotes doubled.
 */
export const csvCell = (value: string | number, dialect: CsvDialect = ENGLISH_CSV): string => {
  const text = typeof value === 'number' ? numberText(value, dialect) : FORMULA_START.test(value) ? `'${value}` : value
  const needsQuotes = text.includes(dialect.separator) || /["\r\n]/.test(text)
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text
}

export const csvLine = (cells: readonly (string | number)[], dialect: CsvDialect = ENGLISH_CSV): string =>
  cells.map((cell) => csvCell(cell, dialect)).join(dialect.separator)

/** The whole file: BOM, one line per row, CRLF after each. */
export const csvDocument = (rows: readonly (readonly (string | number)[])[], dialect: CsvDialect): string =>
  UTF8_BOM + rows.map((row) => csvLine(row, dialect) + CSV_LINE_END).join('')

// The effective rota of a date range as a CSV file (date, line, direction, time, lead, tail, extras, state, children).
//
// Column titles and values are in the phone's language (RotaCsvTexts, filled by the interface from its catalogues);
// holders are "Prénom (Famille)".
// Built on the phone from the same rules the rota screens use (sign-ups, then swaps).
import { addDays, compareDates, daysBetween, type LocalDate } from '../dates.ts'
import type { Direction } from '../line.ts'
import { deriveWalks } from '../rota/walks.ts'
import type { WalkCancellation, WalkState } from '../rota-types.ts'
import type { SignUp } from '../signup.ts'
import { effectiveWalks, resolveSwaps } from '../swaps/resolve.ts'
import type { ExportSource } from './collective-export.ts'
import { csvDocument, type CsvDialect } from './csv.ts'

/** The columns, in file order. */
export const ROTA_CSV_COLUMNS = ['date', 'line', 'direction', 'time', 'lead', 'tail', 'extras', 'state', 'children'] as const
export type RotaCsvColumn = (typeof ROTA_CSV_COLUMNS)[number]
/** Two school years and a bit: a longer range is a mistyped year, and would build a very large file. */
export const ROTA_CSV_MAX_DAYS = 800

/**
 * The words of the file, in the phone's language (filled by the interface from its translations): the domain never
 * picks a language. A started walk says what happened (its holders are in their columns), never "to fill".
 */
export interface RotaCsvTexts {
  /** The separator and decimal mark of the language's spreadsheets (';' and ',' in French). */
  readonly dialect: CsvDialect
  readonly columns: Readonly<Record<RotaCsvColumn, string>>
  readonly direction: (direction: Direction) => string
  readonly state: (state: WalkState) => string
  /** "annulé (grève)", "annulé (vacances : Vacances de Noël, dates à confirmer)". */
  readonly cancellation: (cancellation: WalkCancellation) => string
}

/** The rows under the header, in date, line name, direction order; an empty list when `to` is before `from`. */
export const rotaCsvRows = (
  source: ExportSource, from: LocalDate, to: LocalDate, now: number, texts: RotaCsvTexts,
): (string | number)[][] => {
  if (compareDates(to, from) < 0) return []
  const last = daysBetween(from, to) > ROTA_CSV_MAX_DAYS ? addDays(from, ROTA_CSV_MAX_DAYS) : to
  const adults = new Map(source.adults.map((adult) => [adult.id, adult]))
  const families = new Map(source.families.map((family) => [family.id, family.displayName]))
  const lines = new Map(source.lines.map((line) => [line.id, line.name]))
  const nameOf = (signUp: SignUp | null): string => {
    if (signUp === null) return ''
    const adult = adults.get(signUp.adultId)
    if (adult === undefined) return ''
    const family = families.get(adult.familyId)
    return family === undefined ? adult.firstName : `${adult.firstName} (${family})`
  }
  const walks = deriveWalks(source, from, last)
  const resolution = resolveSwaps(source, source.swaps, now)
  return effectiveWalks(source, resolution, walks, now)
    .map((walk) => ({ walk, line: lines.get(walk.lineId) ?? '' }))
    .sort((a, b) => compareDates(a.walk.date, b.walk.date) || a.line.localeCompare(b.line, 'fr') || (a.walk.direction < b.walk.direction ? -1 : a.walk.direction > b.walk.direction ? 1 : 0))
    .map(({ walk, line }) => [
      walk.date,
      line,
      texts.direction(walk.direction),
      walk.startTime ?? '',
      nameOf(walk.lead),
      nameOf(walk.tail),
      walk.extras.map(nameOf).filter((name) => name !== '').join(', '),
      walk.cancellation === null ? texts.state(walk.state) : texts.cancellation(walk.cancellation),
      walk.expectedChildIds.length,
    ])
}

export const rotaCsv = (source: ExportSource, from: LocalDate, to: LocalDate, now: number, texts: RotaCsvTexts): string =>
  csvDocument([ROTA_CSV_COLUMNS.map((column) => texts.columns[column]), ...rotaCsvRows(source, from, to, now, texts)], texts.dialect)

/** File names carry dates only: never a name (the collective's name may be personal enough). */
export const rotaCsvFileName = (from: LocalDate, to: LocalDate): string => `pedibus-planning-${from}-${to}.csv`

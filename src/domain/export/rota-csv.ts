// The effective rota of a date range as a CSV file (date, line, direction, time, lead, tail, extras, state, children).
//
// Column titles and values are French (the collective's language); holders are "Prénom (Famille)".
// Built on the phone from the same rules the rota screens use (sign-ups, then swaps).
import type { CancelReason } from '../calendar-records.ts'
import { addDays, compareDates, daysBetween, type LocalDate } from '../dates.ts'
import type { Direction } from '../line.ts'
import { deriveWalks } from '../rota/walks.ts'
import type { WalkCancellation, WalkState } from '../rota-types.ts'
import type { SignUp } from '../signup.ts'
import { effectiveWalks, resolveSwaps } from '../swaps/resolve.ts'
import type { ExportSource } from './collective-export.ts'
import { csvDocument } from './csv.ts'

export const ROTA_CSV_HEADER = ['Date', 'Ligne', 'Sens', 'Heure', 'Conducteur', 'Serre-file', 'Accompagnants', 'État', 'Enfants'] as const
/** Two school years and a bit: a longer range is a mistyped year, and would build a very large file. */
export const ROTA_CSV_MAX_DAYS = 800

const DIRECTION_FR: Readonly<Record<Direction, string>> = { aller: 'aller', retour: 'retour' }
/** A started walk says what happened (its holders are in their columns), never "à pourvoir" (walk-state.ts). */
const STATE_FR: Readonly<Record<WalkState, string>> = {
  covered: 'complet', toFill: 'à pourvoir', urgent: 'urgent', cancelled: 'annulé',
  understaffed: 'incomplet', beforeCollective: 'avant le collectif',
}
const REASON_FR: Readonly<Record<CancelReason, string>> = { strike: 'grève', weatherAlert: 'alerte météo', schoolTrip: 'sortie scolaire', other: 'autre raison' }

const cancellationText = (cancellation: WalkCancellation): string => {
  if (cancellation.kind === 'exception') return `annulé (${REASON_FR[cancellation.reason]})`
  if (cancellation.kind === 'publicHoliday') return `annulé (jour férié : ${cancellation.label})`
  return `annulé (vacances : ${cancellation.label}${cancellation.provisional ? ', dates à confirmer' : ''})`
}

/** The rows under the header, in date, line name, direction order; an empty list when `to` is before `from`. */
export const rotaCsvRows = (source: ExportSource, from: LocalDate, to: LocalDate, now: number): (string | number)[][] => {
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
      DIRECTION_FR[walk.direction],
      walk.startTime ?? '',
      nameOf(walk.lead),
      nameOf(walk.tail),
      walk.extras.map(nameOf).filter((name) => name !== '').join(', '),
      walk.cancellation === null ? STATE_FR[walk.state] : cancellationText(walk.cancellation),
      walk.expectedChildIds.length,
    ])
}

export const rotaCsv = (source: ExportSource, from: LocalDate, to: LocalDate, now: number): string =>
  csvDocument([[...ROTA_CSV_HEADER], ...rotaCsvRows(source, from, to, now)])

/** File names carry dates only: never a name (the collective's name may be personal enough). */
export const rotaCsvFileName = (from: LocalDate, to: LocalDate): string => `pedibus-planning-${from}-${to}.csv`

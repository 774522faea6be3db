// Pure reading of declared absences for the screens: my family's children, which walks a child is expected on, what an absence changed, form values <-> input.
import type { FieldErrors } from '../../../domain/validation.ts'
import { instantToParisDate } from '../../../domain/calendar/paris-time.ts'
import { addDays, compareDates, type LocalDate } from '../../../domain/dates.ts'
import type { ChildId, FamilyId } from '../../../domain/ids.ts'
import type { Direction } from '../../../domain/line.ts'
import type { Child } from '../../../domain/people.ts'
import { deriveWalks, expectedChildren } from '../../../domain/rota/index.ts'
import type { WalkRef } from '../../../domain/signup.ts'
import { absenceCovers, type Absence, type AbsenceInput } from '../../../domain/walk-log/records.ts'
import { effectiveOf, HORIZON_WEEKS, type RotaModel } from '../rota.ts'

/** The children of my family, by first name. */
export const familyChildren = (model: Pick<RotaModel, 'children'>, familyId: FamilyId): Child[] =>
  model.children.filter((child) => child.familyId === familyId).sort((a, b) => a.firstName.localeCompare(b.firstName, 'fr') || a.id.localeCompare(b.id))

/** The running (not cancelled) walks of the EFFECTIVE rota, from `from` to `to`, on which the child is expected. */
export const expectedWalksOf = (model: RotaModel, childId: ChildId, from: LocalDate, to: LocalDate, now: number): WalkRef[] =>
  compareDates(from, to) > 0
    ? []
    : effectiveOf(model, deriveWalks(model, from, to), now)
      .filter((walk) => walk.cancellation === null && walk.expectedChildIds.includes(childId))
      .map((walk) => ({ lineId: walk.lineId, date: walk.date, direction: walk.direction }))

const refKey = (walk: WalkRef): string => `${walk.lineId}|${walk.date}|${walk.direction}`

/**
 * The part of [from, to] worth resolving on a phone: at most the rota horizon's length, from `from`
 * or from that long before today when `from` is older. A long range (a record from another version,
 * or dates far back) would otherwise resolve every walk of decades, twice, on a save; the saved
 * sentence names the first days anyway.
 */
export const boundedRange = (from: LocalDate, to: LocalDate, now: number): { readonly from: LocalDate; readonly to: LocalDate } => {
  const span = 7 * HORIZON_WEEKS
  const earliest = addDays(instantToParisDate(now), -span)
  const start = compareDates(from, earliest) < 0 ? earliest : from
  const end = addDays(start, span - 1)
  return { from: start, to: compareDates(to, end) > 0 ? end : to }
}

/** The walks where the child was expected in `before` and is not any more in `after` (what a new absence changed), within boundedRange. */
export const noLongerExpected = (before: RotaModel, after: RotaModel, childId: ChildId, from: LocalDate, to: LocalDate, now: number): WalkRef[] => {
  const range = boundedRange(from, to, now)
  const still = new Set(expectedWalksOf(after, childId, range.from, range.to, now).map(refKey))
  return expectedWalksOf(before, childId, range.from, range.to, now).filter((walk) => !still.has(refKey(walk)))
}

export interface AffectedDay {
  readonly date: LocalDate
  /** Aller before retour; both when the child misses both. */
  readonly directions: readonly Direction[]
}

/** Walks grouped by day (several lines the same day and direction count once), in date order. */
export const affectedDays = (walks: readonly WalkRef[]): AffectedDay[] => {
  const byDate = new Map<LocalDate, Set<Direction>>()
  for (const walk of [...walks].sort((a, b) => compareDates(a.date, b.date))) {
    const set = byDate.get(walk.date) ?? new Set<Direction>()
    set.add(walk.direction)
    byDate.set(walk.date, set)
  }
  return [...byDate].map(([date, set]) => ({ date, directions: (['aller', 'retour'] as const).filter((d) => set.has(d)) }))
}

/** The first walk of the child after `today` (through the rota horizon): the form's default date; null when none. */
export const nextWalkOf = (model: RotaModel, childId: ChildId, today: LocalDate, now: number): WalkRef | null =>
  expectedWalksOf(model, childId, addDays(today, 1), addDays(today, 7 * HORIZON_WEEKS), now)[0] ?? null

/**
 * How many children whose route and days put them on this walk are declared absent from it:
 * the rota already leaves them out of the expected children and the ratio; the card says why.
 */
export const absentOnWalk = (model: Pick<RotaModel, 'children' | 'absences'>, walk: WalkRef): number => {
  const absences = (model.absences ?? []).filter((absence) => absence.withdrawn === undefined)
  if (absences.length === 0) return 0
  return expectedChildren(model.children, walk).filter((child) => absences.some((absence) => absenceCovers(absence, child.id, walk))).length
}

/** Active absences of my family's children that are not over yet. */
export const comingAbsences = (absences: readonly Absence[], childId: ChildId, today: LocalDate): Absence[] =>
  absences.filter((absence) => absence.withdrawn === undefined && absence.childId === childId && compareDates(absence.to, today) >= 0)
    .sort((a, b) => compareDates(a.from, b.from) || a.clock - b.clock)

// ---- The form

export type AbsenceKind = 'walk' | 'day' | 'range'
export const ABSENCE_KINDS: readonly AbsenceKind[] = ['walk', 'day', 'range']

export interface AbsenceValues {
  readonly childId: string
  readonly kind: AbsenceKind
  /** 'walk' and 'day'. */
  readonly date: string
  /** 'walk' only. */
  readonly direction: Direction
  /** 'range' only. */
  readonly from: string
  readonly to: string
  readonly note: string
}

/** Defaults for a child: a whole day, on the next day the child walks (tomorrow when none is known). */
export const absenceValuesFor = (childId: string, next: WalkRef | null, today: LocalDate, note = ''): AbsenceValues => {
  const date = next?.date ?? addDays(today, 1)
  return { childId, kind: 'day', date, direction: next?.direction ?? 'aller', from: date, to: date, note }
}

export const absenceInputOf = (values: AbsenceValues): AbsenceInput => ({
  childId: values.childId,
  from: values.kind === 'range' ? values.from : values.date,
  to: values.kind === 'range' ? values.to : values.date,
  direction: values.kind === 'walk' ? values.direction : null,
  note: values.note,
})

/** The form's fields, in order (the first one in error gets the focus). */
export const ABSENCE_FIELDS = ['childId', 'date', 'from', 'to', 'note'] as const
export type AbsenceField = (typeof ABSENCE_FIELDS)[number] | 'form'

/**
 * Domain errors are keyed by input path ('from', 'to', 'childId', 'note'); a single-day form shows
 * both dates as its one date field. Anything else is a form-level error, never dropped.
 */
export const absenceFieldErrors = (errors: FieldErrors, kind: AbsenceKind): Partial<Record<AbsenceField, string>> => {
  const flat: Partial<Record<AbsenceField, string>> = {}
  for (const [path, key] of Object.entries(errors)) {
    const head = path.split('.')[0] ?? ''
    const field: AbsenceField = key === 'unknownChild' ? 'childId' : head === 'from' || head === 'to'
      ? (kind === 'range' ? head : 'date')
      : head === 'childId' || head === 'note' ? head : 'form'
    flat[field] ??= key
  }
  return flat
}

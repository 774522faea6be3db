// Pure reading and writing of "Mes disponibilités": the grid of a collective's lines, form values from a stored availability, the input for setAvailability, field errors.
import { LocalDateSchema, type Weekday } from '../../../domain/dates.ts'
import { DIRECTIONS, type Direction, type Line } from '../../../domain/line.ts'
import type { Settings } from '../../../domain/settings.ts'
import type {
  Availability, AvailabilityException, AvailabilityInput, AvailabilitySlot, RolePreference,
} from '../../../domain/planning/records.ts'
import type { FieldErrors } from '../../../domain/validation.ts'

/** One line of the grid: the weekdays it runs on school days, the directions it runs. */
export interface GridLine {
  readonly line: Line
  readonly weekdays: readonly Weekday[]
  readonly directions: readonly Direction[]
}

/** Lines by name, each with the operating weekdays it runs (week order) and its directions (aller first). */
export const availabilityGrid = (lines: readonly Line[], settings: Pick<Settings, 'operatingWeekdays'>): GridLine[] =>
  [...lines]
    .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id))
    .map((line) => ({
      line,
      weekdays: (settings.operatingWeekdays.filter((day) => line.days.includes(day)) as Weekday[]).sort((a, b) => a - b),
      directions: DIRECTIONS.filter((direction) => line.directions.includes(direction)),
    }))

/** The key of one grid cell (also part of the checkbox id: only UUID characters, digits and a word). */
export const cellKey = (slot: AvailabilitySlot): string => `${slot.lineId}|${slot.weekday}|${slot.direction}`

/** A date exception being edited: the date as typed until it is added. */
export interface ExceptionValues {
  readonly date: string
  readonly available: boolean
  /** '' for the whole day. */
  readonly direction: Direction | ''
}

export interface AvailabilityValues {
  /**
   * Recurring slots of the collective's lines, including ones the grid no longer shows (a line's
   * days changed): they are kept on save, so a line whose days come back finds them again. Slots of
   * a removed line are not kept: saving drops them anyway.
   */
  readonly recurring: readonly AvailabilitySlot[]
  readonly exceptions: readonly AvailabilityException[]
  /** As typed: '' means no maximum. */
  readonly weeklyMax: string
  readonly preference: RolePreference
}

export const EMPTY_AVAILABILITY_VALUES: AvailabilityValues = { recurring: [], exceptions: [], weeklyMax: '', preference: 'none' }

/** The form's start: the stored availability of the adult (without slots or exceptions of lines that no longer exist), or nothing ticked. */
export const availabilityValuesOf = (stored: Availability | undefined, lines: readonly Pick<Line, 'id'>[]): AvailabilityValues => {
  if (stored === undefined) return EMPTY_AVAILABILITY_VALUES
  const lineIds = new Set<string>(lines.map((line) => line.id))
  return {
    recurring: stored.recurring.filter((slot) => lineIds.has(slot.lineId)),
    exceptions: sortExceptions(stored.exceptions.filter((exception) => exception.lineId === null || lineIds.has(exception.lineId))),
    weeklyMax: stored.weeklyMax === null ? '' : String(stored.weeklyMax),
    preference: stored.preference,
  }
}

export const isTicked = (values: AvailabilityValues, slot: AvailabilitySlot): boolean =>
  values.recurring.some((candidate) => cellKey(candidate) === cellKey(slot))

/** Ticks or unticks one cell; the others keep their order. */
export const toggleCell = (values: AvailabilityValues, slot: AvailabilitySlot, ticked: boolean): AvailabilityValues => {
  const others = values.recurring.filter((candidate) => cellKey(candidate) !== cellKey(slot))
  return { ...values, recurring: ticked ? [...others, slot] : others }
}

const sortExceptions = (exceptions: readonly AvailabilityException[]): AvailabilityException[] =>
  [...exceptions].sort((a, b) => a.date.localeCompare(b.date) || (a.direction ?? '').localeCompare(b.direction ?? ''))

export type ExceptionAddResult =
  | { readonly ok: true; readonly values: AvailabilityValues }
  | { readonly ok: false; readonly error: 'invalidDate' | 'duplicate' }

/** Adds a date exception (every line); refuses a date that is not one and the same date and walk twice. */
export const addException = (values: AvailabilityValues, draft: ExceptionValues): ExceptionAddResult => {
  const date = LocalDateSchema.safeParse(draft.date)
  if (!date.success) return { ok: false, error: 'invalidDate' }
  const direction = draft.direction === '' ? null : draft.direction
  if (values.exceptions.some((e) => e.date === date.data && e.direction === direction && e.lineId === null)) return { ok: false, error: 'duplicate' }
  const exception: AvailabilityException = { date: date.data, available: draft.available, direction, lineId: null }
  return { ok: true, values: { ...values, exceptions: sortExceptions([...values.exceptions, exception]) } }
}

export const removeException = (values: AvailabilityValues, index: number): AvailabilityValues =>
  ({ ...values, exceptions: values.exceptions.filter((_, i) => i !== index) })

/** The fields the form shows errors on, in form order ('form': anything else, above the save button). */
export const AVAILABILITY_FIELDS = ['recurring', 'weeklyMax', 'preference', 'exceptions', 'form'] as const
export type AvailabilityField = (typeof AVAILABILITY_FIELDS)[number]
export type AvailabilityErrors = Partial<Record<AvailabilityField, string>>

/** The whole record for setAvailability, or the weekly maximum's error when it is not a whole number. */
export const availabilityInputOf = (values: AvailabilityValues): { ok: true; input: AvailabilityInput } | { ok: false; errors: AvailabilityErrors } => {
  const typed = values.weeklyMax.trim()
  if (typed !== '' && !/^\d+$/.test(typed)) return { ok: false, errors: { weeklyMax: 'invalidNumber' } }
  return {
    ok: true,
    input: { recurring: [...values.recurring], exceptions: [...values.exceptions], weeklyMax: typed === '' ? null : Number(typed), preference: values.preference },
  }
}

/** The session's field errors (paths like 'recurring.3.weekday') on the form's fields; the first one per field. */
export const availabilityFieldErrors = (errors: FieldErrors): AvailabilityErrors => {
  const result: Record<string, string> = {}
  for (const [path, key] of Object.entries(errors)) {
    const head = path.split('.')[0] ?? ''
    const field = AVAILABILITY_FIELDS.find((candidate) => candidate === head) ?? 'form'
    if (!(field in result)) result[field] = key
  }
  return result
}

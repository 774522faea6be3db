// Pédibus lines and their stops: names, colour, directions run, days run, ordered stops with times and access notes.
import { z } from 'zod/mini'
import { TimeOfDaySchema, WeekdaySchema } from './dates.ts'
import { LineIdSchema, StopIdSchema } from './ids.ts'
import { shortText, storedShortText } from './text.ts'

export const DirectionSchema = z.enum(['aller', 'retour'])
/** 'aller' = to school, 'retour' = from school. */
export type Direction = z.infer<typeof DirectionSchema>
export const DIRECTIONS: readonly Direction[] = ['aller', 'retour']

export const LINE_NAME_MAX = 60
export const STOP_NAME_MAX = 60
export const ACCESS_NOTE_MAX = 300
/** A walk goes from a stop to the next one (the school is a stop too): a line with fewer stops has no walk to join. */
export const MIN_STOPS_PER_LINE = 2

const ColourSchema = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, { message: 'invalidColour' }))

export const LineInputSchema = z.object({
  name: shortText(LINE_NAME_MAX),
  colour: ColourSchema,
  directions: z.array(DirectionSchema).check(z.minLength(1, { message: 'required' })),
  days: z.array(WeekdaySchema).check(z.minLength(1, { message: 'required' })),
})
export type LineInput = z.input<typeof LineInputSchema>

export const StoredLineSchema = z.looseObject({
  id: LineIdSchema,
  name: storedShortText(LINE_NAME_MAX),
  colour: ColourSchema,
  directions: z.array(DirectionSchema).check(z.minLength(1)),
  days: z.array(WeekdaySchema).check(z.minLength(1)),
})
export type Line = z.output<typeof StoredLineSchema>

/** Access notes are data the adults on duty need: step-free route, a dangerous crossing. */
export const StopAccessSchema = z.object({
  stepFree: z.boolean(),
  dangerousCrossing: z.boolean(),
  note: z.string().check(z.maxLength(ACCESS_NOTE_MAX, { message: 'tooLong' })),
})
export type StopAccess = z.infer<typeof StopAccessSchema>

export const StopTimesSchema = z.object({
  aller: z.optional(TimeOfDaySchema),
  retour: z.optional(TimeOfDaySchema),
})

export const StopInputSchema = z.object({
  name: shortText(STOP_NAME_MAX),
  times: StopTimesSchema,
  access: StopAccessSchema,
})
export type StopInput = z.input<typeof StopInputSchema>

/**
 * `position` is a fractional index: reordering writes one number on one stop, so concurrent
 * reorders on two phones converge (order by position, then id) instead of fighting over a list.
 */
export const StoredStopSchema = z.looseObject({
  id: StopIdSchema,
  lineId: LineIdSchema,
  name: storedShortText(STOP_NAME_MAX),
  // Finite: z.number() refuses Infinity and NaN.
  position: z.number(),
  times: StopTimesSchema,
  access: StopAccessSchema,
})
export type Stop = z.output<typeof StoredStopSchema>

export const compareStops = (a: Stop, b: Stop): number =>
  a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** A position strictly between two neighbours (either may be missing at the ends). */
export const positionBetween = (before: number | undefined, after: number | undefined): number => {
  if (before === undefined && after === undefined) return 1
  if (before === undefined) return (after as number) - 1
  if (after === undefined) return before + 1
  return (before + after) / 2
}

// Calendar records kept in the shared document: collective exceptions (cancelled walks or days) and imported holidays.
import { z } from 'zod'
import { LocalDateSchema } from './dates.ts'
import { ExceptionIdSchema, HolidayIdSchema, LineIdSchema } from './ids.ts'
import { DirectionSchema } from './line.ts'

export const CANCEL_REASONS = ['strike', 'weatherAlert', 'schoolTrip', 'other'] as const
/** grève, alerte météo, sortie scolaire, autre. */
export const CancelReasonSchema = z.enum(CANCEL_REASONS)
export type CancelReason = z.infer<typeof CancelReasonSchema>

export const NOTE_MAX = 200

export const ExceptionInputSchema = z.object({
  date: LocalDateSchema,
  /** null: every line that day. */
  lineId: LineIdSchema.nullable(),
  /** null: both directions. */
  direction: DirectionSchema.nullable(),
  reason: CancelReasonSchema,
  note: z.string().trim().max(NOTE_MAX, { message: 'tooLong' }),
})
export type ExceptionInput = z.input<typeof ExceptionInputSchema>

export const StoredExceptionSchema = z.looseObject({
  id: ExceptionIdSchema,
  date: LocalDateSchema,
  lineId: LineIdSchema.nullable(),
  direction: DirectionSchema.nullable(),
  reason: CancelReasonSchema,
  note: z.string().max(NOTE_MAX),
})
export type CalendarException = z.output<typeof StoredExceptionSchema>

/** A holiday period imported from an ICS file (for years not shipped) or corrected by the collective. */
export const StoredHolidaySchema = z.looseObject({
  id: HolidayIdSchema,
  /** First day without school. */
  start: LocalDateSchema,
  /** Last day without school (inclusive). */
  end: LocalDateSchema,
  label: z.string().min(1).max(NOTE_MAX),
})
export type ImportedHoliday = z.output<typeof StoredHolidaySchema>

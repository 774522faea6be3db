// Calendar records kept in the shared document: collective exceptions (cancelled walks or days), imported or added holidays, and overrides of shipped periods.
import { z } from 'zod/mini'
import { LocalDateSchema } from './dates.ts'
import { ActorIdSchema, ExceptionIdSchema, FamilyIdSchema, HolidayIdSchema, LineIdSchema } from './ids.ts'
import { AuthorTimeSchema } from './record-order.ts'
import { DirectionSchema } from './line.ts'

export const CANCEL_REASONS = ['strike', 'weatherAlert', 'schoolTrip', 'other'] as const
/** grève, alerte météo, sortie scolaire, autre. */
export const CancelReasonSchema = z.enum(CANCEL_REASONS)
export type CancelReason = z.infer<typeof CancelReasonSchema>

export const NOTE_MAX = 200

export const ExceptionInputSchema = z.object({
  date: LocalDateSchema,
  /** null: every line that day. */
  lineId: z.nullable(LineIdSchema),
  /** null: both directions. */
  direction: z.nullable(DirectionSchema),
  reason: CancelReasonSchema,
  note: z.string().check(z.trim(), z.maxLength(NOTE_MAX, { message: 'tooLong' })),
})
export type ExceptionInput = z.input<typeof ExceptionInputSchema>

export const StoredExceptionSchema = z.looseObject({
  id: ExceptionIdSchema,
  date: LocalDateSchema,
  lineId: z.nullable(LineIdSchema),
  direction: z.nullable(DirectionSchema),
  reason: CancelReasonSchema,
  note: z.string().check(z.maxLength(NOTE_MAX)),
  /** Who cancelled and when, for the journal (logical clock and device; older records lack them). */
  clock: z.optional(z.number().check(z.int(), z.nonnegative())),
  actor: z.optional(ActorIdSchema),
  familyId: z.optional(FamilyIdSchema),
  at: z.optional(AuthorTimeSchema),
})
export type CalendarException = z.output<typeof StoredExceptionSchema>

/** A holiday period imported from an ICS file (for years not shipped) or corrected by the collective. */
export const StoredHolidaySchema = z.looseObject({
  id: HolidayIdSchema,
  /** First day without school. */
  start: LocalDateSchema,
  /** Last day without school (inclusive). */
  end: LocalDateSchema,
  label: z.string().check(z.minLength(1), z.maxLength(NOTE_MAX)),
})
export type ImportedHoliday = z.output<typeof StoredHolidaySchema>

const PeriodDatesSchema = z.object({ start: LocalDateSchema, end: LocalDateSchema })

/** A holiday period a member types in (for a year not shipped, or to correct a shipped one). */
export const HolidayInputSchema = z
  .object({
    start: LocalDateSchema,
    end: LocalDateSchema,
    label: z.string().check(
      z.trim(), z.minLength(1, { message: 'required' }), z.maxLength(NOTE_MAX, { message: 'tooLong' }),
    ),
  })
  .check(
    z.refine((period) => period.end >= period.start, {
      path: ['end'],
      message: 'endBeforeStart',
      // Also checked when only the label is wrong, so the form shows both errors at once.
      when: (payload) => PeriodDatesSchema.safeParse(payload.value).success,
    }),
  )
export type HolidayInput = z.input<typeof HolidayInputSchema>

/** Stable id of a shipped period, as shippedPeriodId writes it: '2027-2028/A/hiver'. */
export const ShippedPeriodIdSchema = z
  .string()
  .check(z.regex(/^\d{4}-\d{4}\/[ABC]\/[a-z]{1,20}$/, { message: 'invalidPeriodId' }))

/**
 * A collective's correction of one shipped period, keyed by its id in the document (last writer
 * wins per key). `ignored`: the period does not apply to this school and cancels no walk. An id
 * this version does not ship (a newer app's year) is valid and simply matches nothing.
 */
export const StoredHolidayOverrideSchema = z.looseObject({
  periodId: ShippedPeriodIdSchema,
  ignored: z.boolean(),
})
export type HolidayOverride = z.output<typeof StoredHolidayOverrideSchema>

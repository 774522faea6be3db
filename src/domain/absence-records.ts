// Declared absences ("Léa ne vient pas jeudi"): the stored record, its input, its key, and which walks it covers.
//
// Declared from the walk log's screens, but read by the rota itself (expected children, the ratio), so the record sits
// at the root of src/domain beside sign-ups: the rota below the walk log can count it. src/domain/walk-log/records.ts
// re-exports it with the other walk-log records.
import { z } from 'zod/mini'
import { daysBetween, LocalDateSchema, type LocalDate } from './dates.ts'
import { ActorIdSchema, ChildIdSchema, FamilyIdSchema, type ChildId } from './ids.ts'
import { DirectionSchema, type Direction } from './line.ts'
import { OnBehalfSchema } from './on-behalf.ts'
import { AuthorTimeSchema } from './record-order.ts'
import { MAX_CLOCK } from './signup.ts'

const ClockSchema = z.number().check(z.int(), z.nonnegative(), z.lte(MAX_CLOCK))

/**
 * A later rewrite of the entry by its own author: withdrawn absence, deleted note. `onBehalf`: an absence withdrawn
 * by a member at the family's request (on-behalf.ts); older versions, reading with z.object, drop it.
 */
export const WithdrawnSchema = z.object({
  clock: ClockSchema, actor: ActorIdSchema, at: AuthorTimeSchema, onBehalf: z.optional(OnBehalfSchema),
})

export const AbsenceIdSchema = z.uuid().brand<'AbsenceId'>()
export type AbsenceId = z.infer<typeof AbsenceIdSchema>
export const createAbsenceId = (): AbsenceId => AbsenceIdSchema.parse(crypto.randomUUID())

export const ABSENCE_NOTE_MAX = 200

/** The longest absence one can declare, in days (a school year and a bit); longer is a mistyped year. */
export const ABSENCE_RANGE_MAX_DAYS = 366

/**
 * One walk (from = to, a direction), one day (from = to, both directions) or a date range.
 * Messages are French-first keys on `to`: 'endBeforeStart' when the range is reversed,
 * 'rangeTooLong' past ABSENCE_RANGE_MAX_DAYS (a mistyped year, 2207 for 2027, would otherwise
 * hide the child from every walk for ages). The stored schema keeps reading such ranges: a record
 * from another version must not turn into an error.
 */
export const AbsenceInputSchema = z
  .object({
    childId: ChildIdSchema,
    from: LocalDateSchema,
    to: LocalDateSchema,
    /** null: both directions (the whole day). */
    direction: z.nullable(DirectionSchema),
    note: z.string().check(z.trim(), z.maxLength(ABSENCE_NOTE_MAX, { message: 'tooLong' })),
  })
  .check(
    z.refine((input) => input.from <= input.to, { message: 'endBeforeStart', path: ['to'] }),
    z.refine((input) => input.from > input.to || daysBetween(input.from, input.to) < ABSENCE_RANGE_MAX_DAYS, {
      message: 'rangeTooLong', path: ['to'],
    }),
  )
export type AbsenceInput = z.input<typeof AbsenceInputSchema>

export const StoredAbsenceSchema = z.looseObject({
  id: AbsenceIdSchema,
  childId: ChildIdSchema,
  /** The child's family when declared (a later move of the child keeps the record readable). */
  familyId: FamilyIdSchema,
  from: LocalDateSchema,
  to: LocalDateSchema,
  direction: z.nullable(DirectionSchema),
  /** Personal (may say why): goes through the codec. */
  note: z.string().check(z.maxLength(ABSENCE_NOTE_MAX)),
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: AuthorTimeSchema,
  withdrawn: z.optional(WithdrawnSchema),
  /** Reported by another member at the family's request (on-behalf.ts); absent when the family reported it. */
  onBehalf: z.optional(OnBehalfSchema),
}).check(z.refine((absence) => absence.from <= absence.to, { message: 'endBeforeStart', path: ['to'] }))
export type Absence = z.output<typeof StoredAbsenceSchema>

export const absenceKeyOf = (absence: { readonly id: AbsenceId }): string => absence.id

/** Whether an absence applies to a walk of the child (date in range, direction matching or whole day). */
export const absenceCovers = (absence: Pick<Absence, 'childId' | 'from' | 'to' | 'direction' | 'withdrawn'>, childId: ChildId, walk: { readonly date: LocalDate; readonly direction: Direction }): boolean =>
  absence.withdrawn === undefined && absence.childId === childId && absence.from <= walk.date && walk.date <= absence.to
  && (absence.direction === null || absence.direction === walk.direction)

// Stored planning records: each adult's availability, families' reduced-share periods (exemptions), and the fairness setting.
//
// Availability is one flat entry per adult (key: the adult id), written whole by a phone of the
// adult's family; the CRDT keeps one of two concurrent writes, on every phone. Exemptions are
// write-once entries (key: a random id), withdrawn by rewriting the whole entry with `withdrawn`.
// No reason is ever stored for an exemption: "new baby" or "illness" is nobody else's business,
// and the share is all the planner needs.
import { z } from 'zod/mini'
import { daysBetween, LocalDateSchema, WeekdaySchema, type LocalDate } from '../dates.ts'
import { ActorIdSchema, AdultIdSchema, FamilyIdSchema, LineIdSchema } from '../ids.ts'
import { DirectionSchema } from '../line.ts'
import { OnBehalfSchema } from '../on-behalf.ts'
import { AuthorTimeSchema } from '../record-order.ts'

/** Seven weekdays x two directions x up to five lines: more is not a real collective. */
export const AVAILABILITY_RECURRING_MAX = 70
/** Date exceptions kept per adult (a school year of them and more). */
export const AVAILABILITY_EXCEPTIONS_MAX = 200
/** Walks per week an adult may cap themselves at (a school week has at most 7 days x 2 walks). */
export const WEEKLY_MAX_LIMIT = 14

/** "Le jeudi matin sur la ligne des Tilleuls": a recurring weekday, direction and line. */
export const AvailabilitySlotSchema = z.object({
  weekday: WeekdaySchema,
  direction: DirectionSchema,
  lineId: LineIdSchema,
})
export type AvailabilitySlot = z.infer<typeof AvailabilitySlotSchema>

/**
 * A date that differs from the recurring pattern: `available: false` ("pas le 12 décembre") or
 * `available: true` ("exceptionnellement libre"). `direction` null: every direction. `lineId` null:
 * for `available: false`, every line; for `available: true`, the lines of the adult's recurring
 * slots (every line when the adult has none).
 */
export const AvailabilityExceptionSchema = z.object({
  date: LocalDateSchema,
  available: z.boolean(),
  direction: z.nullable(DirectionSchema),
  lineId: z.nullable(LineIdSchema),
})
export type AvailabilityException = z.infer<typeof AvailabilityExceptionSchema>

export const RolePreferenceSchema = z.enum(['lead', 'tail', 'none'])
/** 'lead' = conducteur (front), 'tail' = serre-file (back), 'none' = either. */
export type RolePreference = z.infer<typeof RolePreferenceSchema>

/** What the availability form sends for one adult (the whole record: a write replaces it). */
export const AvailabilityInputSchema = z.object({
  recurring: z.array(AvailabilitySlotSchema).check(z.maxLength(AVAILABILITY_RECURRING_MAX, { message: 'tooMany' })),
  exceptions: z
    .array(AvailabilityExceptionSchema)
    .check(z.maxLength(AVAILABILITY_EXCEPTIONS_MAX, { message: 'tooMany' })),
  /** At most this many walks per week (Monday to Sunday); null: no maximum. */
  weeklyMax: z.nullable(
    z.number({ message: 'invalidNumber' }).check(
      z.int({ message: 'invalidNumber' }),
      z.gte(1, { message: 'tooSmall' }),
      z.lte(WEEKLY_MAX_LIMIT, { message: 'tooLarge' }),
    ),
  ),
  preference: RolePreferenceSchema,
})
export type AvailabilityInput = z.input<typeof AvailabilityInputSchema>

/** Document key: the adult id. `actor` / `at`: which phone wrote it and when (display only). */
export const StoredAvailabilitySchema = z.looseObject({
  adultId: AdultIdSchema,
  familyId: FamilyIdSchema,
  recurring: z.array(AvailabilitySlotSchema).check(z.maxLength(AVAILABILITY_RECURRING_MAX)),
  exceptions: z.array(AvailabilityExceptionSchema).check(z.maxLength(AVAILABILITY_EXCEPTIONS_MAX)),
  weeklyMax: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(WEEKLY_MAX_LIMIT))),
  preference: RolePreferenceSchema,
  actor: ActorIdSchema,
  at: AuthorTimeSchema,
  /** Saved by another member at the family's request (on-behalf.ts); absent when the family saved it. */
  onBehalf: z.optional(OnBehalfSchema),
})
export type Availability = z.output<typeof StoredAvailabilitySchema>
export const availabilityKeyOf = (record: Pick<Availability, 'adultId'>): string => record.adultId

export const ExemptionIdSchema = z.uuid().brand<'ExemptionId'>()
export type ExemptionId = z.infer<typeof ExemptionIdSchema>
export const createExemptionId = (): ExemptionId => ExemptionIdSchema.parse(crypto.randomUUID())

/** The reduced shares a family may take for a while: none at all, a quarter, half, three quarters. */
export const EXEMPTION_SHARES = [0, 25, 50, 75] as const
/** The longest reduced-share period, in days: a school year and a bit. */
export const EXEMPTION_RANGE_MAX_DAYS = 366

/**
 * "Part réduite": from `from` to `to` (inclusive) the family's share is `sharePercent` % of its
 * usual one. Messages on `to`: 'endBeforeStart', 'rangeTooLong'.
 */
export const ExemptionInputSchema = z
  .object({
    familyId: FamilyIdSchema,
    from: LocalDateSchema,
    to: LocalDateSchema,
    sharePercent: z.union(EXEMPTION_SHARES.map((share) => z.literal(share)), { message: 'invalidShare' }),
  })
  .check(
    z.refine((input) => input.from <= input.to, { message: 'endBeforeStart', path: ['to'] }),
    z.refine((input) => input.from > input.to || daysBetween(input.from, input.to) < EXEMPTION_RANGE_MAX_DAYS, {
      message: 'rangeTooLong', path: ['to'],
    }),
  )
export type ExemptionInput = z.input<typeof ExemptionInputSchema>

export const StoredExemptionSchema = z.looseObject({
  id: ExemptionIdSchema,
  familyId: FamilyIdSchema,
  from: LocalDateSchema,
  to: LocalDateSchema,
  /** Any whole percentage is read (another version may offer more choices); the form offers EXEMPTION_SHARES. */
  sharePercent: z.number().check(z.int(), z.gte(0), z.lte(100)),
  actor: ActorIdSchema,
  at: AuthorTimeSchema,
  /** The exemption no longer applies (rewritten whole by any member; the record stays). */
  withdrawn: z.optional(z.object({ actor: ActorIdSchema, at: AuthorTimeSchema })),
})
export type Exemption = z.output<typeof StoredExemptionSchema>
export const exemptionKeyOf = (record: Pick<Exemption, 'id'>): string => record.id

/** Whether a family's share counts each child walking, or each family with a child walking. */
export const ShareBasisSchema = z.enum(['perChild', 'perFamily'])
export type ShareBasis = z.infer<typeof ShareBasisSchema>

/** The most walks one coordinator period may be worth. */
export const COORDINATOR_CREDIT_MAX = 20

/** The collective's fairness setting: one field (`fairness`) of the settings map. */
export const FairnessSettingSchema = z.looseObject({
  basis: ShareBasisSchema,
  /** Walks one coordinator period counts as (its preparation, messages, handover). */
  coordinatorCredit: z.number().check(z.int(), z.gte(0), z.lte(COORDINATOR_CREDIT_MAX)),
  /** false: the page does not count coups de main given and received (issue 17); absent (older settings): counted. */
  helpCounts: z.optional(z.boolean()),
})
export type FairnessSetting = z.output<typeof FairnessSettingSchema>

/** What the settings form accepts (French-first message keys). */
export const FairnessSettingInputSchema = z.object({
  basis: ShareBasisSchema,
  coordinatorCredit: z.number({ message: 'invalidNumber' }).check(
    z.int({ message: 'invalidNumber' }),
    z.gte(0, { message: 'tooSmall' }),
    z.lte(COORDINATOR_CREDIT_MAX, { message: 'tooLarge' }),
  ),
  helpCounts: z.optional(z.boolean()),
})
export type FairnessSettingInput = z.input<typeof FairnessSettingInputSchema>

export const DEFAULT_FAIRNESS_SETTING: FairnessSetting = { basis: 'perChild', coordinatorCredit: 2 }

/** Every planning record of a collective, as the document readers return them (valid ones only). */
export interface PlanningRecords {
  readonly fairness: FairnessSetting
  /** One per adult who said when they can walk, in key order. */
  readonly availability: readonly Availability[]
  /** Withdrawn ones included (ignored by the rules), in key order. */
  readonly exemptions: readonly Exemption[]
}

export const EMPTY_PLANNING: PlanningRecords = { fairness: DEFAULT_FAIRNESS_SETTING, availability: [], exemptions: [] }

/** Whether an exemption applies on `date` (not withdrawn, date in range). */
export const exemptionAppliesOn = (exemption: Exemption, date: LocalDate): boolean =>
  exemption.withdrawn === undefined && exemption.from <= date && date <= exemption.to

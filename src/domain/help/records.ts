// Coups de main records: a family's request or offer (written whole by its family) and one answer per family.
//
// Neither money nor ratings have a field: help between families of the collective only. The note is personal (a
// child's name, an address): the doc seals it. Answers compete for places by the shared logical clock (resolve.ts).
import { z } from 'zod/mini'
import { LocalDateSchema, TimeOfDaySchema } from '../dates.ts'
import { ActorIdSchema, FamilyIdSchema } from '../ids.ts'
import { AuthorTimeSchema } from '../record-order.ts'
import { MAX_CLOCK } from '../signup.ts'
import { HELP_KIND_ID_MAX, type StoredHelpKind } from './kinds.ts'

export const HELP_NOTE_MAX = 500
/** A few helpers at most: a lift, an afternoon, an outing; larger needs are a meeting's business. */
export const HELP_NEEDED_MAX = 10

export const HelpRequestIdSchema = z.uuid().brand<'HelpRequestId'>()
export type HelpRequestId = z.infer<typeof HelpRequestIdSchema>
export const createHelpRequestId = (): HelpRequestId => HelpRequestIdSchema.parse(crypto.randomUUID())

export const HELP_TYPES = ['request', 'offer'] as const
/** Open until its family closes or cancels it; reopening writes 'open' again. Expiry is derived (resolve.ts). */
export const HELP_STATUSES = ['open', 'closed', 'cancelled'] as const

const HelpKindIdSchema = z.string().check(z.minLength(1), z.maxLength(HELP_KIND_ID_MAX))
const NeededSchema = z.number().check(z.int(), z.gte(1, { message: 'tooFew' }), z.lte(HELP_NEEDED_MAX, { message: 'tooMany' }))
const ClockSchema = z.number().check(z.int(), z.nonnegative(), z.lte(MAX_CLOCK))

/** A window needs its date; its end comes after its start (same day: "mercredi 14 h–17 h"). */
const windowIsWhole = (w: { date?: string | undefined; from?: string | undefined; to?: string | undefined }): boolean =>
  (w.date !== undefined || (w.from === undefined && w.to === undefined)) &&
  (w.from === undefined || w.to === undefined || w.from < w.to)

/** What the form sends. */
export const HelpRequestInputSchema = z.object({
  type: z.enum(HELP_TYPES),
  kind: HelpKindIdSchema,
  date: z.optional(LocalDateSchema),
  from: z.optional(TimeOfDaySchema),
  to: z.optional(TimeOfDaySchema),
  needed: NeededSchema,
  // Several lines allowed; only trimmed and bounded.
  note: z.string().check(z.trim(), z.maxLength(HELP_NOTE_MAX, { message: 'tooLong' })),
}).check(z.refine(windowIsWhole, { message: 'invalidWindow' }))
export type HelpRequestInput = z.input<typeof HelpRequestInputSchema>

export const StoredHelpRequestSchema = z.looseObject({
  id: HelpRequestIdSchema,
  familyId: FamilyIdSchema,
  type: z.enum(HELP_TYPES),
  kind: HelpKindIdSchema,
  date: z.optional(LocalDateSchema),
  from: z.optional(TimeOfDaySchema),
  to: z.optional(TimeOfDaySchema),
  needed: NeededSchema,
  note: z.string().check(z.maxLength(HELP_NOTE_MAX)),
  status: z.enum(HELP_STATUSES),
  /** The families the requester confirmed, in the order confirmed: never more than needed. */
  confirmed: z.array(FamilyIdSchema).check(z.maxLength(HELP_NEEDED_MAX)),
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: z.optional(AuthorTimeSchema),
}).check(
  z.refine((r) => r.confirmed.length <= r.needed && new Set(r.confirmed).size === r.confirmed.length, { message: 'tooManyConfirmed' }),
  z.refine(windowIsWhole, { message: 'invalidWindow' }),
)
export type HelpRequest = z.output<typeof StoredHelpRequestSchema>

/** What its family writes (the stamp aside): Pick, since Omit over a loose object's index signature keeps no field. */
export type HelpRequestFields = Pick<
  HelpRequest, 'id' | 'familyId' | 'type' | 'kind' | 'date' | 'from' | 'to' | 'needed' | 'note' | 'status' | 'confirmed'
>

/** A flat entry keyed by its random id, written whole by the requester's family (last writer wins). */
export const helpRequestKeyOf = (request: { readonly id: HelpRequestId }): string => request.id

/** "Je peux": one entry per request and family; withdrawing keeps the entry (and a later clock). */
export const StoredHelpAnswerSchema = z.looseObject({
  requestId: HelpRequestIdSchema,
  familyId: FamilyIdSchema,
  status: z.enum(['active', 'withdrawn']),
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: z.optional(AuthorTimeSchema),
})
export type HelpAnswer = z.output<typeof StoredHelpAnswerSchema>

/** The key holds the family, so two phones of one family answering offline write one entry: one answer per family. */
export const helpAnswerKeyOf = (answer: Pick<HelpAnswer, 'requestId' | 'familyId'>): string => `${answer.requestId}|${answer.familyId}`

/** Every coups de main record of the collective, as the document reader gives them. */
export interface HelpRecords {
  readonly requests: readonly HelpRequest[]
  readonly answers: readonly HelpAnswer[]
  /** The collective's edits of the kinds list (kinds.ts). */
  readonly kinds: readonly StoredHelpKind[]
}

export const NO_HELP: HelpRecords = { requests: [], answers: [], kinds: [] }

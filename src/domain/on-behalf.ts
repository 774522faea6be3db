// A change made by a member for a family without a smartphone, at that family's request: who made it, and when.
import { z } from 'zod/mini'
import { AdultIdSchema, FamilyIdSchema } from './ids.ts'
import { AuthorTimeSchema } from './record-order.ts'

/**
 * Carried by the records a change writes (sign-up entries, swap offers, answers, releases, an offer's withdrawal) when
 * it was made "à sa demande": the record's own family and adult are the family acted for, `byFamilyId`/`byAdultId` the
 * member who made it on their phone, `at` that phone's local time. Optional, so records written before (or by
 * versions that do not know it) read as made by the family itself; loose, so fields of a later version survive.
 */
export const OnBehalfSchema = z.looseObject({
  byFamilyId: FamilyIdSchema,
  byAdultId: z.optional(AdultIdSchema),
  at: z.optional(AuthorTimeSchema),
})
export type OnBehalf = z.output<typeof OnBehalfSchema>

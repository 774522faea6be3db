// A family (household) of the collective: its display name and the day it joined; adults and children are records of their own.
import { z } from 'zod/mini'
import { LocalDateSchema } from './dates.ts'
import { FamilyIdSchema } from './ids.ts'
import { shortText, storedShortText } from './text.ts'

export const FAMILY_NAME_MAX = 60

export const FamilyInputSchema = z.object({
  displayName: shortText(FAMILY_NAME_MAX),
})
export type FamilyInput = z.input<typeof FamilyInputSchema>

export const StoredFamilySchema = z.looseObject({
  id: FamilyIdSchema,
  displayName: storedShortText(FAMILY_NAME_MAX),
  /**
   * The day (Paris) the family was added. Fair shares count from it, so a family joining in March
   * owes nothing for the autumn; absent in records written before it existed: the whole year counts.
   */
  joinedOn: z.optional(LocalDateSchema),
})
export type Family = z.output<typeof StoredFamilySchema>

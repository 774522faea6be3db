// A family (household) of the collective: for now its display name; adults and children come with the rota.
import { z } from 'zod'
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
})
export type Family = z.output<typeof StoredFamilySchema>

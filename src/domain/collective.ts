// The collective's profile (name, school, town): form input and stored record schemas.
import { z } from 'zod/mini'
import { shortText, storedShortText } from './text.ts'

export const NAME_MAX = 80

/** What the "Créer un collectif" form and the rename form accept. */
export const CollectiveProfileInputSchema = z.object({
  name: shortText(NAME_MAX),
  school: shortText(NAME_MAX),
  town: shortText(NAME_MAX),
})
export type CollectiveProfileInput = z.input<typeof CollectiveProfileInputSchema>
export type CollectiveProfile = z.output<typeof CollectiveProfileInputSchema>

/** The profile as read from the shared document; unknown fields from newer versions are kept. */
export const StoredCollectiveProfileSchema = z.looseObject({
  name: storedShortText(NAME_MAX),
  school: storedShortText(NAME_MAX),
  town: storedShortText(NAME_MAX),
})

// Branded entity ids: random UUIDs, parsed (never cast) at every boundary.
import { z } from 'zod'

const uuid = z.uuid()

export const FamilyIdSchema = uuid.brand<'FamilyId'>()
export type FamilyId = z.infer<typeof FamilyIdSchema>

export const createFamilyId = (): FamilyId => FamilyIdSchema.parse(crypto.randomUUID())

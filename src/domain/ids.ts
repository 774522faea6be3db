// Branded entity ids: random UUIDs, parsed (never cast) at every boundary.
import { z } from 'zod/mini'

const uuid = z.uuid()

export const FamilyIdSchema = uuid.brand<'FamilyId'>()
export type FamilyId = z.infer<typeof FamilyIdSchema>
export const AdultIdSchema = uuid.brand<'AdultId'>()
export type AdultId = z.infer<typeof AdultIdSchema>
export const ChildIdSchema = uuid.brand<'ChildId'>()
export type ChildId = z.infer<typeof ChildIdSchema>
export const LineIdSchema = uuid.brand<'LineId'>()
export type LineId = z.infer<typeof LineIdSchema>
export const StopIdSchema = uuid.brand<'StopId'>()
export type StopId = z.infer<typeof StopIdSchema>
export const ExceptionIdSchema = uuid.brand<'ExceptionId'>()
export type ExceptionId = z.infer<typeof ExceptionIdSchema>
export const HolidayIdSchema = uuid.brand<'HolidayId'>()
export type HolidayId = z.infer<typeof HolidayIdSchema>
/** Who wrote a sign-up: one random id per device and collective, the tie-breaker after the logical clock. */
export const ActorIdSchema = uuid.brand<'ActorId'>()
export type ActorId = z.infer<typeof ActorIdSchema>

export const createFamilyId = (): FamilyId => FamilyIdSchema.parse(crypto.randomUUID())
export const createAdultId = (): AdultId => AdultIdSchema.parse(crypto.randomUUID())
export const createChildId = (): ChildId => ChildIdSchema.parse(crypto.randomUUID())
export const createLineId = (): LineId => LineIdSchema.parse(crypto.randomUUID())
export const createStopId = (): StopId => StopIdSchema.parse(crypto.randomUUID())
export const createExceptionId = (): ExceptionId => ExceptionIdSchema.parse(crypto.randomUUID())
export const createHolidayId = (): HolidayId => HolidayIdSchema.parse(crypto.randomUUID())
export const createActorId = (): ActorId => ActorIdSchema.parse(crypto.randomUUID())

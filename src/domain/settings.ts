// Collective settings: time zone, school-holiday zone, operating weekdays, adult-to-child ratio, minimum adults.
import { z } from 'zod'
import { WeekdaySchema, type Weekday } from './dates.ts'

/** Never fewer than two adults on a walk: one in front, one at the back. */
export const MIN_ADULTS_FLOOR = 2

export const HolidayZoneSchema = z.enum(['A', 'B', 'C'])
export type HolidayZone = z.infer<typeof HolidayZoneSchema>

export const SettingsSchema = z.looseObject({
  timeZone: z.literal('Europe/Paris'),
  holidayZone: HolidayZoneSchema,
  operatingWeekdays: z.array(WeekdaySchema).min(1).max(7),
  /** Children one adult can accompany (1 adult per N children). */
  childrenPerAdult: z.number().int().min(1).max(30),
  minAdults: z.number().int().min(MIN_ADULTS_FLOOR).max(10),
})
export type Settings = z.output<typeof SettingsSchema>

/** Mon, Tue, Thu, Fri: the four-day week of most French primary schools. Zone A: Gironde. */
export const DEFAULT_SETTINGS: Settings = {
  timeZone: 'Europe/Paris',
  holidayZone: 'A',
  operatingWeekdays: [1, 2, 4, 5] satisfies Weekday[],
  childrenPerAdult: 8,
  minAdults: MIN_ADULTS_FLOOR,
}

/** What the settings form accepts: every field optional, merged over the current settings. */
export const SettingsInputSchema = z.object({
  holidayZone: HolidayZoneSchema.optional(),
  operatingWeekdays: z.array(WeekdaySchema).min(1, { message: 'required' }).max(7).optional(),
  childrenPerAdult: z.number({ message: 'invalidNumber' }).int({ message: 'invalidNumber' }).min(1, { message: 'tooSmall' }).max(30, { message: 'tooLarge' }).optional(),
  minAdults: z.number({ message: 'invalidNumber' }).int({ message: 'invalidNumber' }).min(MIN_ADULTS_FLOOR, { message: 'minAdultsFloor' }).max(10, { message: 'tooLarge' }).optional(),
})
export type SettingsInput = z.input<typeof SettingsInputSchema>

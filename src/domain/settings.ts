// Collective settings: time zone, school-holiday zone (or an académie's own calendar), Alsace-Moselle's public holidays,
// operating weekdays, adult-to-child ratio, minimum adults.
import { z } from 'zod/mini'
import { HOLIDAY_ZONES, type HolidayZone } from './school-place.ts'
import { WeekdaySchema, type Weekday } from './dates.ts'

/** Never fewer than two adults on a walk: one in front, one at the back. */
export const MIN_ADULTS_FLOOR = 2

export const HolidayZoneSchema = z.enum(HOLIDAY_ZONES)
export type { HolidayZone }

export const SettingsSchema = z.looseObject({
  timeZone: z.literal('Europe/Paris'),
  holidayZone: HolidayZoneSchema,
  /**
   * The school follows its académie's own calendar (Corse, overseas): no zone's shipped holidays apply, only the
   * periods the collective imports or adds.
   */
  ownCalendar: z._default(z.boolean(), false),
  /** The school is in Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle): Good Friday and 26 December are public holidays. */
  alsaceMoselle: z._default(z.boolean(), false),
  operatingWeekdays: z.array(WeekdaySchema).check(z.minLength(1), z.maxLength(7)),
  /** Children one adult can accompany (1 adult per N children). */
  childrenPerAdult: z.number().check(z.int(), z.gte(1), z.lte(30)),
  minAdults: z.number().check(z.int(), z.gte(MIN_ADULTS_FLOOR), z.lte(10)),
})
export type Settings = z.output<typeof SettingsSchema>

/** Mon, Tue, Thu, Fri: the four-day week of most French primary schools. Zone A: Gironde. */
export const DEFAULT_SETTINGS: Settings = {
  timeZone: 'Europe/Paris',
  holidayZone: 'A',
  ownCalendar: false,
  alsaceMoselle: false,
  operatingWeekdays: [1, 2, 4, 5] satisfies Weekday[],
  childrenPerAdult: 8,
  minAdults: MIN_ADULTS_FLOOR,
}

/** What the settings form accepts: every field optional, merged over the current settings. */
export const SettingsInputSchema = z.object({
  holidayZone: z.optional(HolidayZoneSchema),
  ownCalendar: z.optional(z.boolean()),
  alsaceMoselle: z.optional(z.boolean()),
  operatingWeekdays: z.optional(z.array(WeekdaySchema).check(z.minLength(1, { message: 'required' }), z.maxLength(7))),
  childrenPerAdult: z.optional(
    z.number({ message: 'invalidNumber' }).check(
      z.int({ message: 'invalidNumber' }),
      z.gte(1, { message: 'tooSmall' }),
      z.lte(30, { message: 'tooLarge' }),
    ),
  ),
  minAdults: z.optional(
    z.number({ message: 'invalidNumber' }).check(
      z.int({ message: 'invalidNumber' }),
      z.gte(MIN_ADULTS_FLOOR, { message: 'minAdultsFloor' }),
      z.lte(10, { message: 'tooLarge' }),
    ),
  ),
})
export type SettingsInput = z.input<typeof SettingsInputSchema>

// Collective settings: calendar (zone, own, Alsace-Moselle), weekdays, ratio, minimum adults, the data's association.
import { z } from 'zod/mini'
import { HOLIDAY_ZONES, type HolidayZone } from './school-place.ts'
import { WeekdaySchema, type Weekday } from './dates.ts'
import { optionalShortText } from './text.ts'

/** Never fewer than two adults on a walk: one in front, one at the back. */
export const MIN_ADULTS_FLOOR = 2

export const HolidayZoneSchema = z.enum(HOLIDAY_ZONES)
export type { HolidayZone }

/** The association's registered name (the data controller families write to); official names run long. */
export const ASSOCIATION_NAME_MAX = 120
/** An e-mail address, or a postal address on one line with its postcode. */
export const ASSOCIATION_CONTACT_MAX = 200

// Characters a typed address may hold that would make a mailto: link say more than the address (?, &, #, /, :).
const EMAIL_ADDRESS = /^[^\s@?&#/:<>()[\]\\,;"']+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/
const POSTCODE = /(^|\D)\d{5}(\D|$)/

/** A contact that is an e-mail address (shown as a mailto: link), as opposed to a postal address. */
export const isEmailAddress = (text: string): boolean => EMAIL_ADDRESS.test(text)

/** Empty (not filled in), an e-mail address, or a postal address with a five-digit postcode; text with @ is an e-mail. */
const isAssociationContact = (text: string): boolean =>
  text === '' || (text.includes('@') ? isEmailAddress(text) : POSTCODE.test(text))

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
  /**
   * The association responsible for the collective's data (GDPR controller) and how to reach it, shown in "Vos
   * données"; '' when not filled in. In clear like the collective's name: the relay's host knows its client anyway.
   */
  associationName: z._default(z.string().check(z.maxLength(ASSOCIATION_NAME_MAX)), ''),
  associationContact: z._default(z.string().check(z.maxLength(ASSOCIATION_CONTACT_MAX)), ''),
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
  associationName: '',
  associationContact: '',
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
  associationName: z.optional(optionalShortText(ASSOCIATION_NAME_MAX)),
  associationContact: z.optional(z.pipe(
    optionalShortText(ASSOCIATION_CONTACT_MAX),
    z.string().check(z.refine(isAssociationContact, { message: 'invalidContact' })),
  )),
})
export type SettingsInput = z.input<typeof SettingsInputSchema>

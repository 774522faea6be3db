// The collective's profile (name, school, town): form input and stored record schemas; what creating one also asks.
import { z } from 'zod/mini'
import { HOLIDAY_ZONES, schoolPlaceOf, type HolidayZone } from './school-place.ts'
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

/**
 * "Créer un collectif": the profile, and where the school is (its postcode or département), from which its holiday
 * zone follows; `holidayZone` when the parent chose another zone than the derived one.
 */
export const NewCollectiveInputSchema = z.object({
  ...CollectiveProfileInputSchema.shape,
  schoolPlace: z.pipe(
    z.string(),
    z.string().check(
      z.refine((text) => text.trim() !== '', { message: 'required' }),
      z.refine((text) => text.trim() === '' || schoolPlaceOf(text) !== null, { message: 'unknownPostcode' }),
    ),
  ),
  holidayZone: z.optional(z.enum(HOLIDAY_ZONES)),
})
export type NewCollectiveInput = z.input<typeof NewCollectiveInputSchema>

/** The calendar a new collective starts with: its zone, or its académie's own calendar (Corse, overseas). */
export interface NewCollectiveCalendar {
  readonly holidayZone: HolidayZone
  readonly ownCalendar: boolean
  /** Bas-Rhin, Haut-Rhin, Moselle: two more public holidays (a setting the collective can change). */
  readonly alsaceMoselle: boolean
}

const ALSACE_MOSELLE_DEPARTMENTS: ReadonlySet<string> = new Set(['57', '67', '68'])

/** The new collective's calendar from a parsed input: the chosen zone, else the derived one. */
export const calendarOfNewCollective = (input: { schoolPlace: string; holidayZone?: HolidayZone }): NewCollectiveCalendar => {
  const place = schoolPlaceOf(input.schoolPlace)
  if (place?.kind === 'ownCalendar') return { holidayZone: input.holidayZone ?? 'A', ownCalendar: true, alsaceMoselle: false }
  const alsaceMoselle = place !== null && ALSACE_MOSELLE_DEPARTMENTS.has(place.department)
  return { holidayZone: input.holidayZone ?? place?.zone ?? 'A', ownCalendar: false, alsaceMoselle }
}

/** What the creating phone writes first: the profile and the calendar. */
export interface NewCollective {
  readonly profile: CollectiveProfile
  readonly calendar: NewCollectiveCalendar
}

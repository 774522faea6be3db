// What a partner (school, town hall, parents' association) sees through a read-only link (issue 18): lines, stops,
// times, operating days, holidays and this week's coverage, and nothing about any family, adult or child.
//
// The schema is the whole of what is published: a field not listed here cannot reach a partner, and the partner's page
// parses what it receives with it. No record id, no name of a person, no note, no count of children.
import { z } from 'zod/mini'
import { LocalDateSchema, TimeOfDaySchema, WeekdaySchema } from './dates.ts'
import { DirectionSchema } from './line.ts'

export const PARTNER_SUMMARY_VERSION = 1
/** What a member types to name a partner link ("École Jules-Ferry", "Mairie"): a place, never a person. */
export const PARTNER_LABEL_MAX = 60
/** Active partner links one collective may have (the relay keeps a reader per link). */
export const MAX_PARTNER_LINKS = 10

const text = (max: number) => z.string().check(z.maxLength(max))

export const PartnerStopSchema = z.object({
  name: text(60),
  aller: z.nullable(TimeOfDaySchema),
  retour: z.nullable(TimeOfDaySchema),
  stepFree: z.boolean(),
  dangerousCrossing: z.boolean(),
  /** The stop's access note as members wrote it for everyone on the line (a crossing, a ramp). */
  accessNote: text(300),
})

export const PartnerLineSchema = z.object({
  name: text(60),
  colour: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
  directions: z.array(DirectionSchema),
  days: z.array(WeekdaySchema),
  stops: z.array(PartnerStopSchema).check(z.maxLength(100)),
})

/** 'covered': enough adults; 'toFill': places left (à pourvoir); 'cancelled': holiday, public holiday, exception. */
export const PartnerWalkStateSchema = z.enum(['covered', 'toFill', 'cancelled'])

export const PartnerWalkSchema = z.object({
  date: LocalDateSchema,
  line: text(60),
  direction: DirectionSchema,
  time: z.nullable(TimeOfDaySchema),
  state: PartnerWalkStateSchema,
  /** Places still to fill (0 when covered or cancelled). */
  toFill: z.number().check(z.int(), z.gte(0), z.lte(50)),
  /** Why a cancelled walk does not run: 'holiday', 'publicHoliday' or 'exception' (never the exception's note). */
  cancelledBy: z.nullable(z.enum(['holiday', 'publicHoliday', 'exception'])),
})

export const PartnerHolidaySchema = z.object({ label: text(120), start: LocalDateSchema, end: LocalDateSchema })

export const PartnerSummarySchema = z.object({
  v: z.literal(PARTNER_SUMMARY_VERSION),
  /** The collective's name: chosen by its members and shown on its posters; null before it is set. */
  collective: z.nullable(text(80)),
  /** When a member's phone built it (ms since epoch): the page says "mis à jour le …". */
  publishedAt: z.number(),
  operatingWeekdays: z.array(WeekdaySchema),
  /** The school holidays' zone, or null for a school on its own académie's calendar. */
  holidayZone: z.nullable(z.enum(['A', 'B', 'C'])),
  nextHolidays: z.nullable(PartnerHolidaySchema),
  lines: z.array(PartnerLineSchema).check(z.maxLength(50)),
  /** The Monday of the week shown (Paris time). */
  weekOf: LocalDateSchema,
  week: z.array(PartnerWalkSchema).check(z.maxLength(500)),
  totals: z.object({
    walks: z.number(),
    covered: z.number(),
    toFill: z.number(),
    placesToFill: z.number(),
  }),
})
export type PartnerSummary = z.output<typeof PartnerSummarySchema>
export type PartnerWalk = z.output<typeof PartnerWalkSchema>
export type PartnerLine = z.output<typeof PartnerLineSchema>

/** The summary a partner's page received, or null when it is not one (a newer version, damaged). */
export const parsePartnerSummary = (json: string): PartnerSummary | null => {
  try {
    return PartnerSummarySchema.safeParse(JSON.parse(json)).data ?? null
  } catch {
    return null
  }
}

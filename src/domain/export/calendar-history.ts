// What a phone remembers of its last agenda export (its future events and SEQUENCE), and the rule it serves: a
// cancelled event goes only into a file whose agenda may hold that event, i.e. one a previous export held.
//
// Why a record on the phone: calendar apps (Google, Apple, Thunderbird, Outlook) import a METHOD:PUBLISH file by
// merging it on UID; none deletes an event that a re-imported file leaves out, and RFC 5546's METHOD:CANCEL is an
// invitation reply that file imports ignore. The only thing that clears a stale event is the same UID with a higher
// SEQUENCE and STATUS:CANCELLED. On a first import that same event would add a struck-through "Annulé" entry (Apple,
// Thunderbird) for a walk the agenda never had: so a cancellation is written only for a UID this phone exported.
import { z } from 'zod/mini'
import {
  periodUid, sequenceAt, walkUid, type CalendarPeriod, type CalendarWalk, type FamilyCalendar,
} from '../calendar/ics-export.ts'
import { compareDates, LocalDateSchema, TimeOfDaySchema, type LocalDate } from '../dates.ts'
import { AdultIdSchema, LineIdSchema } from '../ids.ts'
import { DirectionSchema } from '../line.ts'
import { SlotSchema } from '../signup.ts'

const StatusSchema = z.enum(['confirmed', 'cancelled'])
const NameSchema = z.string().check(z.maxLength(500))

const CalendarWalkSchema = z.object({
  lineId: LineIdSchema,
  lineName: NameSchema,
  date: LocalDateSchema,
  direction: DirectionSchema,
  slot: SlotSchema,
  adultId: AdultIdSchema,
  adultFirstName: NameSchema,
  status: StatusSchema,
  stops: z.array(z.object({ name: NameSchema, time: z.nullable(TimeOfDaySchema) })).check(z.maxLength(200)),
  start: z.nullable(z.object({ stopName: NameSchema, time: TimeOfDaySchema })),
  end: z.nullable(z.object({ date: LocalDateSchema, time: TimeOfDaySchema })),
})

const CalendarPeriodSchema = z.object({ start: LocalDateSchema, end: LocalDateSchema, status: StatusSchema })

/** The events of the last file this phone made for a family (from its day on), and that file's SEQUENCE. */
export const ExportedCalendarSchema = z.object({
  sequence: z.number().check(z.int(), z.nonnegative(), z.lte(2 ** 31 - 1)),
  walks: z.array(CalendarWalkSchema).check(z.maxLength(5_000)),
  periods: z.array(CalendarPeriodSchema).check(z.maxLength(500)),
})
export interface ExportedCalendar {
  readonly sequence: number
  readonly walks: readonly CalendarWalk[]
  readonly periods: readonly CalendarPeriod[]
}
/** Above the previous file's SEQUENCE, even when the phone's clock went back since. */
export const nextSequence = (now: number, previous: ExportedCalendar | null): number =>
  Math.max(sequenceAt(now), previous === null ? 0 : previous.sequence + 1)

/**
 * The file to write, from everything the family holds and lost (`calendar`) and the previous export: the events held
 * now, and as cancelled only those a previous export held, including ones the collective's records can no longer
 * name (a removed line, a rotation that moved): they come back from the record. Past events are left out.
 */
export const withExportHistory = (
  calendar: FamilyCalendar, previous: ExportedCalendar | null, today: LocalDate, now: number,
): FamilyCalendar => {
  const ahead = previous === null ? null : forgetPast(previous, today)
  const exportedWalks = new Set(ahead?.walks.map(walkUid))
  const walkUids = new Set(calendar.walks.map(walkUid))
  const uidOf = (period: CalendarPeriod): string => periodUid(period, calendar.familyId)
  const exportedPeriods = new Set(ahead?.periods.map(uidOf))
  const periodUids = new Set(calendar.periods.map(uidOf))
  const walks = [
    ...calendar.walks.filter((walk) => walk.status === 'confirmed' || exportedWalks.has(walkUid(walk))),
    ...(ahead?.walks ?? [])
      .filter((walk) => !walkUids.has(walkUid(walk)))
      .map((walk) => ({ ...walk, status: 'cancelled' as const })),
  ]
  const periods = [
    ...calendar.periods.filter((period) => period.status === 'confirmed' || exportedPeriods.has(uidOf(period))),
    ...(ahead?.periods ?? [])
      .filter((period) => !periodUids.has(uidOf(period)))
      .map((period) => ({ ...period, status: 'cancelled' as const })),
  ]
  return {
    ...calendar,
    sequence: nextSequence(now, previous),
    walks: walks.sort(compareCalendarWalks),
    periods: periods.sort((a, b) => compareDates(a.start, b.start)),
  }
}

/** What the phone keeps once `calendar` is written: its events from `today` on (cancelled ones too), its SEQUENCE. */
export const exportedCalendarOf = (calendar: FamilyCalendar, today: LocalDate): ExportedCalendar =>
  forgetPast({ sequence: calendar.sequence, walks: calendar.walks, periods: calendar.periods }, today)

const forgetPast = (record: ExportedCalendar, today: LocalDate): ExportedCalendar => ({
  sequence: record.sequence,
  walks: record.walks.filter((walk) => compareDates(walk.date, today) >= 0),
  periods: record.periods.filter((period) => compareDates(period.end, today) >= 0),
})

/** Date, then start time, then direction, line and adult: the order of the file (agenda apps sort anyway). */
export const compareCalendarWalks = (a: CalendarWalk, b: CalendarWalk): number =>
  compareDates(a.date, b.date) ||
  (a.start?.time ?? '').localeCompare(b.start?.time ?? '') ||
  a.direction.localeCompare(b.direction) ||
  a.lineId.localeCompare(b.lineId) ||
  a.adultId.localeCompare(b.adultId)

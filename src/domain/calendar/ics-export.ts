// The .ics export (RFC 5545) of a family's coming walks, coordinator periods and meetings: plain data to the file's text.
//
// The file leaves the app and syncs to third-party calendar servers: it carries line and stop
// names, times and the adult's first name only; never a phone number nor a child's name; of a meeting, its kind and
// time only (its place and agenda are sealed personal values: a home address, names).
import { addDays, type LocalDate, type TimeOfDay } from '../dates.ts'
import type { AdultId, FamilyId, LineId } from '../ids.ts'
import type { Direction } from '../line.ts'
import type { MeetingKind } from '../meeting.ts'
import type { Slot } from '../signup.ts'
import { escapeText, icsDate, icsLocalDateTime, icsUtcDateTime, joinContentLines } from './ics-text.ts'
import { PARIS_TIME_ZONE } from './paris-time.ts'

export interface CalendarStop {
  readonly name: string
  /** Time of passage in this direction, null when the line does not give one. */
  readonly time: TimeOfDay | null
}

/**
 * confirmed: the adult holds the slot and the walk runs (the family holds the period); cancelled: the walk is
 * cancelled, or the slot (the period) was given up.
 */
export type CalendarWalkStatus = 'confirmed' | 'cancelled'

/** A walk on which one adult of the family holds, or held, a slot. */
export interface CalendarWalk {
  readonly lineId: LineId
  readonly lineName: string
  readonly date: LocalDate
  readonly direction: Direction
  readonly slot: Slot
  readonly adultId: AdultId
  readonly adultFirstName: string
  readonly status: CalendarWalkStatus
  /** The line's stops in walking order (aller: line order; retour: reversed). */
  readonly stops: readonly CalendarStop[]
  /** Where and when the walk starts (the earliest time of passage); null when no stop has a time: an all-day event. */
  readonly start: { readonly stopName: string; readonly time: TimeOfDay } | null
  /** Paris wall-clock end: the last time of passage, or the start + 45 min when none is later. */
  readonly end: { readonly date: LocalDate; readonly time: TimeOfDay } | null
}

/** A coordinator period the family holds, or held, both days included. */
export interface CalendarPeriod {
  readonly start: LocalDate
  readonly end: LocalDate
  readonly status: CalendarWalkStatus
}

/** A meeting of the collective from today on; a cancelled one stays, so an agenda that imported it marks it cancelled. */
export interface CalendarMeeting {
  readonly id: string
  readonly kind: MeetingKind | undefined
  readonly date: LocalDate
  /** Null for a meeting without a time (written before times were asked): an all-day event. */
  readonly start: TimeOfDay | null
  readonly end: { readonly date: LocalDate; readonly time: TimeOfDay } | null
  readonly status: CalendarWalkStatus
}

export interface FamilyCalendar {
  readonly familyId: FamilyId
  readonly collectiveName: string
  /** The file's SEQUENCE (see sequenceAt): above the previous export's. */
  readonly sequence: number
  readonly walks: readonly CalendarWalk[]
  readonly periods: readonly CalendarPeriod[]
  /** Absent in calendars built before meetings (calendar-history tests): none. */
  readonly meetings?: readonly CalendarMeeting[]
}

/** The words of the file, in the phone's language (filled by the interface from its translations). */
export interface CalendarTexts {
  readonly calendarName: (collectiveName: string) => string
  /** "Pédibus – Ligne Verte, aller (conducteur)". */
  readonly walkSummary: (walk: CalendarWalk) => string
  /** "Annulé – Pédibus – …": the summary of a cancelled walk, from its usual summary. */
  readonly cancelledSummary: (summary: string) => string
  /** "Camille, conducteur": who holds the slot. */
  readonly walkHolder: (walk: CalendarWalk) => string
  readonly stopsHeading: string
  /** Shown after the name of a stop without a time: "horaire non précisé". */
  readonly noTime: string
  readonly coordinationSummary: string
  readonly coordinationDescription: (period: CalendarPeriod) => string
  /** "Pédibus – assemblée du collectif". */
  readonly meetingSummary: (meeting: CalendarMeeting) => string
  /** Where to read the place and agenda, which the file does not carry. */
  readonly meetingDescription: string
}

export interface FamilyCalendarIcsInput extends FamilyCalendar {
  /** When the file is made (epoch ms): DTSTAMP. */
  readonly now: number
  readonly texts: CalendarTexts
}

export const ICS_UID_DOMAIN = 'pedibus-coop'
export const ICS_PRODID = '-//Pedibus Coop//Agenda famille//FR'

/** Stable per walk and adult: re-importing the file updates the event instead of adding a copy. */
export const walkUid = (walk: Pick<CalendarWalk, 'lineId' | 'date' | 'direction' | 'adultId'>): string =>
  `${walk.lineId}-${walk.date}-${walk.direction}-${walk.adultId}@${ICS_UID_DOMAIN}`

/** Stable per period and family. */
export const periodUid = (period: Pick<CalendarPeriod, 'start'>, familyId: FamilyId): string =>
  `${period.start}-${familyId}-coordination@${ICS_UID_DOMAIN}`

/** Stable per meeting: editing its time moves the imported event. */
export const meetingUid = (meeting: Pick<CalendarMeeting, 'id'>): string => `meeting-${meeting.id}@${ICS_UID_DOMAIN}`

const SEQUENCE_ORIGIN = Date.UTC(2026, 0, 1)

/**
 * SEQUENCE: whole minutes since 2026-01-01 UTC at export time. Agenda apps keep an imported
 * event unless the new copy's SEQUENCE is at least as high (some require higher), and the file
 * cannot know what changed since the last export (a stop time, a swap). A value that only grows
 * with the export time makes every later export the newer revision, while staying deterministic
 * (same `now`, same file) and far below the 2^31 limit of many readers. A content hash would not
 * grow, so an edit could be refused as older; a constant 0 relies on lenient readers.
 */
export const sequenceAt = (now: number): number => Math.max(0, Math.floor((now - SEQUENCE_ORIGIN) / 60_000))

/** Europe/Paris with the EU rule (last Sunday of March 02:00 -> 03:00, last Sunday of October 03:00 -> 02:00). */
const PARIS_VTIMEZONE: readonly string[] = [
  'BEGIN:VTIMEZONE',
  `TZID:${PARIS_TIME_ZONE}`,
  `X-LIC-LOCATION:${PARIS_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

const walkDescription = (walk: CalendarWalk, texts: CalendarTexts): string =>
  [texts.walkHolder(walk), texts.stopsHeading, ...walk.stops.map((stop) => (stop.time === null ? `${stop.name} (${texts.noTime})` : `${stop.time} ${stop.name}`))].join('\n')

/** Timed in Paris wall-clock time; a walk whose line gives no time is an all-day event rather than a made-up hour. */
const walkTimes = (walk: CalendarWalk): string[] =>
  walk.start === null || walk.end === null
    ? [`DTSTART;VALUE=DATE:${icsDate(walk.date)}`, `DTEND;VALUE=DATE:${icsDate(addDays(walk.date, 1))}`]
    : [
        `DTSTART;TZID=${PARIS_TIME_ZONE}:${icsLocalDateTime(walk.date, walk.start.time)}`,
        `DTEND;TZID=${PARIS_TIME_ZONE}:${icsLocalDateTime(walk.end.date, walk.end.time)}`,
      ]

const walkSummary = (walk: CalendarWalk, texts: CalendarTexts): string =>
  walk.status === 'cancelled' ? texts.cancelledSummary(texts.walkSummary(walk)) : texts.walkSummary(walk)

/**
 * A cancelled walk keeps the UID it had when held and says STATUS:CANCELLED: agenda apps never
 * delete an event that a re-imported file leaves out, but they do mark it cancelled (which walks
 * may be cancelled in a file: src/domain/export/calendar-history.ts).
 */
const walkEvent = (walk: CalendarWalk, stamp: string, sequence: number, texts: CalendarTexts): string[] => [
  'BEGIN:VEVENT',
  `UID:${walkUid(walk)}`,
  `DTSTAMP:${stamp}`,
  `SEQUENCE:${sequence}`,
  ...walkTimes(walk),
  `SUMMARY:${escapeText(walkSummary(walk, texts))}`,
  ...(walk.start === null ? [] : [`LOCATION:${escapeText(walk.start.stopName)}`]),
  `DESCRIPTION:${escapeText(walkDescription(walk, texts))}`,
  walk.status === 'cancelled' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
  // A cancelled walk no longer takes the adult's time.
  walk.status === 'cancelled' ? 'TRANSP:TRANSPARENT' : 'TRANSP:OPAQUE',
  'END:VEVENT',
]

/** All day, DTEND exclusive (the day after the period's last day); transparent: the duty does not fill the agenda. */
const periodEvent = (period: CalendarPeriod, familyId: FamilyId, stamp: string, sequence: number, texts: CalendarTexts): string[] => [
  'BEGIN:VEVENT',
  `UID:${periodUid(period, familyId)}`,
  `DTSTAMP:${stamp}`,
  `SEQUENCE:${sequence}`,
  `DTSTART;VALUE=DATE:${icsDate(period.start)}`,
  `DTEND;VALUE=DATE:${icsDate(addDays(period.end, 1))}`,
  `SUMMARY:${escapeText(period.status === 'cancelled'
    ? texts.cancelledSummary(texts.coordinationSummary)
    : texts.coordinationSummary)}`,
  `DESCRIPTION:${escapeText(texts.coordinationDescription(period))}`,
  period.status === 'cancelled' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
  'TRANSP:TRANSPARENT',
  'END:VEVENT',
]

const meetingEvent = (meeting: CalendarMeeting, stamp: string, sequence: number, texts: CalendarTexts): string[] => [
  'BEGIN:VEVENT',
  `UID:${meetingUid(meeting)}`,
  `DTSTAMP:${stamp}`,
  `SEQUENCE:${sequence}`,
  ...(meeting.start === null || meeting.end === null
    ? [`DTSTART;VALUE=DATE:${icsDate(meeting.date)}`, `DTEND;VALUE=DATE:${icsDate(addDays(meeting.date, 1))}`]
    : [
        `DTSTART;TZID=${PARIS_TIME_ZONE}:${icsLocalDateTime(meeting.date, meeting.start)}`,
        `DTEND;TZID=${PARIS_TIME_ZONE}:${icsLocalDateTime(meeting.end.date, meeting.end.time)}`,
      ]),
  `SUMMARY:${escapeText(meeting.status === 'cancelled'
    ? texts.cancelledSummary(texts.meetingSummary(meeting))
    : texts.meetingSummary(meeting))}`,
  `DESCRIPTION:${escapeText(texts.meetingDescription)}`,
  meeting.status === 'cancelled' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
  meeting.status === 'cancelled' ? 'TRANSP:TRANSPARENT' : 'TRANSP:OPAQUE',
  'END:VEVENT',
]

/** The whole VCALENDAR, CRLF line endings, folded at 75 octets. */
export const familyCalendarIcs = (input: FamilyCalendarIcsInput): string => {
  const stamp = icsUtcDateTime(input.now)
  const sequence = input.sequence
  return joinContentLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.texts.calendarName(input.collectiveName))}`,
    `X-WR-TIMEZONE:${PARIS_TIME_ZONE}`,
    `X-WR-RELCALID:${input.familyId}@${ICS_UID_DOMAIN}`,
    ...PARIS_VTIMEZONE,
    ...input.walks.flatMap((walk) => walkEvent(walk, stamp, sequence, input.texts)),
    ...input.periods.flatMap((period) => periodEvent(period, input.familyId, stamp, sequence, input.texts)),
    ...(input.meetings ?? []).flatMap((meeting) => meetingEvent(meeting, stamp, sequence, input.texts)),
    'END:VCALENDAR',
  ])
}

/**
 * 'pedibus-les-ecureuils.ics': the collective's name without accents or punctuation; a name that
 * already starts with "Pédibus" is not prefixed twice, and 'pedibus.ics' when nothing is left.
 */
export const icsFileName = (collectiveName: string): string => {
  const slug = collectiveName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  if (slug === '' || slug === 'pedibus') return 'pedibus.ics'
  return slug.startsWith('pedibus-') ? `${slug}.ics` : `pedibus-${slug}.ics`
}

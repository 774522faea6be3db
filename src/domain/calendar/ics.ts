// ICS (RFC 5545) import of holiday periods: VEVENTs read with their dates and zones, one zone's periods built from
// them (ics-periods.ts); never throws.
import { NOTE_MAX } from '../calendar-records.ts'
import { addDays, LocalDateSchema, type LocalDate } from '../dates.ts'
import { err, ok, type Result } from '../../lib/result.ts'
import { holidaysOfZone, type IcsEvent, type IcsHoliday } from './ics-periods.ts'
import { sortZones, splitZoneSuffix, zonesOfLocation, type IcsZone } from './ics-zones.ts'
import { instantToParisDate } from './paris-time.ts'

export type { IcsEvent, IcsHoliday } from './ics-periods.ts'
export { ICS_ZONES, type IcsZone } from './ics-zones.ts'

/**
 * 'zoneRequired': the file holds several zones (the ministry's combined file) and no zone of it was chosen: nothing
 * is imported until one is, so a collective never gets every zone's holidays at once.
 */
export type IcsError = 'invalidIcs' | 'noEvents' | 'zoneRequired'

/** A calendar file as read: its usable events, and the zones they name (in ICS_ZONES order; empty: none named). */
export interface IcsCalendar {
  readonly events: readonly IcsEvent[]
  readonly zones: readonly IcsZone[]
}

/** A school-holiday calendar is a few kB; the official all-zones file is well under this. */
export const MAX_ICS_CHARS = 2_000_000
export const MAX_ICS_EVENTS = 5_000
export const DEFAULT_HOLIDAY_LABEL = 'Vacances'

interface Property {
  readonly name: string
  readonly params: readonly string[]
  readonly value: string
}

/** Unfolds continuation lines (CRLF or LF followed by a space or tab) and splits into lines. */
const unfold = (text: string): string[] => text.replace(/\r\n|\r/g, '\n').replace(/\n[ \t]/g, '').split('\n')

/** NAME;PARAM=x;PARAM="a:b":VALUE; the first colon outside quotes ends the name and parameters. */
const parseProperty = (line: string): Property | null => {
  let quoted = false
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]
    if (char === '"') quoted = !quoted
    else if (char === ':' && !quoted) {
      const [name = '', ...params] = line.slice(0, i).split(';')
      return { name: name.trim().toUpperCase(), params: params.map((p) => p.trim().toUpperCase()), value: line.slice(i + 1) }
    }
  }
  return null
}

const BASIC_DATE = /^(\d{4})(\d{2})(\d{2})$/
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/

const dateFromParts = (y: string, m: string, d: string): LocalDate | null => {
  const parsed = LocalDateSchema.safeParse(`${y}-${m}-${d}`)
  return parsed.success ? parsed.data : null
}

/**
 * A DATE or DATE-TIME value as a Paris date, whether it was at midnight, and `at`, which is equal for two values of
 * the same moment (a zero-length event: DTEND = DTSTART). UTC values are read in Paris time.
 */
interface DateValue {
  readonly date: LocalDate
  readonly midnight: boolean
  readonly at: string
}

const parseDateValue = (value: string): DateValue | null => {
  const trimmed = value.trim()
  const dateOnly = BASIC_DATE.exec(trimmed)
  if (dateOnly) {
    const date = dateFromParts(dateOnly[1] ?? '', dateOnly[2] ?? '', dateOnly[3] ?? '')
    return date === null ? null : { date, midnight: true, at: `${date}T000000` }
  }
  const dateTime = DATE_TIME.exec(trimmed)
  if (!dateTime) return null
  const [, y = '', m = '', d = '', hh = '', mm = '', ss = '', utc] = dateTime
  if (utc === 'Z') {
    const instant = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm), Number(ss))
    if (!Number.isFinite(instant)) return null
    const date = instantToParisDate(instant)
    const midnightInParis = instantToParisDate(instant - 1) !== date
    return { date, midnight: midnightInParis, at: `Z${instant}` }
  }
  const date = dateFromParts(y, m, d)
  if (date === null) return null
  return { date, midnight: hh === '00' && mm === '00' && ss === '00', at: `${date}T${hh}${mm}${ss}` }
}

/** Only whole days and weeks matter for holidays: P1D, P2W, P1DT0H...; P0D or PT0S is a zero-length event (0). */
const parseDurationDays = (value: string): number | null => {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(.*))?$/.exec(value.trim().toUpperCase())
  if (!match) return null
  const days = Number(match[1] ?? 0) * 7 + Number(match[2] ?? 0)
  const zeroTime = match[3] !== undefined && /^(?:0+[HMS])+$/.test(match[3])
  if (match[1] === undefined && match[2] === undefined) return zeroTime ? 0 : null
  return days >= 0 && days < 3660 ? days : null
}

const unescapeText = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? ' ' : char))

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g

const cleanText = (value: string | undefined): string =>
  unescapeText(value ?? '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim()

/**
 * One event's dates, name and zones. DTEND is exclusive (RFC 5545): a DATE end, or a date-time end at midnight,
 * means the day before is the last one. A DTEND equal to DTSTART, a zero DURATION or neither is a zero-length event
 * (end null), which the ministry uses for a period's start and for the rentrée (ics-periods.ts reads them).
 * The zones come from LOCATION and the last " - " pieces of SUMMARY and DESCRIPTION, which the name leaves out.
 */
const readEvent = (props: ReadonlyMap<string, string>): IcsEvent | null => {
  const startValue = props.get('DTSTART')
  const start = startValue === undefined ? null : parseDateValue(startValue)
  if (start === null) return null
  let end: LocalDate | null = null
  const endValue = props.get('DTEND')
  const durationValue = props.get('DURATION')
  if (endValue !== undefined) {
    const parsed = parseDateValue(endValue)
    if (parsed === null) return null
    if (parsed.at !== start.at) end = parsed.midnight ? addDays(parsed.date, -1) : parsed.date
  } else if (durationValue !== undefined) {
    const days = parseDurationDays(durationValue)
    if (days === null) return null
    if (days > 0) end = addDays(start.date, days - 1)
  }
  if (end !== null && end < start.date) return null
  const summary = splitZoneSuffix(cleanText(props.get('SUMMARY')))
  const description = splitZoneSuffix(cleanText(props.get('DESCRIPTION')))
  const label = (summary.name || description.name).slice(0, NOTE_MAX).trim() || DEFAULT_HOLIDAY_LABEL
  const location = zonesOfLocation(cleanText(props.get('LOCATION')))
  const zones = sortZones([...summary.zones, ...description.zones, ...location])
  return { start: start.date, end, label, zones }
}

/**
 * The usable events of an ICS file and the zones they name. Other components (VTODO, VTIMEZONE, VALARM inside an
 * event) are skipped; events without a usable DTSTART are skipped; no VCALENDAR, a component left open or closed
 * out of order, or too big: invalidIcs (the whole file is refused, nothing is taken from it).
 */
export const readHolidayIcs = (text: unknown): Result<IcsCalendar, IcsError> => {
  if (typeof text !== 'string' || text.length > MAX_ICS_CHARS) return err('invalidIcs')
  const lines = unfold(text.replace(/^\uFEFF/, ''))
  const stack: string[] = []
  let sawCalendar = false
  let current: Map<string, string> | null = null
  const events: IcsEvent[] = []
  for (const line of lines) {
    const prop = parseProperty(line)
    if (prop === null) continue
    if (prop.name === 'BEGIN') {
      const component = prop.value.trim().toUpperCase()
      if (component === 'VCALENDAR') sawCalendar = true
      stack.push(component)
      if (component === 'VEVENT' && stack.length === 2 && stack[0] === 'VCALENDAR') current = new Map()
    } else if (prop.name === 'END') {
      const component = prop.value.trim().toUpperCase()
      if (stack[stack.length - 1] !== component) return err('invalidIcs')
      stack.pop()
      if (component === 'VEVENT' && current !== null) {
        const event = readEvent(current)
        if (event !== null) events.push(event)
        if (events.length > MAX_ICS_EVENTS) return err('invalidIcs')
        current = null
      }
    } else if (current !== null && stack[stack.length - 1] === 'VEVENT' && !current.has(prop.name)) {
      current.set(prop.name, prop.value)
    }
  }
  if (!sawCalendar || stack.length > 0) return err('invalidIcs')
  if (events.length === 0) return err('noEvents')
  return ok({ events, zones: sortZones(events.flatMap((event) => event.zones)) })
}

/**
 * Holiday periods of an ICS file, sorted by start, end and label. A file naming several zones gives those of `zone`
 * (zoneRequired when it is not one of them); a file naming one zone or none gives all of its periods, whatever
 * `zone` says. noEvents when nothing is left to import (a file of rentrées only, or a zone without periods).
 */
export const parseHolidayIcs = (text: unknown, zone?: IcsZone): Result<IcsHoliday[], IcsError> => {
  const read = readHolidayIcs(text)
  if (!read.ok) return read
  const { events, zones } = read.value
  const several = zones.length > 1
  if (several && (zone === undefined || !zones.includes(zone))) return err('zoneRequired')
  const holidays = holidaysOfZone(events, several && zone !== undefined ? zone : null)
  return holidays.length === 0 ? err('noEvents') : ok(holidays)
}

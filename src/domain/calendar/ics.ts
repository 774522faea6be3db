// ICS (RFC 5545) import of holiday periods: VEVENTs with dates become inclusive {start, end, label}; never throws.
import { NOTE_MAX } from '../calendar-records.ts'
import { addDays, LocalDateSchema, type LocalDate } from '../dates.ts'
import { err, ok, type Result } from '../../lib/result.ts'
import { instantToParisDate } from './paris-time.ts'

export interface IcsHoliday {
  readonly start: LocalDate
  readonly end: LocalDate
  readonly label: string
}

export type IcsError = 'invalidIcs' | 'noEvents'

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

/** A DATE or DATE-TIME value as a Paris date and whether it was at midnight. UTC values are read in Paris time. */
const parseDateValue = (value: string): { date: LocalDate; midnight: boolean } | null => {
  const trimmed = value.trim()
  const dateOnly = BASIC_DATE.exec(trimmed)
  if (dateOnly) {
    const date = dateFromParts(dateOnly[1] ?? '', dateOnly[2] ?? '', dateOnly[3] ?? '')
    return date === null ? null : { date, midnight: true }
  }
  const dateTime = DATE_TIME.exec(trimmed)
  if (!dateTime) return null
  const [, y = '', m = '', d = '', hh = '', mm = '', ss = '', utc] = dateTime
  if (utc === 'Z') {
    const instant = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm), Number(ss))
    if (!Number.isFinite(instant)) return null
    const date = instantToParisDate(instant)
    const midnightInParis = instantToParisDate(instant - 1) !== date
    return { date, midnight: midnightInParis }
  }
  const date = dateFromParts(y, m, d)
  return date === null ? null : { date, midnight: hh === '00' && mm === '00' && ss === '00' }
}

/** Only whole days and weeks matter for holidays: P1D, P2W, P1DT0H... */
const parseDurationDays = (value: string): number | null => {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T.*)?$/.exec(value.trim().toUpperCase())
  if (!match || (match[1] === undefined && match[2] === undefined)) return null
  const days = Number(match[1] ?? 0) * 7 + Number(match[2] ?? 0)
  return days > 0 && days < 3660 ? days : null
}

const unescapeText = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? ' ' : char))

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g

const cleanLabel = (summary: string | undefined): string => {
  const label = unescapeText(summary ?? '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim().slice(0, NOTE_MAX)
  return label === '' ? DEFAULT_HOLIDAY_LABEL : label
}

/**
 * The inclusive period of one event. DTEND is exclusive (RFC 5545): a DATE end, or a date-time
 * end at midnight, means the day before is the last one; without DTEND a date event lasts a day.
 */
const eventToHoliday = (props: ReadonlyMap<string, string>): IcsHoliday | null => {
  const startValue = props.get('DTSTART')
  const start = startValue === undefined ? null : parseDateValue(startValue)
  if (start === null) return null
  let end: LocalDate = start.date
  const endValue = props.get('DTEND')
  const durationValue = props.get('DURATION')
  if (endValue !== undefined) {
    const parsed = parseDateValue(endValue)
    if (parsed === null) return null
    end = parsed.midnight ? addDays(parsed.date, -1) : parsed.date
  } else if (durationValue !== undefined) {
    const days = parseDurationDays(durationValue)
    if (days === null) return null
    end = addDays(start.date, days - 1)
  }
  if (end < start.date) return null
  return { start: start.date, end, label: cleanLabel(props.get('SUMMARY')) }
}

/** Events of the calendar, sorted by start then end then label, duplicates removed. */
const sortUnique = (holidays: IcsHoliday[]): IcsHoliday[] => {
  const byKey = new Map(holidays.map((h) => [`${h.start}|${h.end}|${h.label}`, h]))
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, h]) => h)
}

/**
 * Holiday periods of an ICS file. Other components (VTODO, VTIMEZONE, VALARM inside an event)
 * are skipped; events without a usable DTSTART are skipped; no VCALENDAR or too big: invalidIcs.
 */
export const parseHolidayIcs = (text: unknown): Result<IcsHoliday[], IcsError> => {
  if (typeof text !== 'string' || text.length > MAX_ICS_CHARS) return err('invalidIcs')
  const lines = unfold(text.replace(/^\uFEFF/, ''))
  const stack: string[] = []
  let sawCalendar = false
  let current: Map<string, string> | null = null
  const holidays: IcsHoliday[] = []
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
        const holiday = eventToHoliday(current)
        if (holiday !== null) holidays.push(holiday)
        if (holidays.length > MAX_ICS_EVENTS) return err('invalidIcs')
        current = null
      }
    } else if (current !== null && stack[stack.length - 1] === 'VEVENT' && !current.has(prop.name)) {
      current.set(prop.name, prop.value)
    }
  }
  if (!sawCalendar || stack.length > 0) return err('invalidIcs')
  return holidays.length === 0 ? err('noEvents') : ok(sortUnique(holidays))
}

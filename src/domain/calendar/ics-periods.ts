// One zone's holiday periods from the events of an .ics file: zero-length events used as the ministry means them (a
// period's start, the day classes resume, or one day off) and the spans zones share joined back into one period.
import { addDays, daysBetween, type LocalDate } from '../dates.ts'
import { foldText, type IcsZone } from './ics-zones.ts'

/** One VEVENT as read: dates in Paris, its name without the zones, the zones it names. */
export interface IcsEvent {
  readonly start: LocalDate
  /** The last day (inclusive); null for a zero-length event: DTEND equal to DTSTART, or neither DTEND nor DURATION. */
  readonly end: LocalDate | null
  readonly label: string
  /** The zones the event names; none: it applies to every zone of the file. */
  readonly zones: readonly IcsZone[]
}

/** An inclusive period of days without school, as imported. */
export interface IcsHoliday {
  readonly start: LocalDate
  readonly end: LocalDate
  readonly label: string
}

/**
 * What a zero-length event marks. The ministry writes "Début des Vacances d'Été" (the summer starts; its end is the
 * next rentrée, published with the next year) and "Rentrée scolaire des élèves" (classes resume that morning, the
 * arrêté's `classesResumeOn`) as zero-length events; older files give "Vacances d'été" a DTSTART and no DTEND.
 * Teachers' days (prérentrée) are no day off for pupils. Anything else ("Lundi de Pentecôte") is that one day.
 */
type Marker = 'start' | 'resume' | 'day' | 'skip'

const markerOf = (label: string): Marker => {
  const text = foldText(label)
  if (/enseignant|professeur/.test(text)) return 'skip'
  if (/(^| )(rentree|reprise)( |$)/.test(text)) return 'resume'
  if (/(^| )(debut|vacances|conges)( |$)/.test(text)) return 'start'
  return 'day'
}

/** "Début des Vacances d'Été" names the period "Vacances d'Été". */
const periodName = (label: string): string => {
  const name = label.replace(/^d[ée]but\s+(des|du|de la|de l['’]|d['’])\s*/i, '')
  return name === '' ? label : name.charAt(0).toUpperCase() + name.slice(1)
}

/** The longest closure of a school year is the summer (about nine weeks): a rentrée further off ends another. */
const MAX_OPEN_DAYS = 100
/**
 * A rentrée up to a week after a period's last day: the days between have no class either (a summer given to
 * 31 August in a file whose rentrée is Thursday 2 September leaves Wednesday 1 without school).
 */
const RESUME_GAP_DAYS = 7

/**
 * A summer start with no rentrée after it in the file (the next year's calendar is not out) runs to 31 August, as the
 * shipped data shows the last summer; any other start without an end is its one day.
 */
const endWithoutResume = (start: LocalDate): LocalDate => {
  const month = Number(start.slice(5, 7))
  return month >= 6 && month <= 8 ? (`${start.slice(0, 4)}-08-31` as LocalDate) : start
}

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const compare = (a: IcsHoliday, b: IcsHoliday): number =>
  order(a.start, b.start) || order(a.end, b.end) || order(a.label, b.label)

/**
 * Sorted by start, end, label. A period with the same name as one it touches or overlaps is joined to it (the ministry
 * cuts zone A's winter in the weeks it shares with B and with C); one inside another adds no day and is dropped.
 */
const joinPeriods = (periods: readonly IcsHoliday[]): IcsHoliday[] => {
  const joined: { start: LocalDate; end: LocalDate; label: string }[] = []
  for (const period of [...periods].sort(compare)) {
    const same = joined.find((kept) => kept.label === period.label && period.start <= addDays(kept.end, 1))
    if (same !== undefined) {
      if (period.end > same.end) same.end = period.end
    } else if (!joined.some((kept) => kept.start <= period.start && period.end <= kept.end)) {
      joined.push({ ...period })
    }
  }
  return joined.sort(compare)
}

/** Every rentrée ends the period before it: a period that ended up to RESUME_GAP_DAYS earlier runs to its eve. */
const runToResumes = (periods: IcsHoliday[], resumes: readonly LocalDate[]): IcsHoliday[] => {
  for (const resume of resumes) {
    let latest = -1
    periods.forEach((period, index) => {
      if (period.end < resume && (latest < 0 || period.end > (periods[latest]?.end ?? period.end))) latest = index
    })
    const before = periods[latest]
    if (before === undefined) continue
    const gap = daysBetween(before.end, resume) - 1
    if (gap >= 1 && gap <= RESUME_GAP_DAYS) periods[latest] = { ...before, end: addDays(resume, -1) }
  }
  return periods
}

/**
 * The holiday periods of one zone (null: every event, for a file naming one zone or none): events naming the zone or
 * no zone, zero-length ones read as markers, then joined. A start is ended by the first rentrée after it.
 */
export const holidaysOfZone = (events: readonly IcsEvent[], zone: IcsZone | null): IcsHoliday[] => {
  const periods: IcsHoliday[] = []
  const starts: IcsEvent[] = []
  const resumes: LocalDate[] = []
  for (const event of events) {
    if (zone !== null && event.zones.length > 0 && !event.zones.includes(zone)) continue
    if (event.end !== null) {
      periods.push({ start: event.start, end: event.end, label: event.label })
      continue
    }
    const marker = markerOf(event.label)
    if (marker === 'start') starts.push(event)
    else if (marker === 'resume') resumes.push(event.start)
    else if (marker === 'day') periods.push({ start: event.start, end: event.start, label: event.label })
  }
  resumes.sort()
  for (const start of starts) {
    const resume = resumes.find((date) => date > start.start && daysBetween(start.start, date) <= MAX_OPEN_DAYS)
    const end = resume === undefined ? endWithoutResume(start.start) : addDays(resume, -1)
    periods.push({ start: start.start, end, label: periodName(start.label) })
  }
  return joinPeriods(runToResumes(joinPeriods(periods), resumes))
}

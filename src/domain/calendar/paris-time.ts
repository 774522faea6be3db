// Civil dates and times in Europe/Paris to epoch-ms instants and back, correct across daylight-saving changes.
//
// Walks happen at a Paris wall-clock time whatever the phone's zone; urgency ("within 48 h") compares
// instants. Intl carries the tz database, so no table of DST dates is kept here.
import { localDate, type LocalDate, type TimeOfDay } from '../dates.ts'

export const PARIS_TIME_ZONE = 'Europe/Paris'

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARIS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

interface WallClock {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
}

const wallClockAt = (instant: number): WallClock => {
  const parts: Record<string, number> = {}
  for (const part of formatter.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  }
}

/** Paris offset from UTC at that instant, in ms (+1 h in winter, +2 h in summer). */
const offsetAt = (instant: number): number => {
  const wall = wallClockAt(instant)
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
  return asUtc - Math.floor(instant / 1000) * 1000
}

/**
 * The instant of a Paris wall-clock time. In the hour skipped in March (02:00-02:59) the time is
 * read with the winter offset, i.e. one hour later in summer time; in the hour repeated in
 * October the first (summer) occurrence is returned. Walks never start at those hours.
 */
export const parisToInstant = (date: LocalDate, time: TimeOfDay): number => {
  const key = `${date}T${time}`
  let instant = instants.get(key)
  if (instant === undefined) {
    if (instants.size >= INSTANTS_MAX) instants.clear()
    instants.set(key, (instant = computeParisInstant(date, time)))
  }
  return instant
}

/**
 * Instants already computed: each render asks for the start of every walk it shows (past? urgent?) and each costs
 * three or four Intl formatToParts calls (a tenth of a sign-up tap at 150 families, CPU x4). A pure function of
 * its two strings; bounded, emptied past a few school years of walk starts.
 */
const instants = new Map<string, number>()
const INSTANTS_MAX = 20_000

const computeParisInstant = (date: LocalDate, time: TimeOfDay): number => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const [hour, minute] = time.split(':').map(Number) as [number, number]
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute)
  // The offset a day before and a day after: equal except around a change, which is at most one a day.
  const before = wallAsUtc - offsetAt(wallAsUtc - 86_400_000)
  const after = wallAsUtc - offsetAt(wallAsUtc + 86_400_000)
  const shown = [before, after].filter((instant) => instant + offsetAt(instant) === wallAsUtc)
  return shown.length > 0 ? Math.min(...shown) : before
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** The Paris calendar date at that instant. */
export const instantToParisDate = (instant: number): LocalDate => {
  const wall = wallClockAt(instant)
  return localDate(`${wall.year}-${pad(wall.month)}-${pad(wall.day)}`)
}

/** The Paris wall-clock time at that instant, 'HH:MM'. */
export const instantToParisTime = (instant: number): TimeOfDay => {
  const wall = wallClockAt(instant)
  return `${pad(wall.hour)}:${pad(wall.minute)}` as TimeOfDay
}

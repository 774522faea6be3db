// A walk's progress: its stops in walking order, the departure marked at each, the departure from school and the arrival.
//
// Two adults may both tap "parti" at a stop: the earliest in logical order is shown, so every
// phone shows the same. An undo rewrites the device's own entry as cancelled.
import { instantToParisDate, instantToParisTime } from '../calendar/paris-time.ts'
import type { LocalDate, TimeOfDay } from '../dates.ts'
import { compareStops, type Stop } from '../line.ts'
import type { CollectiveModel } from '../model.ts'
import { compareLogical } from '../record-order.ts'
import { walkKeyOf, type WalkRef } from '../signup.ts'
import type { WalkEvent, WalkEventKind, WalkLogRecords } from './records.ts'
import type { WalkProgress, WalkStopProgress } from './types.ts'

/** The line's stops as walked: stop order to school (aller), reversed from school (retour). */
export const walkStopsInOrder = (model: Pick<CollectiveModel, 'stops'>, walk: Pick<WalkRef, 'lineId' | 'direction'>): Stop[] => {
  const stops = model.stops.filter((stop) => stop.lineId === walk.lineId).sort(compareStops)
  return walk.direction === 'retour' ? stops.reverse() : stops
}

// '2027-03-02T08:27:00+01:00' as authorTime writes it (seconds and fraction optional, 'Z' accepted).
const AUTHOR_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/

/**
 * The instant an author time names, its offset applied; null when unreadable or without an offset
 * (a wall-clock time alone cannot be placed). The phone writes its own zone's time: a phone set to
 * UTC or abroad must still show Paris times to the families.
 */
export const instantOfAuthorTime = (at: string): number | null => {
  const match = AUTHOR_TIME.exec(at)
  if (match === null) return null
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number]
  const offsetHours = Number(match[9] ?? 0)
  const offsetMinutes = Number(match[10] ?? 0)
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return null
  const wall = Date.UTC(year, month - 1, day, hour, minute, second)
  // Date.UTC rolls 31 February over into March: such a date is not a real one.
  if (new Date(wall).getUTCDate() !== day) return null
  const offset = (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000
  return wall - offset
}

/** 'HH:MM' in Paris of an author time ('2027-03-02T07:27:00+00:00' -> '08:27'); null when unreadable. */
export const timeOfAuthorTime = (at: string): TimeOfDay | null => {
  const instant = instantOfAuthorTime(at)
  return instant === null ? null : instantToParisTime(instant)
}

/** The Paris date of an author time; null when unreadable. */
export const dateOfAuthorTime = (at: string): LocalDate | null => {
  const instant = instantOfAuthorTime(at)
  return instant === null ? null : instantToParisDate(instant)
}

/** Events of the walk not undone, in logical order. */
export const activeWalkEvents = (events: readonly WalkEvent[], walk: WalkRef): WalkEvent[] => {
  const key = walkKeyOf(walk)
  return events.filter((event) => !event.cancelled && walkKeyOf(event.walk) === key).sort(compareLogical)
}

const earliest = (events: readonly WalkEvent[], kind: WalkEventKind, stopId: string | null): WalkEvent | null =>
  events.find((event) => event.kind === kind && event.stopId === stopId) ?? null

/** The arrival shown for a walk: its earliest arrival mark not undone, or null. */
export const arrivalOf = (events: readonly WalkEvent[], walk: WalkRef): WalkEvent | null =>
  activeWalkEvents(events, walk).find((event) => event.kind === 'arrived') ?? null

export const walkProgress = (model: Pick<CollectiveModel, 'stops'>, walk: WalkRef, log: Pick<WalkLogRecords, 'events'>): WalkProgress => {
  const events = activeWalkEvents(log.events, walk)
  const stops = walkStopsInOrder(model, walk).map((stop): WalkStopProgress => {
    const departed = earliest(events, 'departed', stop.id)
    return {
      stopId: stop.id,
      time: stop.times[walk.direction] ?? null,
      departedAt: departed === null ? null : timeOfAuthorTime(departed.at),
      departedBy: departed?.adultId ?? null,
    }
  })
  const fromSchool = walk.direction === 'retour' ? earliest(events, 'departed', null) : null
  const arrived = events.find((event) => event.kind === 'arrived') ?? null
  return {
    walk: { lineId: walk.lineId, date: walk.date, direction: walk.direction },
    key: walkKeyOf(walk),
    stops,
    schoolDepartedAt: fromSchool === null ? null : timeOfAuthorTime(fromSchool.at),
    arrivedAt: arrived === null ? null : timeOfAuthorTime(arrived.at),
    arrivedBy: arrived?.adultId ?? null,
    arrivedOn: arrived === null ? null : dateOfAuthorTime(arrived.at),
  }
}

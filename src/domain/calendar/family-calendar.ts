// What a family's agenda file holds: the walks its adults hold on the effective rota (swaps applied) and its coordinator periods, from today on.
import { coordinatorSchedule, periodAt, periodIndexOf, type CoordinationRecords } from '../coordination/index.ts'
import { addDays, compareDates, type LocalDate, type TimeOfDay } from '../dates.ts'
import type { AdultId, FamilyId } from '../ids.ts'
import { compareStops, type Stop } from '../line.ts'
import type { CollectiveModel } from '../model.ts'
import { walkOf, type Walk } from '../rota/index.ts'
import type { WalkRota } from '../rota-types.ts'
import { walkKeyOf, type SignUp, type WalkRef } from '../signup.ts'
import { effectiveWalks, resolveSwaps, type SwapRecords } from '../swaps/index.ts'
import type { CalendarPeriod, CalendarStop, CalendarWalk, FamilyCalendar } from './ics-export.ts'

export interface FamilyCalendarModel extends CollectiveModel {
  readonly swaps: SwapRecords
  readonly coordination: CoordinationRecords
}

/** A walk whose last stop gives no later time is taken to last this long. */
export const DEFAULT_WALK_MINUTES = 45

/**
 * Coordinator periods exported: the current one and the next ones, as many as the coordination
 * page lists. The rotation further ahead moves whenever a family joins or leaves the roster, and
 * an event already imported would then stay behind in the agenda.
 */
export const CALENDAR_PERIODS_AHEAD = 8

/** Every walk on which one of `adults` may hold a slot from `today` on: their own sign-ups, and every walk a swap names (a take or a trade moves slots). */
const candidateWalks = (model: FamilyCalendarModel, adults: ReadonlySet<AdultId>, today: LocalDate): Walk[] => {
  const refs: WalkRef[] = [
    ...model.signUps.filter((signUp) => signUp.status === 'active' && adults.has(signUp.adultId)),
    ...model.swaps.offers.flatMap((offer) => [offer.walk, ...(offer.target?.walk ? [offer.target.walk] : [])]),
  ]
  const walks = new Map<string, Walk>()
  for (const ref of refs) {
    const key = walkKeyOf(ref)
    if (compareDates(ref.date, today) < 0 || walks.has(key)) continue
    const walk = walkOf(model, ref)
    if (walk !== null) walks.set(key, walk)
  }
  return [...walks.values()]
}

/** The line's stops in walking order: to school in line order, back from school reversed. */
const stopsInWalkingOrder = (model: CollectiveModel, walk: WalkRota): Stop[] => {
  const stops = model.stops.filter((stop) => stop.lineId === walk.lineId).sort(compareStops)
  return walk.direction === 'aller' ? stops : stops.reverse()
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** `time` + `minutes` in wall-clock time, carried into the next day when it passes midnight. */
const addMinutes = (date: LocalDate, time: TimeOfDay, minutes: number): { date: LocalDate; time: TimeOfDay } => {
  const [hours = 0, mins = 0] = time.split(':').map(Number)
  const total = hours * 60 + mins + minutes
  const days = Math.floor(total / 1440)
  const rest = total - days * 1440
  return { date: addDays(date, days), time: `${pad(Math.floor(rest / 60))}:${pad(rest % 60)}` as TimeOfDay }
}

const calendarWalk = (model: CollectiveModel, walk: WalkRota, holder: SignUp): CalendarWalk => {
  const ordered = stopsInWalkingOrder(model, walk)
  const stops: CalendarStop[] = ordered.map((stop) => ({ name: stop.name, time: stop.times[walk.direction] ?? null }))
  const startStop = walk.startTime === null ? undefined : stops.find((stop) => stop.time === walk.startTime)
  const start = startStop && walk.startTime !== null ? { stopName: startStop.name, time: walk.startTime } : null
  const latest = stops.reduce<TimeOfDay | null>((last, stop) => (stop.time !== null && (last === null || stop.time > last) ? stop.time : last), null)
  const end = start === null ? null : latest !== null && latest > start.time ? { date: walk.date, time: latest } : addMinutes(walk.date, start.time, DEFAULT_WALK_MINUTES)
  return {
    lineId: walk.lineId,
    lineName: model.lines.find((line) => line.id === walk.lineId)?.name ?? '',
    date: walk.date,
    direction: walk.direction,
    slot: holder.slot,
    adultId: holder.adultId,
    adultFirstName: model.adults.find((adult) => adult.id === holder.adultId)?.firstName ?? '',
    stops,
    start,
    end,
  }
}

/** Date, then start time, then direction, then adult: the order of the file (agenda apps sort anyway; this keeps exports comparable). */
const compareCalendarWalks = (a: CalendarWalk, b: CalendarWalk): number =>
  compareDates(a.date, b.date) ||
  (a.start?.time ?? '').localeCompare(b.start?.time ?? '') ||
  a.direction.localeCompare(b.direction) ||
  a.lineId.localeCompare(b.lineId) ||
  a.adultId.localeCompare(b.adultId)

/** The family's held slots on walks from `today` on that run (cancelled walks and waiting-list places are left out). */
export const familyCalendarWalks = (model: FamilyCalendarModel, familyId: FamilyId, today: LocalDate, now: number): CalendarWalk[] => {
  const adults = new Set(model.adults.filter((adult) => adult.familyId === familyId).map((adult) => adult.id))
  const walks = candidateWalks(model, adults, today)
  const effective = effectiveWalks(model, resolveSwaps(model, model.swaps, now), walks, now)
  return effective
    .filter((walk) => walk.cancellation === null)
    .flatMap((walk) =>
      [walk.lead, walk.tail, ...walk.extras]
        .filter((holder): holder is SignUp => holder !== null && adults.has(holder.adultId))
        .map((holder) => calendarWalk(model, walk, holder)),
    )
    .sort(compareCalendarWalks)
}

/** The coordinator periods the family holds (period offers applied) among the current and next CALENDAR_PERIODS_AHEAD - 1 periods. */
export const familyCalendarPeriods = (records: CoordinationRecords, familyId: FamilyId, today: LocalDate): CalendarPeriod[] => {
  const first = periodIndexOf(records.setting, today) ?? 0
  const schedule = coordinatorSchedule(records, periodAt(records.setting, first + CALENDAR_PERIODS_AHEAD - 1).start)
  return schedule.periods
    .slice(first, first + CALENDAR_PERIODS_AHEAD)
    .filter((period) => period.coordinator === familyId && compareDates(period.end, today) >= 0)
    .map((period) => ({ start: period.start, end: period.end }))
}

/** Everything the agenda file of `familyId` holds, computed on the phone from the collective's records. */
export const familyCalendarOf = (model: FamilyCalendarModel, familyId: FamilyId, today: LocalDate, now: number): FamilyCalendar => ({
  familyId,
  collectiveName: model.profile?.name ?? '',
  walks: familyCalendarWalks(model, familyId, today, now),
  periods: familyCalendarPeriods(model.coordination, familyId, today),
})

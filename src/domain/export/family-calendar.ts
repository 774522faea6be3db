// What a family's agenda file holds: the walks its adults hold on the effective rota (swaps applied), the walks they
// held and lost since (as cancelled, when a previous export held them), its coordinator periods and the collective's
// meetings, from today on.
import type {
  CalendarMeeting, CalendarPeriod, CalendarStop, CalendarWalk, CalendarWalkStatus, FamilyCalendar,
} from '../calendar/ics-export.ts'
import { coordinatorSchedule, periodAt, periodIndexOf, type CoordinationRecords } from '../coordination/index.ts'
import { addDays, compareDates, type LocalDate, type TimeOfDay } from '../dates.ts'
import type { AdultId, FamilyId } from '../ids.ts'
import { compareStops, type Stop } from '../line.ts'
import type { MeetingRecords } from '../meeting.ts'
import type { CollectiveModel } from '../model.ts'
import { resolveWalks, walkOf, type Walk } from '../rota/index.ts'
import type { WalkRota } from '../rota-types.ts'
import { walkKeyOf, type SignUp, type WalkKey, type WalkRef } from '../signup.ts'
import { compareCalendarWalks, nextSequence, withExportHistory, type ExportedCalendar } from './calendar-history.ts'
import { effectiveWalks, resolveSwaps, type SwapRecords, type Transfer } from '../swaps/index.ts'

export interface FamilyCalendarModel extends CollectiveModel {
  readonly swaps: SwapRecords
  readonly coordination: CoordinationRecords
  readonly meetings?: MeetingRecords
}

/** A meeting is put in the agenda for this long (the form asks for a start only). */
export const MEETING_MINUTES = 90

/**
 * Every meeting from today on, whatever the family answered (a "non" can change); a cancelled one as cancelled, so an
 * agenda that imported it marks it so rather than keeping it (agenda apps never delete an event a file leaves out).
 */
export const familyCalendarMeetings = (records: MeetingRecords | undefined, today: LocalDate): CalendarMeeting[] =>
  (records?.meetings ?? [])
    .filter((meeting) => compareDates(meeting.date, today) >= 0)
    .map((meeting) => ({
      id: meeting.id,
      kind: meeting.kind,
      date: meeting.date,
      start: meeting.time ?? null,
      end: meeting.time === undefined ? null : addMinutes(meeting.date, meeting.time, MEETING_MINUTES),
      status: meeting.cancelled === true ? 'cancelled' as const : 'confirmed' as const,
    }))
    .sort((a, b) => (`${a.date} ${a.start ?? ''} ${a.id}` < `${b.date} ${b.start ?? ''} ${b.id}` ? -1 : 1))

/** A walk whose last stop gives no later time is taken to last this long. */
export const DEFAULT_WALK_MINUTES = 45

/**
 * Coordinator periods exported: the current one and the next ones, as many as the coordination
 * page lists. The rotation further ahead moves whenever a family joins or leaves the roster, and
 * an event already imported would then stay behind in the agenda.
 */
export const CALENDAR_PERIODS_AHEAD = 8

/**
 * Every walk from `today` on where one of `adults` holds or once held a slot: their sign-ups,
 * withdrawn ones included (a withdrawn walk is exported as cancelled), and every walk a swap
 * names (a take or a trade moves slots). Bounded by the sign-ups' and offers' own dates.
 */
const candidateWalks = (model: FamilyCalendarModel, adults: ReadonlySet<AdultId>, today: LocalDate): Walk[] => {
  const refs: WalkRef[] = [
    ...model.signUps.filter((signUp) => adults.has(signUp.adultId)),
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

/** Who sits where: all the export needs of a holder (its UID is per walk and adult). */
type HeldSlot = Pick<SignUp, 'adultId' | 'slot'>

const holdersOf = (walk: WalkRota): SignUp[] => [walk.lead, walk.tail, ...walk.extras].filter((holder): holder is SignUp => holder !== null)

/**
 * Slots the family's adults held at some point, per walk: on the rota without swaps with their
 * withdrawn sign-ups put back (held before the withdrawal, or before giving the slot away), or
 * received through a swap. A withdrawn sign-up that only ever waited is not there: no agenda had
 * an event for it.
 */
const onceHeld = (model: FamilyCalendarModel, adults: ReadonlySet<AdultId>, walks: readonly Walk[], transfers: readonly Transfer[], now: number): Map<WalkKey, HeldSlot[]> => {
  const restored = {
    ...model,
    signUps: model.signUps.map((signUp) => (adults.has(signUp.adultId) && signUp.status === 'withdrawn' ? { ...signUp, status: 'active' as const } : signUp)),
  }
  const held = new Map<WalkKey, HeldSlot[]>()
  const add = (key: WalkKey, slot: HeldSlot): void => {
    const list = held.get(key) ?? []
    if (!list.some((known) => known.adultId === slot.adultId)) held.set(key, [...list, slot])
  }
  for (const walk of resolveWalks(restored, walks, now)) for (const holder of holdersOf(walk)) if (adults.has(holder.adultId)) add(walk.key, holder)
  for (const transfer of transfers) if (adults.has(transfer.to)) add(transfer.walkKey, { adultId: transfer.to, slot: transfer.slot })
  return held
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

const calendarWalk = (model: CollectiveModel, walk: WalkRota, holder: HeldSlot, status: CalendarWalkStatus): CalendarWalk => {
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
    status,
    adultFirstName: model.adults.find((adult) => adult.id === holder.adultId)?.firstName ?? '',
    stops,
    start,
    end,
  }
}

/**
 * The family's slots on walks from `today` on: the ones held now on walks that run (confirmed),
 * and, as cancelled, the ones held now on a cancelled walk or held earlier and given up (withdrawn,
 * released, given away through a swap). Agenda apps never delete an event missing from a
 * re-imported file, so a lost slot must come back under its UID marked cancelled.
 * Waiting-list places are left out either way.
 */
export const familyCalendarWalks = (model: FamilyCalendarModel, familyId: FamilyId, today: LocalDate, now: number): CalendarWalk[] => {
  const adults = new Set(model.adults.filter((adult) => adult.familyId === familyId).map((adult) => adult.id))
  const walks = candidateWalks(model, adults, today)
  const resolution = resolveSwaps(model, model.swaps, now)
  const before = onceHeld(model, adults, walks, resolution.transfers, now)
  return effectiveWalks(model, resolution, walks, now)
    .flatMap((walk) => {
      const current = holdersOf(walk).filter((holder) => adults.has(holder.adultId))
      const lost = (before.get(walk.key) ?? []).filter((slot) => !current.some((holder) => holder.adultId === slot.adultId))
      const status: CalendarWalkStatus = walk.cancellation === null ? 'confirmed' : 'cancelled'
      return [...current.map((holder) => calendarWalk(model, walk, holder, status)), ...lost.map((slot) => calendarWalk(model, walk, slot, 'cancelled'))]
    })
    .sort(compareCalendarWalks)
}

/** The coordinator periods the family holds (period offers applied) among the current and next CALENDAR_PERIODS_AHEAD - 1 periods. */
export const familyCalendarPeriods = (records: CoordinationRecords, familyId: FamilyId, today: LocalDate): CalendarPeriod[] => {
  const first = periodIndexOf(records.setting, today) ?? 0
  const schedule = coordinatorSchedule(records, periodAt(records.setting, first + CALENDAR_PERIODS_AHEAD - 1).start)
  return schedule.periods
    .slice(first, first + CALENDAR_PERIODS_AHEAD)
    .filter((period) => period.coordinator === familyId && compareDates(period.end, today) >= 0)
    .map((period) => ({ start: period.start, end: period.end, status: 'confirmed' as const }))
}

/**
 * Everything the agenda file of `familyId` holds, computed on the phone from the collective's records and what
 * its previous export held (`previous`, null before the first): see withExportHistory.
 */
export const familyCalendarOf = (
  model: FamilyCalendarModel, familyId: FamilyId, today: LocalDate, now: number, previous: ExportedCalendar | null,
): FamilyCalendar => withExportHistory({
  familyId,
  collectiveName: model.profile?.name ?? '',
  sequence: nextSequence(now, previous),
  walks: familyCalendarWalks(model, familyId, today, now),
  periods: familyCalendarPeriods(model.coordination, familyId, today),
  meetings: familyCalendarMeetings(model.meetings, today),
}, previous, today, now)

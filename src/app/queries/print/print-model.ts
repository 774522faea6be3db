// Pure selections of the print views: the period's contact, a line's week, the poster's stretch until the holidays, a walk's children by stop, who is on duty.
import type { CollectiveView } from '../../api.ts'
import { holidayOn } from '../../../domain/calendar/school-calendar.ts'
import { currentAndNextCoordinator } from '../../../domain/coordination/schedule.ts'
import { addDays, compareDates, mondayOf, type LocalDate } from '../../../domain/dates.ts'
import type { LineId } from '../../../domain/ids.ts'
import type { Direction, Stop } from '../../../domain/line.ts'
import type { CollectiveModel } from '../../../domain/model.ts'
import { childLabel, hasPhone, type Adult, type Child } from '../../../domain/people.ts'
import { deriveWalks, expectedChildren, type WalkModel } from '../../../domain/rota/index.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import type { Slot } from '../../../domain/signup.ts'
import { walkStopsInOrder } from '../../../domain/walk-log/progress.ts'
import { effectiveOf, heldPlaces, weekOf, type RotaModel } from '../rota.ts'

/** Whom a reader of the paper calls: the coordinator's family and the phone of its first adult who gave one. */
export interface Contact {
  readonly familyName: string
  readonly phone: string | null
}

/**
 * The coordinator of the period containing `date`; before the roster starts (or in a period with
 * nobody), the next period's, so a sheet printed just before the first handover still names someone.
 */
export const contactOn = (view: Pick<CollectiveView, 'coordination' | 'families' | 'adults'>, date: LocalDate): Contact | null => {
  const { current, next } = currentAndNextCoordinator(view.coordination, date)
  const familyId = current?.coordinator ?? next.coordinator
  const family = familyId === null ? undefined : view.families.find((candidate) => candidate.id === familyId)
  if (family === undefined) return null
  const phone = view.adults.find((adult) => adult.familyId === family.id && hasPhone(adult.phone))?.phone ?? null
  return { familyName: family.displayName, phone }
}

/** One day of a line: its walk in each direction the line runs that day. */
export interface LineDay {
  readonly date: LocalDate
  readonly walks: Partial<Record<Direction, WalkRota>>
}

const byDate = (walks: readonly WalkRota[]): LineDay[] => {
  const days = new Map<LocalDate, Partial<Record<Direction, WalkRota>>>()
  for (const walk of walks) days.set(walk.date, { ...days.get(walk.date), [walk.direction]: walk })
  return [...days].sort(([a], [b]) => compareDates(a, b)).map(([date, byDirection]) => ({ date, walks: byDirection }))
}

/** The line's days of the week starting on `monday`, on the effective rota (sign-ups, then swaps). */
export const lineWeek = (model: RotaModel, lineId: LineId, monday: LocalDate, now: number): LineDay[] =>
  byDate(weekOf(model, mondayOf(monday), now).flatMap((day) => day.walks.filter((walk) => walk.lineId === lineId)))

/** The poster covers at most this many weeks: a stop poster is reprinted after each holiday. */
export const POSTER_MAX_WEEKS = 7

/**
 * From the Monday of `today`'s week to the day before the next school holiday, at most
 * POSTER_MAX_WEEKS weeks. During holidays, the stretch starts with the week school resumes.
 */
export const posterStretch = (model: Pick<WalkModel, 'settings' | 'holidays' | 'holidayOverrides'>, today: LocalDate): { readonly from: LocalDate; readonly to: LocalDate } => {
  const isHoliday = (date: LocalDate) => holidayOn(model.settings, model.holidays, date, model.holidayOverrides) !== null
  let day = today
  // A holiday lasts a few weeks at most: the bound only keeps a malformed imported period from looping long.
  for (let i = 0; i < 120 && isHoliday(day); i += 1) day = addDays(day, 1)
  const from = mondayOf(day)
  const last = addDays(from, 7 * POSTER_MAX_WEEKS - 1)
  for (let date = day; compareDates(date, last) <= 0; date = addDays(date, 1)) {
    if (isHoliday(date)) return { from, to: addDays(date, -1) }
  }
  return { from, to: last }
}

/** The line's days from `from` to `to` on the effective rota. */
export const lineDays = (model: RotaModel, lineId: LineId, from: LocalDate, to: LocalDate, now: number): LineDay[] =>
  byDate(effectiveOf(model, deriveWalks(model, from, to).filter((walk) => walk.lineId === lineId), now))

/** A child on a walk's sheet: `absent` when an absence is declared for this walk. */
export interface SheetChild {
  readonly child: Child
  readonly label: string
  readonly absent: boolean
}

/** A stop in walking order with its children; `stop` null gathers children whose stop is not on the line any more. */
export interface StopGroup {
  readonly stop: Stop | null
  readonly children: readonly SheetChild[]
}

/**
 * The walk's stops in walking order (aller: stop order; retour: reversed), each with the children
 * routed there that day: expected ones, and those declared absent (flagged, so the paper says why).
 */
export const childrenByStop = (model: Pick<CollectiveModel, 'children' | 'stops'>, walk: WalkRota): StopGroup[] => {
  const expected = new Set<string>(walk.expectedChildIds)
  const routed = expectedChildren(model.children, walk)
    .map((child) => ({ child, label: childLabel(child), absent: !expected.has(child.id) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr') || (a.child.id < b.child.id ? -1 : 1))
  const stopOf = (entry: SheetChild) => entry.child.routes[walk.direction]?.stopId
  const stops = walkStopsInOrder(model, walk)
  const known = new Set<string>(stops.map((stop) => stop.id))
  const groups: StopGroup[] = stops.map((stop) => ({ stop, children: routed.filter((entry) => stopOf(entry) === stop.id) }))
  const lost = routed.filter((entry) => !known.has(stopOf(entry) ?? ''))
  return lost.length > 0 ? [...groups, { stop: null, children: lost }] : groups
}

/** An adult holding a place on the walk, lead first. */
export interface OnDuty {
  readonly slot: Slot
  readonly adult: Adult | undefined
}

export const onDutyOf = (model: Pick<CollectiveModel, 'adults'>, walk: WalkRota): OnDuty[] => {
  const adults = new Map(model.adults.map((adult) => [adult.id, adult]))
  return heldPlaces(walk).map(({ slot, signUp }) => ({ slot, adult: adults.get(signUp.adultId) }))
}

/** Places the walk still needs: lead and tail when free, and the extra places short of `requiredAdults`. */
export const missingSlots = (walk: WalkRota): Slot[] => [
  ...(walk.lead ? [] : ['lead' as const]),
  ...(walk.tail ? [] : ['tail' as const]),
  ...Array.from({ length: Math.max(0, walk.requiredAdults - 2 - walk.extras.length) }, () => 'extra' as const),
]

/** A child's parents (the adults of the family), for the emergency card. */
export const parentsOf = (model: Pick<CollectiveModel, 'adults'>, child: Child): Adult[] =>
  model.adults.filter((adult) => adult.familyId === child.familyId)

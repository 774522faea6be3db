// The walk mode's read model: a walk from its address, today's walks and the one to open, the check-in list, progress, logbook and arrivals.
import { LocalDateSchema, type LocalDate, type TimeOfDay } from '../../domain/dates.ts'
import { LineIdSchema, type ActorId, type AdultId, type FamilyId, type StopId } from '../../domain/ids.ts'
import { DirectionSchema, type Stop } from '../../domain/line.ts'
import type { CollectiveModel } from '../../domain/model.ts'
import { compareLogical } from '../../domain/record-order.ts'
import { walkStartInstant } from '../../domain/rota/index.ts'
import type { WalkRota } from '../../domain/rota-types.ts'
import { walkKeyOf, type Slot, type WalkRef } from '../../domain/signup.ts'
import { checkInSummary, walkCheckIns, type CheckInSummary } from '../../domain/walk-log/check-in.ts'
import { arrivalNotices } from '../../domain/walk-log/notices.ts'
import { timeOfAuthorTime, walkProgress, walkStopsInOrder } from '../../domain/walk-log/progress.ts'
import type { WalkEventKind, WalkLogRecords, WalkNote } from '../../domain/walk-log/records.ts'
import type { ArrivalNotice, ChildCheckIn, WalkProgress } from '../../domain/walk-log/types.ts'
import { effectiveWalkOf, familyHolds, heldPlaces, weekOf, type RotaModel } from './rota.ts'

/** The walk named by an address (`/c/:id/trajet/:lineId/:date/:direction`), or null when a segment is not valid. */
export const parseWalkParams = (params: Readonly<Record<string, string | undefined>>): WalkRef | null => {
  const lineId = LineIdSchema.safeParse(params.lineId)
  const date = LocalDateSchema.safeParse(params.date)
  const direction = DirectionSchema.safeParse(params.direction)
  if (!lineId.success || !date.success || !direction.success) return null
  return { lineId: lineId.data, date: date.data, direction: direction.data }
}

/** The walk on the effective rota (sign-ups, then swaps), or null when the line does not run it. */
export const walkRotaOf = (model: RotaModel, ref: WalkRef, now: number): WalkRota | null => effectiveWalkOf(model, ref, now)

/** When the walk starts (its first stop's time, Paris). */
export const walkStartOf = (walk: Pick<WalkRota, 'date' | 'direction' | 'startTime'>): number => walkStartInstant(walk)

/** Today's walks that run (not cancelled), in start order. */
export const runningWalksOf = (model: RotaModel, today: LocalDate, now: number): readonly WalkRota[] =>
  (weekOf(model, today, now).find((day) => day.date === today)?.walks ?? [])
    .filter((walk) => walk.cancellation === null)
    .slice()
    .sort((a, b) => walkStartInstant(a) - walkStartInstant(b))

/** My slot on the walk (lead, tail or extra), or null when I hold none. */
export const slotOf = (walk: WalkRota, adultId: AdultId | null): Slot | null =>
  adultId === null ? null : (heldPlaces(walk).find((place) => place.signUp.adultId === adultId)?.slot ?? null)

const hasArrived = (log: WalkLogRecords, walk: WalkRef): boolean => {
  const key = walkKeyOf(walk)
  return log.events.some((event) => event.kind === 'arrived' && !event.cancelled && walkKeyOf(event.walk) === key)
}

/** A walk that started longer ago than this is taken as over (its "Arrivés" forgotten), not under way. */
export const STALE_AFTER_MS = 3 * 3_600_000

/**
 * Whether the family holds a place on a walk of today that is not over (not arrived, started less than STALE_AFTER_MS
 * ago, or still to come): the app then opens on today's walks rather than the week.
 */
export const familyOnDutyToday = (
  model: RotaModel & { readonly walkLog: WalkLogRecords },
  familyId: FamilyId,
  today: LocalDate,
  now: number,
): boolean =>
  runningWalksOf(model, today, now).some((walk) =>
    familyHolds(model, walk, familyId) && !hasArrived(model.walkLog, walk) && walkStartInstant(walk) >= now - STALE_AFTER_MS)

/**
 * The walk to open directly: among today's walks I hold that have not arrived and did not start
 * more than STALE_AFTER_MS ago, the one starting closest to now (under way or to come). Null when
 * none qualifies, or two are equally close: show the list. Without the cut-off, an aller whose
 * "Arrivés" was forgotten in the morning would open at 16:20 instead of the retour.
 */
export const walkToOpen = (walks: readonly WalkRota[], adultId: AdultId | null, log: WalkLogRecords, now: number): WalkRota | null => {
  const distance = (walk: WalkRota) => Math.abs(walkStartInstant(walk) - now)
  const mine = walks
    .filter((walk) => slotOf(walk, adultId) !== null && !hasArrived(log, walk) && walkStartInstant(walk) >= now - STALE_AFTER_MS)
    .sort((a, b) => distance(a) - distance(b))
  const [first, second] = mine
  if (first === undefined) return null
  return second !== undefined && distance(second) === distance(first) ? null : first
}

/** Whether this phone wrote a departure or arrival of the walk that is still in force (so it can undo it). */
export const hasOwnEvent = (log: WalkLogRecords, walk: WalkRef, kind: WalkEventKind, stopId: StopId | null, actor: ActorId): boolean => {
  const key = walkKeyOf(walk)
  return log.events.some((event) =>
    event.actor === actor && event.kind === kind && event.stopId === stopId && !event.cancelled && walkKeyOf(event.walk) === key)
}

/** The walk's children and guests to check in, with their current marks, in walking order of their stops. */
export const checkInsOf = (model: RotaModel & { readonly walkLog: WalkLogRecords }, rota: WalkRota): ChildCheckIn[] =>
  walkCheckIns(model, rota, model.walkLog)

/** On the walk: expected children, children added and guests; a child declared absent or marked away and not expected is left out. */
export const onTheWalk = (list: readonly ChildCheckIn[]): ChildCheckIn[] =>
  list.filter((entry) => entry.expected || (entry.status !== 'absent' && entry.status !== 'excused'))

/** Present, absent, excused and unmarked counts of a check-in list. */
export const summaryOf = (list: readonly ChildCheckIn[]): CheckInSummary => checkInSummary(list)

/** The line's stops in walking order for the direction (reversed on a retour). */
export const stopsInOrder = (model: Pick<CollectiveModel, 'stops'>, walk: Pick<WalkRef, 'lineId' | 'direction'>): Stop[] => walkStopsInOrder(model, walk)

/** Departures and arrival of the walk, earliest in logical order. */
export const progressOf = (model: Pick<CollectiveModel, 'stops'> & { readonly walkLog: WalkLogRecords }, walk: WalkRef): WalkProgress =>
  walkProgress(model, walk, model.walkLog)

/** The walk's notes not removed, oldest first (logical order, the same on every phone). */
export const notesOf = (notes: readonly WalkNote[], walk: WalkRef): WalkNote[] => {
  const key = walkKeyOf(walk)
  return notes.filter((note) => note.withdrawn === undefined && walkKeyOf(note.walk) === key).sort(compareLogical)
}

/** A note's time as its author's phone wrote it, shown in Paris time; null when unreadable. */
export const noteTimeOf = (note: Pick<WalkNote, 'at'>): TimeOfDay | null => timeOfAuthorTime(note.at)

/** Today's arrivals of my family's children ("arrivé à l'école à 8 h 27 avec Léa"). */
export const arrivalsToday = (model: Pick<CollectiveModel, 'children'> & { readonly walkLog: WalkLogRecords }, familyId: FamilyId, today: LocalDate): ArrivalNotice[] =>
  arrivalNotices(model, model.walkLog, familyId, today).filter((notice) => notice.walk.date === today)

/** An arrival notice's name for a dismissal: the walk and the child (a later walk's arrival is another notice). */
export const arrivalNoticeKey = (notice: Pick<ArrivalNotice, 'key'>): string => `arrival|${notice.key}`

/** The arrivals the collective's notice area shows: today's, not dismissed on this phone (`dismissed`: their keys). */
export const arrivalsToShow = (
  model: Pick<CollectiveModel, 'children'> & { readonly walkLog: WalkLogRecords },
  familyId: FamilyId, today: LocalDate, dismissed: ReadonlySet<string> | undefined,
): ArrivalNotice[] =>
  arrivalsToday(model, familyId, today).filter((notice) => !dismissed?.has(arrivalNoticeKey(notice)))

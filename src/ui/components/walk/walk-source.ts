// The walk mode's reads: a walk from its address, today's walks on the effective rota, my slot, which walk to open, this phone's own events.
import { mondayOf, type LocalDate } from '../../../domain/dates.ts'
import { LineIdSchema, type ActorId, type AdultId, type StopId } from '../../../domain/ids.ts'
import { DirectionSchema } from '../../../domain/line.ts'
import { walkOf, walkStartInstant } from '../../../domain/rota/index.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { walkKeyOf, type Slot, type WalkRef } from '../../../domain/signup.ts'
import type { WalkEventKind, WalkLogRecords } from '../../../domain/walk-log/records.ts'
import { parseDateParam } from '../rota/rota-format.ts'
import { effectiveOf, weekOf, type RotaModel } from '../rota/rota-source.ts'
import { heldPlaces } from '../rota/rota-view.ts'

/** The walk named by an address (`/c/:id/trajet/:lineId/:date/:direction`), or null when a segment is not valid. */
export const parseWalkParams = (params: Readonly<Record<string, string | undefined>>): WalkRef | null => {
  const lineId = LineIdSchema.safeParse(params.lineId)
  const date = parseDateParam(params.date)
  const direction = DirectionSchema.safeParse(params.direction)
  if (!lineId.success || date === null || !direction.success) return null
  return { lineId: lineId.data, date, direction: direction.data }
}

export const walkPath = (base: string, walk: WalkRef): string => `${base}/trajet/${walk.lineId}/${walk.date}/${walk.direction}`
export const emergencyPath = (base: string, walk: WalkRef): string => `${walkPath(base, walk)}/urgence`
/** The blank check-in sheet of the walk, for an adult without a phone or a phone without battery. */
export const printSheetPath = (base: string, walk: WalkRef): string => `${base}/imprimer/feuille/${walk.lineId}/${walk.date}/${walk.direction}`
export const printEmergencyPath = (base: string, walk: WalkRef): string => `${base}/imprimer/urgence/${walk.lineId}/${walk.date}/${walk.direction}`

/** The walk on the effective rota (sign-ups, then swaps), or null when the line does not run it. */
export const walkRotaOf = (model: RotaModel, ref: WalkRef, now: number): WalkRota | null => {
  const walk = walkOf(model, ref)
  return walk === null ? null : (effectiveOf(model, [walk], now)[0] ?? null)
}

/** Today's walks that run (not cancelled), in start order. */
export const runningWalksOf = (model: RotaModel, today: LocalDate, now: number): readonly WalkRota[] =>
  (weekOf(model, mondayOf(today), now).find((day) => day.date === today)?.walks ?? [])
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

// The one rota model of the app: the EFFECTIVE rota (sign-ups, then swaps) of a walk, a week, the coming weeks, a family; read by screens and commands.
import { instantToParisDate } from '../../domain/calendar/paris-time.ts'
import { addDays, compareDates, datesBetween, mondayOf, weekdayOf, type LocalDate } from '../../domain/dates.ts'
import type { AdultId, FamilyId } from '../../domain/ids.ts'
import type { CollectiveModel } from '../../domain/model.ts'
import { deriveWalks, walkOf, walkStartInstant, type MyRole, type MyWalk, type Walk } from '../../domain/rota/index.ts'
import type { DayRota, WalkRota } from '../../domain/rota-types.ts'
import { compareSignUps, walkKeyOf, type SignUp, type Slot, type WalkRef } from '../../domain/signup.ts'
import { hasStarted } from '../../domain/rota/walk-state.ts'
import { effectiveWalks, type EffectiveWalk } from '../../domain/swaps/index.ts'
import { swapStateOf, type RotaModel } from './swap-state.ts'

export type { RotaModel } from './swap-state.ts'
/** Whether a walk still needs adults (to fill or urgent): a started one is history, its empty places nobody's. */
export { needsAdults } from '../../domain/rota/walk-state.ts'

/** Today's civil date in the collective's time zone (Europe/Paris), whatever the phone's zone. */
export const todayIn = (epochMs: number): LocalDate => instantToParisDate(epochMs)

/** The effective rota of `walks`: holders after every take and trade, released seats, superseded sign-ups. */
export const effectiveOf = (model: RotaModel, walks: readonly Walk[], now: number): EffectiveWalk[] =>
  effectiveWalks(model, swapStateOf(model, now).resolution, walks, now)

/** The walk as every screen shows it (swaps applied), cancelled or not; null when the line does not run it. */
export const effectiveWalkOf = (model: RotaModel, ref: WalkRef, now: number): EffectiveWalk | null => {
  const walk = walkOf(model, ref)
  return walk === null ? null : (effectiveOf(model, [walk], now)[0] ?? null)
}

/** On another running walk of the same date and direction (holding, waiting or through a swap): a new place would be set aside. */
export const onAnotherWalkAt = (model: RotaModel, walk: WalkRef, adultId: AdultId, now: number): boolean =>
  deriveWalks(model, walk.date, walk.date).some((other) => {
    if (other.direction !== walk.direction || other.lineId === walk.lineId || other.cancellation !== null) return false
    const effective = effectiveWalkOf(model, other, now)
    return effective !== null && [...holdersOf(effective), ...effective.waiting].some((signUp) => signUp.adultId === adultId)
  })

/** The sign-ups holding a place of the walk, lead first; with `slot`, only that slot's. */
export const holdersOf = (walk: Pick<WalkRota, 'lead' | 'tail' | 'extras'>, slot?: Slot): readonly SignUp[] => {
  if (slot === 'lead') return walk.lead ? [walk.lead] : []
  if (slot === 'tail') return walk.tail ? [walk.tail] : []
  if (slot === 'extra') return walk.extras
  return [walk.lead, walk.tail, ...walk.extras].flatMap((signUp) => (signUp === null ? [] : [signUp]))
}

/** Every held place of the walk with its slot, lead first. */
export const heldPlaces = (walk: Pick<WalkRota, 'lead' | 'tail' | 'extras'>): ReadonlyArray<{ readonly slot: Slot; readonly signUp: SignUp }> => [
  ...(walk.lead ? [{ slot: 'lead' as const, signUp: walk.lead }] : []),
  ...(walk.tail ? [{ slot: 'tail' as const, signUp: walk.tail }] : []),
  ...walk.extras.map((signUp) => ({ slot: 'extra' as const, signUp })),
]

/** Whether `adultId` holds a place of the walk. */
export const holds = (walk: Pick<WalkRota, 'lead' | 'tail' | 'extras'>, adultId: AdultId): boolean =>
  holdersOf(walk).some((signUp) => signUp.adultId === adultId)

/** A family holds a place of the walk (any of its adults). */
export const familyHolds = (model: Pick<CollectiveModel, 'adults'>, walk: Pick<WalkRota, 'lead' | 'tail' | 'extras'>, familyId: FamilyId): boolean =>
  holdersOf(walk).some((signUp) => model.adults.find((adult) => adult.id === signUp.adultId)?.familyId === familyId)

/** The instant the walk starts (Paris time), null when the line does not run it. */
export const startOf = (model: CollectiveModel, ref: WalkRef): number | null => {
  const walk = walkOf(model, ref)
  return walk === null ? null : walkStartInstant(walk)
}

/** A walk is past once it has started (its first stop's time, Paris), or on any earlier day: nobody signs up or withdraws any more. */
export const isPastWalk = (walk: Pick<Walk, 'date' | 'direction' | 'startTime'>, today: LocalDate, now: number): boolean =>
  compareDates(walk.date, today) < 0 || hasStarted(walk, now)

/** The Monday "Cette semaine" opens: this week's, or the coming week's once no operating day is left this week (from Saturday). */
export const defaultWeekMonday = (today: LocalDate, operatingWeekdays: readonly number[]): LocalDate => {
  const thisMonday = mondayOf(today)
  const weekOver = !operatingWeekdays.some((day) => day >= weekdayOf(today))
  return weekOver ? addDays(thisMonday, 7) : thisMonday
}

/** How far ahead "Mes trajets", the notices and "next day with walks" look. */
export const HORIZON_WEEKS = 6

/** The operating days of the week starting `monday`, with their walks. */
export const weekOf = (model: RotaModel, monday: LocalDate, now: number): readonly DayRota[] => {
  const first = mondayOf(monday)
  const sunday = addDays(first, 6)
  const walks = effectiveOf(model, deriveWalks(model, first, sunday), now)
  return datesBetween(first, sunday)
    .filter((date) => model.settings.operatingWeekdays.includes(weekdayOf(date)))
    .map((date) => ({ date, walks: walks.filter((walk) => walk.date === date) }))
}

/** Every walk from the Monday of `today`'s week through `weeks` weeks, in date order. */
export const walksOfWeeks = (model: RotaModel, today: LocalDate, weeks: number, now: number): EffectiveWalk[] => {
  const first = mondayOf(today)
  return effectiveOf(model, deriveWalks(model, first, addDays(first, 7 * weeks - 1)), now)
}

/** The family's walks among `walks` (held, waiting, or its children expected) on the effective rota. */
const familyWalks = (model: RotaModel, familyId: FamilyId, walks: readonly Walk[], now: number): MyWalk[] => {
  const myAdults = adultsOfFamily(model, familyId)
  const myChildren = new Set(model.children.filter((child) => child.familyId === familyId).map((child) => child.id))
  const result: MyWalk[] = []
  for (const rota of effectiveOf(model, walks, now)) {
    const held = holdersOf(rota).filter((signUp) => myAdults.has(signUp.adultId))
    const roles: MyRole[] = [
      ...held.map((signUp) => ({ adultId: signUp.adultId, slot: signUp.slot, status: 'held' as const })),
      ...rota.waiting.filter((signUp) => myAdults.has(signUp.adultId)).map((signUp) => ({ adultId: signUp.adultId, slot: signUp.slot, status: 'waiting' as const })),
    ]
    const childIds = rota.expectedChildIds.filter((id) => myChildren.has(id))
    if (roles.length > 0 || childIds.length > 0) result.push({ rota, roles, childIds })
  }
  return result
}

const adultsOfFamily = (model: RotaModel, familyId: FamilyId): Set<AdultId> =>
  new Set(model.adults.filter((adult) => adult.familyId === familyId).map((adult) => adult.id))

const horizonEnd = (today: LocalDate): LocalDate => addDays(mondayOf(today), 7 * HORIZON_WEEKS - 1)

/**
 * The walks from `today` on where an adult of the family can hold or wait for a place: those of its active sign-ups
 * and those a swap touched (a take or a trade gives a place with no sign-up there), in the rota's order (date, line,
 * direction). Only these are resolved: at 150 families, resolving every walk of six weeks (~700) to find the few of
 * one family made each sign-up tap pay ~50 ms at CPU x4 for "Mon prochain trajet".
 */
const placeCandidates = (model: RotaModel, familyId: FamilyId, today: LocalDate, now: number): Walk[] => {
  const myAdults = adultsOfFamily(model, familyId)
  const keys = new Set<string>()
  const dates = new Set<LocalDate>()
  const add = (ref: WalkRef): void => {
    if (compareDates(ref.date, today) < 0) return
    keys.add(walkKeyOf(ref))
    dates.add(ref.date)
  }
  for (const signUp of model.signUps) if (signUp.status === 'active' && myAdults.has(signUp.adultId)) add(signUp)
  for (const walk of swapStateOf(model, now).resolution.walks.values()) add(walk)
  return [...dates].sort(compareDates).flatMap((date) => deriveWalks(model, date, date).filter((walk) => keys.has(walkKeyOf(walk))))
}

/** My family's places (held or waiting) on the effective rota from `today` on, however far ahead. */
export const familyPlaces = (model: RotaModel, familyId: FamilyId, today: LocalDate, now: number): MyWalk[] =>
  familyWalks(model, familyId, placeCandidates(model, familyId, today, now), now).filter((walk) => walk.roles.length > 0)

/** The walks my family's children take from `today` through the horizon. */
export const familyChildrenWalks = (model: RotaModel, familyId: FamilyId, today: LocalDate, now: number): MyWalk[] =>
  familyWalks(model, familyId, deriveWalks(model, today, horizonEnd(today)), now).filter((walk) => walk.childIds.length > 0)

/**
 * "Aujourd'hui": today's walks (cancelled ones included, with their reason), those that run, and, when none
 * runs, the walks of the next day with a walk that runs (within the horizon).
 */
export const todayRotaOf = (model: RotaModel, today: LocalDate, now: number): { readonly todays: readonly EffectiveWalk[]; readonly running: readonly EffectiveWalk[]; readonly next: readonly EffectiveWalk[] } => {
  const todays = (weekOf(model, today, now).find((day) => day.date === today)?.walks ?? []) as EffectiveWalk[]
  const running = todays.filter((walk) => !walk.cancellation)
  if (running.length > 0) return { todays, running, next: [] }
  const ahead = walksOfWeeks(model, today, HORIZON_WEEKS + 1, now).filter((walk) => !walk.cancellation && compareDates(walk.date, today) > 0)
  const first = ahead[0]?.date
  return { todays, running, next: first ? ahead.filter((walk) => walk.date === first) : [] }
}

/** My family's next walk I hold a place on, not cancelled and not started: "Mon prochain trajet". */
export const nextHeldWalk = (model: RotaModel, familyId: FamilyId, today: LocalDate, now: number): { readonly walk: EffectiveWalk; readonly role: MyRole } | null => {
  for (const place of familyPlaces(model, familyId, today, now)) {
    const role = place.roles.find((candidate) => candidate.status === 'held')
    if (role && !place.rota.cancellation && walkStartInstant(place.rota) > now) return { walk: place.rota as EffectiveWalk, role }
  }
  return null
}

/** The walks, from `today` on, on which some active sign-up passes `mine`: whatever how far ahead, for the notices. */
export const walksWithSignUpsOf = (model: RotaModel, mine: (signUp: SignUp) => boolean, today: LocalDate, now: number): WalkRota[] => {
  const walks = new Map<string, Walk>()
  for (const signUp of model.signUps) {
    if (signUp.status !== 'active' || compareDates(signUp.date, today) < 0 || !mine(signUp)) continue
    const key = walkKeyOf(signUp)
    if (walks.has(key)) continue
    const walk = walkOf(model, signUp)
    if (walk) walks.set(key, walk)
  }
  return effectiveOf(model, [...walks.values()], now)
}

/**
 * An active sign-up of my family that holds no place, told with a "Retirer": its walk is no longer derived (line days
 * or directions changed, line deleted), or it was set aside because the adult is on another walk at that time.
 */
export interface GoneNotice {
  readonly walk: WalkRef
  readonly adultId: AdultId
  readonly adultName: string
  /** Null when the line itself was deleted. */
  readonly lineName: string | null
  /** Set for a double booking (see src/domain/rota/double-booking.ts): the line of the place the adult keeps. */
  readonly keptLineName?: string
}

/**
 * Active sign-ups passing `mine`, from `today` on, whose walk is no longer derived (the line's days
 * or directions changed, or the line was deleted): never dropped silently, told with a "Retirer".
 * A walk that is only cancelled still exists (shown with its reason) and is not listed.
 */
export const goneNotices = (model: RotaModel, mine: (signUp: SignUp) => boolean, now: number): GoneNotice[] => {
  const today = todayIn(now)
  const adults = new Map(model.adults.map((adult) => [adult.id, adult]))
  const lineName = (lineId: WalkRef['lineId']): string | null => model.lines.find((line) => line.id === lineId)?.name ?? null
  const keptLine = swapStateOf(model, now).resolution.setAside
  return model.signUps
    .filter((signUp) => signUp.status === 'active' && compareDates(signUp.date, today) >= 0 && mine(signUp)
      && (keptLine.has(signUp) || walkOf(model, signUp) === null))
    .sort((a, b) => compareDates(a.date, b.date) || a.direction.localeCompare(b.direction) || compareSignUps(a, b))
    .map((signUp) => {
      const kept = keptLine.get(signUp)
      return {
        walk: { lineId: signUp.lineId, date: signUp.date, direction: signUp.direction },
        adultId: signUp.adultId,
        adultName: adults.get(signUp.adultId)?.firstName ?? '?',
        lineName: lineName(signUp.lineId),
        ...(kept === undefined ? {} : { keptLineName: (kept === null ? null : lineName(kept)) ?? '?' }),
      }
    })
}

// The one place the rota screens call the domain's rota rules: the EFFECTIVE rota (sign-ups, then swaps) of a week, the coming weeks, a family, sign-ups on walks gone.
import { addDays, compareDates, datesBetween, mondayOf, weekdayOf, type LocalDate } from '../../../domain/dates.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import type { CollectiveModel } from '../../../domain/model.ts'
import { deriveWalks, walkOf, type MyRole, type MyWalk, type Walk } from '../../../domain/rota/index.ts'
import { compareSignUps, walkKeyOf, type SignUp } from '../../../domain/signup.ts'
import type { DayRota, WalkRota } from '../../../domain/rota-types.ts'
import { effectiveWalks, NO_SWAP_RECORDS, offerViews, resolveSwaps, type EffectiveWalk, type OfferView, type SwapRecords, type SwapResolution } from '../../../domain/swaps/index.ts'
import type { GoneNotice } from './rota-format.ts'

/** The collective as the rota screens read it: the model plus its swap records (absent in old test doubles). */
export type RotaModel = CollectiveModel & { readonly swaps?: SwapRecords }

export interface SwapState {
  readonly resolution: SwapResolution
  readonly offers: readonly OfferView[]
}

const swapCache = new WeakMap<object, { readonly now: number; readonly state: SwapState }>()

/** The swaps resolved over the sign-ups at `now`, computed once per view and instant (every screen part shares it). */
export const swapStateOf = (model: RotaModel, now: number): SwapState => {
  const cached = swapCache.get(model)
  if (cached && cached.now === now) return cached.state
  const resolution = resolveSwaps(model, model.swaps ?? NO_SWAP_RECORDS, now)
  const state = { resolution, offers: offerViews(model, resolution) }
  swapCache.set(model, { now, state })
  return state
}

/** The effective rota of `walks`: holders after every take and trade, released seats, superseded sign-ups. */
export const effectiveOf = (model: RotaModel, walks: readonly Walk[], now: number): EffectiveWalk[] =>
  effectiveWalks(model, swapStateOf(model, now).resolution, walks, now)

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

/** The family's walks (held, waiting, or its children expected) from `from` to `to` on the effective rota. */
const familyWalks = (model: RotaModel, familyId: FamilyId, from: LocalDate, to: LocalDate, now: number): MyWalk[] => {
  const myAdults = new Set(model.adults.filter((adult) => adult.familyId === familyId).map((adult) => adult.id))
  const myChildren = new Set(model.children.filter((child) => child.familyId === familyId).map((child) => child.id))
  const result: MyWalk[] = []
  for (const rota of effectiveOf(model, deriveWalks(model, from, to), now)) {
    const held = [rota.lead, rota.tail, ...rota.extras].flatMap((signUp) => (signUp && myAdults.has(signUp.adultId) ? [signUp] : []))
    const roles: MyRole[] = [
      ...held.map((signUp) => ({ adultId: signUp.adultId, slot: signUp.slot, status: 'held' as const })),
      ...rota.waiting.filter((signUp) => myAdults.has(signUp.adultId)).map((signUp) => ({ adultId: signUp.adultId, slot: signUp.slot, status: 'waiting' as const })),
    ]
    const childIds = rota.expectedChildIds.filter((id) => myChildren.has(id))
    if (roles.length > 0 || childIds.length > 0) result.push({ rota, roles, childIds })
  }
  return result
}

const horizonEnd = (today: LocalDate): LocalDate => addDays(mondayOf(today), 7 * HORIZON_WEEKS - 1)

/** My family's places (held or waiting) on the effective rota from `today` on: through the horizon, and further if a sign-up or a swap names a later walk. */
export const familyPlaces = (model: RotaModel, familyId: FamilyId, today: LocalDate, now: number): MyWalk[] => {
  let to = horizonEnd(today)
  for (const signUp of model.signUps) {
    if (signUp.familyId === familyId && signUp.status === 'active' && compareDates(signUp.date, to) > 0) to = signUp.date
  }
  for (const offer of model.swaps?.offers ?? []) {
    const far = [offer.walk.date, offer.target?.walk?.date].filter((date): date is LocalDate => date !== undefined)
    for (const date of far) if (compareDates(date, to) > 0) to = date
  }
  return familyWalks(model, familyId, today, to, now).filter((walk) => walk.roles.length > 0)
}

/** The walks my family's children take from `today` through the horizon. */
export const familyChildrenWalks = (model: RotaModel, familyId: FamilyId, today: LocalDate, now: number): MyWalk[] =>
  familyWalks(model, familyId, today, horizonEnd(today), now).filter((walk) => walk.childIds.length > 0)

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
 * Active sign-ups passing `mine`, from `today` on, whose walk is no longer derived (the line's days
 * or directions changed, or the line was deleted): never dropped silently, told with a "Retirer".
 * A walk that is only cancelled still exists (shown with its reason) and is not listed.
 */
export const goneNotices = (model: CollectiveModel, mine: (signUp: SignUp) => boolean, today: LocalDate): GoneNotice[] => {
  const adults = new Map(model.adults.map((adult) => [adult.id, adult]))
  return model.signUps
    .filter((signUp) => signUp.status === 'active' && compareDates(signUp.date, today) >= 0 && mine(signUp) && walkOf(model, signUp) === null)
    .sort((a, b) => compareDates(a.date, b.date) || a.direction.localeCompare(b.direction) || compareSignUps(a, b))
    .map((signUp) => ({
      walk: { lineId: signUp.lineId, date: signUp.date, direction: signUp.direction },
      adultId: signUp.adultId,
      adultName: adults.get(signUp.adultId)?.firstName ?? '?',
      lineName: model.lines.find((line) => line.id === signUp.lineId)?.name ?? null,
    }))
}

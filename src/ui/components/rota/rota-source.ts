// The one place the rota screens call the domain's rota rules: a week, the walks of the coming weeks, a family's walks, sign-ups on walks gone.
import { addDays, compareDates, mondayOf, type LocalDate } from '../../../domain/dates.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import type { CollectiveModel } from '../../../domain/model.ts'
import { deriveWalks, myWalks, resolveWalks, walkOf, weekRota, type MyWalk, type Walk } from '../../../domain/rota/index.ts'
import { compareSignUps, walkKeyOf, type SignUp } from '../../../domain/signup.ts'
import type { DayRota, WalkRota } from '../../../domain/rota-types.ts'
import type { GoneNotice } from './rota-format.ts'

/** How far ahead "Mes trajets", the notices and "next day with walks" look. */
export const HORIZON_WEEKS = 6

/** The operating days of the week starting `monday`, with their walks. */
export const weekOf = (model: CollectiveModel, monday: LocalDate, now: number): readonly DayRota[] => weekRota(model, monday, now)

/** Every walk from the Monday of `today`'s week through `weeks` weeks, in date order. */
export const walksOfWeeks = (model: CollectiveModel, today: LocalDate, weeks: number, now: number): WalkRota[] => {
  const first = mondayOf(today)
  return resolveWalks(model, deriveWalks(model, first, addDays(first, 7 * weeks - 1)), now)
}

const horizonEnd = (today: LocalDate): LocalDate => addDays(mondayOf(today), 7 * HORIZON_WEEKS - 1)

/** My family's places (held or waiting) from `today` on: through the horizon, and further if an adult signed up further. */
export const familyPlaces = (model: CollectiveModel, familyId: FamilyId, today: LocalDate, now: number): MyWalk[] => {
  let to = horizonEnd(today)
  for (const signUp of model.signUps) {
    if (signUp.familyId === familyId && signUp.status === 'active' && compareDates(signUp.date, to) > 0) to = signUp.date
  }
  return myWalks(model, familyId, today, to, now).filter((walk) => walk.roles.length > 0)
}

/** The walks my family's children take from `today` through the horizon. */
export const familyChildrenWalks = (model: CollectiveModel, familyId: FamilyId, today: LocalDate, now: number): MyWalk[] =>
  myWalks(model, familyId, today, horizonEnd(today), now).filter((walk) => walk.childIds.length > 0)

/** The walks, from `today` on, on which some active sign-up passes `mine`: whatever how far ahead, for the notices. */
export const walksWithSignUpsOf = (model: CollectiveModel, mine: (signUp: SignUp) => boolean, today: LocalDate, now: number): WalkRota[] => {
  const walks = new Map<string, Walk>()
  for (const signUp of model.signUps) {
    if (signUp.status !== 'active' || compareDates(signUp.date, today) < 0 || !mine(signUp)) continue
    const key = walkKeyOf(signUp)
    if (walks.has(key)) continue
    const walk = walkOf(model, signUp)
    if (walk) walks.set(key, walk)
  }
  return resolveWalks(model, [...walks.values()], now)
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

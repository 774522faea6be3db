// The places families hold on the walks of a date range: effective rota (sign-ups, then swaps), cancelled walks left out.
import { schoolYearOf } from '../calendar/school-year.ts'
import { addDays, compareDates, mondayOf, type LocalDate } from '../dates.ts'
import type { AdultId, FamilyId } from '../ids.ts'
import { deriveWalks } from '../rota/walks.ts'
import type { SignUp } from '../signup.ts'
import type { EffectiveWalk } from '../swaps/outcomes.ts'
import { effectiveWalks, resolveSwaps } from '../swaps/resolve.ts'
import type { FairnessModel } from './types.ts'

/**
 * Walks that run from `from` to `to` (both included), as every rota screen shows them. The swap
 * resolution is computed once for the whole range: a school year is about 900 walks.
 */
export const runningWalks = (model: FairnessModel, from: LocalDate, to: LocalDate, now: number): EffectiveWalk[] => {
  if (compareDates(to, from) < 0) return []
  const walks = deriveWalks(model, from, to).filter((walk) => walk.cancellation === null)
  const resolution = resolveSwaps(model, model.swaps, now)
  return effectiveWalks(model, resolution, walks, now)
}

/** Holders of a walk's places: lead, tail, extras. */
export const holdersOf = (walk: Pick<EffectiveWalk, 'lead' | 'tail' | 'extras'>): SignUp[] => {
  const holders: SignUp[] = []
  if (walk.lead !== null) holders.push(walk.lead)
  if (walk.tail !== null) holders.push(walk.tail)
  holders.push(...walk.extras)
  return holders
}

/** The family each adult belongs to now (an adult's family decides, not the one copied into a sign-up). */
export const familyOfAdult = (model: Pick<FairnessModel, 'adults'>): ReadonlyMap<AdultId, FamilyId> =>
  new Map(model.adults.map((adult) => [adult.id, adult.familyId]))

/** Adds each holder's place to its family's count (families not in `counts` are left out). */
export const countHolders = (counts: Map<FamilyId, number>, walk: EffectiveWalk, families: ReadonlyMap<AdultId, FamilyId>): void => {
  for (const holder of holdersOf(walk)) {
    const familyId = families.get(holder.adultId)
    const count = familyId === undefined ? undefined : counts.get(familyId)
    if (familyId !== undefined && count !== undefined) counts.set(familyId, count + 1)
  }
}

/**
 * Coordinator periods counted in a school year: those starting from the Monday of its first week
 * (1 September is often not a Monday, and the first period usually starts the Monday before), so
 * each period counts in exactly one school year.
 */
export const creditYearStart = (date: LocalDate): LocalDate => mondayOf(schoolYearOf(date).from)

/** The day before `date`. */
export const dayBefore = (date: LocalDate): LocalDate => addDays(date, -1)

export const zeroPerFamily = (model: Pick<FairnessModel, 'families'>): Map<FamilyId, number> =>
  new Map(model.families.map((family) => [family.id, 0]))

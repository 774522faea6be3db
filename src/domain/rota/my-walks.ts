// "Mes trajets": the walks a family is involved in, as an adult holding or waiting for a slot, or through its children.
import type { LocalDate } from '../dates.ts'
import type { AdultId, ChildId, FamilyId } from '../ids.ts'
import type { CollectiveModel } from '../model.ts'
import type { WalkRota } from '../rota-types.ts'
import type { Slot } from '../signup.ts'
import { resolveWalks, type RotaOptions } from './resolve.ts'
import { deriveWalks } from './walks.ts'

export interface MyRole {
  readonly adultId: AdultId
  readonly slot: Slot
  readonly status: 'held' | 'waiting'
}

export interface MyWalk {
  readonly rota: WalkRota
  /** The family's adults on this walk (holding or waiting). */
  readonly roles: readonly MyRole[]
  /** The family's children expected on this walk. */
  readonly childIds: readonly ChildId[]
}

/**
 * The family's walks from `from` to `to`, in walk order, cancelled ones included (the family
 * must learn of them). Without `now`, urgency is not computed (no walk is 'urgent').
 */
export const myWalks = (
  model: CollectiveModel,
  familyId: FamilyId,
  from: LocalDate,
  to: LocalDate,
  now: number = Number.NEGATIVE_INFINITY,
  options: RotaOptions = {},
): MyWalk[] => {
  const myAdults = new Set(model.adults.filter((adult) => adult.familyId === familyId).map((adult) => adult.id))
  const myChildren = new Set(model.children.filter((child) => child.familyId === familyId).map((child) => child.id))
  const result: MyWalk[] = []
  for (const rota of resolveWalks(model, deriveWalks(model, from, to), now, options)) {
    const held = [rota.lead, rota.tail, ...rota.extras].flatMap((signUp) => (signUp && myAdults.has(signUp.adultId) ? [signUp] : []))
    const waiting = rota.waiting.filter((signUp) => myAdults.has(signUp.adultId))
    const roles: MyRole[] = [
      ...held.map((signUp) => ({ adultId: signUp.adultId, slot: signUp.slot, status: 'held' as const })),
      ...waiting.map((signUp) => ({ adultId: signUp.adultId, slot: signUp.slot, status: 'waiting' as const })),
    ]
    const childIds = rota.expectedChildIds.filter((id) => myChildren.has(id))
    if (roles.length > 0 || childIds.length > 0) result.push({ rota, roles, childIds })
  }
  return result
}

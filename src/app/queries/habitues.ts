// Who knows each child with support instructions: the adults who already walked with them (walk log), for members.
import type { AdultId, ChildId } from '../../domain/ids.ts'
import { hasSupport, withheldSupport } from '../../domain/support-consent.ts'
import { habituesOf, walksDone } from '../../domain/walk-log/index.ts'
import type { EffectiveWalk } from '../../domain/swaps/index.ts'
import type { CollectiveView } from '../api.ts'
import { holdersOfDone } from './journal.ts'

export type Habitues = ReadonlyMap<ChildId, readonly AdultId[]>

/** The children whose support shows: instructions or "compte double", agreement not withdrawn. */
const supportedChildIds = (view: Pick<CollectiveView, 'children'>): Set<string> =>
  new Set<string>(view.children.filter((child) => hasSupport(child) && !withheldSupport(child)).map((child) => child.id))

// Once per view: the screens of one view (the walk, the urgent list, the planner) share it.
const cache = new WeakMap<object, Habitues>()

/** The children whose support shows (instructions or "compte double", agreement not withdrawn) who walked already. */
export const habituesByChild = (view: CollectiveView, now: number): Habitues => {
  const cached = cache.get(view)
  if (cached !== undefined) return cached
  const supported = supportedChildIds(view)
  const done = supported.size === 0 ? [] : walksDone(view, view.walkLog, holdersOfDone(view, now))
  const habitues = habituesOf(supported, done, view.walkLog.checkIns)
  cache.set(view, habitues)
  return habitues
}

export interface HabitueHint {
  readonly childId: ChildId
  /** Habitué·e·s not on the walk yet, in id order; empty: nobody has walked with the child yet. */
  readonly adults: readonly AdultId[]
}

/**
 * For a walk that needs adults (the urgent list): each expected child with support instructions, and who already walked
 * with them but is not on it, so the collective asks them first. Nothing when an habitué·e already holds a place.
 */
export const habitueHints = (
  view: CollectiveView, walk: Pick<EffectiveWalk, 'expectedChildIds' | 'lead' | 'tail' | 'extras'>, now: number,
): HabitueHint[] => {
  const habitues = habituesByChild(view, now)
  const holders = new Set<AdultId>([walk.lead, walk.tail, ...walk.extras].flatMap((signUp) => (signUp === null ? [] : [signUp.adultId])))
  const supported = supportedChildIds(view)
  return walk.expectedChildIds.filter((id) => supported.has(id)).flatMap((childId) => {
    const known = habitues.get(childId) ?? []
    if (known.some((adult) => holders.has(adult))) return []
    return [{ childId, adults: known.filter((adult) => !holders.has(adult)) }]
  })
}

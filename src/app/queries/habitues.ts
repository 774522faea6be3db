// Who knows each child with support instructions: the adults who already walked with them (walk log), for members.
import type { AdultId, ChildId } from '../../domain/ids.ts'
import { hasSupport, withheldSupport } from '../../domain/support-consent.ts'
import { habituesOf, walksDone } from '../../domain/walk-log/index.ts'
import type { CollectiveView } from '../api.ts'
import { holdersOfDone } from './journal.ts'

export type Habitues = ReadonlyMap<ChildId, readonly AdultId[]>

// Once per view: the screens of one view (the walk, the urgent list, the planner) share it.
const cache = new WeakMap<object, Habitues>()

/** The children whose support shows (instructions or "compte double", agreement not withdrawn) who walked already. */
export const habituesByChild = (view: CollectiveView, now: number): Habitues => {
  const cached = cache.get(view)
  if (cached !== undefined) return cached
  const supported = new Set<string>(view.children.filter((child) => hasSupport(child) && !withheldSupport(child)).map((c) => c.id))
  const done = supported.size === 0 ? [] : walksDone(view, view.walkLog, holdersOfDone(view, now))
  const habitues = habituesOf(supported, done, view.walkLog.checkIns)
  cache.set(view, habitues)
  return habitues
}

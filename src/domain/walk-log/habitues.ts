// "Habitué·e": for a child with support instructions, the adults who already walked with them (from the walk log).
//
// An adult walked with a child when they were on duty on a walk done (an arrival is marked: holders in the effective
// rota, and whoever marked) on which the adults agree the child was present. Used to show who knows the child, and to
// prefer them when that child is expected (the urgent list, the planner).
import type { AdultId, ChildId } from '../ids.ts'
import { compareText } from '../record-order.ts'
import { walkKeyOf, type WalkKey } from '../signup.ts'
import { resolveMarks } from './check-in.ts'
import type { CheckIn } from './records.ts'
import type { WalkDone } from './types.ts'

/** Each child of `childIds` who walked at least once, with the adults who were on duty then, sorted by id. */
export const habituesOf = (
  childIds: ReadonlySet<string>, done: readonly Pick<WalkDone, 'walk' | 'dutyAdultIds'>[], checkIns: readonly CheckIn[],
): Map<ChildId, AdultId[]> => {
  const found = new Map<ChildId, Set<AdultId>>()
  if (childIds.size === 0) return new Map()
  // One pass over the log, the few children with support only: a year holds tens of thousands of marks.
  const marks = new Map<WalkKey, Map<string, CheckIn[]>>()
  for (const entry of checkIns) {
    if (!childIds.has(entry.childId)) continue
    const key = walkKeyOf(entry.walk)
    const bySubject = marks.get(key) ?? new Map<string, CheckIn[]>()
    bySubject.set(entry.childId, [...(bySubject.get(entry.childId) ?? []), entry])
    marks.set(key, bySubject)
  }
  for (const walk of done) {
    for (const [id, entries] of marks.get(walkKeyOf(walk.walk)) ?? []) {
      const { latest, disagreement } = resolveMarks(entries)
      if (disagreement || latest?.status !== 'present') continue
      const adults = found.get(id as ChildId) ?? new Set<AdultId>()
      for (const adult of walk.dutyAdultIds) adults.add(adult)
      found.set(id as ChildId, adults)
    }
  }
  return new Map([...found].map(([child, adults]) => [child, [...adults].sort(compareText)]))
}

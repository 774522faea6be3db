// Declared absences as the rota counts them: an IsAbsent (expected children, the ratio) from the absence records.
import { absenceCovers, type Absence } from '../absence-records.ts'
import type { ChildId } from '../ids.ts'
import type { IsAbsent } from './slots.ts'

const activeByChild = (absences: readonly Absence[]): Map<ChildId, Absence[]> => {
  const byChild = new Map<ChildId, Absence[]>()
  for (const absence of absences) {
    if (absence.withdrawn !== undefined) continue
    const list = byChild.get(absence.childId)
    if (list === undefined) byChild.set(absence.childId, [absence])
    else list.push(absence)
  }
  return byChild
}

// Rota resolution asks for every child of every walk of a year: index once per absences array.
const cache = new WeakMap<readonly Absence[], IsAbsent>()

/** An IsAbsent for the rota: true when an active (not withdrawn) absence covers the child's walk. */
export const isAbsentFrom = (absences: readonly Absence[]): IsAbsent => {
  const known = cache.get(absences)
  if (known !== undefined) return known
  const byChild = activeByChild(absences)
  const isAbsent: IsAbsent = (childId, walk) => byChild.get(childId)?.some((absence) => absenceCovers(absence, childId, walk)) ?? false
  cache.set(absences, isAbsent)
  return isAbsent
}

// Declared absences: which children do not walk a walk, for the rota (expected children, ratio) and the absence screens.
import type { LocalDate } from '../dates.ts'
import type { ChildId } from '../ids.ts'
import type { IsAbsent } from '../rota/slots.ts'
import type { WalkRef } from '../signup.ts'
import { absenceCovers, type Absence } from './records.ts'

const compareAbsences = (a: Absence, b: Absence): number =>
  (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) || a.clock - b.clock || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

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

/** Active absences of the child covering the walk, oldest start first. */
export const absencesCovering = (absences: readonly Absence[], childId: ChildId, walk: Pick<WalkRef, 'date' | 'direction'>): Absence[] =>
  absences.filter((absence) => absenceCovers(absence, childId, walk)).sort(compareAbsences)

/** Active absences of the child ending on or after `from` (current and future ones), sorted by start. */
export const childAbsences = (absences: readonly Absence[], childId: ChildId, from: LocalDate): Absence[] =>
  absences
    .filter((absence) => absence.withdrawn === undefined && absence.childId === childId && absence.to >= from)
    .sort(compareAbsences)

// Declared absences as the absence and check-in screens list them: those covering a walk, a child's coming ones.
import { absenceCovers, type Absence } from '../absence-records.ts'
import type { LocalDate } from '../dates.ts'
import type { ChildId } from '../ids.ts'
import type { WalkRef } from '../signup.ts'

const compareAbsences = (a: Absence, b: Absence): number =>
  (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) || a.clock - b.clock || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Active absences of the child covering the walk, oldest start first. */
export const absencesCovering = (
  absences: readonly Absence[], childId: ChildId, walk: Pick<WalkRef, 'date' | 'direction'>,
): Absence[] =>
  absences.filter((absence) => absenceCovers(absence, childId, walk)).sort(compareAbsences)

/** Active absences of the child ending on or after `from` (current and future ones), sorted by start. */
export const childAbsences = (absences: readonly Absence[], childId: ChildId, from: LocalDate): Absence[] =>
  absences
    .filter((absence) => absence.withdrawn === undefined && absence.childId === childId && absence.to >= from)
    .sort(compareAbsences)

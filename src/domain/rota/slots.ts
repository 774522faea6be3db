// How many adults a walk needs: the children expected on it, the ratio count, and the floor of two adults.
import { weekdayOf } from '../dates.ts'
import type { ChildId } from '../ids.ts'
import type { Child } from '../people.ts'
import { MIN_ADULTS_FLOOR, type Settings } from '../settings.ts'
import type { WalkRef } from '../signup.ts'

/**
 * True when the child is known not to walk that walk (a declared absence, see
 * src/domain/walk-log/absences.ts). Without it every child whose route and days match is expected.
 */
export type IsAbsent = (childId: ChildId, walk: WalkRef) => boolean

export const NO_ABSENCES: IsAbsent = () => false

/** Children whose route in this direction is on this line, who walk on this weekday, and are not absent. */
export const expectedChildren = (children: readonly Child[], walk: WalkRef, isAbsent: IsAbsent = NO_ABSENCES): Child[] => {
  const weekday = weekdayOf(walk.date)
  return children.filter(
    (child) => child.routes[walk.direction]?.lineId === walk.lineId && child.days.includes(weekday) && !isAbsent(child.id, walk),
  )
}

/** A child who counts extra (young, needing support) takes two places in the ratio. */
export const ratioCountOf = (children: readonly Pick<Child, 'countsExtra'>[]): number =>
  children.reduce((sum, child) => sum + (child.countsExtra ? 2 : 1), 0)

/** max(minimum adults, ceil(ratio count / children per adult)), never below two (front and back). */
export const requiredAdultsFor = (settings: Pick<Settings, 'minAdults' | 'childrenPerAdult'>, ratioCount: number): number =>
  Math.max(MIN_ADULTS_FLOOR, settings.minAdults, Math.ceil(ratioCount / Math.max(1, settings.childrenPerAdult)))

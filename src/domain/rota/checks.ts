// Consistency checks over children's routes: routes pointing nowhere are flagged, and who uses a stop before it goes.
import type { ChildId, StopId } from '../ids.ts'
import { DIRECTIONS, type Direction } from '../line.ts'
import type { CollectiveModel } from '../model.ts'
import type { Child } from '../people.ts'

/** unknownLine: the line was deleted; unknownStop: the stop was deleted; stopOfAnotherLine: line and stop disagree. */
export type RouteProblem = 'unknownLine' | 'unknownStop' | 'stopOfAnotherLine'

export interface MissingStop {
  readonly childId: ChildId
  readonly direction: Direction
  readonly problem: RouteProblem
}

/**
 * Every child route that cannot be walked as written. Concurrent edits make these (a stop removed
 * on one phone while a child is placed on it on another): the child is flagged, never dropped.
 */
export const childrenWithMissingStop = (model: Pick<CollectiveModel, 'lines' | 'stops' | 'children'>): MissingStop[] => {
  const lineIds = new Set(model.lines.map((line) => line.id))
  const stopLine = new Map(model.stops.map((stop) => [stop.id, stop.lineId]))
  const problems: MissingStop[] = []
  for (const child of model.children) {
    for (const direction of DIRECTIONS) {
      const route = child.routes[direction]
      if (route === undefined) continue
      const problem: RouteProblem | null = !lineIds.has(route.lineId)
        ? 'unknownLine'
        : !stopLine.has(route.stopId)
          ? 'unknownStop'
          : stopLine.get(route.stopId) !== route.lineId
            ? 'stopOfAnotherLine'
            : null
      if (problem !== null) problems.push({ childId: child.id, direction, problem })
    }
  }
  return problems
}

/** Children whose route in either direction uses the stop: removing it must ask where they go. */
export const childrenUsingStop = (model: Pick<CollectiveModel, 'children'>, stopId: StopId): Child[] =>
  model.children.filter((child) => DIRECTIONS.some((direction) => child.routes[direction]?.stopId === stopId))

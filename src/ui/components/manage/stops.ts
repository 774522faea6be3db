// Pure helpers about a line's stops as the screens need them: its stops in order, who uses a stop, where they go by default.
import type { ChildId, LineId, StopId } from '../../../domain/ids.ts'
import { compareStops, type Stop } from '../../../domain/line.ts'
import type { Child } from '../../../domain/people.ts'

export const stopsOfLine = (stops: readonly Stop[], lineId: LineId): Stop[] => stops.filter((s) => s.lineId === lineId).sort(compareStops)

/** Children who join or leave the walk at this stop, in either direction. */
export const childrenUsingStop = (children: readonly Child[], stopId: StopId): Child[] =>
  children.filter((child) => child.routes.aller?.stopId === stopId || child.routes.retour?.stopId === stopId)

/**
 * Where each child goes when `stopId` is removed, before the member chooses: the next stop of the
 * line (a late child joins at the next stop), else the previous one, else none.
 */
export const defaultReassignment = (lineStops: readonly Stop[], stopId: StopId, children: readonly Child[]): Map<ChildId, StopId | null> => {
  const index = lineStops.findIndex((s) => s.id === stopId)
  const target = lineStops[index + 1]?.id ?? (index > 0 ? lineStops[index - 1]?.id : undefined) ?? null
  return new Map(children.map((child) => [child.id, target]))
}

// The collective's people and lines as screens name and order them: a child's label, a line's stops, ids read from keys.
import { AdultIdSchema, ChildIdSchema, FamilyIdSchema, LineIdSchema, StopIdSchema } from '../../domain/ids.ts'
import type { AdultId, ChildId, FamilyId, LineId, StopId } from '../../domain/ids.ts'
import { compareStops, MIN_STOPS_PER_LINE, type Line, type Stop } from '../../domain/line.ts'
import type { Child } from '../../domain/people.ts'

export { DIRECTIONS } from '../../domain/line.ts'
export { childLabel } from '../../domain/people.ts'

export const stopsOfLine = (stops: readonly Stop[], lineId: LineId): Stop[] => stops.filter((s) => s.lineId === lineId).sort(compareStops)

/** Where the set-up's line step stands: the line it shows, the stops that line still needs, whether it is done. */
export interface LineSetup {
  readonly line: Line | null
  readonly stopsMissing: number
  /** Some line has the stops a walk needs (a child then has a stop to pick). */
  readonly done: boolean
}

const stopsMissingOn = (stops: readonly Stop[], lineId: LineId): number =>
  Math.max(0, MIN_STOPS_PER_LINE - stops.filter((stop) => stop.lineId === lineId).length)

/** The line just created (`lineId`), else the first by name; done once any line has MIN_STOPS_PER_LINE stops. */
export const lineSetupOf = (
  view: { readonly lines: readonly Line[]; readonly stops: readonly Stop[] }, lineId?: string | null,
): LineSetup => {
  const byName = [...view.lines].sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id))
  const line = view.lines.find((candidate) => candidate.id === lineId) ?? byName[0] ?? null
  return {
    line,
    stopsMissing: line === null ? MIN_STOPS_PER_LINE : stopsMissingOn(view.stops, line.id),
    done: view.lines.some((candidate) => stopsMissingOn(view.stops, candidate.id) === 0),
  }
}

/** Children who join or leave the walk at this stop, in either direction. */
export const childrenUsingStop = (children: readonly Child[], stopId: StopId): Child[] =>
  children.filter((child) => child.routes.aller?.stopId === stopId || child.routes.retour?.stopId === stopId)

/**
 * Where each child goes when `stopId` is removed, before the member chooses: the next stop of the
 * line (a late child joins at the next stop), else the previous one, else none.
 */
export const defaultReassignment = (
  lineStops: readonly Stop[], stopId: StopId, children: readonly Child[],
): Map<ChildId, StopId | null> => {
  const index = lineStops.findIndex((s) => s.id === stopId)
  const target = lineStops[index + 1]?.id ?? (index > 0 ? lineStops[index - 1]?.id : undefined) ?? null
  return new Map(children.map((child) => [child.id, target]))
}

interface IdOfKind {
  readonly family: FamilyId
  readonly adult: AdultId
  readonly child: ChildId
  readonly line: LineId
  readonly stop: StopId
}
/** What parseId needs of an id schema: a safe parse yielding that id. */
interface IdSchema<T> {
  readonly safeParse: (value: unknown) => { readonly success: true; readonly data: T } | { readonly success: false }
}
const ID_SCHEMAS: { readonly [K in keyof IdOfKind]: IdSchema<IdOfKind[K]> } = {
  family: FamilyIdSchema, adult: AdultIdSchema, child: ChildIdSchema, line: LineIdSchema, stop: StopIdSchema,
}

/** The id of a record of `kind` held in `text` (a "to check" key, an address segment), or null when it is not one. */
export const parseId = <K extends keyof IdOfKind>(kind: K, text: string | undefined): IdOfKind[K] | null => {
  const parsed = ID_SCHEMAS[kind].safeParse(text)
  return parsed.success ? parsed.data : null
}

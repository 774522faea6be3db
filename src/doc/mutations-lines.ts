// Edits of the collective's settings, lines and stops (ordered by fractional positions), one tagged transaction each.
import * as Y from 'yjs'
import { removeWithDependants } from './removal.ts'
import { LineIdSchema, createLineId, createStopId, type ChildId, type LineId, type StopId } from '../domain/ids.ts'
import { LineInputSchema, StopInputSchema, positionBetween, type LineInput, type StopInput } from '../domain/line.ts'
import { SettingsInputSchema, type Settings, type SettingsInput } from '../domain/settings.ts'
import { err, ok, type Result } from '../lib/result.ts'
import { MAP_CHILDREN, MAP_LINES, MAP_SETTINGS, MAP_STOPS, Origin, safeMap } from './keys.ts'
import {
  DOCUMENT_DAMAGED, NOT_FOUND, createRecord, fieldOf, keysWhere, parseInput, updateRecord, writeFields, type EditResult,
} from './mutations-util.ts'
import { readSettings } from './read-rota.ts'
import { compareIds, plainOf } from './read-util.ts'

/** Writes only the fields given (merged over the current settings); returns the settings as read back. */
export const updateSettings = (doc: Y.Doc, input: SettingsInput): EditResult<Settings> => {
  const parsed = parseInput(SettingsInputSchema, input)
  if (!parsed.ok) return parsed
  const map = safeMap(doc, MAP_SETTINGS)
  if (map === null) return err(DOCUMENT_DAMAGED)
  doc.transact(() => writeFields(map, parsed.value), Origin.updateSettings)
  return ok(readSettings(doc, []))
}

const lineFields = (line: LineInput & object): Record<string, unknown> => line

export const addLine = (doc: Y.Doc, input: LineInput): EditResult<LineId> => {
  const parsed = parseInput(LineInputSchema, input)
  if (!parsed.ok) return parsed
  const id = createLineId()
  return createRecord(doc, MAP_LINES, id, lineFields(parsed.value), Origin.addLine) ? ok(id) : err(DOCUMENT_DAMAGED)
}

export const updateLine = (doc: Y.Doc, id: LineId, input: LineInput): EditResult<LineId> => {
  const parsed = parseInput(LineInputSchema, input)
  if (!parsed.ok) return parsed
  return updateRecord(doc, MAP_LINES, id, lineFields(parsed.value), Origin.updateLine)
}

/**
 * Removes the line and its stops. Children routed on it keep their route (the rules flag them "stop
 * missing" so a parent picks another line); sign-ups stay as history of walks no longer derived.
 */
export const removeLine = (doc: Y.Doc, id: LineId): boolean => removeWithDependants(doc, 'line', id, Origin.removeLine)

/** Stops of a line in order (position, then id), read from the raw fields; stops without a number sort last. */
const orderedStopsOf = (doc: Y.Doc, lineId: string): { id: string; position: number }[] =>
  keysWhere(doc, MAP_STOPS, 'lineId', lineId)
    .map((id) => {
      const position = fieldOf(safeMap(doc, MAP_STOPS)?.get(id), 'position')
      return { id, position: typeof position === 'number' && Number.isFinite(position) ? position : Number.MAX_VALUE }
    })
    .sort((a, b) => a.position - b.position || compareIds(a.id, b.id))

const stopFields = (stop: StopInput & object): Record<string, unknown> => stop

export const addStop = (doc: Y.Doc, lineId: LineId, input: StopInput): EditResult<StopId> => {
  const parsed = parseInput(StopInputSchema, input)
  if (!parsed.ok) return parsed
  if (!safeMap(doc, MAP_LINES)?.has(lineId)) return err(NOT_FOUND)
  const last = orderedStopsOf(doc, lineId).filter((stop) => stop.position !== Number.MAX_VALUE).at(-1)
  const id = createStopId()
  const fields = { ...stopFields(parsed.value), lineId, position: positionBetween(last?.position, undefined) }
  return createRecord(doc, MAP_STOPS, id, fields, Origin.addStop) ? ok(id) : err(DOCUMENT_DAMAGED)
}

/** Name, times and access only: the line and the position stay. */
export const updateStop = (doc: Y.Doc, id: StopId, input: StopInput): EditResult<StopId> => {
  const parsed = parseInput(StopInputSchema, input)
  if (!parsed.ok) return parsed
  return updateRecord(doc, MAP_STOPS, id, stopFields(parsed.value), Origin.updateStop)
}

/** Writes one position between the new neighbours, so a concurrent move of another stop never conflicts. */
export const moveStop = (doc: Y.Doc, id: StopId, toIndex: number): void => {
  const record = safeMap(doc, MAP_STOPS)?.get(id)
  const lineId = fieldOf(record, 'lineId')
  if (!(record instanceof Y.Map) || typeof lineId !== 'string') return
  const others = orderedStopsOf(doc, lineId).filter((stop) => stop.id !== id && stop.position !== Number.MAX_VALUE)
  const index = Math.max(0, Math.min(Math.trunc(toIndex), others.length))
  const position = positionBetween(others[index - 1]?.position, others[index]?.position)
  if (record.get('position') !== position) doc.transact(() => record.set('position', position), Origin.moveStop)
}

/** 'notFound': the stop is not there (removed on another phone already): nothing written. */
export type StopRemovalError = 'childrenNeedAStop' | 'notFound'

type Route = { lineId: string; stopId: string }
const routesOf = (value: unknown): Record<string, Route | undefined> => {
  const routes = plainOf(fieldOf(value, 'routes'))
  return typeof routes === 'object' && routes !== null ? (routes as Record<string, Route | undefined>) : {}
}

/**
 * Removes a stop. Every child whose route uses it must appear in `reassign`: to another stop of the
 * same line, or to null, which keeps the dangling route so the rules flag the child "stop missing".
 */
export const removeStop = (doc: Y.Doc, id: StopId, reassign: ReadonlyMap<ChildId, StopId | null>): Result<void, StopRemovalError> => {
  const stops = safeMap(doc, MAP_STOPS)
  const children = safeMap(doc, MAP_CHILDREN)
  const lineId = LineIdSchema.safeParse(fieldOf(stops?.get(id), 'lineId'))
  if (!stops?.has(id) || children === null) return err('notFound')
  const changes: [Y.Map<unknown>, Record<string, Route | undefined>][] = []
  for (const [childId, child] of children.entries()) {
    const routes = routesOf(child)
    if (!Object.values(routes).some((route) => route?.stopId === id)) continue
    if (!(child instanceof Y.Map) || !reassign.has(childId as ChildId)) return err('childrenNeedAStop')
    const target = reassign.get(childId as ChildId) ?? null
    if (target === null) continue
    if (target === id || !lineId.success || fieldOf(stops.get(target), 'lineId') !== lineId.data) return err('childrenNeedAStop')
    const next = Object.fromEntries(
      Object.entries(routes).map(([direction, route]) => [direction, route?.stopId === id ? { ...route, stopId: target } : route]),
    )
    changes.push([child, next])
  }
  doc.transact(() => {
    for (const [child, routes] of changes) child.set('routes', routes)
    stops.delete(id)
  }, Origin.removeStop)
  return ok(undefined)
}

// Shared pieces of the readers: Yjs value -> plain value, short previews, problem codes, and one loop over a record map.
import * as Y from 'yjs'
import type { z } from 'zod/mini'
import { CANNOT_OPEN_PROBLEM, openRecord } from './codec.ts'
import { safeMap } from './keys.ts'
import type { RecordKind } from './record-kinds.ts'

export type { RecordKind } from './record-kinds.ts'

export interface RecordToCheck {
  readonly kind: RecordKind
  readonly key: string
  /** Short plain-text preview of the raw value; the UI renders it as text, never as HTML. */
  readonly preview: string
  readonly problems: readonly string[]
}

const PREVIEW_MAX = 80

/** Yjs value -> plain JSON-like value; never throws. */
export const plainOf = (value: unknown): unknown => {
  try {
    if (value instanceof Y.AbstractType) return value.toJSON()
    return value
  } catch {
    return null
  }
}

export const previewOf = (raw: unknown): string => {
  let text: string
  try {
    text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw))
  } catch {
    text = '?'
  }
  return text.length > PREVIEW_MAX ? `${text.slice(0, PREVIEW_MAX - 1)}…` : text
}

/** Field path and issue code only: messages could echo personal values. */
export const problemsOf = (error: z.core.$ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.join('.') || '_'}:${issue.code}`)

/** A JSON object (not an array, a Yjs type, bytes or a class instance). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** `field:cannotOpen` for each personal field this phone cannot open (another collective's key, tampered bytes). */
export const cannotOpenProblems = (fields: readonly string[]): string[] => fields.map((field) => `${field}:${CANNOT_OPEN_PROBLEM}`)

export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export interface RecordReader<T> {
  readonly mapName: string
  readonly kind: RecordKind
  readonly schema: z.ZodMiniType<T>
  /** Builds the candidate from the stored fields, personal ones already opened (codec.ts): injects the key as id. */
  readonly decode: (key: string, fields: Record<string, unknown>) => unknown
}

/**
 * Reads a top-level map of nested Y.Map records (one per random id). The key is the id, so a record
 * cannot claim another's id; anything that is not a valid record is listed "to check".
 */
export const readRecordMap = <T>(doc: Y.Doc, reader: RecordReader<T>, toCheck: RecordToCheck[]): T[] => {
  const map = safeMap(doc, reader.mapName)
  if (map === null) {
    toCheck.push({ kind: reader.kind, key: reader.mapName, preview: '', problems: ['notAMap'] })
    return []
  }
  const records: T[] = []
  for (const [key, value] of map.entries()) {
    const raw = plainOf(value)
    if (!(value instanceof Y.Map) || !isPlainObject(raw)) {
      toCheck.push({ kind: reader.kind, key, preview: previewOf(raw), problems: ['notARecord'] })
      continue
    }
    const opened = openRecord(doc, reader.mapName, key, raw)
    // The preview shows opened text (it prefills the repair form), never a sealed value.
    if (opened.cannotOpen.length > 0) {
      toCheck.push({ kind: reader.kind, key, preview: previewOf(opened.fields), problems: cannotOpenProblems(opened.cannotOpen) })
      continue
    }
    const parsed = reader.schema.safeParse(reader.decode(key, opened.fields))
    if (parsed.success) records.push(parsed.data)
    else toCheck.push({ kind: reader.kind, key, preview: previewOf(opened.fields), problems: problemsOf(parsed.error) })
  }
  return records
}

/**
 * The fields with the key as id (a stored `id` field never wins). The id is declared before the spread: V8 keeps a
 * literal-then-spread object fast, where a property added after a spread made every later parse of it slower.
 */
export const withId = (key: string, fields: Record<string, unknown>): Record<string, unknown> => {
  const record: Record<string, unknown> = { id: key, ...fields }
  record.id = key
  return record
}

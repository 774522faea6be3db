// Typed readers of the shared document: Yjs values -> validated domain records, invalid ones listed "to check".
//
// The document is untrusted input (any member's phone, any app version, corrupted bytes): readers
// never throw, keep unknown fields (looseObject schemas), and report what failed instead.
import * as Y from 'yjs'
import type { z } from 'zod'
import { StoredCollectiveProfileSchema, type CollectiveProfile } from '../domain/collective.ts'
import { StoredFamilySchema, type Family } from '../domain/family.ts'
import { openPersonal } from './codec.ts'
import { MAP_FAMILIES, MAP_META, MAP_PROFILE, META_SCHEMA_VERSION, safeMap } from './keys.ts'

export type RecordKind = 'family' | 'profile'

export interface RecordToCheck {
  readonly kind: RecordKind
  readonly key: string
  /** Short plain-text preview of the raw value; the UI renders it as text, never as HTML. */
  readonly preview: string
  readonly problems: readonly string[]
}

export interface CollectiveSnapshot {
  readonly profile: CollectiveProfile | null
  readonly families: readonly Family[]
  readonly toCheck: readonly RecordToCheck[]
  readonly schemaVersion: number | null
}

const PREVIEW_MAX = 80
const PROFILE_KEY = 'profile'

export const readCollective = (doc: Y.Doc): CollectiveSnapshot => {
  const toCheck: RecordToCheck[] = []
  const profile = readProfile(doc, toCheck)
  const families = readFamilies(doc, toCheck)
  return { profile, families, toCheck, schemaVersion: readSchemaVersion(doc) }
}

export const readSchemaVersion = (doc: Y.Doc): number | null => {
  const version = safeMap(doc, MAP_META)?.get(META_SCHEMA_VERSION)
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : null
}

/** null while the profile is empty (a joining phone before its first sync). */
export const readProfile = (doc: Y.Doc, toCheck: RecordToCheck[]): CollectiveProfile | null => {
  const map = safeMap(doc, MAP_PROFILE)
  if (map === null) {
    toCheck.push({ kind: 'profile', key: PROFILE_KEY, preview: '', problems: ['notAMap'] })
    return null
  }
  if (map.size === 0) return null
  const raw = plainOf(map)
  const parsed = StoredCollectiveProfileSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  toCheck.push({ kind: 'profile', key: PROFILE_KEY, preview: previewOf(raw), problems: problemsOf(parsed.error) })
  return null
}

export const readFamilies = (doc: Y.Doc, toCheck: RecordToCheck[]): Family[] => {
  const map = safeMap(doc, MAP_FAMILIES)
  if (map === null) {
    toCheck.push({ kind: 'family', key: MAP_FAMILIES, preview: '', problems: ['notAMap'] })
    return []
  }
  const families: Family[] = []
  for (const [key, value] of map.entries()) {
    const family = readFamily(key, value)
    if (family.ok) families.push(family.value)
    else toCheck.push({ kind: 'family', key, preview: previewOf(family.raw), problems: family.problems })
  }
  return families.sort(byDisplayNameThenId)
}

type ReadOutcome<T> = { ok: true; value: T } | { ok: false; raw: unknown; problems: string[] }

const readFamily = (key: string, value: unknown): ReadOutcome<Family> => {
  if (!(value instanceof Y.Map)) return { ok: false, raw: plainOf(value), problems: ['notARecord'] }
  const raw = plainOf(value)
  const record = raw as Record<string, unknown>
  // The key is the id: a record cannot claim another family's id.
  const parsed = StoredFamilySchema.safeParse({ ...record, id: key, displayName: openPersonal(record.displayName) })
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, raw, problems: problemsOf(parsed.error) }
}

const byDisplayNameThenId = (a: Family, b: Family): number =>
  a.displayName.localeCompare(b.displayName, 'fr') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Yjs value -> plain JSON-like value; never throws. */
const plainOf = (value: unknown): unknown => {
  try {
    if (value instanceof Y.AbstractType) return value.toJSON()
    return value
  } catch {
    return null
  }
}

const previewOf = (raw: unknown): string => {
  let text: string
  try {
    text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw))
  } catch {
    text = '?'
  }
  return text.length > PREVIEW_MAX ? `${text.slice(0, PREVIEW_MAX - 1)}…` : text
}

/** Field path and issue code only: messages could echo personal values. */
const problemsOf = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.join('.') || '_'}:${issue.code}`)

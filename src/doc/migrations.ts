// Upgrades of the document: layout steps keyed by the schema version they start from (none yet: v1 and v2 are both kept), and sealing of plain personal values.
import * as Y from 'yjs'
import { isSealed } from '../lib/seal.ts'
import { PERSONAL_FIELDS, personalContext, sealKeyOf, sealPersonal } from './codec.ts'
import { MAP_META, META_SCHEMA_VERSION, Origin, SCHEMA_VERSION, safeMap } from './keys.ts'
import { readSchemaVersion } from './read.ts'
import { isPlainObject } from './read-util.ts'

/** Additive steps only: `steps[n]` turns a version-n document into version n+1 inside one transaction. */
type MigrationStep = (doc: Y.Doc) => void
const steps: Readonly<Record<number, MigrationStep>> = {}

/**
 * Versions kept as they are. A version-1 document keeps its first-layout sign-ups and goes on writing them: moving
 * them to the compact layout in place would not make it smaller (every replaced entry stays as a tombstone holding
 * its long key), and phones of an older app would read the new entries "to check". Version 2 is what a new
 * collective is created with (keys.ts SCHEMA_VERSION).
 */
const KEPT_VERSIONS: ReadonlySet<number> = new Set([1, SCHEMA_VERSION])

export type MigrationOutcome =
  | 'uninitialised' // no meta yet (a joining phone before its first sync)
  | 'current'
  | 'migrated'
  | 'newerSchema' // written by a newer app: read what we can, the UI may suggest updating
  | 'noMigration' // a version we have no step for

export const migrateDocument = (doc: Y.Doc, migrationSteps: Readonly<Record<number, MigrationStep>> = steps): MigrationOutcome => {
  const version = readSchemaVersion(doc)
  if (version === null) return 'uninitialised'
  if (KEPT_VERSIONS.has(version)) return 'current'
  if (version > SCHEMA_VERSION) return 'newerSchema'
  for (let from = version; from < SCHEMA_VERSION; from++) if (!migrationSteps[from]) return 'noMigration'
  doc.transact(() => {
    for (let from = version; from < SCHEMA_VERSION; from++) migrationSteps[from]?.(doc)
    safeMap(doc, MAP_META)?.set(META_SCHEMA_VERSION, SCHEMA_VERSION)
  }, Origin.migrate)
  return 'migrated'
}

/** A personal value stored in clear: written before sealing, or by an app version that did not seal. */
const isPlainText = (value: unknown): value is string => typeof value === 'string' && !isSealed(value)

type Rewrite = () => void

/** The writes that seal the plain personal values of one map (nothing is written here). */
const plainValueRewrites = (doc: Y.Doc, mapName: string, fields: readonly string[]): Rewrite[] => {
  const map = safeMap(doc, mapName)
  if (map === null) return []
  const rewrites: Rewrite[] = []
  const sealed = (key: string, field: string, text: string): string => sealPersonal(doc, personalContext(mapName, key, field), text)
  for (const [key, value] of map.entries()) {
    if (value instanceof Y.Map) {
      // Nested record: only the plain fields are set, so concurrent edits of other fields survive.
      for (const field of fields) {
        const stored: unknown = value.get(field)
        if (isPlainText(stored)) rewrites.push(() => value.set(field, sealed(key, field, stored)))
      }
    } else if (isPlainObject(value) && fields.some((field) => isPlainText(value[field]))) {
      // Flat entry: written whole, as every write of it is.
      const next: Record<string, unknown> = { ...value }
      for (const field of fields) {
        const stored = value[field]
        if (isPlainText(stored)) next[field] = sealed(key, field, stored)
      }
      rewrites.push(() => map.set(key, next))
    }
  }
  return rewrites
}

/**
 * Seals every personal value still stored in clear, in one transaction (Origin.migrate); returns
 * how many records or fields were rewritten. Idempotent: a second run finds nothing and writes
 * nothing. Without a key bound it does nothing. A value another phone cannot open stays as is.
 */
export const sealPlainPersonalValues = (doc: Y.Doc): number => {
  if (sealKeyOf(doc) === undefined) return 0
  const rewrites = Object.entries(PERSONAL_FIELDS).flatMap(([mapName, fields]) => plainValueRewrites(doc, mapName, fields))
  if (rewrites.length > 0) {
    doc.transact(() => {
      for (const rewrite of rewrites) rewrite()
    }, Origin.migrate)
  }
  return rewrites.length
}

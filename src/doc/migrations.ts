// Upgrades of the document layout, keyed by the schema version they start from (v1 is current: none yet).
import type * as Y from 'yjs'
import { MAP_META, META_SCHEMA_VERSION, Origin, SCHEMA_VERSION, safeMap } from './keys.ts'
import { readSchemaVersion } from './read.ts'

/** Additive steps only: `steps[n]` turns a version-n document into version n+1 inside one transaction. */
type MigrationStep = (doc: Y.Doc) => void
const steps: Readonly<Record<number, MigrationStep>> = {}

export type MigrationOutcome =
  | 'uninitialised' // no meta yet (a joining phone before its first sync)
  | 'current'
  | 'migrated'
  | 'newerSchema' // written by a newer app: read what we can, the UI may suggest updating
  | 'noMigration' // a version we have no step for

export const migrateDocument = (doc: Y.Doc, migrationSteps: Readonly<Record<number, MigrationStep>> = steps): MigrationOutcome => {
  const version = readSchemaVersion(doc)
  if (version === null) return 'uninitialised'
  if (version === SCHEMA_VERSION) return 'current'
  if (version > SCHEMA_VERSION) return 'newerSchema'
  for (let from = version; from < SCHEMA_VERSION; from++) if (!migrationSteps[from]) return 'noMigration'
  doc.transact(() => {
    for (let from = version; from < SCHEMA_VERSION; from++) migrationSteps[from]?.(doc)
    safeMap(doc, MAP_META)?.set(META_SCHEMA_VERSION, SCHEMA_VERSION)
  }, Origin.migrate)
  return 'migrated'
}

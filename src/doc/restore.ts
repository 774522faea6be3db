// Writes a validated collective export into a fresh document: every record under its own id, personal fields sealed by the codec.
//
// Only for a NEW collective's empty document (a restore never merges into an existing room). Ids
// are kept so every reference (a child's stop, a sign-up's adult) still holds; Lamport clocks are
// kept as they were, so the order of sign-ups, swaps and marks is the same as in the original.
import * as Y from 'yjs'
import type { CollectiveExport } from '../domain/export/format.ts'
import type { CollectiveProfile } from '../domain/collective.ts'
import type { LocalDate } from '../domain/dates.ts'
import { requireSealKey } from './codec.ts'
import { storedFields } from './entries.ts'
import {
  ChangeOrigin, MAP_META, MAP_PROFILE, MAP_SETTINGS, META_MIN_APP_VERSION, META_SCHEMA_VERSION, MIN_APP_VERSION, SCHEMA_VERSION,
  SETTINGS_FAIRNESS_FIELD, SETTINGS_ROSTER_FIELD, SETTINGS_YEAR_START_FIELD,
} from './keys.ts'
import { RECORD_KINDS, type EntriesKind, type RecordsKind } from './record-kinds.ts'

export const restoreOrigin = new ChangeOrigin('restore')

/** A JSON copy: values stored in Yjs must not share objects with the parsed file. */
const plainCopy = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown

/** Nested Y.Map records keyed by their id (families, adults, children, lines, stops, exceptions, holidays). */
const writeRecords = <T extends { readonly id: string }>(doc: Y.Doc, kind: RecordsKind<string, T>, file: CollectiveExport): void => {
  const map = doc.getMap<unknown>(kind.mapName)
  for (const record of kind.fromExport(file)) {
    const nested = new Y.Map<unknown>()
    for (const [field, value] of Object.entries(storedFields(doc, kind.mapName, record.id, record, true))) nested.set(field, value)
    map.set(record.id, nested)
  }
}

/** Flat entries written whole under their document key (`storedEntry`: key and value when not the record under keyOf). */
const writeEntries = <T extends object>(doc: Y.Doc, kind: EntriesKind<string, T>, file: CollectiveExport): void => {
  if (kind.fromExport === null) return
  const map = doc.getMap<unknown>(kind.mapName)
  for (const record of kind.fromExport(file)) {
    const stored = kind.storedEntry?.(doc, record)
    if (stored !== undefined) doc.getMap<unknown>(stored[0]).set(stored[1], stored[2])
    else map.set(kind.keyOf(record), storedFields(doc, kind.mapName, kind.keyOf(record), record, false))
  }
}

/**
 * One transaction: the new document is whole or empty. The caller binds the new collective's seal key to `doc` first.
 * `yearStartedOn`: a successor generation's first day (src/app/generation.ts), so phones delete again a past record
 * that a phone's waiting change brings back (src/doc/year-cleanup.ts).
 */
export const writeRestoredCollective = (
  doc: Y.Doc, file: CollectiveExport & { readonly profile: CollectiveProfile }, options: { readonly yearStartedOn?: LocalDate } = {},
): void => {
  // Fails closed before the transaction: a restore without a key would write the names in clear, or half a document.
  requireSealKey(doc, 'a restored collective')
  doc.transact(() => {
    const meta = doc.getMap<unknown>(MAP_META)
    meta.set(META_SCHEMA_VERSION, SCHEMA_VERSION)
    meta.set(META_MIN_APP_VERSION, MIN_APP_VERSION)
    const profile = doc.getMap<unknown>(MAP_PROFILE)
    for (const [field, value] of Object.entries(file.profile)) profile.set(field, plainCopy(value))
    const settings = doc.getMap<unknown>(MAP_SETTINGS)
    for (const [field, value] of Object.entries(file.settings)) settings.set(field, plainCopy(value))
    settings.set(SETTINGS_ROSTER_FIELD, plainCopy(file.coordination.setting))
    settings.set(SETTINGS_FAIRNESS_FIELD, plainCopy(file.planning.fairness))
    if (options.yearStartedOn !== undefined) settings.set(SETTINGS_YEAR_START_FIELD, options.yearStartedOn)
    // Every other kind from its section of the file, in the registry's order (profile and settings are above).
    for (const kind of RECORD_KINDS) {
      if (kind.shape === 'records') writeRecords(doc, kind as RecordsKind<string, { readonly id: string }>, file)
      else if (kind.shape === 'entries') writeEntries(doc, kind as EntriesKind<string, object>, file)
    }
  }, restoreOrigin)
}

// Edits of the shared document: each validates its input, then runs as one transaction tagged with a named origin.
// This file holds the profile, families and "to check" deletions, and re-exports the other kinds' edits.
import * as Y from 'yjs'
import {
  CollectiveProfileInputSchema, type CollectiveProfile, type CollectiveProfileInput, type NewCollectiveCalendar,
} from '../domain/collective.ts'
import { LocalDateSchema, type LocalDate } from '../domain/dates.ts'
import { FamilyInputSchema, type FamilyInput } from '../domain/family.ts'
import { createFamilyId, type FamilyId } from '../domain/ids.ts'
import { fieldErrorsOf, type FieldErrors } from '../domain/validation.ts'
import { err, ok, type Result } from '../lib/result.ts'
import { personalContext, sealPersonal, sealUnlessSame } from './codec.ts'
import {
  MAP_FAMILIES, MAP_META, MAP_PROFILE, MAP_SETTINGS, META_MIN_APP_VERSION, META_SCHEMA_VERSION,
  MIN_APP_VERSION, Origin, SCHEMA_VERSION, safeMap,
} from './keys.ts'
import type { RecordToCheck } from './read-util.ts'
import { writeFields } from './mutations-util.ts'
import { mapsOfKind } from './record-kinds.ts'

export type EditResult<T> = Result<T, FieldErrors>
export * from './mutations-calendar.ts'
export * from './mutations-lines.ts'
export * from './mutations-people.ts'
export * from './mutations-signups.ts'
export * from './mutations-swaps.ts'
export * from './mutations-coordination.ts'
export * from './mutations-walk-log.ts'
export * from './mutations-planning.ts'

/**
 * Writes meta and profile of a brand-new collective. Only the creating phone calls this: a joining
 * phone waits for the relay instead, or its empty profile would race with the real one.
 */
export const initCollective = (doc: Y.Doc, profile: CollectiveProfile, calendar?: NewCollectiveCalendar): void => {
  doc.transact(() => {
    const meta = doc.getMap(MAP_META)
    meta.set(META_SCHEMA_VERSION, SCHEMA_VERSION)
    meta.set(META_MIN_APP_VERSION, MIN_APP_VERSION)
    writeProfileFields(doc.getMap(MAP_PROFILE), profile)
    // The zone derived from where the school is (or the académie's own calendar): never the default by omission.
    if (calendar !== undefined) writeFields(doc.getMap(MAP_SETTINGS), { ...calendar })
  }, Origin.init)
}

export const updateProfile = (doc: Y.Doc, input: CollectiveProfileInput): EditResult<CollectiveProfile> => {
  const parsed = CollectiveProfileInputSchema.safeParse(input)
  if (!parsed.success) return err(fieldErrorsOf(parsed.error))
  const map = safeMap(doc, MAP_PROFILE)
  if (map === null) return err({ _: 'documentDamaged' })
  doc.transact(() => writeProfileFields(map, parsed.data), Origin.updateProfile)
  return ok(parsed.data)
}

/** `joinedOn`: today (Paris) for a family added now; fair shares count from it. */
export const addFamily = (doc: Y.Doc, input: FamilyInput, joinedOn?: LocalDate): EditResult<FamilyId> => {
  const parsed = FamilyInputSchema.safeParse(input)
  if (!parsed.success) return err(fieldErrorsOf(parsed.error))
  const families = safeMap(doc, MAP_FAMILIES)
  if (families === null) return err({ _: 'documentDamaged' })
  const id = createFamilyId()
  // The nested map is created together with its fresh id: two phones never create the same one.
  const record = new Y.Map<unknown>()
  record.set('displayName', sealPersonal(doc, personalContext(MAP_FAMILIES, id, 'displayName'), parsed.data.displayName))
  if (joinedOn !== undefined) record.set('joinedOn', joinedOn)
  doc.transact(() => families.set(id, record), Origin.addFamily)
  return ok(id)
}

export const renameFamily = (doc: Y.Doc, id: FamilyId, input: FamilyInput): EditResult<FamilyId> => {
  const parsed = FamilyInputSchema.safeParse(input)
  if (!parsed.success) return err(fieldErrorsOf(parsed.error))
  const record = safeMap(doc, MAP_FAMILIES)?.get(id)
  if (!(record instanceof Y.Map)) return err({ _: 'notFound' })
  // Only the edited field is written: fields from newer app versions survive.
  const context = personalContext(MAP_FAMILIES, id, 'displayName')
  const stored = record.get('displayName')
  const next = sealUnlessSame(doc, context, stored, parsed.data.displayName)
  // The form is also the repair of a family "to check": an unreadable joining day (not a form
  // field) is removed, and the family then counts from the start of the school year.
  const joinedOn = record.get('joinedOn')
  const unreadableJoinedOn = joinedOn !== undefined && !LocalDateSchema.safeParse(joinedOn).success
  if (next !== stored || unreadableJoinedOn) {
    doc.transact(() => {
      if (next !== stored) record.set('displayName', next)
      if (unreadableJoinedOn) record.delete('joinedOn')
    }, Origin.renameFamily)
  }
  return ok(id)
}

/**
 * Deletes a record listed "to check": the entry under its key (for settings the field, which then
 * falls back to its default; for the profile its fields, so it can be filled in again). A whole
 * top-level map of the wrong type cannot be deleted and is left alone. False when nothing was deleted.
 */
export const deleteRecordToCheck = (doc: Y.Doc, record: Pick<RecordToCheck, 'kind' | 'key'>): boolean => {
  if (record.kind !== 'profile') {
    const map = mapsOfKind(record.kind).map((name) => safeMap(doc, name)).find((candidate) => candidate?.has(record.key))
    if (map === undefined || map === null) return false
    doc.transact(() => map.delete(record.key), Origin.deleteToCheck)
    return true
  }
  const profile = safeMap(doc, MAP_PROFILE)
  if (!profile || profile.size === 0) return false
  doc.transact(() => {
    for (const key of [...profile.keys()]) profile.delete(key)
  }, Origin.deleteToCheck)
  return true
}

/** Sets only the fields whose value changes, so a no-op edit writes nothing. */
const writeProfileFields = (map: Y.Map<unknown>, profile: CollectiveProfile): void => {
  for (const field of ['name', 'school', 'town'] as const) {
    if (map.get(field) !== profile[field]) map.set(field, profile[field])
  }
}

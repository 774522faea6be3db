// Edits of the shared document: each validates its input, then runs as one transaction tagged with a named origin.
import * as Y from 'yjs'
import { CollectiveProfileInputSchema, type CollectiveProfile, type CollectiveProfileInput } from '../domain/collective.ts'
import { FamilyInputSchema, type FamilyInput } from '../domain/family.ts'
import { createFamilyId, type FamilyId } from '../domain/ids.ts'
import { fieldErrorsOf, type FieldErrors } from '../domain/validation.ts'
import { err, ok, type Result } from '../lib/result.ts'
import { sealPersonal } from './codec.ts'
import {
  MAP_FAMILIES, MAP_META, MAP_PROFILE, META_MIN_APP_VERSION, META_SCHEMA_VERSION, MIN_APP_VERSION, Origin,
  SCHEMA_VERSION, safeMap,
} from './keys.ts'
import type { RecordToCheck } from './read.ts'

export type EditResult<T> = Result<T, FieldErrors>

/**
 * Writes meta and profile of a brand-new collective. Only the creating phone calls this: a joining
 * phone waits for the relay instead, or its empty profile would race with the real one.
 */
export const initCollective = (doc: Y.Doc, profile: CollectiveProfile): void => {
  doc.transact(() => {
    const meta = doc.getMap(MAP_META)
    meta.set(META_SCHEMA_VERSION, SCHEMA_VERSION)
    meta.set(META_MIN_APP_VERSION, MIN_APP_VERSION)
    writeProfileFields(doc.getMap(MAP_PROFILE), profile)
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

export const addFamily = (doc: Y.Doc, input: FamilyInput): EditResult<FamilyId> => {
  const parsed = FamilyInputSchema.safeParse(input)
  if (!parsed.success) return err(fieldErrorsOf(parsed.error))
  const families = safeMap(doc, MAP_FAMILIES)
  if (families === null) return err({ _: 'documentDamaged' })
  const id = createFamilyId()
  // The nested map is created together with its fresh id: two phones never create the same one.
  const record = new Y.Map<unknown>()
  record.set('displayName', sealPersonal(parsed.data.displayName))
  doc.transact(() => families.set(id, record), Origin.addFamily)
  return ok(id)
}

export const renameFamily = (doc: Y.Doc, id: FamilyId, input: FamilyInput): EditResult<FamilyId> => {
  const parsed = FamilyInputSchema.safeParse(input)
  if (!parsed.success) return err(fieldErrorsOf(parsed.error))
  const record = safeMap(doc, MAP_FAMILIES)?.get(id)
  if (!(record instanceof Y.Map)) return err({ _: 'notFound' })
  // Only the edited field is written: fields from newer app versions survive.
  doc.transact(() => record.set('displayName', sealPersonal(parsed.data.displayName)), Origin.renameFamily)
  return ok(id)
}

export const removeFamily = (doc: Y.Doc, id: FamilyId): void => {
  const families = safeMap(doc, MAP_FAMILIES)
  if (families?.has(id)) doc.transact(() => families.delete(id), Origin.removeFamily)
}

/** Deletes a record listed "to check" (for the profile: its fields, so it can be filled in again). */
export const deleteRecordToCheck = (doc: Y.Doc, record: Pick<RecordToCheck, 'kind' | 'key'>): void => {
  if (record.kind === 'family') {
    const families = safeMap(doc, MAP_FAMILIES)
    if (families?.has(record.key)) doc.transact(() => families.delete(record.key), Origin.deleteToCheck)
    return
  }
  const profile = safeMap(doc, MAP_PROFILE)
  if (profile && profile.size > 0) {
    doc.transact(() => {
      for (const key of [...profile.keys()]) profile.delete(key)
    }, Origin.deleteToCheck)
  }
}

/** Sets only the fields whose value changes, so a no-op edit writes nothing. */
const writeProfileFields = (map: Y.Map<unknown>, profile: CollectiveProfile): void => {
  for (const field of ['name', 'school', 'town'] as const) {
    if (map.get(field) !== profile[field]) map.set(field, profile[field])
  }
}

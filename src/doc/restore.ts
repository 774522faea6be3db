// Writes a validated collective export into a fresh document: every record under its own id, personal fields sealed by the codec.
//
// Only for a NEW collective's empty document (a restore never merges into an existing room). Ids
// are kept so every reference (a child's stop, a sign-up's adult) still holds; Lamport clocks are
// kept as they were, so the order of sign-ups, swaps and marks is the same as in the original.
import * as Y from 'yjs'
import type { CollectiveExport } from '../domain/export/format.ts'
import type { CollectiveProfile } from '../domain/collective.ts'
import { handoverKeyOf, periodResponseKeyOf, rosterEntryKeyOf } from '../domain/coordination/records.ts'
import { availabilityKeyOf, exemptionKeyOf } from '../domain/planning/records.ts'
import { signUpKeyOf } from '../domain/signup.ts'
import { releaseKeyOf, responseKeyOf } from '../domain/swaps/records.ts'
import { checkInKeyOf, walkEventKeyOf } from '../domain/walk-log/records.ts'
import { personalContext, personalFieldsOf, requireSealKey, sealPersonal } from './codec.ts'
import {
  ChangeOrigin, MAP_ABSENCES, MAP_ADULTS, MAP_AVAILABILITY, MAP_EXEMPTIONS, MAP_CHECK_INS, MAP_CHILDREN, MAP_EXCEPTIONS, MAP_FAMILIES, MAP_HANDOVER_ACKS, MAP_HANDOVER_NOTES,
  MAP_HOLIDAY_OVERRIDES, MAP_HOLIDAYS, MAP_LINES, MAP_META, MAP_OFFERS, MAP_PERIOD_OFFERS, MAP_PERIOD_RESPONSES, MAP_PROFILE, MAP_RELEASES,
  MAP_RESPONSES, MAP_ROSTER, MAP_SETTINGS, MAP_SIGNUPS, MAP_STOPS, MAP_WALK_EVENTS, MAP_WALK_NOTES, META_MIN_APP_VERSION, META_SCHEMA_VERSION,
  MIN_APP_VERSION, SCHEMA_VERSION, SETTINGS_FAIRNESS_FIELD, SETTINGS_ROSTER_FIELD,
} from './keys.ts'

export const restoreOrigin = new ChangeOrigin('restore')

/** A JSON copy: values stored in Yjs must not share objects with the parsed file. */
const plainCopy = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown

/** The record's fields as stored: personal ones sealed for their place (`map/key/field`), `id` left out when the key holds it. */
const storedFields = (doc: Y.Doc, mapName: string, key: string, record: object, dropId: boolean): Record<string, unknown> => {
  const fields: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(record)) {
    if (dropId && field === 'id') continue
    if (value === undefined) continue
    fields[field] = personalFieldsOf(mapName).includes(field) && typeof value === 'string'
      ? sealPersonal(doc, personalContext(mapName, key, field), value)
      : plainCopy(value)
  }
  return fields
}

/** Nested Y.Map records keyed by their id (families, adults, children, lines, stops, exceptions, holidays). */
const writeRecords = (doc: Y.Doc, mapName: string, records: readonly { readonly id: string }[]): void => {
  const map = doc.getMap<unknown>(mapName)
  for (const record of records) {
    const nested = new Y.Map<unknown>()
    for (const [field, value] of Object.entries(storedFields(doc, mapName, record.id, record, true))) nested.set(field, value)
    map.set(record.id, nested)
  }
}

/** Flat entries written whole under their document key (`valueOf`: what is stored when the key already says part of it). */
const writeFlat = <T extends object>(
  doc: Y.Doc, mapName: string, records: readonly T[], keyOf: (record: T) => string, valueOf: (record: T) => object = (record) => record,
): void => {
  const map = doc.getMap<unknown>(mapName)
  for (const record of records) {
    const key = keyOf(record)
    map.set(key, storedFields(doc, mapName, key, valueOf(record), false))
  }
}

/** The walk and the adult are in a sign-up's key: the value does not repeat them (as mutations-signups.ts writes it). */
const signUpValue = ({ lineId: _line, date: _date, direction: _direction, adultId: _adult, ...value }: CollectiveExport['signUps'][number]): object => value

/** One transaction: the new document is whole or empty. The caller binds the new collective's seal key to `doc` first. */
export const writeRestoredCollective = (doc: Y.Doc, file: CollectiveExport & { readonly profile: CollectiveProfile }): void => {
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

    writeRecords(doc, MAP_LINES, file.lines)
    writeRecords(doc, MAP_STOPS, file.stops)
    writeRecords(doc, MAP_FAMILIES, file.families)
    writeRecords(doc, MAP_ADULTS, file.adults)
    writeRecords(doc, MAP_CHILDREN, file.children)
    writeRecords(doc, MAP_EXCEPTIONS, file.exceptions)
    writeRecords(doc, MAP_HOLIDAYS, file.holidays)
    writeFlat(doc, MAP_HOLIDAY_OVERRIDES, file.holidayOverrides, (override) => override.periodId)
    writeFlat(doc, MAP_SIGNUPS, file.signUps, (signUp) => signUpKeyOf(signUp, signUp.adultId), signUpValue)

    writeFlat(doc, MAP_OFFERS, file.swaps.offers, (offer) => offer.id)
    writeFlat(doc, MAP_RESPONSES, file.swaps.responses, responseKeyOf)
    writeFlat(doc, MAP_RELEASES, file.swaps.releases, releaseKeyOf)
    writeFlat(doc, MAP_ROSTER, file.coordination.roster, rosterEntryKeyOf)
    writeFlat(doc, MAP_PERIOD_OFFERS, file.coordination.offers, (offer) => offer.id)
    writeFlat(doc, MAP_PERIOD_RESPONSES, file.coordination.responses, periodResponseKeyOf)
    writeFlat(doc, MAP_HANDOVER_NOTES, file.coordination.notes, handoverKeyOf)
    writeFlat(doc, MAP_HANDOVER_ACKS, file.coordination.acks, handoverKeyOf)

    writeFlat(doc, MAP_ABSENCES, file.walkLog.absences, (absence) => absence.id)
    writeFlat(doc, MAP_CHECK_INS, file.walkLog.checkIns, checkInKeyOf)
    writeFlat(doc, MAP_WALK_EVENTS, file.walkLog.events, walkEventKeyOf)
    writeFlat(doc, MAP_WALK_NOTES, file.walkLog.notes, (note) => note.id)

    writeFlat(doc, MAP_AVAILABILITY, file.planning.availability, availabilityKeyOf)
    writeFlat(doc, MAP_EXEMPTIONS, file.planning.exemptions, exemptionKeyOf)
  }, restoreOrigin)
}

// Readers of the swap and coordinator records (flat maps) and of the roster setting: validated with the domain schemas, never throwing.
import type * as Y from 'yjs'
import {
  CoordinatorRosterSettingSchema, DEFAULT_ROSTER_SETTING, StoredHandoverAckSchema, StoredHandoverNoteSchema, StoredPeriodOfferSchema,
  StoredPeriodResponseSchema, StoredRosterEntrySchema, handoverKeyOf, periodResponseKeyOf, rosterEntryKeyOf,
  type CoordinationRecords, type CoordinatorRosterSetting, type HandoverAck, type HandoverNote,
} from '../domain/coordination/records.ts'
import {
  StoredOfferSchema, StoredReleaseSchema, StoredResponseSchema, offerKeyOf, releaseKeyOf, responseKeyOf, type SwapRecords,
} from '../domain/swaps/records.ts'
import {
  MAP_HANDOVER_ACKS, MAP_HANDOVER_NOTES, MAP_OFFERS, MAP_PERIOD_OFFERS, MAP_PERIOD_RESPONSES, MAP_RELEASES, MAP_RESPONSES, MAP_ROSTER,
  MAP_SETTINGS, SETTINGS_ROSTER_FIELD, safeMap,
} from './keys.ts'
import { readFlatMap, type FlatReader } from './read-flat.ts'
import { plainOf, previewOf, problemsOf, type RecordToCheck } from './read-util.ts'

export const offerReader = { mapName: MAP_OFFERS, kind: 'offer', schema: StoredOfferSchema, keyOf: offerKeyOf } as const
export const responseReader = { mapName: MAP_RESPONSES, kind: 'swapResponse', schema: StoredResponseSchema, keyOf: responseKeyOf } as const
export const releaseReader = { mapName: MAP_RELEASES, kind: 'release', schema: StoredReleaseSchema, keyOf: releaseKeyOf } as const
export const rosterReader = { mapName: MAP_ROSTER, kind: 'rosterEntry', schema: StoredRosterEntrySchema, keyOf: rosterEntryKeyOf } as const
export const periodOfferReader = { mapName: MAP_PERIOD_OFFERS, kind: 'periodOffer', schema: StoredPeriodOfferSchema, keyOf: (offer: { id: string }) => offer.id } as const
export const periodResponseReader = {
  mapName: MAP_PERIOD_RESPONSES, kind: 'periodResponse', schema: StoredPeriodResponseSchema, keyOf: periodResponseKeyOf,
} as const
const noteReader: FlatReader<HandoverNote> = {
  mapName: MAP_HANDOVER_NOTES,
  kind: 'handoverNote',
  schema: StoredHandoverNoteSchema,
  keyOf: handoverKeyOf,
}
const ackReader: FlatReader<HandoverAck> = { mapName: MAP_HANDOVER_ACKS, kind: 'handoverAck', schema: StoredHandoverAckSchema, keyOf: handoverKeyOf }

export const readSwapRecords = (doc: Y.Doc, toCheck: RecordToCheck[]): SwapRecords => ({
  offers: readFlatMap(doc, offerReader, toCheck),
  responses: readFlatMap(doc, responseReader, toCheck),
  releases: readFlatMap(doc, releaseReader, toCheck),
})

/** The `coordinatorRoster` settings field; absent or invalid (then listed "to check" under that field): the default. */
export const readRosterSetting = (doc: Y.Doc, toCheck: RecordToCheck[]): CoordinatorRosterSetting => {
  const map = safeMap(doc, MAP_SETTINGS)
  if (map === null || !map.has(SETTINGS_ROSTER_FIELD)) return DEFAULT_ROSTER_SETTING
  const raw = plainOf(map.get(SETTINGS_ROSTER_FIELD))
  const parsed = CoordinatorRosterSettingSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  toCheck.push({
    kind: 'settings', key: SETTINGS_ROSTER_FIELD, preview: previewOf(raw),
    problems: problemsOf(parsed.error).map((problem) => `${SETTINGS_ROSTER_FIELD}.${problem}`),
  })
  return DEFAULT_ROSTER_SETTING
}

export type CoordinationView = CoordinationRecords & { readonly notes: readonly HandoverNote[]; readonly acks: readonly HandoverAck[] }

export const readCoordination = (doc: Y.Doc, toCheck: RecordToCheck[]): CoordinationView => ({
  setting: readRosterSetting(doc, toCheck),
  roster: readFlatMap(doc, rosterReader, toCheck),
  offers: readFlatMap(doc, periodOfferReader, toCheck),
  responses: readFlatMap(doc, periodResponseReader, toCheck),
  notes: readFlatMap(doc, noteReader, toCheck),
  acks: readFlatMap(doc, ackReader, toCheck),
})

// Readers of the swap and coordinator records (flat maps) and of the roster setting: validated with the domain schemas, never throwing.
import type * as Y from 'yjs'
import {
  CoordinatorRosterSettingSchema, DEFAULT_ROSTER_SETTING, type CoordinationRecords, type CoordinatorRosterSetting, type HandoverAck,
  type HandoverNote,
} from '../domain/coordination/records.ts'
import type { SwapRecords } from '../domain/swaps/records.ts'
import { MAP_SETTINGS, SETTINGS_ROSTER_FIELD, safeMap } from './keys.ts'
import { readFlatMap, type FlatReader } from './read-flat.ts'
import {
  handoverAckKind, handoverNoteKind, offerKind, periodOfferKind, periodResponseKind, releaseKind, rosterEntryKind, swapResponseKind,
} from './record-kinds.ts'
import { plainOf, previewOf, problemsOf, type RecordToCheck } from './read-util.ts'

// The readers are the registry's descriptors (record-kinds.ts): map, kind, schema and key in one place.
export const offerReader = offerKind
export const responseReader = swapResponseKind
export const releaseReader = releaseKind
export const rosterReader = rosterEntryKind
export const periodOfferReader = periodOfferKind
export const periodResponseReader = periodResponseKind
const noteReader: FlatReader<HandoverNote> = handoverNoteKind
const ackReader: FlatReader<HandoverAck> = handoverAckKind

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

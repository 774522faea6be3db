// Reader of the walk log (absences, check-in marks, departures and arrivals, logbook notes): flat maps validated with the domain schemas.
import type * as Y from 'yjs'
import {
  StoredAbsenceSchema, StoredCheckInSchema, StoredWalkEventSchema, StoredWalkNoteSchema, absenceKeyOf, checkInKeyOf, walkEventKeyOf, walkNoteKeyOf,
  type Absence, type CheckIn, type WalkEvent, type WalkLogRecords, type WalkNote,
} from '../domain/walk-log/records.ts'
import { MAP_ABSENCES, MAP_CHECK_INS, MAP_WALK_EVENTS, MAP_WALK_NOTES } from './keys.ts'
import { readFlatMap, readFlatValues, type FlatReader } from './read-flat.ts'
import type { RecordToCheck } from './read-util.ts'

// Personal fields (absence note, guest first name, logbook text) are opened by readFlatMap (codec.ts PERSONAL_FIELDS).
export const absenceReader: FlatReader<Absence> = {
  mapName: MAP_ABSENCES,
  kind: 'absence',
  schema: StoredAbsenceSchema,
  keyOf: absenceKeyOf,
}

export const checkInReader: FlatReader<CheckIn> = {
  mapName: MAP_CHECK_INS,
  kind: 'checkIn',
  schema: StoredCheckInSchema,
  keyOf: checkInKeyOf,
}

export const walkEventReader: FlatReader<WalkEvent> = { mapName: MAP_WALK_EVENTS, kind: 'walkEvent', schema: StoredWalkEventSchema, keyOf: walkEventKeyOf }

export const walkNoteReader: FlatReader<WalkNote> = {
  mapName: MAP_WALK_NOTES,
  kind: 'walkNote',
  schema: StoredWalkNoteSchema,
  keyOf: walkNoteKeyOf,
}

/** Every walk-log record in key order (the same on every phone); invalid entries are listed "to check". */
export const readWalkLog = (doc: Y.Doc, toCheck: RecordToCheck[]): WalkLogRecords => ({
  absences: readFlatMap(doc, absenceReader, toCheck),
  checkIns: readFlatMap(doc, checkInReader, toCheck),
  events: readFlatMap(doc, walkEventReader, toCheck),
  notes: readFlatMap(doc, walkNoteReader, toCheck),
})

/** The same records unsorted, invalid ones skipped silently: for the next shared clock and a new mark's `seen`. */
export const readWalkLogValues = (doc: Y.Doc): WalkLogRecords => ({
  absences: readFlatValues(doc, absenceReader),
  checkIns: readFlatValues(doc, checkInReader),
  events: readFlatValues(doc, walkEventReader),
  notes: readFlatValues(doc, walkNoteReader),
})

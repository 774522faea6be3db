// Reader of the walk log (absences, check-in marks, departures and arrivals, logbook notes, guests' names): flat maps validated with the domain schemas.
import type * as Y from 'yjs'
import type { Absence, CheckIn, GuestName, WalkEvent, WalkLogRecords, WalkNote } from '../domain/walk-log/records.ts'
import { readFlatMap, readFlatValues, type FlatReader } from './read-flat.ts'
import type { RecordToCheck } from './read-util.ts'
import { absenceKind, checkInKind, guestNameKind, walkEventKind, walkNoteKind } from './record-kinds.ts'

// The readers are the registry's descriptors (record-kinds.ts). Personal fields (absence note, guest first name,
// logbook text) are opened by readFlatMap (codec.ts PERSONAL_FIELDS).
export const absenceReader: FlatReader<Absence> = absenceKind
export const checkInReader: FlatReader<CheckIn> = checkInKind
export const walkEventReader: FlatReader<WalkEvent> = walkEventKind
export const walkNoteReader: FlatReader<WalkNote> = walkNoteKind
export const guestNameReader: FlatReader<GuestName> = guestNameKind

/** Every walk-log record in key order (the same on every phone); invalid entries are listed "to check". */
export const readWalkLog = (doc: Y.Doc, toCheck: RecordToCheck[]): WalkLogRecords => ({
  absences: readFlatMap(doc, absenceReader, toCheck),
  checkIns: readFlatMap(doc, checkInReader, toCheck),
  events: readFlatMap(doc, walkEventReader, toCheck),
  notes: readFlatMap(doc, walkNoteReader, toCheck),
  guestNames: readFlatMap(doc, guestNameReader, toCheck),
})

/** The same records unsorted, invalid ones skipped silently: for the next shared clock and a new mark's `seen`. */
export const readWalkLogValues = (doc: Y.Doc): WalkLogRecords => ({
  absences: readFlatValues(doc, absenceReader),
  checkIns: readFlatValues(doc, checkInReader),
  events: readFlatValues(doc, walkEventReader),
  notes: readFlatValues(doc, walkNoteReader),
})

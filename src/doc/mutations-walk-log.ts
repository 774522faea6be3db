// Walk-log records: absences, check-in marks, departures and arrivals, logbook notes; each a flat entry written whole in one named transaction.
//
// Like swap records (see mutations-swaps.ts), every value is a plain JSON object written whole.
// A check-in entry is keyed by walk, child and device, so two adults marking the same child
// offline write two entries; the mark's `seen` map (what this phone had from the other devices)
// lets every phone derive the same list and spot real disagreements (src/domain/walk-log).
import type * as Y from 'yjs'
import type { AdultId, ChildId, FamilyId, StopId } from '../domain/ids.ts'
import type { WalkRef } from '../domain/signup.ts'
import { seenFor } from '../domain/walk-log/check-in.ts'
import {
  AbsenceInputSchema, WalkNoteInputSchema, checkInKeyOf, createAbsenceId, createWalkNoteId, guestNameKeyOf, walkEventKeyOf,
  type AbsenceId, type AbsenceInput, type CheckInStatus, type GuestId, type WalkEventKind, type WalkNoteId, type WalkNoteInput,
} from '../domain/walk-log/records.ts'
import { err, ok } from '../lib/result.ts'
import { authorTime, nextSharedClock } from './clock.ts'
import { personalContext, sealPersonal } from './codec.ts'
import { MAP_ABSENCES, MAP_CHECK_INS, MAP_GUEST_NAMES, MAP_WALK_EVENTS, MAP_WALK_NOTES, Origin, type ChangeOrigin } from './keys.ts'
import { putEntry, storedValue, type Authored } from './mutations-swaps.ts'
import { DOCUMENT_DAMAGED, parseInput, type EditResult } from './mutations-util.ts'
import { checkInReader } from './read-walk-log.ts'
import { readFlatValues } from './read-flat.ts'

const stamp = (doc: Y.Doc, author: Authored): { clock: number; actor: Authored['actor']; at: string } =>
  ({ clock: nextSharedClock(doc), actor: author.actor, at: author.at ?? authorTime(Date.now()) })

/** The author's on-behalf mark as a plain copy (on-behalf.ts), or nothing; only absences are written with one. */
const markOf = (author: Authored): { onBehalf?: NonNullable<Authored['onBehalf']> } =>
  author.onBehalf === undefined ? {} : { onBehalf: { ...author.onBehalf } }

// A copy with exactly the three fields: a caller's richer object (a Walk) must not be stored whole.
const plainWalk = (walk: WalkRef): WalkRef => ({ lineId: walk.lineId, date: walk.date, direction: walk.direction })

/** Rewrites an entry with `withdrawn` added (a later clock); false when there is no such entry or it is withdrawn already. */
const writeWithdrawal = (
  doc: Y.Doc, mapName: string, key: string, author: Authored, origin: ChangeOrigin,
  mark: ReturnType<typeof markOf> = {},
): boolean => {
  const current = storedValue(doc, mapName, key)
  if (current === undefined || current.withdrawn !== undefined) return false
  return putEntry(doc, mapName, key, { ...current, withdrawn: { ...stamp(doc, author), ...mark } }, origin)
}

// ---------------------------------------------------------------------------------------------
// Absences
// ---------------------------------------------------------------------------------------------

/**
 * "Léa ne vient pas jeudi": a new absence under a fresh id; `familyId` is the child's family; the note is sealed as
 * personal; the author's on-behalf mark, if any, is kept (reported by a member at the family's request).
 */
export const writeAbsence = (doc: Y.Doc, input: AbsenceInput, familyId: FamilyId, author: Authored): EditResult<AbsenceId> => {
  const parsed = parseInput(AbsenceInputSchema, input)
  if (!parsed.ok) return parsed
  const id = createAbsenceId()
  const { childId, from, to, direction, note } = parsed.value
  const sealed = sealPersonal(doc, personalContext(MAP_ABSENCES, id, 'note'), note)
  const absence = { id, childId, familyId, from, to, direction, note: sealed, ...stamp(doc, author), ...markOf(author) }
  return putEntry(doc, MAP_ABSENCES, id, absence, Origin.declareAbsence) ? ok(id) : err(DOCUMENT_DAMAGED)
}

/**
 * Any member may withdraw: the withdrawing device rewrites the entry whole with `withdrawn`
 * added. Acceptable for a single field: a concurrent rewrite by the author changes nothing else.
 */
export const writeAbsenceWithdrawal = (doc: Y.Doc, id: AbsenceId, author: Authored): boolean =>
  writeWithdrawal(doc, MAP_ABSENCES, id, author, Origin.withdrawAbsence, markOf(author))

// ---------------------------------------------------------------------------------------------
// Check-in marks
// ---------------------------------------------------------------------------------------------

export interface CheckInWrite extends Authored {
  readonly walk: WalkRef
  readonly childId: ChildId | GuestId
  /** Guests only: the first name (sealed as personal). */
  readonly guestName?: string
  /** A guest whose first name was erased after the walk's day (a late correction of its mark). */
  readonly guest?: true
  /** 'unmarked' undoes this device's mark (and only it: written with an empty `seen`). */
  readonly status: CheckInStatus
  readonly stopId: StopId | null
  readonly adultId: AdultId
}

/**
 * This device's mark for the child on the walk (replacing its previous one), with `seen`: the
 * other devices' current marks this phone has, so a later mark supersedes exactly those. An undo
 * ('unmarked') sees nothing: it only withdraws this device's own mark, so another adult's mark it
 * had overridden shows again instead of being erased.
 */
export const writeCheckIn = (doc: Y.Doc, write: CheckInWrite, origin: ChangeOrigin = Origin.markChild): boolean => {
  const seen = write.status === 'unmarked' ? {} : seenFor(readFlatValues(doc, checkInReader), write.walk, write.childId, write.actor)
  // The key does not depend on the guest's name: it is known before sealing, and the name is bound to it.
  const key = checkInKeyOf({ walk: write.walk, childId: write.childId, actor: write.actor })
  const mark = {
    walk: plainWalk(write.walk),
    childId: write.childId,
    ...(write.guestName === undefined ? {} : { guestName: sealPersonal(doc, personalContext(MAP_CHECK_INS, key, 'guestName'), write.guestName) }),
    ...(write.guest === true && write.guestName === undefined ? { guest: true } : {}),
    status: write.status,
    stopId: write.stopId,
    adultId: write.adultId,
    ...stamp(doc, write),
    seen: { ...seen },
  }
  return putEntry(doc, MAP_CHECK_INS, key, mark, origin)
}

/**
 * A guest added on the pavement, in one change (Origin.addGuest): its first mark (`guest: true`, no name) and its
 * first name as an entry of its own, sealed, which any phone deletes once the walk's day is over (guest-erasure.ts).
 */
export const writeGuest = (doc: Y.Doc, write: Omit<CheckInWrite, 'guestName' | 'guest'> & { readonly childId: GuestId; readonly name: string }): boolean => {
  const key = guestNameKeyOf({ walk: write.walk, guestId: write.childId })
  const entry = { walk: plainWalk(write.walk), guestId: write.childId, name: sealPersonal(doc, personalContext(MAP_GUEST_NAMES, key, 'name'), write.name) }
  let written = false
  doc.transact(() => {
    written = putEntry(doc, MAP_GUEST_NAMES, key, entry, Origin.addGuest) && writeCheckIn(doc, { ...write, guest: true }, Origin.addGuest)
  }, Origin.addGuest)
  return written
}

// ---------------------------------------------------------------------------------------------
// Departures and arrival
// ---------------------------------------------------------------------------------------------

export interface WalkEventWrite extends Authored {
  readonly walk: WalkRef
  readonly kind: WalkEventKind
  /** The stop left; null for the school (retour departure) and for the arrival. */
  readonly stopId: StopId | null
  readonly adultId: AdultId
}

/** "Départ" / "Arrivés": this device's entry for the walk, kind and stop (a new tap after an undo rewrites it). */
export const writeWalkEvent = (doc: Y.Doc, write: WalkEventWrite): boolean => {
  const { walk, kind, stopId, adultId } = write
  const event = { walk: plainWalk(walk), kind, stopId, adultId, ...stamp(doc, write), cancelled: false }
  return putEntry(doc, MAP_WALK_EVENTS, walkEventKeyOf(event), event, kind === 'arrived' ? Origin.markArrival : Origin.markDeparture)
}

/** Undo by the same device: its entry rewritten with cancelled true; false when this device has no such event (or it is undone already). */
export const writeWalkEventCancel = (doc: Y.Doc, walk: WalkRef, kind: WalkEventKind, stopId: StopId | null, author: Authored): boolean => {
  const key = walkEventKeyOf({ walk, kind, stopId, actor: author.actor })
  const current = storedValue(doc, MAP_WALK_EVENTS, key)
  if (current === undefined || current.cancelled === true) return false
  return putEntry(doc, MAP_WALK_EVENTS, key, { ...current, ...stamp(doc, author), cancelled: true }, Origin.undoWalkEvent)
}

// ---------------------------------------------------------------------------------------------
// Logbook notes
// ---------------------------------------------------------------------------------------------

/** A logbook note for the walk by `adultId` of `familyId`; the text is sealed as personal. */
export const writeWalkNote = (
  doc: Y.Doc, walk: WalkRef, input: WalkNoteInput, by: { readonly adultId: AdultId; readonly familyId: FamilyId }, author: Authored,
): EditResult<WalkNoteId> => {
  const parsed = parseInput(WalkNoteInputSchema, input)
  if (!parsed.ok) return parsed
  const id = createWalkNoteId()
  const note = { id, walk: plainWalk(walk), text: sealPersonal(doc, personalContext(MAP_WALK_NOTES, id, 'text'), parsed.value.text), adultId: by.adultId, familyId: by.familyId, ...stamp(doc, author) }
  return putEntry(doc, MAP_WALK_NOTES, id, note, Origin.addWalkNote) ? ok(id) : err(DOCUMENT_DAMAGED)
}

/** Its author's device rewrites the note with `withdrawn`; false when there is no such note or it is withdrawn already. */
export const writeWalkNoteWithdrawal = (doc: Y.Doc, id: WalkNoteId, author: Authored): boolean =>
  writeWithdrawal(doc, MAP_WALK_NOTES, id, author, Origin.removeWalkNote)

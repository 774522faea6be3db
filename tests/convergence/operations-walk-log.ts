// Random walk-log operations on one replica, through the real mutations of src/doc: absences, check-in marks and guests, departures, arrivals, undo.
//
// Marks gather on few walks and children so that replicas mark the same child concurrently.
// Each mark is witnessed with what its replica had from the other devices, computed here
// independently of the mutation's own `seen`, so the invariants can tell a superseded mark
// from a lost one even if the document's `seen` were wrong.
import * as Y from 'yjs'
import { MAP_ABSENCES, MAP_ADULTS, MAP_CHECK_INS, MAP_CHILDREN, MAP_LINES, MAP_STOPS, MAP_WALK_EVENTS } from '../../src/doc/keys.ts'
import { eraseExpiredGuestNames } from '../../src/doc/guest-erasure.ts'
import * as edit from '../../src/doc/mutations.ts'
import { addDays, localDate, type LocalDate } from '../../src/domain/dates.ts'
import type { AdultId, ChildId, FamilyId, LineId, StopId } from '../../src/domain/ids.ts'
import { walkKeyOf, type WalkRef } from '../../src/domain/signup.ts'
import { checkInKeyOf, createGuestId, type AbsenceId, type CheckInStatus, type GuestId, type WalkEventKind } from '../../src/domain/walk-log/records.ts'
import type { OpContext, Replica } from './operations.ts'

/** operations.ts's FIRST_DAY (not imported: that module imports this one). */
const FIRST_DAY = localDate('2027-03-15')

type Op = (replica: Replica, context: OpContext) => void
type Plain = Record<string, unknown>

/** One mark as written by a replica: its key and clock, and the other devices' entries (actor -> clock) its replica had. */
export interface CheckInWitness {
  readonly key: string
  readonly clock: number
  readonly seen: Readonly<Record<string, number>>
}

const pick = <T>(random: () => number, items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
const keys = (doc: Y.Doc, name: string): string[] => [...doc.getMap(name).keys()]
const values = (doc: Y.Doc, name: string): Plain[] => [...doc.getMap<Plain>(name).values()]
const field = (doc: Y.Doc, name: string, key: string, fieldName: string): unknown => {
  const record = doc.getMap(name).get(key)
  return record instanceof Y.Map ? record.get(fieldName) : undefined
}

/** The first walk days of the window (Mon, Tue, Thu of the first week): marks collide on them. */
const MARK_DAYS: readonly LocalDate[] = [0, 1, 3].map((days) => addDays(FIRST_DAY, days))

/** An author time on the walk's morning, minutes random: arrival times differ between replicas. */
const authored = (replica: Replica, random: () => number, date: LocalDate) =>
  ({ actor: replica.actor, at: `${date}T08:${String(10 + Math.floor(random() * 40)).padStart(2, '0')}:00+01:00` })

/** Mostly a walk that already has marks (so devices collide), else a walk on a line of the document. */
const randomWalk = (doc: Y.Doc, random: () => number): WalkRef | null => {
  const marked = values(doc, MAP_CHECK_INS).map((mark) => mark.walk as WalkRef)
  if (marked.length > 0 && random() < 0.8) return pick(random, marked) ?? null
  const lineId = pick(random, keys(doc, MAP_LINES))
  if (lineId === undefined) return null
  return { lineId: lineId as LineId, date: pick(random, MARK_DAYS) ?? FIRST_DAY, direction: random() < 0.75 ? 'aller' : 'retour' }
}

const randomAdult = (doc: Y.Doc, random: () => number): AdultId | undefined => pick(random, keys(doc, MAP_ADULTS)) as AdultId | undefined
const randomStop = (doc: Y.Doc, random: () => number, lineId: string): StopId | null =>
  random() < 0.2 ? null : ((pick(random, keys(doc, MAP_STOPS).filter((id) => field(doc, MAP_STOPS, id, 'lineId') === lineId)) ?? null) as StopId | null)

const declareAbsence: Op = (replica, { random }) => {
  const { doc } = replica
  const childId = pick(random, keys(doc, MAP_CHILDREN)) as ChildId | undefined
  const familyId = childId === undefined ? undefined : (field(doc, MAP_CHILDREN, childId, 'familyId') as FamilyId | undefined)
  if (childId === undefined || familyId === undefined) return
  const from = addDays(FIRST_DAY, Math.floor(random() * 5))
  const to = addDays(from, random() < 0.6 ? 0 : Math.floor(random() * 4))
  const direction = random() < 0.5 ? null : random() < 0.7 ? 'aller' : 'retour'
  const result = edit.writeAbsence(doc, { childId, from, to, direction, note: random() < 0.3 ? 'Malade' : '' }, familyId, authored(replica, random, from))
  if (!result.ok) throw new Error(`writeAbsence refused a valid absence: ${JSON.stringify(result.error)}`)
}

/** Any member may withdraw an absence (as the app allows). */
const withdrawAbsence: Op = (replica, { random }) => {
  const absence = pick(random, values(replica.doc, MAP_ABSENCES).filter((value) => value.withdrawn === undefined))
  if (absence !== undefined) edit.writeAbsenceWithdrawal(replica.doc, absence.id as AbsenceId, authored(replica, random, absence.from as LocalDate))
}

/** What this replica has from the other devices for the subject on the walk: actor -> clock of their entry. */
const othersSeen = (doc: Y.Doc, walk: WalkRef, childId: string, actor: string): Record<string, number> => {
  const seen: Record<string, number> = {}
  for (const mark of values(doc, MAP_CHECK_INS)) {
    if (mark.childId === childId && mark.actor !== actor && walkKeyOf(mark.walk as WalkRef) === walkKeyOf(walk)) seen[mark.actor as string] = mark.clock as number
  }
  return seen
}

/** `guestName`: a new guest added with this first mark; `isGuest`: a mark about a guest already on the walk. */
const writeMark = (
  replica: Replica, context: OpContext, walk: WalkRef, childId: ChildId | GuestId, status: CheckInStatus, guestName?: string,
  isGuest = false,
): void => {
  const { doc } = replica
  const adultId = randomAdult(doc, context.random)
  if (adultId === undefined) return
  // An undo withdraws only this device's own mark: it is written having seen nothing.
  const seen = status === 'unmarked' ? {} : othersSeen(doc, walk, childId, replica.actor)
  const stopId = randomStop(doc, context.random, walk.lineId)
  const author = authored(replica, context.random, walk.date)
  // A new guest as the app adds it (its name an entry of its own); a guest's later marks say `guest: true` only.
  const written = guestName !== undefined
    ? edit.writeGuest(doc, { walk, childId: childId as GuestId, name: guestName, status, stopId, adultId, ...author })
    : edit.writeCheckIn(doc, { walk, childId, ...(isGuest ? { guest: true as const } : {}), status, stopId, adultId, ...author })
  if (!written) throw new Error('writeCheckIn refused a mark')
  const key = checkInKeyOf({ walk, childId, actor: replica.actor })
  context.checkIns.push({ key, clock: doc.getMap<Plain>(MAP_CHECK_INS).get(key)?.clock as number, seen })
}

const STATUSES: readonly CheckInStatus[] = ['present', 'present', 'absent', 'excused', 'unmarked']

/** A child of the collective, or a guest already on that walk; mostly one some device marked already. */
const markChild: Op = (replica, context) => {
  const { doc } = replica
  const { random } = context
  const walk = randomWalk(doc, random)
  if (walk === null) return
  const onWalk = values(doc, MAP_CHECK_INS).filter((mark) => walkKeyOf(mark.walk as WalkRef) === walkKeyOf(walk))
  const already = pick(random, onWalk)
  const childId = (already !== undefined && random() < 0.75 ? already.childId : pick(random, keys(doc, MAP_CHILDREN))) as ChildId | GuestId | undefined
  if (childId === undefined) return
  // A guest is marked as the app does: `guest: true`, never its name (an entry of its own, erased after the day).
  const isGuest = values(doc, MAP_CHECK_INS).some((mark) => mark.childId === childId && (mark.guest === true || 'guestName' in mark))
  writeMark(replica, context, walk, childId, pick(random, STATUSES) ?? 'present', undefined, isGuest)
}

const addGuest: Op = (replica, context) => {
  const walk = randomWalk(replica.doc, context.random)
  if (walk !== null) writeMark(replica, context, walk, createGuestId(), 'present', `Invité ${context.next()}`)
}

const markEvent: Op = (replica, { random }) => {
  const { doc } = replica
  const walk = randomWalk(doc, random)
  const adultId = randomAdult(doc, random)
  if (walk === null || adultId === undefined) return
  const kind: WalkEventKind = random() < 0.6 ? 'departed' : 'arrived'
  const stopId = kind === 'arrived' ? null : randomStop(doc, random, walk.lineId)
  edit.writeWalkEvent(doc, { walk, kind, stopId, adultId, ...authored(replica, random, walk.date) })
}

/** Only the device that wrote an event undoes it (as the app enforces). */
const undoEvent: Op = (replica, { random }) => {
  const event = pick(random, values(replica.doc, MAP_WALK_EVENTS).filter((value) => value.actor === replica.actor && value.cancelled === false))
  if (event === undefined) return
  const walk = event.walk as WalkRef
  edit.writeWalkEventCancel(replica.doc, walk, event.kind as WalkEventKind, event.stopId as StopId | null, authored(replica, random, walk.date))
}

/** A phone whose clock says a later day erases the first names of the guests of the days before (guest-erasure.ts). */
const eraseGuests: Op = (replica, { random }) => {
  eraseExpiredGuestNames(replica.doc, addDays(FIRST_DAY, 1 + Math.floor(random() * 4)))
}

/** [weight, operation], added to the rota and swap operations' weights. */
export const WALK_LOG_OPERATIONS: readonly (readonly [number, Op])[] = [
  [2, declareAbsence],
  [1, withdrawAbsence],
  [14, markChild],
  [1, addGuest],
  [2.5, markEvent],
  [1, undoEvent],
  [2, eraseGuests],
]

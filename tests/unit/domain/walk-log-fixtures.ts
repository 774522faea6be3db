// Builders of walk-log records (absences, check-in marks, walk events, logbook notes) for the walk-log tests; ids from rota-fixtures.
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { Direction } from '../../../src/domain/line.ts'
import type { CollectiveModel } from '../../../src/domain/model.ts'
import { resolveWalk } from '../../../src/domain/rota/resolve.ts'
import { walkOf } from '../../../src/domain/rota/walks.ts'
import type { WalkRota } from '../../../src/domain/rota-types.ts'
import type { WalkRef } from '../../../src/domain/signup.ts'
import type { Absence, AbsenceId, CheckIn, CheckInStatus, GuestId, WalkEvent, WalkEventKind, WalkNote, WalkNoteId } from '../../../src/domain/walk-log/index.ts'
import { actorId, adultId, childId, familyId, lineId, stopId, uuid } from './rota-fixtures.ts'

export const absenceId = (n: number): AbsenceId => uuid(9, n)
export const guestId = (n: number): GuestId => uuid(10, n)
export const noteId = (n: number): WalkNoteId => uuid(11, n)

/** Thursday 3 December 2026, line 1 (runs Mon Tue Thu Fri). */
export const THURSDAY = localDate('2026-12-03')
export const walkRef = (date = '2026-12-03', direction: Direction = 'aller', line = 1): WalkRef =>
  ({ lineId: lineId(line), date: localDate(date), direction })
export const ALLER = walkRef()
export const RETOUR = walkRef('2026-12-03', 'retour')
export const NOW = parisToInstant(localDate('2026-12-01'), '12:00' as TimeOfDay)

export const absence = (
  n: number,
  child: number,
  from: string,
  to: string = from,
  direction: Direction | null = null,
  options: { withdrawn?: boolean; family?: number } = {},
): Absence => ({
  id: absenceId(n),
  childId: childId(child),
  familyId: familyId(options.family ?? child),
  from: localDate(from),
  to: localDate(to),
  direction,
  note: '',
  clock: n,
  actor: actorId(1),
  at: '2026-12-01T19:00:00+01:00',
  ...(options.withdrawn ? { withdrawn: { clock: n + 100, actor: actorId(1), at: '2026-12-01T20:00:00+01:00' } } : {}),
})

export interface MarkOptions {
  readonly walk?: WalkRef
  /** Other devices' entries this mark had seen: actor number -> clock. */
  readonly seen?: Readonly<Record<number, number>>
  readonly stop?: number | null
  readonly adult?: number
  readonly guestName?: string
  readonly guest?: number
  readonly at?: string
}

/** Device `actor`'s entry for child `child` (or guest `options.guest`) at `clock`. */
export const mark = (actor: number, child: number, status: CheckInStatus, clock: number, options: MarkOptions = {}): CheckIn => ({
  walk: options.walk ?? ALLER,
  childId: options.guest === undefined ? childId(child) : guestId(options.guest),
  ...(options.guestName === undefined ? {} : { guestName: options.guestName }),
  status,
  stopId: options.stop === null ? null : stopId(options.stop ?? 1),
  adultId: adultId(options.adult ?? actor),
  clock,
  actor: actorId(actor),
  at: options.at ?? '2026-12-03T08:10:00+01:00',
  seen: Object.fromEntries(Object.entries(options.seen ?? {}).map(([actor, clock]) => [actorId(Number(actor)), clock])),
})

export const walkEvent = (
  kind: WalkEventKind,
  stop: number | null,
  actor: number,
  clock: number,
  at: string,
  options: { walk?: WalkRef; cancelled?: boolean; adult?: number } = {},
): WalkEvent => ({
  walk: options.walk ?? ALLER,
  kind,
  stopId: stop === null ? null : stopId(stop),
  adultId: adultId(options.adult ?? actor),
  clock,
  actor: actorId(actor),
  at,
  cancelled: options.cancelled ?? false,
})

export const walkNote = (n: number, text: string, clock: number, options: { walk?: WalkRef; adult?: number; withdrawn?: boolean } = {}): WalkNote => ({
  id: noteId(n),
  walk: options.walk ?? ALLER,
  text,
  adultId: adultId(options.adult ?? 1),
  familyId: familyId(options.adult ?? 1),
  clock,
  actor: actorId(options.adult ?? 1),
  at: '2026-12-03T08:40:00+01:00',
  ...(options.withdrawn ? { withdrawn: { clock: clock + 1, actor: actorId(options.adult ?? 1), at: '2026-12-03T09:00:00+01:00' } } : {}),
})

/** The rota of a scheduled walk of the model (throws on a walk that does not run: a fixture bug). */
export const rotaOf = (model: CollectiveModel, ref: WalkRef): WalkRota => {
  const walk = walkOf(model, ref)
  if (walk === null) throw new Error(`not a walk: ${ref.date} ${ref.direction}`)
  return resolveWalk(model, walk, NOW)
}

// A walk's check-in list: each device's marks merged (later marks that had seen earlier ones win, blind conflicts shown), in walking order.
//
// Each device writes one entry per child and walk and rewrites only its own. A mark lists the
// other devices' entries its phone had when writing (`seen`): an entry seen by another device at
// its current clock is superseded. What is left are marks nobody had seen when writing; if they
// say different things, the adults see a disagreement and settle it by marking again (which
// sees them all). An undo ('unmarked') is written with an empty `seen`: it withdraws only this
// device's own mark, so the other adults' marks it had overridden show again rather than being
// erased by a tap meant to cancel a mistake. The result depends only on the set of entries,
// never on the order they synced.
import { compareLogical } from '../record-order.ts'
import type { ActorId, StopId } from '../ids.ts'
import type { CollectiveModel } from '../model.ts'
import { childLabel, type Child } from '../people.ts'
import type { WalkRota } from '../rota-types.ts'
import { expectedChildren } from '../rota/slots.ts'
import { walkKeyOf, type WalkRef } from '../signup.ts'
import { absencesCovering } from './absences.ts'
import { GuestIdSchema, SEEN_MAX, type Absence, type CheckIn, type MarkedStatus, type WalkLogRecords } from './records.ts'
import { walkStopsInOrder } from './progress.ts'
import { guestNameOn, isGuestEntry } from './guests.ts'
import type { ChildCheckIn, CurrentMark } from './types.ts'

/** One entry per device: should the input hold an older version too, the highest clock is the device's entry. */
const latestPerActor = (entries: readonly CheckIn[]): CheckIn[] => {
  const byActor = new Map<ActorId, CheckIn>()
  for (const entry of entries) {
    const known = byActor.get(entry.actor)
    if (known === undefined || compareLogical(known, entry) < 0 || (known.clock === entry.clock && known.status < entry.status)) byActor.set(entry.actor, entry)
  }
  return [...byActor.values()].sort(compareLogical)
}

// A cleared entry never supersedes, whatever its `seen` says (entries written before undo was
// narrowed carry a full map): an undo only withdraws its own device's mark.
const isSuperseded = (entry: CheckIn, entries: readonly CheckIn[]): boolean =>
  entries.some((other) => other.actor !== entry.actor && other.status !== 'unmarked' && (other.seen[entry.actor] ?? -1) >= entry.clock)

/** A check-in entry that says something (not a cleared mark). */
export type StatusMark = CheckIn & { readonly status: MarkedStatus }

/** Entries of one subject on one walk that nobody had seen when writing, 'unmarked' (cleared) ones left out; logical order. */
const currentOf = (entries: readonly CheckIn[]): StatusMark[] => {
  const latest = latestPerActor(entries)
  return latest.filter((entry): entry is StatusMark => entry.status !== 'unmarked' && !isSuperseded(entry, latest))
}

const entriesOf = (checkIns: readonly CheckIn[], walk: WalkRef, childId: string): CheckIn[] => {
  const key = walkKeyOf(walk)
  return checkIns.filter((entry) => entry.childId === childId && walkKeyOf(entry.walk) === key)
}

/** The current (not superseded, not cleared) marks of a child on a walk, in logical order. */
export const currentMarks = (checkIns: readonly CheckIn[], walk: WalkRef, childId: string): StatusMark[] =>
  currentOf(entriesOf(checkIns, walk, childId))

/** This device's (`actor`) current entry for the child on the walk, cleared or not; null when it never marked them. */
export const ownMark = (checkIns: readonly CheckIn[], walk: WalkRef, childId: string, actor: ActorId): CheckIn | null =>
  latestPerActor(entriesOf(checkIns, walk, childId).filter((entry) => entry.actor === actor)).at(-1) ?? null

/**
 * The `seen` map of a new mark by `actor`: every other device's entry for the child on the walk
 * (cleared ones too) at its clock. Past SEEN_MAX devices (never on a real walk) the latest ones are
 * kept so the record stays valid; the oldest then merely show as a disagreement.
 */
export const seenFor = (checkIns: readonly CheckIn[], walk: WalkRef, childId: string, actor: ActorId): Record<string, number> => {
  const others = latestPerActor(entriesOf(checkIns, walk, childId)).filter((entry) => entry.actor !== actor)
  return Object.fromEntries(others.slice(-SEEN_MAX).map((entry) => [entry.actor, entry.clock]))
}

export interface ResolvedMarks {
  readonly marks: readonly CurrentMark[]
  /** The latest current mark, or null when none. */
  readonly latest: StatusMark | null
  readonly disagreement: boolean
}

/** Merges one subject's entries on one walk. */
export const resolveMarks = (entries: readonly CheckIn[]): ResolvedMarks => {
  const current = currentOf(entries)
  return {
    marks: current.map((entry) => ({ status: entry.status, adultId: entry.adultId, actor: entry.actor, at: entry.at, stopId: entry.stopId })),
    latest: current.at(-1) ?? null,
    disagreement: new Set(current.map((entry) => entry.status)).size > 1,
  }
}

const groupBySubject = (checkIns: readonly CheckIn[], walk: WalkRef): Map<string, CheckIn[]> => {
  const key = walkKeyOf(walk)
  const bySubject = new Map<string, CheckIn[]>()
  for (const entry of checkIns) {
    if (walkKeyOf(entry.walk) !== key) continue
    const list = bySubject.get(entry.childId)
    if (list === undefined) bySubject.set(entry.childId, [entry])
    else list.push(entry)
  }
  return bySubject
}

/** Each subject's entries on the walk, grouped: for callers resolving many children of one walk. */
export const checkInsBySubject = groupBySubject

const routeStopOn = (child: Child, walk: WalkRef): StopId | null => {
  const route = child.routes[walk.direction]
  return route?.lineId === walk.lineId ? route.stopId : null
}

const lineOf = (
  subject: ChildCheckIn['subject'],
  id: string,
  expected: boolean,
  routeStop: StopId | null,
  entries: readonly CheckIn[],
  absences: readonly Absence[],
): ChildCheckIn => {
  const { marks, latest, disagreement } = resolveMarks(entries)
  const prefilled = latest === null && absences.length > 0
  return {
    subject,
    id,
    expected,
    stopId: routeStop ?? latest?.stopId ?? null,
    absences,
    status: latest?.status ?? (prefilled ? 'excused' : null),
    prefilled,
    marks,
    disagreement,
  }
}

/**
 * The check-in list of a walk: expected children in walking order (stop, then name), then
 * children declared absent, then children of the collective marked without being expected, then
 * guests. A child or guest outside the expected ones shows while some device's mark on them is current.
 * Marks of a child no longer in the collective are ignored.
 */
export const walkCheckIns = (model: Pick<CollectiveModel, 'children' | 'stops' | 'absences'>, rota: WalkRota, log: WalkLogRecords): ChildCheckIn[] => {
  const walk: WalkRef = { lineId: rota.lineId, date: rota.date, direction: rota.direction }
  const bySubject = groupBySubject(log.checkIns, walk)
  const stopRank = new Map(walkStopsInOrder(model, walk).map((stop, index) => [stop.id, index]))
  const children = new Map<string, Child>(model.children.map((child) => [child.id, child]))
  // The model's and the log's absences come from the same document; either may be left empty by a caller.
  const absences = [...new Map([...(model.absences ?? []), ...log.absences].map((absence) => [absence.id, absence])).values()]
  const done = new Set<string>()

  const childLine = (child: Child, expected: boolean): ChildCheckIn => {
    done.add(child.id)
    return lineOf({ kind: 'child', childId: child.id }, child.id, expected, routeStopOn(child, walk), bySubject.get(child.id) ?? [], absencesCovering(absences, child.id, walk))
  }
  const rankOf = (stopId: StopId | null): number => (stopId === null ? undefined : stopRank.get(stopId)) ?? stopRank.size
  const inWalkingOrder = (lines: ChildCheckIn[], labels: ReadonlyMap<string, string>): ChildCheckIn[] =>
    lines.sort((a, b) =>
      rankOf(a.stopId) - rankOf(b.stopId)
      || (labels.get(a.id) ?? '').localeCompare(labels.get(b.id) ?? '', 'fr')
      || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const labels = new Map<string, string>(model.children.map((child) => [child.id, childLabel(child)]))

  const expectedIds = new Set<string>(rota.expectedChildIds)
  const expected = rota.expectedChildIds.flatMap((id) => {
    const child = children.get(id)
    return child === undefined ? [] : [childLine(child, true)]
  })
  const declaredAbsent = expectedChildren(model.children, walk)
    .filter((child) => !expectedIds.has(child.id))
    .map((child) => childLine(child, false))
  const added: ChildCheckIn[] = []
  const guests: ChildCheckIn[] = []
  for (const [id, entries] of bySubject) {
    if (done.has(id)) continue
    const child = children.get(id)
    if (child !== undefined) {
      const line = childLine(child, false)
      if (line.marks.length > 0) added.push(line)
      continue
    }
    const guestId = GuestIdSchema.safeParse(id)
    if (!guestId.success || !entries.some(isGuestEntry)) continue
    // After the walk's day the name is erased (guests.ts): the guest stays on the list, unnamed.
    const name = guestNameOn(log.guestNames ?? [], entries, walk, id)
    labels.set(id, name ?? '')
    const line = lineOf({ kind: 'guest', guestId: guestId.data, name }, id, false, null, entries, [])
    if (line.marks.length > 0) guests.push(line)
  }
  return [
    ...inWalkingOrder(expected, labels),
    ...inWalkingOrder(declaredAbsent, labels),
    ...inWalkingOrder(added, labels),
    ...inWalkingOrder(guests, labels),
  ]
}

export interface CheckInSummary {
  readonly present: number
  readonly absent: number
  readonly excused: number
  /** Lines nobody marked yet (and no absence declared). */
  readonly unmarked: number
  readonly disagreements: number
}

export const checkInSummary = (list: readonly ChildCheckIn[]): CheckInSummary => {
  const count = (status: MarkedStatus | null): number => list.filter((line) => line.status === status).length
  return {
    present: count('present'),
    absent: count('absent'),
    excused: count('excused'),
    unmarked: count(null),
    disagreements: list.filter((line) => line.disagreement).length,
  }
}

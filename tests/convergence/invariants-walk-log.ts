// Walk-log invariants on the converged replicas: the same check-in lists and progress everywhere, no mark lost, absences out of the expected children, a written arrival time.
import type { CollectiveSnapshot } from '../../src/doc/read.ts'
import { resolveWalk } from '../../src/domain/rota/resolve.ts'
import { walkOf } from '../../src/domain/rota/walks.ts'
import type { WalkRota } from '../../src/domain/rota-types.ts'
import { walkKeyOf, type WalkRef } from '../../src/domain/signup.ts'
import { timeOfAuthorTime, walkCheckIns, walkProgress, type ChildCheckIn } from '../../src/domain/walk-log/index.ts'
import { absenceCovers, checkInKeyOf, type CheckIn } from '../../src/domain/walk-log/records.ts'
import type { CheckInWitness } from './operations-walk-log.ts'

/** Every walk with a mark or an event, once, in key order. */
const touchedWalks = (view: CollectiveSnapshot): WalkRef[] => {
  const walks = new Map<string, WalkRef>()
  for (const record of [...view.walkLog.checkIns, ...view.walkLog.events]) walks.set(walkKeyOf(record.walk), record.walk)
  return [...walks.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, walk]) => walk)
}

/** The check-in list (when the walk is in the rota) and the progress of one walk. */
const deriveWalk = (view: CollectiveSnapshot, ref: WalkRef, now: number): { list: ChildCheckIn[] | null; progress: ReturnType<typeof walkProgress> } => {
  const walk = walkOf(view, ref)
  return {
    list: walk === null ? null : walkCheckIns(view, resolveWalk(view, walk, now), view.walkLog),
    progress: walkProgress(view, ref, view.walkLog),
  }
}

/** After full sync, every replica derives the same lists and progress for every walk touched. */
const checkSameDerivation = (views: readonly CollectiveSnapshot[], now: number): string[] => {
  const derived = views.map((view) => JSON.stringify(touchedWalks(view).map((walk) => deriveWalk(view, walk, now))))
  return derived.flatMap((json, index) => (json === derived[0] ? [] : [`replica ${index} derives other check-in lists or progress than replica 0`]))
}

/**
 * Each replica's latest mark survives as written, and shows in `marks` unless a later mark of
 * another device had seen it (witnessed when writing, not read back from the document).
 */
const checkMarks = (view: CollectiveSnapshot, witnesses: readonly CheckInWitness[], now: number): string[] => {
  const failures: string[] = []
  const finals = new Map(view.walkLog.checkIns.map((entry) => [checkInKeyOf(entry), entry]))
  const lastWritten = new Map<string, CheckInWitness>()
  for (const witness of witnesses) if ((lastWritten.get(witness.key)?.clock ?? -1) < witness.clock) lastWritten.set(witness.key, witness)
  for (const [key, witness] of lastWritten) {
    if (finals.get(key)?.clock !== witness.clock) failures.push(`check-in ${key}: the device's latest mark (clock ${witness.clock}) was lost`)
  }
  const seenBy = (entry: CheckIn): Readonly<Record<string, number>> => {
    const witness = lastWritten.get(checkInKeyOf(entry))
    return witness?.clock === entry.clock ? witness.seen : {}
  }
  for (const ref of touchedWalks(view)) {
    const { list } = deriveWalk(view, ref, now)
    if (list === null) continue
    const lines = new Map(list.map((line) => [line.id, line]))
    const entries = view.walkLog.checkIns.filter((entry) => walkKeyOf(entry.walk) === walkKeyOf(ref))
    for (const entry of entries) {
      if (entry.status === 'unmarked') continue
      const superseded = entries.some((other) => other.childId === entry.childId && other.actor !== entry.actor && (seenBy(other)[entry.actor] ?? -1) >= entry.clock)
      const line = lines.get(entry.childId)
      const known = view.children.some((child) => child.id === entry.childId)
        || entries.some((other) => other.childId === entry.childId && (other.guestName !== undefined || other.guest === true))
      const shown = line?.marks.some((mark) => mark.actor === entry.actor && mark.status === entry.status) ?? false
      if (superseded && shown) failures.push(`walk ${walkKeyOf(ref)}: a mark is shown although a later mark had seen it`)
      if (!superseded && known && !shown) failures.push(`walk ${walkKeyOf(ref)}: a current mark of ${entry.childId} is missing from the list`)
    }
    for (const line of list) {
      if (line.disagreement !== new Set(line.marks.map((mark) => mark.status)).size > 1) failures.push(`walk ${walkKeyOf(ref)}: disagreement flag wrong for ${line.id}`)
    }
  }
  return failures
}

/** No walk expects a child whom an active absence covers. */
const checkAbsences = (view: CollectiveSnapshot, rota: readonly WalkRota[]): string[] => {
  const failures: string[] = []
  for (const walk of rota) {
    for (const childId of walk.expectedChildIds) {
      if (view.walkLog.absences.some((absence) => absenceCovers(absence, childId, walk))) failures.push(`walk ${walk.key}: expects ${childId} although declared absent`)
    }
  }
  return failures
}

/** The arrival shown is the time of a written arrival not undone; none shown without one. */
const checkArrivals = (view: CollectiveSnapshot): string[] => {
  const failures: string[] = []
  for (const ref of touchedWalks(view)) {
    const written = view.walkLog.events
      .filter((event) => event.kind === 'arrived' && !event.cancelled && walkKeyOf(event.walk) === walkKeyOf(ref))
      .map((event) => timeOfAuthorTime(event.at))
    const { arrivedAt } = walkProgress(view, ref, view.walkLog)
    if (written.length === 0 ? arrivedAt !== null : !written.includes(arrivedAt)) failures.push(`walk ${walkKeyOf(ref)}: arrival ${arrivedAt} is not one written`)
  }
  return failures
}

export const checkWalkLog = (
  views: readonly CollectiveSnapshot[], rota: readonly WalkRota[], witnesses: readonly CheckInWitness[], now: number,
): string[] => {
  const view = views[0]
  if (view === undefined) return []
  return [...checkSameDerivation(views, now), ...checkMarks(view, witnesses, now), ...checkAbsences(view, rota), ...checkArrivals(view)]
}

// Walks actually done (an arrival is marked): who was on duty, how many children walked, the logbook notes; for the history and the journal.
import type { LocalDate, TimeOfDay } from '../dates.ts'
import type { AdultId } from '../ids.ts'
import type { Child } from '../people.ts'
import { compareLogical, compareText } from '../record-order.ts'
import { walkKeyOf, type WalkKey, type WalkRef } from '../signup.ts'
import { checkInsBySubject, resolveMarks } from './check-in.ts'
import { isGuestEntry } from './guests.ts'
import { arrivalsByWalk } from './notices.ts'
import { timeOfAuthorTime } from './progress.ts'
import { GuestIdSchema, type WalkEvent, type WalkLogRecords } from './records.ts'
import type { WalkDone } from './types.ts'

/** The arrival of each walk done: earliest not undone, with a readable author time (else it cannot say when). */
export const doneArrivals = (events: readonly WalkEvent[]): Map<WalkKey, WalkEvent & { readonly arrivedAt: TimeOfDay }> => {
  const done = new Map<WalkKey, WalkEvent & { readonly arrivedAt: TimeOfDay }>()
  for (const [key, arrival] of arrivalsByWalk(events)) {
    const arrivedAt = timeOfAuthorTime(arrival.at)
    if (arrivedAt !== null) done.set(key, { ...arrival, arrivedAt })
  }
  return done
}

const DIRECTION_ORDER = { aller: 0, retour: 1 } as const

/** Children (and guests) of the collective the adults agree were present on the walk (a disagreement is not counted, as for the arrival notice). */
const presentCountOf = (knownChild: ReadonlySet<string>, log: Pick<WalkLogRecords, 'checkIns'>, walk: WalkRef): number => {
  let count = 0
  for (const [id, entries] of checkInsBySubject(log.checkIns, walk)) {
    // A child removed from the collective is not counted; a guest is (as in the walk's list).
    const isGuest = !knownChild.has(id) && GuestIdSchema.safeParse(id).success && entries.some(isGuestEntry)
    if (!knownChild.has(id) && !isGuest) continue
    const { latest, disagreement } = resolveMarks(entries)
    if (!disagreement && latest?.status === 'present') count += 1
  }
  return count
}

/**
 * Walks with an arrival mark (within `range` when given, bounds included), by date, line and
 * direction. `holdersOf` gives the walk's holders in the effective rota (swaps applied); adults
 * who wrote a mark, a departure or the arrival are on duty too. An arrival whose author time is
 * unreadable is left out (it cannot say when).
 */
export const walksDone = (
  model: { readonly children: readonly Pick<Child, 'id'>[] },
  log: Pick<WalkLogRecords, 'checkIns' | 'events' | 'notes'>,
  holdersOf: (walk: WalkRef) => readonly AdultId[],
  range?: { readonly from: LocalDate; readonly to: LocalDate },
): WalkDone[] => {
  const knownChild = new Set<string>(model.children.map((child) => child.id))
  const done: WalkDone[] = []
  for (const [key, arrival] of doneArrivals(log.events)) {
    const walk: WalkRef = { lineId: arrival.walk.lineId, date: arrival.walk.date, direction: arrival.walk.direction }
    if (range !== undefined && (walk.date < range.from || walk.date > range.to)) continue
    const onWalk = (record: { readonly walk: WalkRef }): boolean => walkKeyOf(record.walk) === key
    const duty = new Set<AdultId>(holdersOf(walk))
    for (const mark of log.checkIns) if (mark.status !== 'unmarked' && onWalk(mark)) duty.add(mark.adultId)
    for (const event of log.events) if (!event.cancelled && onWalk(event)) duty.add(event.adultId)
    done.push({
      walk,
      key: key satisfies WalkKey,
      arrivedAt: arrival.arrivedAt,
      dutyAdultIds: [...duty].sort(compareText),
      presentCount: presentCountOf(knownChild, log, walk),
      notes: log.notes.filter((note) => note.withdrawn === undefined && onWalk(note)).sort(compareLogical),
      clock: arrival.clock,
      actor: arrival.actor,
      at: arrival.at,
    })
  }
  return done.sort((a, b) =>
    compareText(a.walk.date, b.walk.date) || compareText(a.walk.lineId, b.walk.lineId) || DIRECTION_ORDER[a.walk.direction] - DIRECTION_ORDER[b.walk.direction])
}

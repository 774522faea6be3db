// Arrival notices for a family: "Léa est arrivée à l'école à 8 h 27", for each of its children marked present on a walk that arrived.
import type { LocalDate } from '../dates.ts'
import type { FamilyId } from '../ids.ts'
import type { CollectiveModel } from '../model.ts'
import { compareLogical } from '../record-order.ts'
import { walkKeyOf, type WalkKey, type WalkRef } from '../signup.ts'
import { checkInsBySubject, resolveMarks } from './check-in.ts'
import { dateOfAuthorTime, timeOfAuthorTime } from './progress.ts'
import type { WalkEvent, WalkLogRecords } from './records.ts'
import type { ArrivalNotice } from './types.ts'

/** Each walk's arrival shown (earliest not undone, logical order), by walk key. */
export const arrivalsByWalk = (events: readonly WalkEvent[]): Map<WalkKey, WalkEvent> => {
  const arrivals = new Map<WalkKey, WalkEvent>()
  for (const event of events) {
    if (event.kind !== 'arrived' || event.cancelled) continue
    const key = walkKeyOf(event.walk)
    const known = arrivals.get(key)
    if (known === undefined || compareLogical(event, known) < 0) arrivals.set(key, event)
  }
  return arrivals
}

/**
 * Notices for the family's children marked present (merged marks, the adults agreeing) on walks
 * whose arrival is marked, dated on or after `since`; newest first. A family is told "arrived"
 * only when it is sure: no notice for a child while the adults' marks on that child disagree (a
 * dispute about another child of the walk changes nothing for this one), none for an arrival tapped on
 * another Paris day than the walk's (a screen left open overnight), none when the arrival's author
 * time is unreadable (it cannot say when).
 */
export const arrivalNotices = (
  model: Pick<CollectiveModel, 'children'>,
  log: Pick<WalkLogRecords, 'checkIns' | 'events'>,
  familyId: FamilyId,
  since: LocalDate,
): ArrivalNotice[] => {
  const children = model.children.filter((child) => child.familyId === familyId)
  if (children.length === 0) return []
  const notices: ArrivalNotice[] = []
  for (const [key, arrival] of arrivalsByWalk(log.events)) {
    const arrivedAt = timeOfAuthorTime(arrival.at)
    if (arrival.walk.date < since || arrivedAt === null || dateOfAuthorTime(arrival.at) !== arrival.walk.date) continue
    const walk: WalkRef = { lineId: arrival.walk.lineId, date: arrival.walk.date, direction: arrival.walk.direction }
    const bySubject = checkInsBySubject(log.checkIns, walk)
    for (const child of children) {
      const { latest, disagreement } = resolveMarks(bySubject.get(child.id) ?? [])
      if (disagreement || latest?.status !== 'present') continue
      const route = child.routes[walk.direction]
      const stopId = walk.direction === 'aller' ? null : route?.lineId === walk.lineId ? route.stopId : latest.stopId
      notices.push({ walk, key: `${key}|${child.id}`, childId: child.id, familyId, arrivedAt, stopId })
    }
  }
  return notices.sort((a, b) =>
    (a.walk.date < b.walk.date ? 1 : a.walk.date > b.walk.date ? -1 : 0)
    || (a.arrivedAt < b.arrivedAt ? 1 : a.arrivedAt > b.arrivedAt ? -1 : 0)
    || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

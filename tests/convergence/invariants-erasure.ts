// What any phone erases on its own (issue 16), checked on the converged replicas: a note under a withdrawn agreement is
// never shown, and once one phone has erased (guests of past days, withheld notes) and synced, no replica stores a
// guest's first name of a past day or such a note, while the walks' lists stay the same but for the names.
import type * as Y from 'yjs'
import { eraseAfterDayOrWithdrawal } from '../../src/app/erasure.ts'
import { MAP_CHECK_INS, MAP_CHILDREN, MAP_GUEST_NAMES } from '../../src/doc/keys.ts'
import { readCollective, type CollectiveSnapshot } from '../../src/doc/read.ts'
import { parisToInstant } from '../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../src/domain/dates.ts'
import { resolveWalk } from '../../src/domain/rota/resolve.ts'
import { walkOf } from '../../src/domain/rota/walks.ts'
import { walkKeyOf, type WalkRef } from '../../src/domain/signup.ts'
import { hasSupport } from '../../src/domain/support-consent.ts'
import { walkCheckIns } from '../../src/domain/walk-log/index.ts'
import { storedSupport } from './operations-consent.ts'

/** After every simulated walk: every guest's name is due. */
const DAY_AFTER = parisToInstant(localDate('2027-04-01'), '09:00' as TimeOfDay)

/** No child shows a note or the flag without its family's agreement standing (a withdrawal always wins). */
export const checkSupportConsent = (view: CollectiveSnapshot): string[] =>
  view.children.flatMap((child) => {
    const consent = child.supportConsent
    if (consent === undefined || !hasSupport(child)) return []
    const standing = consent.adultId !== null && consent.given !== null && consent.withdrawn === undefined
    return standing && consent.familyId === child.familyId ? [] : [`child ${child.id}: shows a note or the flag without an agreement standing`]
  })

/** Each walk's list with guests' names left out: what the erasure must keep. */
const unnamedLists = (view: CollectiveSnapshot, now: number): string => {
  const walks = new Map<string, WalkRef>()
  for (const mark of view.walkLog.checkIns) walks.set(walkKeyOf(mark.walk), mark.walk)
  return JSON.stringify([...walks.keys()].sort().map((key) => {
    const walk = walkOf(view, walks.get(key)!)
    if (walk === null) return null
    // Guests are listed by name after the children: unnamed, their order may change, not their lines.
    return walkCheckIns(view, resolveWalk(view, walk, now), view.walkLog)
      .map((line) => ({ ...line, subject: line.subject.kind === 'guest' ? { ...line.subject, name: null } : line.subject }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }))
}

/**
 * One phone erases what is due the day after every walk; `sync` brings the change to every replica. Then no replica
 * stores a guest's first name or a note under a withdrawn agreement, and the lists read the same, names aside.
 * `firstView`: replica 0's reading, when the caller has it and nothing wrote since (a full read costs what the rest
 * of this check does).
 */
export const checkErasure = (docs: readonly Y.Doc[], sync: () => void, firstView: CollectiveSnapshot = readCollective(docs[0]!)): string[] => {
  const before = unnamedLists(firstView, DAY_AFTER)
  eraseAfterDayOrWithdrawal(docs[0]!, DAY_AFTER)
  sync()
  const failures: string[] = []
  docs.forEach((doc, index) => {
    const named = [...doc.getMap<Record<string, unknown>>(MAP_CHECK_INS).values()].filter((mark) => 'guestName' in mark).length
    if (named > 0) failures.push(`replica ${index}: ${named} marks still hold a guest's first name after the erasure`)
    if (doc.getMap(MAP_GUEST_NAMES).size > 0) failures.push(`replica ${index}: ${doc.getMap(MAP_GUEST_NAMES).size} guests' names left after the erasure`)
    for (const id of doc.getMap(MAP_CHILDREN).keys()) {
      const stored = storedSupport(doc, id)
      if (stored?.supportConsent?.withdrawn !== undefined && hasSupport(stored)) failures.push(`replica ${index}: child ${id} stores a withdrawn note`)
    }
  })
  if (unnamedLists(readCollective(docs[docs.length - 1]!), DAY_AFTER) !== before) failures.push('the erasure changed a walk’s list beyond the names')
  return failures
}

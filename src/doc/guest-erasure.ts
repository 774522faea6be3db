// Erases guests' first names once the walk's day is over, on any member's phone.
//
// A guest's first name is an entry of its own (`guestNames`, sealed): after the walk's day (Paris date) it is deleted.
// Deleting never overwrites what another phone wrote meanwhile (a concurrent write of a key survives its delete, and
// the next pass deletes it again), where rewriting every mark without the name could lose another device's newer mark
// (the convergence harness found it). Marks written before 0.3 carry the name themselves: those are rewritten whole
// without it, `guest: true` kept, the same clock and author (an offline author's concurrent rewrite of that mark may
// then be lost: older marks only). Either way a sealed value leaves the document, so the phone compacts its stored log
// (src/storage/doc-compaction.ts) and the relay its room: the name leaves IndexedDB and the relay's files.
import type * as Y from 'yjs'
import type { LocalDate } from '../domain/dates.ts'
import { WalkRefSchema } from '../domain/signup.ts'
import { erasedGuestEntry, guestNameEntryExpired, guestNameExpired } from '../domain/walk-log/guests.ts'
import { MAP_CHECK_INS, MAP_GUEST_NAMES, Origin, safeMap } from './keys.ts'
import { isPlainObject } from './read-util.ts'

/** The stored entries of `mapName` holding `field` whose walk is before `today` (stored values, not the view). */
const dueEntries = (
  doc: Y.Doc, mapName: string, field: string, expired: (walk: ReturnType<typeof WalkRefSchema.parse>) => boolean,
): [string, Record<string, unknown>][] => {
  const map = safeMap(doc, mapName)
  if (map === null) return []
  const due: [string, Record<string, unknown>][] = []
  for (const [key, value] of map.entries()) {
    if (!isPlainObject(value) || !(field in value)) continue
    const walk = WalkRefSchema.safeParse(value.walk)
    if (walk.success && expired(walk.data)) due.push([key, value])
  }
  return due
}

/**
 * In one transaction (Origin.eraseGuests), deletes every guest's name entry of a walk before `today` and rewrites every
 * older mark still naming a guest without it; returns how many. Reads the stored entries, not the view: a name that
 * does not open goes too. Writes nothing (no transaction) when nothing is due, so a call after each change costs a scan.
 */
export const eraseExpiredGuestNames = (doc: Y.Doc, today: LocalDate): number => {
  const names = dueEntries(doc, MAP_GUEST_NAMES, 'name', (walk) => guestNameEntryExpired({ walk }, today))
  // Whatever a mark's stored name is (sealed, plain, unreadable): once the day is over it goes.
  const marks = dueEntries(doc, MAP_CHECK_INS, 'guestName', (walk) => guestNameExpired({ walk, guestName: '' }, today))
  if (names.length + marks.length === 0) return 0
  doc.transact(() => {
    for (const [key] of names) safeMap(doc, MAP_GUEST_NAMES)?.delete(key)
    for (const [key, value] of marks) safeMap(doc, MAP_CHECK_INS)?.set(key, erasedGuestEntry(value))
  }, Origin.eraseGuests)
  return names.length + marks.length
}

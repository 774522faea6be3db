// The logbook the coordinator reads on "À faire": notes of walks in the last 14 days, newest first.
import { addDays, type LocalDate } from '../../domain/dates.ts'
import { compareLogical } from '../../domain/record-order.ts'
import type { WalkNote } from '../../domain/walk-log/index.ts'

export const LOGBOOK_DAYS = 14

/** Notes not deleted whose walk is within the last 14 days (today included; a later walk's note too), newest walk first, then newest written. */
export const recentLogbookNotes = (notes: readonly WalkNote[], today: LocalDate, days = LOGBOOK_DAYS): WalkNote[] => {
  const from = addDays(today, 1 - days)
  return notes
    .filter((note) => note.withdrawn === undefined && note.walk.date >= from)
    .sort((a, b) => (a.walk.date < b.walk.date ? 1 : a.walk.date > b.walk.date ? -1 : 0) || compareLogical(b, a))
}

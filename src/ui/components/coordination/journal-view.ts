// Pure: the collective's journal for the screen: sign-ups, coordination, slot-swap and walk-log events in logical order, then the family/line filters.
import type { CollectiveView } from '../../../app/api.ts'
import type { FamilyId, LineId } from '../../../domain/ids.ts'
import { deriveJournal, filterJournal, type JournalEvent, type JournalFilter } from '../../../domain/journal/index.ts'
import { resolveSwaps, swapJournalEvents } from '../../../domain/swaps/index.ts'

export const collectiveJournal = (view: Pick<CollectiveView, 'signUps' | 'coordination' | 'swaps' | 'exceptions' | 'walkLog' | 'adults'> & Parameters<typeof resolveSwaps>[0], now: number): JournalEvent[] =>
  deriveJournal({
    signUps: view.signUps,
    coordination: view.coordination,
    slotSwaps: swapJournalEvents(resolveSwaps(view, view.swaps, now)),
    exceptions: view.exceptions,
    walkLog: view.walkLog,
    adults: view.adults,
  })

/** The text of a walkNote event's note (its ref is the note id); null when the note is gone or deleted. */
export const journalNoteText = (view: Pick<CollectiveView, 'walkLog'>, event: JournalEvent): string | null =>
  event.kind === 'walkNote' ? (view.walkLog.notes.find((note) => note.id === event.ref && note.withdrawn === undefined)?.text ?? null) : null

/** The filter from the two selects ('' means all). */
export const journalFilterOf = (familyId: string, lineId: string): JournalFilter => ({
  ...(familyId === '' ? {} : { familyId: familyId as FamilyId }),
  ...(lineId === '' ? {} : { lineId: lineId as LineId }),
})

export const filteredJournal = (events: readonly JournalEvent[], familyId: string, lineId: string): JournalEvent[] =>
  filterJournal(events, journalFilterOf(familyId, lineId))

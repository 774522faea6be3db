// Pure: the collective's journal for the screen: sign-ups, coordination and slot-swap events in logical order, then the family/line filters.
import type { CollectiveView } from '../../../app/api.ts'
import type { FamilyId, LineId } from '../../../domain/ids.ts'
import { deriveJournal, filterJournal, type JournalEvent, type JournalFilter } from '../../../domain/journal/index.ts'
import { resolveSwaps, swapJournalEvents } from '../../../domain/swaps/index.ts'

export const collectiveJournal = (view: Pick<CollectiveView, 'signUps' | 'coordination' | 'swaps' | 'exceptions'> & Parameters<typeof resolveSwaps>[0], now: number): JournalEvent[] =>
  deriveJournal({ signUps: view.signUps, coordination: view.coordination, slotSwaps: swapJournalEvents(resolveSwaps(view, view.swaps, now)), exceptions: view.exceptions })

/** The filter from the two selects ('' means all). */
export const journalFilterOf = (familyId: string, lineId: string): JournalFilter => ({
  ...(familyId === '' ? {} : { familyId: familyId as FamilyId }),
  ...(lineId === '' ? {} : { lineId: lineId as LineId }),
})

export const filteredJournal = (events: readonly JournalEvent[], familyId: string, lineId: string): JournalEvent[] =>
  filterJournal(events, journalFilterOf(familyId, lineId))

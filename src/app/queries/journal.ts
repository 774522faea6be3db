// The journal's read model: sign-ups, coordination, slot-swap, walk-log (walks done, who was on duty), meeting and coups
// de main events in logical order, the filters, authors' times.
import { instantToParisDate, instantToParisTime } from '../../domain/calendar/paris-time.ts'
import type { LocalDate } from '../../domain/dates.ts'
import { NO_HELP } from '../../domain/help/records.ts'
import type { AdultId, FamilyId, LineId } from '../../domain/ids.ts'
import { deriveJournal, filterJournal, type JournalEvent, type JournalFilter } from '../../domain/journal/index.ts'
import { walkOf } from '../../domain/rota/index.ts'
import { walkKeyOf, type WalkKey, type WalkRef } from '../../domain/signup.ts'
import { swapJournalEvents } from '../../domain/swaps/index.ts'
import { doneArrivals } from '../../domain/walk-log/index.ts'
import type { CollectiveView } from '../api.ts'
import { effectiveOf, holdersOf } from './rota.ts'
import { swapStateOf, type RotaModel } from './swap-state.ts'

/**
 * The holders of each walk done in the EFFECTIVE rota (sign-ups, then swaps), for the journal's
 * "Trajet fait : Sophie, Paul": resolved once for every walk with an arrival, never for others.
 */
export const holdersOfDone = (view: RotaModel & Pick<CollectiveView, 'walkLog'>, now: number): ((walk: WalkRef) => readonly AdultId[]) => {
  const walks = [...doneArrivals(view.walkLog.events).values()].flatMap((arrival) => walkOf(view, arrival.walk) ?? [])
  const holders = new Map<WalkKey, AdultId[]>(effectiveOf(view, walks, now).map((rota) => [
    walkKeyOf(rota),
    holdersOf(rota).map((signUp) => signUp.adultId),
  ]))
  return (walk) => holders.get(walkKeyOf(walk)) ?? []
}

export const collectiveJournal = (
  view: RotaModel & Pick<CollectiveView, 'coordination' | 'walkLog' | 'meetings' | 'help'>, now: number,
): JournalEvent[] =>
  deriveJournal({
    signUps: view.signUps,
    coordination: view.coordination,
    slotSwaps: swapJournalEvents(swapStateOf(view, now).resolution),
    exceptions: view.exceptions,
    walkLog: view.walkLog,
    adults: view.adults,
    walkDuty: { children: view.children, holdersOf: holdersOfDone(view, now) },
    meetings: view.meetings?.meetings ?? [],
    help: view.help ?? NO_HELP,
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

/**
 * When the author wrote a record, in Paris time like every other time of the app: the record holds
 * the author's local time with its offset ('2027-03-02T09:05:00+01:00'), so a parent writing from a
 * phone set to another zone is shown at the same instant on every phone. Without a readable offset,
 * the time as written; null when the text is not a time at all.
 */
export const authorMomentOf = (at: string | undefined): { readonly date: LocalDate; readonly time: string } | null => {
  const match = at === undefined ? null : /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(at)
  if (!match?.[1] || !match[2] || !match[3]) return null
  const date = match[1] as LocalDate
  if (Number.isNaN(new Date(`${date}T00:00:00Z`).getTime())) return null
  const instant = match[4] === undefined || at === undefined ? Number.NaN : new Date(at).getTime()
  if (Number.isNaN(instant)) return { date, time: `${match[2]}:${match[3]}` }
  return { date: instantToParisDate(instant), time: instantToParisTime(instant) }
}

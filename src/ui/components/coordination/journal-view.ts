// Pure: the collective's journal for the screen: sign-ups, coordination, slot-swap and walk-log events (walks done with who was on duty) in logical order, then the family/line filters.
import type { CollectiveView } from '../../../app/api.ts'
import type { AdultId, FamilyId, LineId } from '../../../domain/ids.ts'
import { deriveJournal, filterJournal, type JournalEvent, type JournalFilter } from '../../../domain/journal/index.ts'
import type { CollectiveModel } from '../../../domain/model.ts'
import { walkOf } from '../../../domain/rota/index.ts'
import { walkKeyOf, type WalkKey, type WalkRef } from '../../../domain/signup.ts'
import { swapJournalEvents } from '../../../domain/swaps/index.ts'
import { doneArrivals } from '../../../domain/walk-log/index.ts'
import { pluralKey, type Language, type Translate } from '../../i18n/translate.ts'
import { effectiveOf, swapStateOf, type RotaModel } from '../rota/rota-source.ts'

/**
 * The holders of each walk done in the EFFECTIVE rota (sign-ups, then swaps), for the journal's
 * "Trajet fait : Sophie, Paul": resolved once for every walk with an arrival, never for others.
 */
const holdersOfDone = (view: RotaModel & Pick<CollectiveView, 'walkLog'>, now: number): ((walk: WalkRef) => readonly AdultId[]) => {
  const walks = [...doneArrivals(view.walkLog.events).values()].flatMap((arrival) => walkOf(view, arrival.walk) ?? [])
  const holders = new Map<WalkKey, AdultId[]>(effectiveOf(view, walks, now).map((rota) => [
    walkKeyOf(rota),
    [rota.lead, rota.tail, ...rota.extras].flatMap((signUp) => (signUp === null ? [] : [signUp.adultId])),
  ]))
  return (walk) => holders.get(walkKeyOf(walk)) ?? []
}

export const collectiveJournal = (view: RotaModel & Pick<CollectiveView, 'coordination' | 'walkLog'>, now: number): JournalEvent[] =>
  deriveJournal({
    signUps: view.signUps,
    coordination: view.coordination,
    slotSwaps: swapJournalEvents(swapStateOf(view, now).resolution),
    exceptions: view.exceptions,
    walkLog: view.walkLog,
    adults: view.adults,
    walkDuty: { children: view.children, holdersOf: holdersOfDone(view, now) },
  })

/** "Trajet fait : Sophie, Paul · 5 enfants" under a walkDone line; null for other events or when the journal was not given the rota. */
export const journalDutyText = (t: Translate, language: Language, model: Pick<CollectiveModel, 'adults'>, event: JournalEvent): string | null => {
  if (event.kind !== 'walkDone' || event.dutyAdultIds === undefined || event.presentCount === undefined) return null
  const names = event.dutyAdultIds
    .map((id) => model.adults.find((adult) => adult.id === id)?.firstName ?? t('journal.walkDuty.unknownAdult'))
    .sort((a, b) => a.localeCompare(b, language))
  const n = event.presentCount
  return t('journal.walkDuty', {
    adults: names.join(', '),
    children: t(pluralKey(language, n, 'journal.walkDuty.children.one', 'journal.walkDuty.children.other'), { n }),
  })
}

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

// The journal's event shape and kinds: one line of the collective's history, ordered logically, with the author's local time for display.
import type { LocalDate } from '../dates.ts'
import type { ActorId, AdultId, FamilyId, LineId } from '../ids.ts'
import type { OnBehalf } from '../on-behalf.ts'
import { compareLogical, compareText, type AuthorTime } from '../record-order.ts'
import type { Slot, WalkRef } from '../signup.ts'

/** Kinds the walk-slot swaps (src/domain/swaps) will produce; reserved here so the journal screen can name them already. */
export type SlotSwapJournalKind = 'slotOffered' | 'slotTaken' | 'slotTakeLost' | 'slotTraded' | 'slotDeclined' | 'slotOfferWithdrawn'

/**
 * Coups de main (src/domain/help): a request or an offer as it stands (posted, confirmed, closed, cancelled; the
 * record is rewritten whole, so only its latest state has a stamp), and each family's answer ("Je peux") or withdrawal.
 */
export type HelpJournalKind =
  | 'helpRequested' | 'helpOffered' | 'helpConfirmed' | 'helpClosed' | 'helpCancelled'
  | 'helpAnswered' | 'helpOfferTaken' | 'helpAnswerWithdrawn'

export type JournalKind =
  | 'signedUp'
  | 'withdrew'
  | 'coordinatorJoined'
  | 'coordinatorLeft'
  | 'periodOffered'
  /** A replacement taken, or a trade accepted, that changed the coordinator. */
  | 'periodTaken'
  /** A take that lost to an earlier one: "déjà pris". */
  | 'periodTakeLost'
  /** A winning take that changed nothing (the period had moved before it applied). */
  | 'periodTakeVoid'
  | 'periodDeclined'
  | 'periodOfferWithdrawn'
  | 'handoverNote'
  | 'handoverAcknowledged'
  /** A walk, a line's day or a whole day cancelled by the collective (grève, alerte météo...). */
  | 'walkCancelled'
  /** A walk done: its arrival marked (by `adultId`); the earliest arrival not undone. */
  | 'walkDone'
  /** A logbook note on a walk; `ref` is the note's id, the screen looks its text up (never copied into the journal). */
  | 'walkNote'
  /** A meeting planned, cancelled, or its decisions recorded (src/domain/meeting.ts); periodStart is its date. */
  | 'meetingPlanned'
  | 'meetingCancelled'
  | 'meetingDecided'
  | HelpJournalKind
  | SlotSwapJournalKind

export interface JournalEvent<K extends JournalKind = JournalKind> {
  readonly kind: K
  /** The family whose member wrote the record; missing when that phone had not said who it is. */
  readonly familyId?: FamilyId
  /** The other family involved (the offerer of a taken offer, a trade's partner). */
  readonly otherFamilyId?: FamilyId
  readonly adultId?: AdultId
  readonly lineId?: LineId
  readonly walk?: WalkRef
  readonly slot?: Slot
  /** For coordinator events: the period concerned (for a roster change, the first period it applies to). */
  readonly periodStart?: LocalDate
  /** The document key of the source record, unique per event: a stable list key. */
  readonly ref: string
  readonly clock: number
  readonly actor: ActorId
  /** The author's local time, display only; may be missing (older records) or wrong (a phone's clock). */
  readonly at?: AuthorTime
  /** walkDone only, when the journal is given the rota (JournalInput.walkDuty): who was on duty, sorted by id. */
  readonly dutyAdultIds?: readonly AdultId[]
  /** walkDone only, with dutyAdultIds: the children (and guests) the adults agree were present. */
  readonly presentCount?: number
  /** Made by another member at `familyId`'s request (sign-ups, withdrawals, swaps): who, and when. */
  readonly onBehalf?: OnBehalf
}

/** What src/domain/swaps will hand the journal: slot events always name their walk and line. */
export type SlotSwapJournalEvent = JournalEvent<SlotSwapJournalKind> & { readonly walk: WalkRef; readonly lineId: LineId }

/** Logical order (clock, actor), then kind and ref so that two events from one record keep one order everywhere. Never `at`. */
export const compareJournalEvents = (a: JournalEvent, b: JournalEvent): number =>
  compareLogical(a, b) || compareText(a.kind, b.kind) || compareText(a.ref, b.ref)

export interface JournalFilter {
  /** Events written by, or involving, this family. */
  readonly familyId?: FamilyId
  /** Events about a walk of this line (coordinator events have no line and are left out). */
  readonly lineId?: LineId
  readonly kinds?: readonly JournalKind[]
}

export const filterJournal = (events: readonly JournalEvent[], filter: JournalFilter): JournalEvent[] =>
  events.filter(
    (event) =>
      (filter.familyId === undefined || event.familyId === filter.familyId || event.otherFamilyId === filter.familyId) &&
      (filter.lineId === undefined || event.lineId === filter.lineId) &&
      (filter.kinds === undefined || filter.kinds.includes(event.kind)),
  )

// What a member can do in an open collective: the command slices of CollectiveSession, their outcomes and errors.
// Re-exported by api.ts (the UI's one contract); split out only to keep each file to one thing.
import type { MeetingCommands } from './api-meetings.ts'
import type { HelpCommands } from './api-help.ts'
import type { PairCommands } from './api-pairs.ts'
import type { CharterCommands } from './api-charter.ts'
import type { NextGeneration } from '../domain/year/next-generation.ts'
import type { ExceptionInput, HolidayInput } from '../domain/calendar-records.ts'
import type { IcsZone } from '../domain/calendar/ics-zones.ts'
import type { CollectiveProfile, CollectiveProfileInput } from '../domain/collective.ts'
import type { FamilyInput } from '../domain/family.ts'
import type { AdultId, ChildId, ExceptionId, FamilyId, HolidayId, LineId, StopId } from '../domain/ids.ts'
import type { LineInput, StopInput } from '../domain/line.ts'
import type { AdultInput, ChildInput } from '../domain/people.ts'
import type { SupportWithdrawalError } from '../domain/support-consent.ts'
import type { Settings, SettingsInput } from '../domain/settings.ts'
import type { Slot, WalkRef } from '../domain/signup.ts'
import type { FieldErrors } from '../domain/validation.ts'
import type { CoordinatorRosterSetting, PeriodOfferId } from '../domain/coordination/records.ts'
import type { OfferId } from '../domain/swaps/records.ts'
import type { LocalDate } from '../domain/dates.ts'
import type { RotaCsvTexts } from '../domain/export/rota-csv.ts'
import type { NewYearRequest, NewYearSummary } from '../domain/year/index.ts'
import type {
  AbsenceId, AbsenceInput, GuestId, MarkedStatus, WalkEventKind, WalkNoteId, WalkNoteInput,
} from '../domain/walk-log/records.ts'
import type {
  AvailabilityInput, ExemptionId, ExemptionInput, FairnessSetting, FairnessSettingInput,
} from '../domain/planning/records.ts'
import type { PlannedSlot } from '../domain/planning/types.ts'
import type { Result } from '../lib/result.ts'
import type { RecordToCheck } from './api.ts'

export type SignUpOutcome = 'held' | 'waiting'
/**
 * 'alreadyOnWalk': the adult holds a place of the walk through a swap (a sign-up would count for nothing);
 * 'busyElsewhere': the adult is on another walk at the same time (one adult, one walk at a time).
 */
export type SignUpError = 'unknownAdult' | 'walkNotRunning' | 'alreadyOnWalk' | 'busyElsewhere' | 'notRecorded'
/** 'withdrawn': the adult's sign-up is withdrawn; 'released': a place received through a swap was given up ("à pourvoir"). */
export type WithdrawOutcome = 'withdrawn' | 'released'
/**
 * Why a withdrawal wrote nothing: 'nothingToWithdraw' (the adult is not on the walk the screens show: no sign-up,
 * or the place was given away through a swap); 'expired' (a place received through a swap, the walk has started).
 */
export type WithdrawError = 'nothingToWithdraw' | 'expired' | 'notRecorded'
/** 'notFound': the stop is not there any more (removed on another phone): nothing was written. */
export type StopRemovalError = 'childrenNeedAStop' | 'notFound'
/** Why a removal wrote nothing: the record is not there any more (removed on another phone, or never synced here). */
export type RemovalError = 'notFound'
/** Why a withdrawal of a support note's agreement wrote nothing (src/domain/support-consent.ts). */
export type SupportConsentError = 'notFound' | SupportWithdrawalError
/** Why a roster or handover command wrote nothing: 'notFound' the family is not in the collective; 'notRecorded' the entry did not read back. */
export type CoordinationWriteError = 'notFound' | 'notRecorded'
/** 'alreadyAcknowledged': acknowledged before (on another phone maybe): nothing new was written. */
export type HandoverAckOutcome = 'acknowledged' | 'alreadyAcknowledged'
/** 'zoneRequired': the file holds several zones (queries/holiday-file.ts icsZonesOf) and none of them was given. */
export type IcsImportError = 'invalidIcs' | 'noEvents' | 'zoneRequired'
/** Why a swap command wrote nothing. */
export type SwapError = 'notFound' | 'notHolder' | 'notEligible' | 'busyElsewhere' | 'expired' | 'unknownAdult' | 'notRecorded'
/** What the deterministic resolution says right after my answer was written (it may change when older records arrive). */
export type TakeOutcome = 'taken' | 'alreadyTaken' | 'withdrawn' | 'void'
export type TradeOutcome = 'traded' | 'failed' | 'declined'
/** 'unknownPeriod': not the id of a period this version ships. */
export type HolidayOverrideError = 'unknownPeriod' | 'documentDamaged'

/** Why a walk-log command wrote nothing. */
export type WalkLogError = 'unknownChild' | 'unknownAdult' | 'walkNotRunning' | 'notFound' | 'notAuthor' | 'notRecorded'

export type FormResult<T> = Result<T, FieldErrors>

/** Why a planning command wrote nothing. */
export type PlanningError = 'notFound' | 'notRecorded'

/**
 * What publishing a proposal did: `written` sign-ups; `skipped` places no longer open when
 * publishing (someone signed up meanwhile, the adult or the walk is gone, the walk has started,
 * the adult is already on that walk): nothing was written for them.
 */
export interface PublishOutcome {
  readonly written: number
  readonly skipped: number
}

/*
 * What a session offers, in capability slices by what screens do: a component's props name the slices it uses
 * (a screen that signs up takes `SessionState & SessionIdentity & RotaCommands`), so its type says what it can
 * change and a test's fake (tests/helpers/make-session.ts) implements only those. CollectiveSession is all of them:
 * the one object src/app/session.ts and the demo build, which pages pass down whole.
 */


/** The collective's profile and settings, its families, and repairs of records "to check" (Réglages, Familles). */
export interface CollectiveCommands {
  updateProfile(input: CollectiveProfileInput): FormResult<CollectiveProfile>
  updateSettings(input: SettingsInput): FormResult<Settings>
  addFamily(input: FamilyInput): FormResult<FamilyId>
  renameFamily(id: FamilyId, input: FamilyInput): FormResult<FamilyId>
  /** With its adults, children and their records; 'notFound' when already removed (nothing written). */
  removeFamily(id: FamilyId): Result<void, RemovalError>
  /** Deletes a record listed "to check". */
  deleteRecordToCheck(record: RecordToCheck): Result<void, RemovalError>
}

/** A family's adults and children (Famille). */
export interface PeopleCommands {
  addAdult(familyId: FamilyId, input: AdultInput): FormResult<AdultId>
  updateAdult(id: AdultId, input: AdultInput): FormResult<AdultId>
  removeAdult(id: AdultId): Result<void, RemovalError>
  /**
   * A support note or "counts extra" is written by the child's family (or with `onRequest`, by a member at its request)
   * and needs `consentBy`, an adult of the family who agrees, unless an agreement stands (src/domain/support-consent.ts).
   * Errors: `support: 'notYourFamily'`, `consentBy: 'consentRequired' | 'consentNotOfFamily'`, and the form's.
   */
  addChild(familyId: FamilyId, input: ChildInput): FormResult<ChildId>
  /** As addChild; name, stops and days stay open to every member, the note and the flag are the family's. */
  updateChild(id: ChildId, input: ChildInput): FormResult<ChildId>
  removeChild(id: ChildId): Result<void, RemovalError>
  /**
   * The family withdraws its agreement (`onRequest`: a member of another family at its request): the note and the
   * flag are erased on every phone and the relay, the withdrawal recorded. 'nothingToWithdraw': no note, no agreement.
   */
  withdrawSupportConsent(id: ChildId, onRequest: boolean): Result<void, SupportConsentError>
}

/** Lines and their stops (Lignes). */
export interface LineCommands {
  addLine(input: LineInput): FormResult<LineId>
  updateLine(id: LineId, input: LineInput): FormResult<LineId>
  /** Children routed on it keep their route and are flagged "stop missing" by the rules. */
  removeLine(id: LineId): Result<void, RemovalError>
  /** Appends the stop at the end of the line. */
  addStop(lineId: LineId, input: StopInput): FormResult<StopId>
  updateStop(id: StopId, input: StopInput): FormResult<StopId>
  /** Moves the stop to `toIndex` in its line's order (one fractional position written). */
  moveStop(id: StopId, toIndex: number): void
  /**
   * A stop that children use cannot go without saying where they go: `reassign` maps each such
   * child to another stop of the same line, or to null (the child is then flagged to check).
   */
  removeStop(id: StopId, reassign: ReadonlyMap<ChildId, StopId | null>): Result<void, StopRemovalError>
}

/** Days without walks: exceptions, imported or added holidays, shipped periods that do not apply (Calendrier). */
export interface CalendarCommands {
  addException(input: ExceptionInput): FormResult<ExceptionId>
  removeException(id: ExceptionId): Result<void, RemovalError>
  /**
   * Imports holiday periods (VEVENTs with dates; zero-length start and rentrée events used as such) for years not
   * shipped; returns how many. A file holding several zones imports only `zone`'s, and nothing without it.
   */
  importHolidays(icsText: string, zone?: IcsZone): Result<number, IcsImportError>
  /** Adds a holiday period typed in by a member (label required, end on or after start), with the imported ones. */
  addHoliday(input: HolidayInput): FormResult<HolidayId>
  /** Removes an imported or added holiday period. */
  removeHoliday(id: HolidayId): Result<void, RemovalError>
  /**
   * Marks a shipped period (its id from shippedHolidayPeriods, e.g. '2027-2028/A/hiver') as not
   * applying to the school (`ignored`: its walks are no longer cancelled), or applying again.
   */
  setShippedHolidayIgnored(periodId: string, ignored: boolean): Result<void, HolidayOverrideError>
}

/** Signing up for a walk and withdrawing from it (the week's rota). */
export interface RotaCommands {
  /**
   * Writes my entry for this walk and slot with the next logical clock; the answer is read on the effective rota
   * (swaps applied) the screens show: 'held' when the adult then holds that slot, 'waiting' when on its waiting list.
   */
  signUp(walk: WalkRef, slot: Slot, adultId: AdultId): Result<SignUpOutcome, SignUpError>
  /**
   * Takes the adult off the walk as the screens show it: withdraws their sign-up and gives up (releases) a place
   * received through a swap. Also for a walk no longer derived (its sign-up is then withdrawn).
   */
  withdraw(walk: WalkRef, adultId: AdultId): Result<WithdrawOutcome, WithdrawError>
}

/** Slot offers, takes, trades and releases (Remplacements). */
export interface SwapCommands {
  /** "Je cherche un remplaçant": offers the slot `adultId` holds on `walk`; the holder stays responsible until someone takes it. */
  offerSlot(walk: WalkRef, adultId: AdultId): Result<OfferId, SwapError>
  /** "Échange": my slot against a slot of `target.familyId` (a specific walk, or any of theirs). */
  proposeTrade(walk: WalkRef, adultId: AdultId, target: { readonly familyId: FamilyId; readonly walk?: WalkRef }): Result<OfferId, SwapError>
  /** By the offer's author only. */
  withdrawOffer(offerId: OfferId): Result<void, SwapError>
  /** One tap: `adultId` (of my family) takes a replacement offer; refused after the walk started. */
  takeOffer(offerId: OfferId, adultId: AdultId): Result<TakeOutcome, SwapError>
  /** The target family answers a trade; `gives` is required when the offer names no walk of theirs. */
  answerTrade(offerId: OfferId, adultId: AdultId, answer: { readonly accept: true; readonly gives?: WalkRef } | { readonly accept: false }): Result<TradeOutcome, SwapError>
  /** Gives up a slot received through `offerId`: it becomes "à pourvoir" (urgent within 24 h). */
  releaseSlot(offerId: OfferId, adultId: AdultId): Result<void, SwapError>
}

/** The coordinator roster, period offers and the handover (Coordination). */
export interface CoordinationCommands {
  setRoster(setting: CoordinatorRosterSetting): FormResult<CoordinatorRosterSetting>
  /** The family accepts (or gives up) the coordinator duty from the next period on; past and current periods never move. */
  setRosterMembership(familyId: FamilyId, accepted: boolean): Result<void, CoordinationWriteError>
  offerPeriod(periodStart: LocalDate, familyId: FamilyId, target?: { readonly familyId: FamilyId; readonly periodStart: LocalDate }): Result<PeriodOfferId, SwapError>
  withdrawPeriodOffer(offerId: PeriodOfferId): Result<void, SwapError>
  answerPeriodOffer(offerId: PeriodOfferId, familyId: FamilyId, kind: 'take' | 'accept' | 'decline'): Result<TakeOutcome | TradeOutcome, SwapError>
  addHandoverNote(periodStart: LocalDate, familyId: FamilyId, input: { readonly text: string }): FormResult<void>
  /** The incoming coordinator's "J'ai pris connaissance". */
  acknowledgeHandover(periodStart: LocalDate, familyId: FamilyId): Result<HandoverAckOutcome, CoordinationWriteError>
}

/** Declared absences of children (Absences). */
export interface AbsenceCommands {
  /**
   * "Léa ne vient pas jeudi": one walk (from = to and a direction), a day (direction null) or a
   * range; updates the expected children and the ratio of those walks. Errors on fields: 'endBeforeStart', 'tooLong', 'unknownChild'.
   */
  declareAbsence(input: AbsenceInput): FormResult<AbsenceId>
  /** By any member (the family usually); the record stays, marked withdrawn. */
  withdrawAbsence(id: AbsenceId): Result<void, WalkLogError>
}

/** Walk mode: check-in marks, guests, departures and arrivals, logbook notes. */
export interface WalkLogCommands {
  /**
   * Walk mode: `adultId` (on duty, of my family) marks a child (or a guest) présent / absent /
   * excusé at `stopId`; null undoes this device's mark. Works offline; concurrent marks merge.
   */
  markChild(walk: WalkRef, childId: ChildId | GuestId, status: MarkedStatus | null, stopId: StopId | null, adultId: AdultId): Result<void, WalkLogError>
  /** A child not on the list and not in the collective: a guest for this walk only, marked present at `stopId`. */
  addGuest(walk: WalkRef, input: { readonly firstName: string }, stopId: StopId | null, adultId: AdultId): FormResult<GuestId>
  /** "Départ" from a stop (or from school on a retour: stopId null), with this phone's time. */
  markDeparture(walk: WalkRef, stopId: StopId | null, adultId: AdultId): Result<void, WalkLogError>
  /** "Arrivés à l'école" (aller) or end of the walk (retour), with this phone's time. */
  markArrival(walk: WalkRef, adultId: AdultId): Result<void, WalkLogError>
  /** Undoes this device's departure or arrival mark. */
  undoWalkEvent(walk: WalkRef, kind: WalkEventKind, stopId: StopId | null): Result<void, WalkLogError>
  /** A logbook note for the walk (incident, remark), visible to the coordinator. */
  addWalkNote(walk: WalkRef, input: WalkNoteInput, adultId: AdultId): FormResult<WalkNoteId>
  /** By its author's device only. */
  removeWalkNote(id: WalkNoteId): Result<void, WalkLogError>
}

/** Availability, reduced shares, the fairness setting and publishing a plan (Planifier, Équité). */
export interface PlanningCommands {
  /**
   * "Mes disponibilités": replaces the adult's whole availability (recurring weekdays, date
   * exceptions, weekly maximum, lead/tail preference). Field error 'unknownAdult' for an adult not in the collective.
   */
  setAvailability(adultId: AdultId, input: AvailabilityInput): FormResult<void>
  /** "Part réduite" for a family and a date range; no reason is asked or stored. Field errors: 'endBeforeStart', 'rangeTooLong', 'unknownFamily'. */
  declareExemption(input: ExemptionInput): FormResult<ExemptionId>
  /** By any member; the record stays, marked withdrawn. */
  withdrawExemption(id: ExemptionId): Result<void, PlanningError>
  /** Share per child or per family, and the walks a coordinator period counts as. */
  setFairness(input: FairnessSettingInput): FormResult<FairnessSetting>
  /**
   * Publishes a (possibly edited) proposal of planRota in ONE transaction, as ordinary sign-ups
   * (this phone's actor, the adult's family, consecutive logical clocks) that anyone can then swap.
   * Never rewrites an active sign-up; places no longer open are skipped and counted.
   */
  publishPlan(assignments: readonly PlannedSlot[]): Result<PublishOutcome, PlanningError>
}

/** Files built on the phone from the current view (Exporter). */
export interface ExportCommands {
  /**
   * Exports, built on the phone from the current view (opened values: personal data in clear; the
   * person who downloads keeps it private). A family's own data as JSON ('pedibus-coop/family':
   * its adults, children, sign-ups, absences and the notes it wrote, nothing about other families);
   * null when the family is not in the collective.
   */
  exportFamily(familyId: FamilyId): string | null
  /** The whole collective as JSON ('pedibus-coop/collective', version 1): AppServices.restoreCollective makes a new collective of it. */
  exportCollective(): string
  /**
   * The effective rota from `from` to `to` (inclusive) as CSV: UTF-8 with BOM, formula-like cells neutralised; its
   * titles, values, separator and decimal mark as `texts` gives them (the interface's language: ';' in French).
   */
  exportRotaCsv(from: LocalDate, to: LocalDate, texts: RotaCsvTexts): string
}

/** The new school year (Nouvelle année scolaire). */
export interface YearCommands {
  /**
   * "Nouvelle année scolaire": in one change, deletes the records of walks and periods before `before` and the
   * children listed; lines, stops, families, adults, settings, holidays and the roster stay. Resolves with what
   * was deleted; 'invalidRequest' (nothing deleted) for a date that is not a date. See src/domain/year.
   */
  startNewSchoolYear(request: NewYearRequest): Result<NewYearSummary, 'invalidRequest'>
  /**
   * Writes what the next document generation keeps (src/domain/year/next-generation.ts) into this document, just
   * before its room is archived (AppServices.startNewGeneration does both). 'invalidRequest' for a bad request.
   */
  markNextGeneration(next: NextGeneration): Result<void, 'invalidRequest' | 'documentDamaged'>
  /**
   * "Garder le collectif sur le relais" (issue 16): one small change (today's date in the document's meta) that moves
   * the relay's retention day (SyncStatus.relayDeletesOn). 'documentDamaged' when the meta map cannot be written.
   */
  keepOnRelay(): Result<void, 'documentDamaged'>
}

/** Everything the management screens edit (Réglages, Familles, Lignes, Calendrier, and repairs of records to check). */
export type ManageCommands = CollectiveCommands & PeopleCommands & LineCommands & CalendarCommands

/** The edits a member can make: every command slice (src/app/commands.ts builds them over one Y.Doc). */
export type SessionCommands = ManageCommands & RotaCommands & SwapCommands & CoordinationCommands & AbsenceCommands
  & WalkLogCommands & PlanningCommands & ExportCommands & YearCommands & MeetingCommands
  & HelpCommands & PairCommands & CharterCommands

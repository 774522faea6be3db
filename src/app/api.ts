// The contract between the UI and the use-cases: what a screen can read (stores) and do (commands).
// Implemented in src/app/ (createAppServices); the UI depends only on these types.
import type { InvitationId } from '../lib/invitation.ts'
import type { LocalDate } from '../domain/dates.ts'
import type { Language } from '../domain/language.ts'
import type { NewCollectiveInput } from '../domain/collective.ts'
import type { ActorId, AdultId, FamilyId } from '../domain/ids.ts'
import type { CollectiveModel } from '../domain/model.ts'
import type { ExportedCalendar } from '../domain/export/calendar-history.ts'
import type { CoordinationRecords, HandoverAck, HandoverNote } from '../domain/coordination/records.ts'
import type { SwapRecords } from '../domain/swaps/records.ts'
import type { WalkLogRecords } from '../domain/walk-log/records.ts'
import type { MeetingRecords } from '../domain/meeting.ts'
import type { HelpRecords } from '../domain/help/records.ts'
import type { Pair } from '../domain/pairs.ts'
import type { PlanningRecords } from '../domain/planning/records.ts'
import type { Charter } from '../domain/charter.ts'
import type { RecordKind } from '../doc/record-kinds.ts'
import type { RoomId } from '../lib/credentials.ts'
import type { NextGenerationRequest } from '../domain/year/next-generation.ts'
import type { Result } from '../lib/result.ts'
import type { ReadableStore } from '../lib/store.ts'
import type { FormResult, SessionCommands } from './api-commands.ts'
import type { PartnerLinks, PartnerView } from './api-partners.ts'

export type * from './api-commands.ts'
export type * from './api-meetings.ts'
export type * from './api-help.ts'
export type * from './api-pairs.ts'
export type * from './api-charter.ts'
export type * from './api-partners.ts'

/**
 * The collective profile form's limit (name, school, town), quoted before submit. Here rather than in
 * queries/limits.ts (every other form's, TEXT_LIMITS): the first visit creates a collective without the read model.
 */
export { NAME_MAX as COLLECTIVE_NAME_MAX } from '../domain/collective.ts'

/** A collective this device has joined, as listed by the switcher (device-local, from Dexie). */
export interface JoinedCollective {
  readonly id: RoomId
  /** Last known name, cached so the switcher renders before the document loads. */
  readonly name: string
  readonly joinedAt: number
}

/** Per-collective sync status shown on every screen. */
export interface SyncStatus {
  /**
   * IndexedDB: 'loading' until the document is read from the phone and its view shown, 'saved' when every local
   * change is on disk.
   */
  readonly local: 'loading' | 'saving' | 'saved' | 'error'
  /** Relay connection. 'refused' means the relay closed with 44xx (bad token...), no retry. */
  readonly connection: 'connecting' | 'online' | 'offline' | 'refused'
  /** Local changes not yet confirmed as durably stored by the relay. */
  readonly pending: number
  /** Epoch ms when the connection was lost, while offline; null otherwise. */
  readonly offlineSince: number | null
  /** A storage problem to show on screen (quota exceeded...), as a message key; null when fine. */
  readonly storageError: 'quotaExceeded' | 'storageUnavailable' | null
  /**
   * The relay acknowledged everything this phone sent on the current connection (the sync step 2
   * included): with pending 0 and local 'saved', the relay holds all this phone holds.
   */
  readonly relayConfirmed: boolean
  /**
   * The collective was renewed ("Renouveler l'invitation" on another phone): this link's room is
   * read-only (changes made here are not kept) or already deleted. Ask a member for the new link.
   */
  readonly moved: boolean
  /**
   * This collective's room is the read-only archive of a past generation (a school year ended, or the collective
   * moved to the current document layout): it goes on in its successor room (SessionState.generation).
   */
  readonly archived: boolean
  /**
   * The relay holds other content under ids this phone wrote (someone wrote in its name): this copy is being
   * rebuilt from the relay's, with this phone's waiting changes written again. Transient.
   */
  readonly diverged: boolean
  /** The relay refused changes because the collective reached its size limit: they wait on this phone. */
  readonly roomFull: boolean
  /**
   * The relay will delete its copy of the collective on this day (YYYY-MM-DD) unless something changes in it (issue 16:
   * no change for about 13 months); null otherwise. SessionCommands.keepOnRelay writes that change.
   */
  readonly relayDeletesOn: string | null
}

/** A record of the shared document that failed validation: shown "to check", never crashes a screen. */
export interface RecordToCheck {
  /**
   * Repair: for an entity kind, the ordinary update command with `key` as the id rewrites every
   * field and makes the record valid again; or delete it with deleteRecordToCheck.
   */
  readonly kind: RecordKind
  readonly key: string
  /** A short, escaped-by-rendering preview of the raw value (never rendered as HTML). */
  readonly preview: string
  readonly problems: readonly string[]
}

/**
 * Every valid record of the collective (see CollectiveModel; `profile` is null while the document
 * has no valid profile yet, e.g. a joining phone before first sync), plus what failed validation.
 * Rota screens compute walks, slots and waiting lists from it with the pure rules of src/domain.
 */
export interface CollectiveView extends CollectiveModel {
  /** The first day of the current school year (the last new-year request); null or absent before the first one. */
  readonly yearStartedOn?: LocalDate | null
  /** Slot offers, takes/answers and releases (src/domain/swaps): the effective rota is effectiveWalks(view, swaps, now). */
  readonly swaps: SwapRecords
  /**
   * Coordinator roster (setting, DEFAULT_ROSTER_SETTING when unset; entries), period offers and
   * answers (src/domain/coordination), plus handover notes and acknowledgements.
   */
  readonly coordination: CoordinationRecords & { readonly notes: readonly HandoverNote[]; readonly acks: readonly HandoverAck[] }
  /**
   * Declared absences, check-in marks, departures and arrivals, logbook notes (src/domain/walk-log).
   * `absences` is also in the model (CollectiveModel.absences) so every rota computation counts them.
   */
  readonly walkLog: WalkLogRecords
  /**
   * Availability per adult, reduced-share periods, the fairness setting (DEFAULT_FAIRNESS_SETTING
   * when unset): with `swaps` and `coordination` this view is a FairnessModel, so "Équité"
   * (fairnessLedger) and the planner (planRota) run on it directly (src/domain/planning).
   */
  readonly planning: PlanningRecords
  /** Meetings and every device's reply (Rencontres, src/app/queries/meetings.ts); absent in views built without them. */
  readonly meetings?: MeetingRecords
  /** Coups de main: requests, offers, answers, the kinds list's edits (src/app/queries/help.ts); absent when built without. */
  readonly help?: HelpRecords
  /** "Trajet en binôme" and "passer le témoin" (src/app/queries/pairs.ts); absent in views built without them. */
  readonly pairs?: readonly Pair[]
  /** The collective's charter (issue 18, src/app/queries/charter.ts); absent or null: none written. */
  readonly charter?: Charter | null
  readonly toCheck: readonly RecordToCheck[]
  readonly schemaVersion: number | null
}

/*
 * Read slices: what a component that shows one part of the collective takes as its `view` (CollectiveView satisfies
 * each), so its type says what it reads and a test gives only that. The queries in src/app/queries pick likewise.
 */
/** Who is in the collective: families, their adults and children. */
export type PeopleView = Pick<CollectiveView, 'families' | 'adults' | 'children'>
/** The lines and their stops, with the settings their forms default from. */
export type LinesView = Pick<CollectiveView, 'lines' | 'stops' | 'settings'>
/** Days without walks: the settings (zone, year), imported holidays, corrections of shipped periods, exceptions. */
export type CalendarView = Pick<CollectiveView, 'settings' | 'holidays' | 'holidayOverrides' | 'exceptions'>
/** The logbook: walk-log records, the adults who wrote them and the lines they walked. */
export type WalkLogView = Pick<CollectiveView, 'adults' | 'lines' | 'walkLog'>
/** The coordinator roster, period offers and handovers, and the families they name. */
export type CoordinationView = Pick<CollectiveView, 'families' | 'coordination'>

/** Who "I" am in a collective, on this device (device-local, never shared except actorId in my sign-ups). */
export interface DeviceIdentity {
  /** Random per device and collective; orders concurrent sign-ups after the logical clock. */
  readonly actorId: ActorId
  readonly familyId: FamilyId | null
  readonly adultId: AdultId | null
}

/** The guided join's steps (/c/:id/bienvenue/<step>): my family, my children, my availability. */
export type WelcomeStep = 'famille' | 'enfants' | 'disponibilites'
/** Where this phone stands in the guided join: the next step, 'done', or null when it never started here. */
export type WelcomeProgress = WelcomeStep | 'done' | null

/** What a screen reads: the live view of the collective and its sync status. */
export interface SessionState {
  readonly view: ReadableStore<CollectiveView>
  readonly status: ReadableStore<SyncStatus>
  readonly generation: ReadableStore<GenerationState>
}

/** Where this collective's document stands among its generations (issue 14: one school year per live document). */
export interface GenerationState {
  /** The school year this archived room holds ('2026-2027'), once this phone knows it; null for the live room. */
  readonly archiveLabel: string | null
  /** The room where the collective goes on, once this phone followed it there; null for the live room. */
  readonly successorId: RoomId | null
}

/** Which collective this is (its id, its invite link) and who "I" am in it on this device. */
export interface SessionIdentity {
  readonly id: RoomId
  /**
   * A new invite link valid `days` (issue 16): its #fragment holds the room id and a one-off invite key, never the
   * collective's secret; needs the relay (src/app/invitations.ts).
   */
  createInvitation(days: InvitationDays): Promise<Result<{ readonly url: string; readonly invitation: InvitationInfo }, InvitationError>>
  /** The collective's open invitations, soonest expiry first. */
  listInvitations(): Promise<Result<readonly InvitationInfo[], InvitationError>>
  /** Closes an invitation: its link opens nothing from now on. */
  revokeInvitation(id: InvitationId): Promise<Result<void, InvitationError>>
  /** Me on this device; a demo session has a throwaway identity. */
  readonly me: ReadableStore<DeviceIdentity>
  setMe(familyId: FamilyId | null, adultId: AdultId | null): Promise<void>
  /** The guided join on this phone (device-local, never in the shared document; queries/welcome.ts reads it). */
  readonly welcome: ReadableStore<WelcomeProgress>
  setWelcome(progress: Exclude<WelcomeProgress, null>): Promise<void>
}


/**
 * Acting for a family without a smartphone, at its request (issue 18; src/app/acting.ts): while `acting` is set, `me`
 * is that family (and its first adult), and sign-ups, withdrawals and swaps record who made them (domain/on-behalf.ts).
 * Kept in memory only: a reload, or "Terminer", gives the phone back its own identity.
 */
export interface ActingSession {
  readonly acting: ReadableStore<ActingFor | null>
  actFor(familyId: FamilyId): Result<ActingFor, ActingError>
  stopActing(): void
}

export interface ActingFor {
  /** The family acted for, and the adult "me" becomes (its first adult by first name). */
  readonly familyId: FamilyId
  readonly adultId: AdultId
  /** The phone's own family and adult: who acts. */
  readonly byFamilyId: FamilyId
  readonly byAdultId: AdultId | null
}

/** noIdentity: this phone has not said which family it is; ownFamily: nothing to act for; noAdult: nobody to sign up. */
export type ActingError = 'noIdentity' | 'unknownFamily' | 'ownFamily' | 'noAdult'

/** One open collective: its live view, its status, who I am, and every edit a member can make. */
export interface CollectiveSession extends SessionState, SessionIdentity, ActingSession, SessionCommands {
  /** Read-only partner links (issue 18, src/app/partner-links.ts); absent in a demo (nothing is sent). */
  readonly partners?: PartnerLinks
  /** Stops the providers, timers and listeners; safe to call twice. */
  destroy(): void
}

// ---- Invitations (issue 16, src/app/invitations.ts) ---------------------------------------------------------------
/** How long a new invitation opens the collective: one day, a week (the default) or a month. */
export const INVITATION_DAYS = [1, 7, 30] as const
export type InvitationDays = (typeof INVITATION_DAYS)[number]
export const DEFAULT_INVITATION_DAYS: InvitationDays = 7

export interface InvitationInfo {
  readonly id: InvitationId
  readonly createdAt: number
  readonly expiresAt: number
}

/**
 * 'offline': no answer (no network, relay down); 'refused': the relay refused (a renewed or archived room, a bad token);
 * 'tooMany': the collective holds too many open invitations (revoke some).
 */
export type InvitationError = 'offline' | 'refused' | 'tooMany'
/** Opening a link: 'expired' covers unknown, expired and revoked alike (the relay says nothing more). */
export type OpenInvitationError = 'expired' | 'offline' | 'invalidLink'

/** 'invitationExpired': the link's invitation expired or was revoked; 'offline': the relay could not be asked. */
export type JoinError = 'invalidLink' | 'storageUnavailable' | 'invitationExpired' | 'offline'
/** 'invalidExport': not a whole, valid collective export of a version this app reads (nothing was created). */
export type RestoreError = 'invalidExport' | 'storageUnavailable'
/**
 * Why "Renouveler l'invitation" did not finish. 'offline': the old collective is not connected;
 * 'notSynced': changes still waiting, or the copy did not reach the relay in time (the copy is
 * then removed from this phone); 'relayRefused': the relay refused to close the old room (the copy
 * is removed from this phone and made read-only on the relay; the old collective is unchanged);
 * 'relayUnreachable': no answer even after retries (the copy is KEPT on this phone: the relay may
 * have closed the old room without saying so, and then the copy's invitation is the way in);
 * 'storageUnavailable': the copy could not be written.
 */
export type RenewError = 'offline' | 'notSynced' | 'relayRefused' | 'relayUnreachable' | 'storageUnavailable'

/**
 * Why a move did not happen. 'offline' / 'notSynced': this phone is not connected, or still has changes the relay
 * does not hold (nothing was archived); 'relayRefused': the relay refused to archive (a renewed room, an older relay);
 * 'relayUnreachable': no answer; 'storageUnavailable': this phone could not store the successor (the archive is made:
 * opening the collective again follows it); 'notBuiltYet': the archiving phone's build of the successor has not reached
 * the relay yet (this phone tries again).
 */
export type GenerationError =
  | 'offline' | 'notSynced' | 'relayRefused' | 'relayUnreachable' | 'storageUnavailable' | 'invalidRequest' | 'notBuiltYet'

/** An unexpected error for the UI to show (message key + fixed operation label; no personal data). */
export interface AppErrorMessage {
  readonly id: number
  readonly key: 'unexpected' | 'storageUnavailable'
  readonly context: string
}

export interface AppServices {
  /** Resolves once device-local data (collectives, preferences) is loaded; never rejects. */
  readonly ready: Promise<void>
  readonly collectives: ReadableStore<readonly JoinedCollective[]>
  /** Creates the collective locally (works offline); the relay room is registered on first connection. */
  createCollective(input: NewCollectiveInput): Promise<FormResult<RoomId>>
  /** Parses an invite fragment (`#...` of the invite URL) and joins; idempotent for a known collective. */
  joinFromInvite(fragment: string): Promise<Result<RoomId, JoinError>>
  /**
   * Makes a NEW collective (new room id and secret, never the exported room's) from a collective
   * export (CollectiveSession.exportCollective), every record under its own id; the file is
   * validated whole first. Resolves with the new id once it is on the phone; the relay gets it at
   * the first connection, like a created collective.
   */
  /** `renewedFrom`: the copy a renewal makes of that collective (the copy is marked with its id, src/doc/renewal.ts). */
  restoreCollective(json: string, renewedFrom?: RoomId): Promise<Result<RoomId, RestoreError>>
  /**
   * "Créer à partir d'un modèle" (issue 18): a NEW collective (new room, new secret) from a template file
   * (CharterCommands.exportTemplate) and the create form: the form's profile and school place, the template's lines,
   * stops, settings, kinds and charter under new ids. Field errors of the form; `template` (a TemplateProblem) when
   * the file is not a template this version reads; `_: 'storageUnavailable'`. Nothing is made on any error.
   */
  createFromTemplate(json: string, input: NewCollectiveInput): Promise<FormResult<RoomId>>
  /**
   * "Renouveler l'invitation" (issue 6): copies the collective (records, ids and clocks) into a new
   * room with a new secret, waits until the relay holds the copy, asks the relay to make the old
   * room read-only, then forgets the old collective on this phone and keeps my family and adult.
   * Resolves with the new collective's id (its invite link is the one to send to every family).
   */
  renewCollective(id: RoomId): Promise<Result<RoomId, RenewError>>
  /**
   * A new document generation (issue 14): writes what the successor keeps into the collective, has the relay archive
   * its room (kept read-only as the year's archive, on this phone and the relay) and follows the collective to its
   * successor room, derived from the same invite secret (every member's phone follows on its own; the link stays
   * the same). Resolves with the successor's id. Needs this phone online with nothing waiting.
   */
  startNewGeneration(id: RoomId, request: NextGenerationRequest): Promise<Result<RoomId, GenerationError>>
  /** The archived generations of live collective `id` on this phone, latest first (school year label). */
  archivesOf(id: RoomId): Promise<ReadonlyArray<{ readonly id: RoomId; readonly label: string }>>
  /** Opens (or returns the already open) session; callers share one session per collective. */
  openCollective(id: RoomId): Promise<CollectiveSession | null>
  /** The session of `id` when it is open already (a screen then renders it at once, with no loading frame). */
  openedCollective(id: RoomId): CollectiveSession | null
  /**
   * A demo collective filled with example data, its free texts in `language` (French for Arabic: it is a French school);
   * in memory only: nothing joined, nothing sent.
   */
  openDemo(language: Language): Promise<CollectiveSession>
  /**
   * A partner's read-only page (issue 18) from its link's #fragment: reads the partner room, keeps nothing on the
   * device; destroy() when the page goes.
   */
  openPartnerView(fragment: string): PartnerView
  /** Removes the collective from this device (local data only). */
  forgetCollective(id: RoomId): Promise<void>
  readonly preferences: ReadableStore<{ readonly language: Language }>
  setLanguage(language: Language): Promise<void>
  /**
   * True while any open collective has local writes not yet on disk (status.local 'saving').
   * Changes waiting for the relay do not count: they are on disk and survive a reload.
   */
  readonly hasPendingWrites: ReadableStore<boolean>
  /**
   * The keys of the notices dismissed on this phone, by collective id: read before the first screen, so a dismissed
   * notice never shows again after a reload; a new event has a new key and shows.
   */
  readonly dismissedNotices: ReadableStore<ReadonlyMap<string, ReadonlySet<string>>>
  /** Remembers on this phone that notice `key` of collective `collectiveId` was dismissed (a demo's: until reload). */
  dismissNotice(collectiveId: string, key: string): void
  /** What the last agenda file made on this phone for a family held (null before the first; a demo's: memory). */
  calendarExport(collectiveId: string, familyId: FamilyId): Promise<ExportedCalendar | null>
  /** Remembers what the agenda file just made held, for the next one to cancel what it no longer holds. */
  rememberCalendarExport(collectiveId: string, familyId: FamilyId, calendar: ExportedCalendar): Promise<void>
  /** The single error channel: unexpected errors, newest last. */
  readonly errors: ReadableStore<readonly AppErrorMessage[]>
  /** Reports an unexpected error a screen caught (a screen that threw, a rule that failed) to that channel. */
  reportError(context: string, error: unknown): void
  dismissError(id: number): void
  destroy(): void
}

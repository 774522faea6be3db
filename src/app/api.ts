// The contract between the UI and the use-cases: what a screen can read (stores) and do (commands).
// Implemented in src/app/ (createAppServices); the UI depends only on these types.
import type { CollectiveProfile, CollectiveProfileInput } from '../domain/collective.ts'
import type { Family, FamilyInput } from '../domain/family.ts'
import type { FamilyId } from '../domain/ids.ts'
import type { FieldErrors } from '../domain/validation.ts'
import type { RoomId } from '../lib/credentials.ts'
import type { Result } from '../lib/result.ts'
import type { ReadableStore } from '../lib/store.ts'

/** A collective this device has joined, as listed by the switcher (device-local, from Dexie). */
export interface JoinedCollective {
  readonly id: RoomId
  /** Last known name, cached so the switcher renders before the document loads. */
  readonly name: string
  readonly joinedAt: number
}

/** Per-collective sync status shown on every screen. */
export interface SyncStatus {
  /** IndexedDB: 'loading' until the document is read from the phone, 'saved' when every local change is on disk. */
  readonly local: 'loading' | 'saving' | 'saved' | 'error'
  /** Relay connection. 'refused' means the relay closed with 44xx (bad token...), no retry. */
  readonly connection: 'connecting' | 'online' | 'offline' | 'refused'
  /** Local changes not yet confirmed as durably stored by the relay. */
  readonly pending: number
  /** Epoch ms when the connection was lost, while offline; null otherwise. */
  readonly offlineSince: number | null
  /** A storage problem to show on screen (quota exceeded...), as a message key; null when fine. */
  readonly storageError: 'quotaExceeded' | 'storageUnavailable' | null
}

/** A record of the shared document that failed validation: shown "to check", never crashes a screen. */
export interface RecordToCheck {
  readonly kind: 'family' | 'profile'
  readonly key: string
  /** A short, escaped-by-rendering preview of the raw value (never rendered as HTML). */
  readonly preview: string
  readonly problems: readonly string[]
}

export interface CollectiveView {
  /** null while the document has no valid profile yet (e.g. a joining phone before first sync). */
  readonly profile: CollectiveProfile | null
  readonly families: readonly Family[]
  readonly toCheck: readonly RecordToCheck[]
  readonly schemaVersion: number | null
}

export type FormResult<T> = Result<T, FieldErrors>

/** One open collective: its live view, its status, and the edits a member can make. */
export interface CollectiveSession {
  readonly id: RoomId
  readonly view: ReadableStore<CollectiveView>
  readonly status: ReadableStore<SyncStatus>
  /** The invite link: origin + '/rejoindre#' + fragment holding room id and secret. */
  readonly inviteUrl: string
  updateProfile(input: CollectiveProfileInput): FormResult<CollectiveProfile>
  addFamily(input: FamilyInput): FormResult<FamilyId>
  renameFamily(id: FamilyId, input: FamilyInput): FormResult<FamilyId>
  removeFamily(id: FamilyId): void
  /** Deletes a record listed "to check". */
  deleteRecordToCheck(record: RecordToCheck): void
  /** Stops the providers, timers and listeners; safe to call twice. */
  destroy(): void
}

export type JoinError = 'invalidLink' | 'storageUnavailable'

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
  createCollective(input: CollectiveProfileInput): Promise<FormResult<RoomId>>
  /** Parses an invite fragment (`#...` of the invite URL) and joins; idempotent for a known collective. */
  joinFromInvite(fragment: string): Promise<Result<RoomId, JoinError>>
  /** Opens (or returns the already open) session; callers share one session per collective. */
  openCollective(id: RoomId): Promise<CollectiveSession | null>
  /** Removes the collective from this device (local data only). */
  forgetCollective(id: RoomId): Promise<void>
  readonly preferences: ReadableStore<{ readonly language: 'fr' | 'en' }>
  setLanguage(language: 'fr' | 'en'): Promise<void>
  /**
   * True while any open collective has local writes not yet on disk (status.local 'saving').
   * Changes waiting for the relay do not count: they are on disk and survive a reload.
   */
  readonly hasPendingWrites: ReadableStore<boolean>
  /** The single error channel: unexpected errors, newest last. */
  readonly errors: ReadableStore<readonly AppErrorMessage[]>
  dismissError(id: number): void
  destroy(): void
}

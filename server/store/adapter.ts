// The relay's storage interface: what rooms need from a durable store, and nothing about how it is stored.
// Implementations: file-store.ts (one relay, local disk), engine/engine-store.ts (engine mode: several relays over
// Valkey or Redis), memory-store.ts (tests, benchmarks); one contract suite for all three.

export interface RoomMeta {
  /** SHA-256 of the room token, base64url (hashRoomToken). */
  readonly tokenHash: string
  readonly createdAt: string
  /** Set once by POST /renew (issues 6, 16): the room is closed at once and deleted behind its tombstone. */
  readonly renewedAt?: string
  /**
   * Set once by POST /archive (issue 14): the read-only archive of a past generation of the collective, deleted
   * ARCHIVED_ROOM_DAYS later. Never together with renewedAt: a room is renewed or archived, not both.
   */
  readonly archivedAt?: string
  /** Last day (YYYY-MM-DD, UTC) a socket joined the room: rooms untouched for long are deleted by the sweeper. */
  readonly usedOn?: string
  /**
   * Last day (YYYY-MM-DD, UTC) a stored update changed the room: a room with no change for ROOM_RETENTION_DAYS is
   * deleted by the sweeper, after its members were warned (MESSAGE_RETENTION). Absent in rooms of earlier versions.
   */
  readonly writtenOn?: string
  /** Open invitations (issue 16, server/invites.ts): forgotten at expiry, at revocation, with the room. */
  readonly invitations?: readonly StoredInvitation[]
  /** Readers (issue 18, server/readers.ts): tokens that read the room and write nothing (read-only partner links). */
  readonly readers?: readonly StoredReader[]
}

/** A read-only token of the room (a partner link): only its SHA-256, like the room token's. */
export interface StoredReader {
  readonly id: string
  readonly tokenHash: string
  readonly createdAt: string
}

/**
 * One invitation: the collective's secret sealed under a one-off invite key the relay never sees (the key lives in the
 * invite link's #fragment; its id is derived from it, src/lib/invitation.ts).
 */
export interface StoredInvitation {
  readonly id: string
  readonly sealed: string
  readonly createdAt: string
  readonly expiresAt: string
}

/** A room is renewed or archived once, and never both: true while it is neither (markRenewed, markArchived). */
export const canMarkFrozen = (meta: RoomMeta): boolean => meta.renewedAt === undefined && meta.archivedAt === undefined

/** What is left of a deleted room: enough to tell a phone what happened, never its data. */
export interface Tombstone {
  readonly roomId: string
  /** Deleted at its renewal: the collective moved (close 4410). */
  readonly renewedAt?: string
  /** Deleted ARCHIVED_ROOM_DAYS after its archive (close 4410 too: the id is never reused). */
  readonly archivedAt?: string
  readonly deletedAt?: string
  /** 'renewed' or 'archived', or deleted by the sweeper because it was never used or untouched for too long. */
  readonly reason?: 'renewed' | 'archived' | 'unused' | 'idle' | 'retention'
  /** For 'unused', 'idle' and 'retention': only the same token may register the room again (a phone that still holds it). */
  readonly tokenHash?: string
}

export interface CompactOptions {
  /** Updates since the last compaction deleted values: their bytes must leave every file the store keeps. */
  readonly erasure?: boolean
}

/** What follow() delivers: updates another relay stored, after the snapshot when this relay fell behind a trim. */
export interface FollowedPage {
  readonly snapshot: Uint8Array | null
  readonly entries: readonly { readonly update: Uint8Array }[]
}

export interface StorageAdapter {
  /** Opens the store (replays what a crash left in its write-ahead log). Other calls wait for it too. */
  open(): Promise<void>
  /** The room's metadata, or null when the room was never registered. Never creates anything. */
  readMeta(roomId: string): Promise<RoomMeta | null>
  /** Registers the room unless it exists; returns the metadata that is now stored (the existing one if any). */
  createRoom(roomId: string, meta: RoomMeta): Promise<{ created: boolean; meta: RoomMeta }>
  /**
   * Records the renewal durably (meta rewritten atomically). Idempotent: an already renewed room keeps its
   * first renewedAt. An archived room is never renewed (its meta is returned unchanged). Returns the stored meta,
   * or null when the room does not exist.
   */
  markRenewed(roomId: string, renewedAt: string): Promise<RoomMeta | null>
  /**
   * Records the archive durably (meta rewritten atomically, like markRenewed). Idempotent: an already archived room
   * keeps its first archivedAt (true). False when the room does not exist or is renewed (nothing is written).
   */
  markArchived(roomId: string, archivedAt: string): Promise<boolean>
  /** Records the day the room was last used (a no-op when it is already that day). */
  markUsed(roomId: string, usedOn: string): Promise<void>
  /** Records the day a stored update last changed the room (a no-op when it is already that day). */
  markWritten(roomId: string, writtenOn: string): Promise<void>
  /**
   * Replaces the room's invitations by `change(current)`, durably (meta rewritten atomically, under the meta lock):
   * the list now stored, or null when the room does not exist (nothing is written).
   */
  updateInvitations(
    roomId: string, change: (current: readonly StoredInvitation[]) => readonly StoredInvitation[],
  ): Promise<readonly StoredInvitation[] | null>
  /** Replaces the room's readers like updateInvitations (durably, under the meta lock); null for an unknown room. */
  updateReaders(
    roomId: string, change: (current: readonly StoredReader[]) => readonly StoredReader[],
  ): Promise<readonly StoredReader[] | null>
  /** Ids of the rooms that have data (a meta, a log or a snapshot), in no particular order. */
  listRooms(): Promise<string[]>
  /** The room's tombstone, or null. */
  readTombstone(roomId: string): Promise<Tombstone | null>
  /** Writes the tombstone durably (before the room's data is deleted, so a crash in between loses nothing). */
  writeTombstone(tombstone: Tombstone): Promise<void>
  /** Removes a tombstone (a room deleted for disuse and registered again by its own token). */
  deleteTombstone(roomId: string): Promise<void>
  /** Whether anything was ever stored for the room (an update, a snapshot). */
  hasData(roomId: string): Promise<boolean>
  /** Deletes the room's meta, snapshot and log. The room must not be in use (released). */
  deleteRoom(roomId: string): Promise<void>
  /** Every stored update of the room, in order (snapshot first). */
  loadUpdates(roomId: string): Promise<Uint8Array[]>
  /** Resolves once the update is durable; appends that arrive together share one fsync (group commit). */
  append(roomId: string, update: Uint8Array): Promise<void>
  /** Resolves once everything appended before this call is durable (or has failed). */
  flush(roomId: string): Promise<void>
  /** Bytes stored for the room since its last compaction (0 if unknown). */
  logSize(roomId: string): number
  /** Bytes stored for the room in all (snapshot and log; 0 if unknown): what the room size limit counts. */
  storedBytes(roomId: string): number
  /** Replaces the room's stored updates by one snapshot, read back and checked first (compact.ts). */
  compact(roomId: string, options?: CompactOptions): Promise<void>
  /**
   * Engine mode only (several relays serve one room): after loadUpdates, delivers what OTHER relays store in the
   * room, in the order of the room's log; a page starts with the room's snapshot when this relay fell behind a
   * compaction. Returns the function that stops following. Stores of one process leave it out.
   */
  follow?(roomId: string, deliver: (page: FollowedPage) => void): () => void
  /** Engine mode only: another relay holds the room now (loaded for its sockets), so the sweeper leaves it alone. */
  heldElsewhere?(roomId: string): Promise<boolean>
  /** Copies what only the write-ahead log holds into the rooms' files (a no-op for stores without one). */
  checkpoint(): Promise<void>
  /** Releases the room's open files. Safe to call for a room that is not open. */
  release(roomId: string): Promise<void>
  /** Flushes and closes everything; safe to call twice. */
  close(): Promise<void>
}

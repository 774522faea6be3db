// The relay's storage interface: what rooms need from a durable store, and nothing about how it is stored.
// Implementations: file-store.ts (production), memory-store.ts (tests, benchmarks); one contract suite for both.

export interface RoomMeta {
  /** SHA-256 of the room token, base64url (hashRoomToken). */
  readonly tokenHash: string
  readonly createdAt: string
  /** Set once by POST /renew (issue 6): the room is read-only from then on, deleted after the grace period. */
  readonly renewedAt?: string
}

/** What is left of a renewed room after its grace period: enough to tell a phone the collective moved. */
export interface Tombstone {
  readonly roomId: string
  readonly renewedAt: string
}

export interface StorageAdapter {
  /** The room's metadata, or null when the room was never registered. Never creates anything. */
  readMeta(roomId: string): Promise<RoomMeta | null>
  /** Registers the room unless it exists; returns the metadata that is now stored (the existing one if any). */
  createRoom(roomId: string, meta: RoomMeta): Promise<{ created: boolean; meta: RoomMeta }>
  /**
   * Records the renewal durably (meta rewritten atomically). Idempotent: an already renewed room keeps its
   * first renewedAt. Returns the stored meta, or null when the room does not exist.
   */
  markRenewed(roomId: string, renewedAt: string): Promise<RoomMeta | null>
  /** Ids of the rooms that have data (a meta, a log or a snapshot), in no particular order. */
  listRooms(): Promise<string[]>
  /** The room's tombstone, or null. */
  readTombstone(roomId: string): Promise<Tombstone | null>
  /** Writes the tombstone durably (before the room's data is deleted, so a crash in between loses nothing). */
  writeTombstone(tombstone: Tombstone): Promise<void>
  /** Deletes the room's meta, snapshot and log. The room must not be in use (released). */
  deleteRoom(roomId: string): Promise<void>
  /** Every stored update of the room (snapshot first, then the log), after recovering a torn tail. */
  loadUpdates(roomId: string): Promise<Uint8Array[]>
  /** Resolves once the update is durable (fsync). Concurrent appends share one fsync. */
  append(roomId: string, update: Uint8Array): Promise<void>
  /** Resolves once everything appended before this call is durable. */
  flush(roomId: string): Promise<void>
  /** Bytes in the room's log since the last compaction (0 if unknown). */
  logSize(roomId: string): number
  /** Replaces snapshot + log by one snapshot, encoded from a Y.Doc (never Y.mergeUpdates). */
  compact(roomId: string): Promise<void>
  /** Releases the room's open files. Safe to call for a room that is not open. */
  release(roomId: string): Promise<void>
  /** Flushes and closes everything; safe to call twice. */
  close(): Promise<void>
}

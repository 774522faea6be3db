// Deletes rooms nobody needs any more (and forgets expired invitations, server/invites.ts), tombstone first (so a crash in between loses nothing and is finished by the
// next pass), then the room's sockets are closed, then its meta, snapshot and log are deleted. Runs at start and
// hourly. Four kinds:
// - renewed rooms (issues 6, 16): at once, by the renewal itself (removeNow); a pass only finishes what a crash or a
//   busy room interrupted, or a room an earlier version kept read-only. The tombstone has no token hash, the id is
//   never reused and sockets get 4410 (the collective moved): the old link opens nothing;
// - archived rooms (issue 14) ARCHIVED_ROOM_DAYS after their archive, the same way. Renewed and archived rooms are
//   read-only: nobody writes or needs to join them, so they are never deleted for disuse, only after their period;
// - rooms registered and never used: nothing stored UNUSED_ROOM_HOURS after registration (a flood of made-up
//   rooms does not stay on disk);
// - rooms no socket joined for IDLE_ROOM_DAYS, and rooms with no stored change for ROOM_RETENTION_DAYS (issue 16: the
//   relay keeps no collective forever; members are warned before, server/retention.ts). For these the tombstone keeps
//   the token hash: a phone that still holds the collective (its family's own copy) registers it again with its own
//   token and re-sends everything when it is opened again.
import { CloseCode } from '../src/lib/relay-protocol.ts'
import { errorKind, roomPrefix, type Logger } from './log.ts'
import type { CounterName, Metrics } from './metrics.ts'
import { retentionDeadline } from './retention.ts'
import type { RoomRegistry } from './rooms.ts'
import type { RoomMeta, StorageAdapter, StoredInvitation, Tombstone } from './store/adapter.ts'

export interface Sweeper {
  /** One pass over the stored rooms; resolves with how many were deleted. Concurrent calls share a pass. */
  sweep(): Promise<number>
  /**
   * Writes the tombstone now and deletes the room as soon as its sockets are closed: false when it was still busy
   * (the next pass finishes it; the tombstone already refuses every socket and every load).
   */
  removeNow(tombstone: Tombstone): Promise<boolean>
  /** Stops the timer and ends the current pass early; resolves when it is over. */
  destroy(): Promise<void>
}

const HOUR_MS = 60 * 60 * 1000
/** How long a pass waits for a room's sockets to close before leaving it for the next pass. */
const EVICT_TIMEOUT_MS = 5_000

export const createSweeper = (deps: {
  store: StorageAdapter
  rooms: RoomRegistry
  metrics: Metrics
  log: Logger
  unusedMs: number
  idleMs: number
  /** A room with no stored change for this long is deleted (server/retention.ts). */
  retentionMs: number
  /** An archived room is deleted this long after archivedAt. */
  archivedMs: number
  intervalMs?: number
  now?: () => number
}): Sweeper => {
  const { store, rooms, metrics, log } = deps
  const now = deps.now ?? Date.now
  let stopped = false
  let running: Promise<number> | null = null

  /** Deletes the room's data once nobody uses it; a tombstone must exist already (crash-safe order). */
  const deleteWhenFree = async (roomId: string, tombstone: Tombstone): Promise<boolean> => {
    // A renewed or archived room's phones are told it is gone for good; a room deleted for disuse is re-registered
    // by a phone that retries.
    const code = tombstone.tokenHash === undefined ? CloseCode.roomMoved : CloseCode.tryAgainLater
    if (!(await rooms.evict(roomId, code, 'room deleted', EVICT_TIMEOUT_MS))) return false
    await store.deleteRoom(roomId)
    metrics.increment(counterOf(tombstone))
    log.info('room.deleted', { room: roomPrefix(roomId), reason: tombstone.reason ?? 'renewed' })
    return true
  }

  const isPast = (time: string | undefined, delay: number): boolean => {
    if (time === undefined) return false
    const parsed = Date.parse(time)
    return Number.isFinite(parsed) && now() - parsed >= delay
  }

  /** Why the room should go, or null. Rooms in use are never deleted for disuse. */
  const verdict = async (roomId: string, meta: RoomMeta): Promise<Tombstone | null> => {
    const deletedAt = new Date(now()).toISOString()
    const { renewedAt, archivedAt } = meta
    if (renewedAt !== undefined) return { roomId, renewedAt, deletedAt, reason: 'renewed' }
    if (archivedAt !== undefined) {
      return isPast(archivedAt, deps.archivedMs) ? { roomId, archivedAt, deletedAt, reason: 'archived' } : null
    }
    if (rooms.isInUse(roomId) || (await store.heldElsewhere?.(roomId))) return null
    if (isPast(meta.createdAt, deps.unusedMs) && !(await store.hasData(roomId))) {
      return { roomId, deletedAt, reason: 'unused', tokenHash: meta.tokenHash }
    }
    const usedOn = meta.usedOn === undefined ? meta.createdAt : `${meta.usedOn}T00:00:00.000Z`
    if (isPast(usedOn, deps.idleMs)) return { roomId, deletedAt, reason: 'idle', tokenHash: meta.tokenHash }
    if (now() >= retentionDeadline(meta, deps.retentionMs)) return { roomId, deletedAt, reason: 'retention', tokenHash: meta.tokenHash }
    return null
  }

  /** An expired invitation's sealed secret leaves the disk at the next pass (the relay refuses it from its expiry on). */
  const forgetExpiredInvitations = async (roomId: string, meta: RoomMeta): Promise<void> => {
    const isExpired = (invitation: StoredInvitation): boolean => Date.parse(invitation.expiresAt) <= now()
    const expired = (meta.invitations ?? []).filter(isExpired).length
    if (expired === 0) return
    await store.updateInvitations(roomId, (current) => current.filter((invitation) => !isExpired(invitation)))
    metrics.increment('invitationsExpired', expired)
  }

  const sweepRoom = async (roomId: string): Promise<boolean> => {
    const tombstone = await store.readTombstone(roomId)
    const meta = await store.readMeta(roomId)
    if (tombstone) {
      // Registered again (same token) after a deletion for disuse: the tombstone is stale.
      const recreated = meta !== null && tombstone.tokenHash !== undefined && tombstone.deletedAt !== undefined &&
        Date.parse(meta.createdAt) > Date.parse(tombstone.deletedAt)
      if (recreated) {
        await store.deleteTombstone(roomId)
        return false
      }
      // A tombstone next to room files: a previous pass was interrupted (crash, busy room); finish it.
      return deleteWhenFree(roomId, tombstone)
    }
    if (!meta) return false
    const decided = await verdict(roomId, meta)
    if (!decided) {
      await forgetExpiredInvitations(roomId, meta)
      return false
    }
    await store.writeTombstone(decided)
    return deleteWhenFree(roomId, decided)
  }

  const pass = async (): Promise<number> => {
    let deleted = 0
    for (const roomId of await store.listRooms()) {
      if (stopped) break
      try {
        if (await sweepRoom(roomId)) deleted++
      } catch (error) {
        metrics.increment('storeErrors')
        log.error('room.sweep_failed', { room: roomPrefix(roomId), error: errorKind(error) })
      }
    }
    return deleted
  }

  const sweep = (): Promise<number> => {
    if (stopped) return Promise.resolve(0)
    running ??= pass()
      .catch((error: unknown) => {
        metrics.increment('storeErrors')
        log.error('sweep.failed', { error: errorKind(error) })
        return 0
      })
      .finally(() => {
        running = null
      })
    return running
  }

  const timer: NodeJS.Timeout = setInterval(() => void sweep(), deps.intervalMs ?? HOUR_MS)
  timer.unref()
  void sweep()

  return {
    sweep,
    async removeNow(tombstone) {
      await store.writeTombstone(tombstone)
      return deleteWhenFree(tombstone.roomId, tombstone)
    },
    async destroy() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}

const DELETED_COUNTERS: Readonly<Record<NonNullable<Tombstone['reason']>, CounterName>> = {
  renewed: 'roomsDeleted',
  archived: 'roomsDeletedArchived',
  unused: 'roomsDeletedUnused',
  idle: 'roomsDeletedIdle',
  retention: 'roomsDeletedRetention',
}

/** Tombstones written before `reason` existed are renewals. */
const counterOf = (tombstone: Tombstone): CounterName => DELETED_COUNTERS[tombstone.reason ?? 'renewed']

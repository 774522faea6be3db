// Deletes renewed rooms past RENEWED_ROOM_GRACE_MS (issue 6): tombstone first (room id + renewedAt), then the
// room's sockets are closed with 4410, then its meta, snapshot and log are deleted. Runs at start and hourly.
import { CloseCode } from '../src/lib/relay-protocol.ts'
import { errorKind, roomPrefix, type Logger } from './log.ts'
import type { Metrics } from './metrics.ts'
import type { RoomRegistry } from './rooms.ts'
import type { StorageAdapter } from './store/adapter.ts'

export interface Sweeper {
  /** One pass over the stored rooms; resolves with how many were deleted. Concurrent calls share a pass. */
  sweep(): Promise<number>
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
  graceMs: number
  intervalMs?: number
  now?: () => number
}): Sweeper => {
  const { store, rooms, metrics, log } = deps
  const now = deps.now ?? Date.now
  let stopped = false
  let running: Promise<number> | null = null

  /** Deletes the room's data once nobody uses it; a tombstone must exist already (crash-safe order). */
  const deleteWhenFree = async (roomId: string): Promise<boolean> => {
    if (!(await rooms.evict(roomId, CloseCode.roomMoved, 'room moved', EVICT_TIMEOUT_MS))) return false
    await store.deleteRoom(roomId)
    metrics.increment('roomsDeleted')
    log.info('room.deleted', { room: roomPrefix(roomId) })
    return true
  }

  const isExpired = (renewedAt: string | undefined): renewedAt is string => {
    if (renewedAt === undefined) return false
    const time = Date.parse(renewedAt)
    return Number.isFinite(time) && now() - time >= deps.graceMs
  }

  const sweepRoom = async (roomId: string): Promise<boolean> => {
    // A tombstone next to room files: a previous pass was interrupted (crash, busy room); finish it.
    if (await store.readTombstone(roomId)) return deleteWhenFree(roomId)
    const meta = await store.readMeta(roomId)
    if (!isExpired(meta?.renewedAt)) return false
    await store.writeTombstone({ roomId, renewedAt: meta.renewedAt })
    return deleteWhenFree(roomId)
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
    async destroy() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}

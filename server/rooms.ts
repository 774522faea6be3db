// Loaded rooms: one Y.Doc per room with at least one socket. Loaded from the store on first use; when the
// last socket leaves, flushed, compacted and freed from memory. Updates are broadcast to the other peers.
// A loaded room is also compacted when its log is large, and soon after an update deleted values (erasure).
// A renewed room is frozen (read-only): its peers are told it moved, their updates are dropped (peer.ts).
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MESSAGE_ROOM_MOVED, MESSAGE_SYNC } from '../src/lib/relay-protocol.ts'
import { errorKind, roomPrefix, type Logger } from './log.ts'
import type { Metrics } from './metrics.ts'
import type { StorageAdapter } from './store/adapter.ts'

/** What a room needs from a socket. */
export interface RoomPeer {
  send(frame: Uint8Array): void
  /** Closes the socket (it leaves the room through its close handler). */
  close(code: number, reason: string): void
}

/** acquire() of a room deleted after its renewal grace period (the socket is closed with 4410). */
export class RoomMovedError extends Error {
  override readonly name = 'RoomMovedError'
}

/** MESSAGE_ROOM_MOVED: a frame holding just its type. */
export const ROOM_MOVED_FRAME: Uint8Array = (() => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_ROOM_MOVED)
  return encoding.toUint8Array(encoder)
})()

export interface Room {
  readonly id: string
  readonly doc: Y.Doc
  readonly peers: Set<RoomPeer>
  /** Renewed: read-only. Set on load from the meta, or by freeze() when renewed while loaded. */
  frozen: boolean
  /** Call after each stored append: compacts in the background once the log is past the threshold,
   *  or schedules a compaction when a stored update deleted values (see createCompactor). */
  maybeCompact(): void
}

export interface RoomRegistry {
  /** Counts a user of the room at once (synchronously), then loads it. Always pair with release(). */
  acquire(roomId: string): Promise<Room>
  release(roomId: string): void
  count(): number
  /** After a renewal is stored: a loaded room becomes read-only at once and its peers get MESSAGE_ROOM_MOVED. */
  freeze(roomId: string): Promise<void>
  /**
   * Closes every socket of the room with `code` (again for late joiners) until the room is freed and written
   * out. False if it is still in use after `timeoutMs` (the caller must not delete its files then).
   */
  evict(roomId: string, code: number, reason: string, timeoutMs: number): Promise<boolean>
  /** Waits until every room being freed is written out. */
  settle(): Promise<void>
}

interface Entry {
  refs: number
  readonly room: Promise<Room>
}

export const createRoomRegistry = (deps: {
  store: StorageAdapter
  metrics: Metrics
  log: Logger
  compactLogBytes: number
  /** Delay between a stored update that deletes values and the compaction that erases them from disk. */
  compactAfterDeleteMs: number
}): RoomRegistry => {
  const { store, metrics, log } = deps
  const entries = new Map<string, Entry>()
  const freeing = new Map<string, Promise<void>>()

  const load = async (roomId: string): Promise<Room> => {
    await freeing.get(roomId) // a previous instance of this room must be written out first
    // A socket authenticated just before the sweeper deleted the room: never recreate its files.
    if (await store.readTombstone(roomId)) throw new RoomMovedError()
    const meta = await store.readMeta(roomId)
    const updates = await store.loadUpdates(roomId)
    const doc = new Y.Doc()
    Y.transact(doc, () => {
      for (const update of updates) {
        try {
          Y.applyUpdate(doc, update)
        } catch {
          metrics.increment('storeErrors')
        }
      }
    })
    const peers = new Set<RoomPeer>()
    doc.on('update', (update: Uint8Array, origin: unknown) => broadcast(peers, update, origin))
    metrics.increment('roomsLoaded')
    log.debug('room.loaded', { room: roomPrefix(roomId), updates: updates.length })
    return { id: roomId, doc, peers, frozen: meta?.renewedAt !== undefined, maybeCompact: createCompactor(roomId, doc) }
  }

  /**
   * Two production triggers while a room stays loaded (freeing a room compacts it too):
   * - size: the log is past COMPACT_LOG_BYTES;
   * - erasure: an update applied to the room deleted values (a removed family, child or note, a renamed
   *   child, a rewritten entry). Until the log is compacted the deleted values (sealed or not) are still in
   *   log.bin, so a compaction runs COMPACT_AFTER_DELETE_MS after such an update is stored. One timer per room
   *   at a time: a busy room compacts at most once per delay, and a removed value stays on disk at most about
   *   that long (or until the room is freed, whichever comes first).
   */
  const createCompactor = (roomId: string, doc: Y.Doc) => {
    let running = false
    let deleted = false // an update applied since the last compaction started deleted something
    let timer: ReturnType<typeof setTimeout> | null = null
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.deleteSet.clients.size > 0) deleted = true
    })
    doc.on('destroy', () => {
      if (timer !== null) clearTimeout(timer)
      timer = null
    })

    const run = (): void => {
      if (running || doc.isDestroyed) return
      running = true
      deleted = false // deletions arriving during this compaction schedule the next one
      store
        .compact(roomId)
        .then(() => metrics.increment('compactions'))
        .catch((error: unknown) => {
          metrics.increment('storeErrors')
          log.error('room.compact_failed', { room: roomPrefix(roomId), error: errorKind(error) })
        })
        .finally(() => {
          running = false
          if (deleted) scheduleErasure()
        })
    }
    const scheduleErasure = (): void => {
      if (timer !== null || doc.isDestroyed) return
      timer = setTimeout(() => {
        timer = null
        if (running) deleted = true // rescheduled when the running compaction ends
        else run()
      }, deps.compactAfterDeleteMs)
    }

    // Called only after the update is durable, so a compaction it starts or schedules includes that update.
    return () => {
      if (store.logSize(roomId) >= deps.compactLogBytes) run()
      else if (deleted) scheduleErasure()
    }
  }

  const free = async (roomId: string, entry: Entry): Promise<void> => {
    const room = await entry.room.catch(() => null)
    room?.doc.destroy()
    try {
      await store.flush(roomId)
      if (room) await store.compact(roomId)
      if (room) metrics.increment('compactions')
    } catch (error) {
      metrics.increment('storeErrors')
      log.error('room.free_failed', { room: roomPrefix(roomId), error: errorKind(error) })
    } finally {
      await store.release(roomId).catch(() => undefined)
    }
    metrics.increment('roomsFreed')
    log.debug('room.freed', { room: roomPrefix(roomId) })
  }

  return {
    acquire(roomId) {
      let entry = entries.get(roomId)
      if (!entry) {
        entry = { refs: 0, room: load(roomId) }
        entry.room.catch(() => undefined) // callers see the rejection; avoid an unhandled one here
        entries.set(roomId, entry)
      }
      entry.refs++
      return entry.room
    },
    release(roomId) {
      const entry = entries.get(roomId)
      if (!entry) return
      entry.refs--
      if (entry.refs > 0) return
      entries.delete(roomId)
      const done = free(roomId, entry).finally(() => {
        if (freeing.get(roomId) === done) freeing.delete(roomId)
      })
      freeing.set(roomId, done)
    },
    count: () => entries.size,
    async freeze(roomId) {
      const room = await entries.get(roomId)?.room.catch(() => null)
      if (!room || room.frozen) return
      room.frozen = true
      for (const peer of room.peers) peer.send(ROOM_MOVED_FRAME)
    },
    async evict(roomId, code, reason, timeoutMs) {
      const deadline = Date.now() + timeoutMs
      while (entries.has(roomId) || freeing.has(roomId)) {
        if (Date.now() > deadline) return false
        const room = await entries.get(roomId)?.room.catch(() => null)
        for (const peer of room?.peers ?? []) peer.close(code, reason)
        await new Promise((done) => setTimeout(done, 20)) // a real wait: the close handshakes need the event loop
      }
      return true
    },
    async settle() {
      while (freeing.size > 0) await Promise.all([...freeing.values()])
    },
  }
}

/** One update per frame: y-websocket 3.x reads only the first message of a frame. */
const broadcast = (peers: ReadonlySet<RoomPeer>, update: Uint8Array, origin: unknown): void => {
  if (peers.size === 0) return
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  const frame = encoding.toUint8Array(encoder)
  for (const peer of peers) if (peer !== origin) peer.send(frame)
}

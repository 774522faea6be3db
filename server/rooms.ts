// Loaded rooms: one Y.Doc per room with at least one socket, loaded from the store on first use (in slices, so a
// big room never blocks the others) and freed when the last socket leaves (flushed, compacted). An update is
// applied only once admitted whole (src/crdt/admission.ts); the room then stores it as it came, less the structs it
// held already (integrating whole into this state, it gives the same document wherever it is applied in the same
// order), and forwards it once durable. Yjs never re-encodes it: the room has no 'update' listener.
// A store failure, or Yjs failing on an admitted update, resets the room: every socket is closed with a retryable
// code and the next socket loads the room again from disk, so nothing that was not stored is ever acknowledged or
// served as stored.
// In engine mode (several relays), what other relays store in the room comes from the store's follow(): admitted
// like a phone's update, applied, forwarded to this relay's sockets; a room that cannot take it (it diverged from the
// engine's log) is reset and loaded again from the engine.
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { admitUpdate } from '../src/crdt/admission.ts'
import { ROOM_POLICY } from '../src/crdt/policy.ts'
import { encodeUpdate } from '../src/crdt/update-parts.ts'
import {
  CloseCode, MESSAGE_ROOM_ARCHIVED, MESSAGE_ROOM_MOVED, MESSAGE_SYNC, SYNC_UPDATE,
} from '../src/lib/relay-protocol.ts'
import { errorKind, roomPrefix, type Logger } from './log.ts'
import type { Metrics } from './metrics.ts'
import type { FollowedPage, RoomMeta, StorageAdapter } from './store/adapter.ts'
import { buildDoc } from './store/build-doc.ts'
import { createCompactor, type Compactor } from './compactor.ts'

/** What a room needs from a socket. */
export interface RoomPeer {
  send(frame: Uint8Array): void
  /** Closes the socket (it leaves the room through its close handler). */
  close(code: number, reason: string): void
  /** Re-tries the messages this socket sent that were waiting for predecessors (after the room changed). */
  retryHeld(): void
  /** The reader a read-only socket authenticated as (issue 18, server/readers.ts); undefined for a writer. */
  readonly readerId?: string
}

/** acquire() of a room renewed (deleted at once) or deleted after its archive period (the socket is closed with 4410). */
export class RoomMovedError extends Error {
  override readonly name = 'RoomMovedError'
}

/** acquire() of a room the sweeper is deleting for disuse (the socket is closed with 1013 and comes back). */
export class RoomBeingDeletedError extends Error {
  override readonly name = 'RoomBeingDeletedError'
}

/** Why a room is read-only: renewed (issue 6, the collective moved) or archived (issue 14, a past generation). */
export type FrozenReason = 'renewed' | 'archived'

const bareFrame = (type: number): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  return encoding.toUint8Array(encoder)
}

/** What a frozen room's sockets are told, after the relay's sync step 1 or at once: a frame holding just its type. */
export const FROZEN_FRAMES: Readonly<Record<FrozenReason, Uint8Array>> = {
  renewed: bareFrame(MESSAGE_ROOM_MOVED),
  archived: bareFrame(MESSAGE_ROOM_ARCHIVED),
}

export interface Applied {
  /** Resolves once what the update added is durable (or, when it added nothing, once earlier appends are). */
  readonly durable: Promise<void>
  /** The update changed the room (something new was stored), rather than repeating what it holds. */
  readonly changed: boolean
}

export interface Room {
  readonly id: string
  readonly doc: Y.Doc
  readonly peers: Set<RoomPeer>
  /**
   * Renewed or archived: read-only (null while writable), and the frame its sockets get says which. Set on load from
   * the meta, or by freeze() when renewed or archived while loaded.
   */
  frozen: FrozenReason | null
  /** Reset after a failure: its sockets are being closed; nothing more is applied. */
  readonly broken: boolean
  /** Bytes the store holds for the room (the size limit counts these). */
  storedBytes(): number
  /**
   * Applies an admitted update (origin: the sending peer), stores `added` (what it adds to the room, null for
   * nothing) and forwards it to the other
   * peers once durable. Null when the room was reset instead (Yjs failed or left something pending).
   */
  apply(update: Uint8Array, origin: RoomPeer, added: Uint8Array | null): Applied | null
  /** Closes every socket with a retryable code and unloads the room; the next socket loads it from disk. */
  reset(reason: string): void
}

export interface RoomLease {
  readonly room: Room
  /** Call once, when the socket leaves. */
  release(): void
}

export interface RoomRegistry {
  /** Counts a user of the room at once, then loads it (rejects when it cannot be loaded whole). */
  acquire(roomId: string): Promise<RoomLease>
  count(): number
  /** A socket uses the room, or it is being loaded or written out. */
  isInUse(roomId: string): boolean
  /**
   * After a renewal or an archive is stored: a loaded room becomes read-only at once and its peers get
   * MESSAGE_ROOM_MOVED or MESSAGE_ROOM_ARCHIVED.
   */
  freeze(roomId: string, reason: FrozenReason): Promise<void>
  /**
   * Closes every socket of the room with `code` (again for late joiners) until the room is freed and written
   * out. False if it is still in use after `timeoutMs` (the caller must not delete its files then).
   */
  evict(roomId: string, code: number, reason: string, timeoutMs: number): Promise<boolean>
  /** Waits until every room being freed is written out. */
  settle(): Promise<void>
  /** Closes at once the open sockets of a removed reader (CloseCode.readerRevoked). */
  closeReader(roomId: string, readerId: string): void
  /** Closes the reader sockets of the room whose reader is not in `kept` (engine mode: removals another relay made). */
  closeReadersExcept(roomId: string, kept: ReadonlySet<string>): void
  /** The rooms loaded (or loading) now. */
  loadedRoomIds(): string[]
}

/** The origin of updates another relay stored (engine mode): forwarded to every socket of this relay. */
const FOLLOWED = Symbol('followed')

/** Retry passes over held messages after a change (each pass applies at least one, or the loop stops). */
const MAX_RETRY_PASSES = 16

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
  /** The clock of the retention mark (tests make rooms old without waiting). */
  now?: () => number
}): RoomRegistry => {
  const { store, metrics, log } = deps
  const entries = new Map<string, Entry>()
  const freeing = new Map<string, Promise<void>>()
  const erasures = new WeakMap<Y.Doc, Compactor>()

  const load = async (roomId: string, entry: () => Entry | undefined): Promise<Room> => {
    await freeing.get(roomId) // a previous instance of this room must be written out first
    // A socket authenticated just before the sweeper deleted a renewed or archived room: never recreate its files.
    // (A room deleted for disuse keeps its token hash: registered again with it, it loads like any room.)
    const tombstone = await store.readTombstone(roomId)
    if (tombstone && tombstone.tokenHash === undefined) throw new RoomMovedError()
    const meta = await store.readMeta(roomId)
    // Being deleted for disuse (its tombstone is newer than its registration): the phone retries and registers it
    // again once it is gone. Loading it now would write into files about to be deleted.
    if (tombstone && meta && Date.parse(tombstone.deletedAt ?? '') >= Date.parse(meta.createdAt)) throw new RoomBeingDeletedError()
    // Renewed but not yet deleted (a crash or a busy room between the mark and the deletion): its content is never
    // served again; the sweeper deletes it.
    if (meta?.renewedAt !== undefined) throw new RoomMovedError()
    const updates = await store.loadUpdates(roomId)
    const { doc, dropped } = await buildDoc(updates) // throws on a stored update Yjs cannot read: never half-loaded
    if (dropped > 0) log.warn('room.dropped_unintegrable', { room: roomPrefix(roomId), dropped })
    metrics.increment('roomsLoaded')
    log.debug('room.loaded', { room: roomPrefix(roomId), updates: updates.length })
    return createRoom(roomId, doc, frozenReason(meta), entry, meta?.writtenOn)
  }

  const createRoom = (
    roomId: string, doc: Y.Doc, frozen: Room['frozen'], entry: () => Entry | undefined, storedWrittenOn: string | undefined,
  ): Room => {
    let writtenOn = storedWrittenOn
    const peers = new Set<RoomPeer>()
    const compactor = createCompactor(deps, roomId, doc)
    erasures.set(doc, compactor)
    let retrying = false

    let appliedCount = 0
    /** Messages waiting for predecessors, on every socket, until a pass applies nothing more (bounded). */
    const retryHeld = (): void => {
      if (retrying) return // an update applied while retrying is picked up by the next pass below
      retrying = true
      try {
        for (let pass = 0; pass < MAX_RETRY_PASSES; pass++) {
          const before = appliedCount
          for (const peer of peers) peer.retryHeld()
          if (appliedCount === before) break
        }
      } finally {
        retrying = false
      }
    }

    const room: Room = {
      id: roomId,
      doc,
      peers,
      frozen,
      broken: false,
      storedBytes: () => store.storedBytes(roomId),
      apply(update, origin, added) {
        if (room.broken) return null
        try {
          Y.applyUpdate(doc, update, origin) // V1 only: the V2 decoder can hang on crafted bytes
        } catch (error) {
          log.error('room.apply_failed', { room: roomPrefix(roomId), error: errorKind(error) })
          room.reset('apply failed')
          return null
        }
        if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
          // Admission said it integrates whole; a half-integrated document is never served.
          log.error('room.apply_incomplete', { room: roomPrefix(roomId) })
          room.reset('apply incomplete')
          return null
        }
        appliedCount++
        const durable = added === null ? store.flush(roomId) : store.append(roomId, added)
        durable.then(() => {
          if (added !== null) {
            broadcast(peers, added, origin)
            // The retention clock (sweeper.ts): at most one meta write a day per room.
            const today = new Date((deps.now ?? Date.now)()).toISOString().slice(0, 10)
            if (today !== writtenOn) {
              writtenOn = today
              void store.markWritten(roomId, today).catch(() => undefined)
            }
          }
          compactor.afterStored()
        }, (error: unknown) => {
          metrics.increment('storeErrors')
          log.error('store.append_failed', { room: roomPrefix(roomId), error: errorKind(error) })
          room.reset('store failed') // never ack what is not stored; phones send it again after reconnecting
        })
        if (added !== null) retryHeld()
        return { durable, changed: added !== null }
      },
      reset(reason) {
        if (room.broken) return
        ;(room as { broken: boolean }).broken = true
        metrics.increment('roomsReset')
        log.warn('room.reset', { room: roomPrefix(roomId), reason })
        const current = entry()
        if (current) detach(roomId, current)
        for (const peer of peers) peer.close(CloseCode.tryAgainLater, 'room reset')
      },
    }
    /** Updates another relay stored (engine mode): applied like a phone's, forwarded to every socket here. */
    const applyFollowed = (page: FollowedPage): void => {
      const updates = [...(page.snapshot ? [page.snapshot] : []), ...page.entries.map((entry) => entry.update)]
      try {
        for (const update of updates) {
          if (room.broken || doc.isDestroyed) return
          const forward = admitFollowed(update)
          if (forward === undefined) return room.reset('diverged from the engine')
          if (forward === null) continue // held already
          Y.applyUpdate(doc, update, FOLLOWED)
          if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return room.reset('followed update incomplete')
          appliedCount++
          metrics.increment('updatesFollowed')
          broadcast(peers, forward, FOLLOWED)
        }
      } catch (error) {
        // Anything thrown here would leave this copy short of what the engine holds: loaded again from it instead.
        log.error('room.follow_failed', { room: roomPrefix(roomId), error: errorKind(error) })
        return room.reset('followed update failed')
      }
      retryHeld()
    }
    /** What a followed update adds (null: nothing), or undefined when the room cannot take it whole. */
    const admitFollowed = (update: Uint8Array): Uint8Array | null | undefined => {
      const admission = admitUpdate(doc, update, ROOM_POLICY)
      if (admission.kind !== 'accept') {
        log.error('room.followed_refused', { room: roomPrefix(roomId), reason: admission.kind })
        return undefined
      }
      const { plan, shape } = admission
      if (plan.order.length === 0 && shape.deletes.length === 0) return null
      return plan.known.length === 0 ? update : encodeUpdate(update, plan.order, shape.deletes)
    }
    const unfollow = store.follow?.(roomId, applyFollowed)
    if (unfollow) doc.on('destroy', unfollow)
    return room
  }

  /** A reset room leaves the registry at once (new sockets load it again); it is freed when its sockets are gone. */
  const detach = (roomId: string, entry: Entry): void => {
    if (entries.get(roomId) === entry) entries.delete(roomId)
  }

  const free = async (roomId: string, entry: Entry): Promise<void> => {
    const room = await entry.room.catch(() => null)
    room?.doc.destroy()
    try {
      await store.flush(roomId)
      if (room && !room.broken) {
        await store.compact(roomId, { erasure: erasures.get(room.doc)?.erasurePending() ?? false })
        metrics.increment('compactions')
      }
    } catch (error) {
      metrics.increment('storeErrors')
      log.error('room.free_failed', { room: roomPrefix(roomId), error: errorKind(error) })
    } finally {
      await store.release(roomId).catch(() => undefined)
    }
    metrics.increment('roomsFreed')
    log.debug('room.freed', { room: roomPrefix(roomId) })
  }

  const releaseEntry = (roomId: string, entry: Entry): void => {
    entry.refs--
    if (entry.refs > 0) return
    detach(roomId, entry)
    const previous = freeing.get(roomId) ?? Promise.resolve()
    const done = previous.then(() => free(roomId, entry)).finally(() => {
      if (freeing.get(roomId) === done) freeing.delete(roomId)
    })
    freeing.set(roomId, done)
  }

  const closeReaders = (roomId: string, removed: (readerId: string) => boolean): void => {
    void entries.get(roomId)?.room.then((room) => {
      for (const peer of room.peers) {
        if (peer.readerId !== undefined && removed(peer.readerId)) peer.close(CloseCode.readerRevoked, 'reader removed')
      }
    }, () => undefined)
  }

  return {
    async acquire(roomId) {
      let entry = entries.get(roomId)
      if (!entry) {
        const holder: { entry?: Entry } = {}
        entry = { refs: 0, room: load(roomId, () => holder.entry) }
        holder.entry = entry
        entry.room.catch(() => undefined) // each caller sees the rejection; never an unhandled one here
        entries.set(roomId, entry)
      }
      const held = entry
      held.refs++
      try {
        const room = await held.room
        let released = false
        return {
          room,
          release() {
            if (released) return
            released = true
            releaseEntry(roomId, held)
          },
        }
      } catch (error) {
        releaseEntry(roomId, held)
        throw error
      }
    },
    count: () => entries.size,
    isInUse: (roomId) => entries.has(roomId) || freeing.has(roomId),
    async freeze(roomId, reason) {
      const room = await entries.get(roomId)?.room.catch(() => null)
      if (!room || room.frozen) return // loaded after the mark: frozen by load() already, its peers told on join
      room.frozen = reason
      for (const peer of room.peers) peer.send(FROZEN_FRAMES[reason])
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
    closeReader(roomId, readerId) {
      closeReaders(roomId, (id) => id === readerId)
    },
    closeReadersExcept(roomId, kept) {
      closeReaders(roomId, (id) => !kept.has(id))
    },
    loadedRoomIds: () => [...entries.keys()],
    async settle() {
      while (freeing.size > 0) await Promise.all([...freeing.values()])
    },
  }
}

/** A room is renewed or archived, never both (the store sees to it); renewed wins should files say both. */
const frozenReason = (meta: RoomMeta | null): FrozenReason | null =>
  meta?.renewedAt !== undefined ? 'renewed' : meta?.archivedAt !== undefined ? 'archived' : null

/** One update per frame: y-websocket 3.x reads only the first message of a frame. */
const broadcast = (peers: ReadonlySet<RoomPeer>, update: Uint8Array, origin: unknown): void => {
  if (peers.size === 0 || (peers.size === 1 && peers.has(origin as RoomPeer))) return
  const frame = updateFrame(update)
  for (const peer of peers) if (peer !== origin) peer.send(frame)
}

/** [MESSAGE_SYNC][SYNC_UPDATE][varuint length][update], in one allocation (this runs for every stored update). */
const updateFrame = (update: Uint8Array): Uint8Array => {
  let lengthBytes = 1
  for (let rest = Math.floor(update.length / 128); rest > 0; rest = Math.floor(rest / 128)) lengthBytes++
  const frame = new Uint8Array(2 + lengthBytes + update.length)
  frame[0] = MESSAGE_SYNC
  frame[1] = SYNC_UPDATE
  let at = 2
  for (let rest = update.length; ; rest = Math.floor(rest / 128)) {
    if (rest < 128) {
      frame[at++] = rest
      break
    }
    frame[at++] = (rest % 128) | 0x80
  }
  frame.set(update, at)
  return frame
}

// The StorageAdapter over the engine (engine mode, several relays): the same contract as the file store, with the
// engine's disk as the durable place. An append resolves once the engine replied, and the engine replies to a write
// only after its append-only file is synced (appendfsync always, checked at start-up by engine.ts). Metas change by
// compare-and-swap, so relays writing one room's meta at once never lose each other's change. Compaction by any
// relay is safe with another running: the snapshot covering the later log id wins, atomically with the log's trim.
// After a compaction that erased values, the engine's append-only file is rewritten (BGREWRITEAOF), so the erased
// values leave the engine's disk too. follow() delivers what other relays store in a room (room-feed.ts).
import { canMarkFrozen, type CompactOptions, type RoomMeta, type StorageAdapter, type Tombstone } from '../store/adapter.ts'
import { compactUpdates } from '../store/compact.ts'
import { errorKind, type Logger } from '../log.ts'
import { parseMeta, parseTombstone } from '../store/meta-files.ts'
import { INVITATIONS, READERS, type MetaList } from '../store/meta-lists.ts'
import type { Engine } from './engine.ts'
import { APPEND, COMPACT, CREATE, nextId, readRoom, roomKeys, roomsKey, SWAP_META } from './engine-scripts.ts'
import { createRoomFeed } from './room-feed.ts'

/** Compare-and-swap attempts on one meta before giving up (only a storm of writers to one room gets there). */
const MAX_META_ATTEMPTS = 64

interface Sizes {
  snapshot: number
  log: number
}

/** A rewrite the engine refused for another reason than one already running (a missing permission) is asked again. */
const REWRITE_RETRY_MS = 60_000

export const createEngineStore = (
  engine: Engine, options: { aofRewriteDelayMs: number; log?: Logger },
): StorageAdapter => {
  const keysOf = (roomId: string) => roomKeys(engine.prefix, roomId)
  const sizes = new Map<string, Sizes>()
  /** The last append of each room, for flush(). */
  const lastAppend = new Map<string, Promise<void>>()
  const feed = createRoomFeed(engine)
  let rewriteTimer: ReturnType<typeof setTimeout> | null = null
  let closed = false

  const sizesOf = (roomId: string): Sizes => {
    let known = sizes.get(roomId)
    if (!known) sizes.set(roomId, (known = { snapshot: 0, log: 0 }))
    return known
  }

  /** Applies `change` to the stored meta by compare-and-swap; null for an unknown room. */
  const updateMeta = async (roomId: string, change: (meta: RoomMeta) => RoomMeta | null): Promise<RoomMeta | null> => {
    const key = keysOf(roomId).meta
    for (let attempt = 0; attempt < MAX_META_ATTEMPTS; attempt++) {
      const stored = await engine.commands.getBuffer(key)
      if (!stored) return null
      const next = change(parseMeta(stored))
      if (next === null) return parseMeta(stored)
      const swapped = await engine.run(SWAP_META, [key], [stored, JSON.stringify(next)])
      if (swapped === -1) return null
      if (swapped === 1) return next
    }
    throw new Error('meta changed too often to be updated')
  }

  /** Replaces one of the meta's lists (invitations, readers) by compare-and-swap: the list now stored, or null. */
  const updateList = async <T>(
    roomId: string, list: MetaList<T>, change: (current: readonly T[]) => readonly T[],
  ): Promise<readonly T[] | null> => {
    let result: readonly T[] = []
    let shorter = false
    const meta = await updateMeta(roomId, (current) => {
      const before = list.read(current)
      result = change(before)
      shorter = result.length < before.length
      return list.write(current, result)
    })
    // A sealed invitation secret or a reader's hash left the meta: it leaves the engine's files too.
    if (meta !== null && shorter) scheduleRewrite()
    return meta === null ? null : result
  }

  /**
   * Values left the engine's memory (an erasure compaction, a deleted room, a shorter list): its append-only file
   * still holds them until it is rewritten from memory. One rewrite covers every removal before it.
   */
  const scheduleRewrite = (delayMs = options.aofRewriteDelayMs): void => {
    if (!closed) rewriteTimer ??= setTimeout(rewriteAppendOnlyFile, delayMs)
  }
  const rewriteAppendOnlyFile = (): void => {
    rewriteTimer = null
    engine.commands.call('BGREWRITEAOF').catch((error: unknown) => {
      // One already running may have started before the removal: ask again once it is over.
      if (error instanceof Error && /in progress/i.test(error.message)) return scheduleRewrite(1_000)
      options.log?.error('engine.rewrite_failed', { error: errorKind(error) })
      scheduleRewrite(Math.max(options.aofRewriteDelayMs, REWRITE_RETRY_MS))
    })
  }

  /** Snapshot and trim (COMPACT), from what the engine holds now; the local sizes follow. */
  const compactRoom = async (roomId: string): Promise<void> => {
    const keys = keysOf(roomId)
    const { snapshot, entries, position } = await readRoom(engine, keys)
    const known = sizes.get(roomId) // absent once the room is released: not created again here
    if (entries.length === 0) {
      if (known) known.log = 0 // another relay compacted it already
      return
    }
    const compacted = await compactUpdates([...(snapshot ? [snapshot] : []), ...entries.map((entry) => entry.update)])
    const bytes = Buffer.from(compacted.buffer, compacted.byteOffset, compacted.byteLength)
    await engine.run(COMPACT, [keys.snap, keys.log, keys.tomb, keys.meta], [position, bytes, nextId(position)])
    // Stored, or a snapshot covering at least as much was there already (or the room is being deleted).
    if (known) Object.assign(known, { snapshot: compacted.length, log: 0 })
  }

  const store: StorageAdapter = {
    async open() {},
    async readMeta(roomId) {
      const stored = await engine.commands.getBuffer(keysOf(roomId).meta)
      return stored ? parseMeta(stored) : null
    },
    async createRoom(roomId, meta) {
      const existing = await engine.run(CREATE, [keysOf(roomId).meta, roomsKey(engine.prefix)], [JSON.stringify(meta), roomId])
      return existing instanceof Buffer ? { created: false, meta: parseMeta(existing) } : { created: true, meta }
    },
    markRenewed: (roomId, renewedAt) => updateMeta(roomId, (meta) => (canMarkFrozen(meta) ? { ...meta, renewedAt } : null)),
    async markArchived(roomId, archivedAt) {
      const meta = await updateMeta(roomId, (current) => (canMarkFrozen(current) ? { ...current, archivedAt } : null))
      return meta?.archivedAt !== undefined
    },
    async markUsed(roomId, usedOn) {
      await updateMeta(roomId, (meta) => (meta.usedOn === usedOn ? null : { ...meta, usedOn }))
    },
    async markWritten(roomId, writtenOn) {
      await updateMeta(roomId, (meta) => (meta.writtenOn === writtenOn ? null : { ...meta, writtenOn }))
    },
    updateInvitations: (roomId, change) => updateList(roomId, INVITATIONS, change),
    updateReaders: (roomId, change) => updateList(roomId, READERS, change),
    async listRooms() {
      return engine.commands.smembers(roomsKey(engine.prefix))
    },
    async readTombstone(roomId) {
      const stored = await engine.commands.getBuffer(keysOf(roomId).tomb)
      return stored ? parseTombstone(stored) : null
    },
    async writeTombstone(tombstone: Tombstone) {
      await engine.commands.set(keysOf(tombstone.roomId).tomb, JSON.stringify(tombstone))
    },
    async deleteTombstone(roomId) {
      await engine.commands.del(keysOf(roomId).tomb)
    },
    async hasData(roomId) {
      const keys = keysOf(roomId)
      return (await engine.commands.exists(keys.log, keys.snap)) > 0
    },
    async deleteRoom(roomId) {
      const keys = keysOf(roomId)
      await engine.commands.multi().del(keys.meta, keys.log, keys.snap, keys.holders).srem(roomsKey(engine.prefix), roomId).exec()
      sizes.delete(roomId)
      scheduleRewrite()
    },
    async loadUpdates(roomId) {
      const { snapshot, entries, position } = await readRoom(engine, keysOf(roomId))
      feed.setPosition(roomId, position)
      sizes.set(roomId, { snapshot: snapshot?.length ?? 0, log: entries.reduce((sum, entry) => sum + entry.update.length, 0) })
      return [...(snapshot ? [snapshot] : []), ...entries.map((entry) => entry.update)]
    },
    append(roomId, update) {
      if (closed) return Promise.reject(new Error('store closed'))
      const keys = keysOf(roomId)
      const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength)
      const done = engine
        .run(APPEND, [keys.log, keys.tomb, roomsKey(engine.prefix), keys.meta], [engine.relayId, bytes, roomId, keys.channel])
        .then(() => {
          sizesOf(roomId).log += update.length
        })
      const settled = done.catch(() => undefined)
      lastAppend.set(roomId, settled)
      void settled.then(() => {
        if (lastAppend.get(roomId) === settled) lastAppend.delete(roomId)
      })
      return done
    },
    async flush(roomId) {
      if (closed) throw new Error('store closed')
      await lastAppend.get(roomId)
    },
    logSize: (roomId) => sizes.get(roomId)?.log ?? 0,
    storedBytes: (roomId) => {
      const known = sizes.get(roomId)
      return known ? known.snapshot + known.log : 0
    },
    async compact(roomId, compactOptions?: CompactOptions) {
      try {
        await compactRoom(roomId)
      } finally {
        // Whoever compacted (this relay, or another one first), the deletions this relay stored must leave the
        // engine's files: rewritten once the snapshot without them is stored, in any case.
        if (compactOptions?.erasure) scheduleRewrite()
      }
    },
    heldElsewhere: (roomId) => feed.heldElsewhere(roomId),
    async checkpoint() {},
    async release(roomId) {
      if (feed.isFollowing(roomId)) return // loaded again meanwhile
      sizes.delete(roomId)
      feed.forget(roomId)
    },
    follow(roomId, deliver) {
      return feed.follow(roomId, (page) => {
        const known = sizesOf(roomId)
        const bytes = page.entries.reduce((sum, entry) => sum + entry.update.length, 0)
        // A snapshot replaces every entry it covers: the log counted from it on.
        if (page.snapshot) Object.assign(known, { snapshot: page.snapshot.length, log: bytes })
        else known.log += bytes
        deliver(page)
      })
    },
    async close() {
      if (closed) return
      closed = true
      await Promise.allSettled([...lastAppend.values()])
      if (rewriteTimer !== null) {
        clearTimeout(rewriteTimer)
        rewriteTimer = null
        // A removal waiting for its rewrite is not left for later: asked (and answered) before the connection closes.
        await engine.commands.call('BGREWRITEAOF').catch(() => undefined)
      }
      feed.destroy()
      await engine.destroy()
    },
  }
  return store
}

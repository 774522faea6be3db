// The production store. Layout under DATA_DIR: rooms/<roomId>/ (meta.json, state.bin, updates.bin; older rooms
// snapshot.bin and log.bin), wal/ (the shared write-ahead log, wal.ts), tombstones/<roomId>.json. An append is
// acknowledged once its WAL batch is on disk; every CHECKPOINT_MS the checkpointer copies the WAL's records into
// the rooms' logs, fsyncs them and deletes the old WAL segments (so erased values also leave the WAL quickly).
// A compaction replaces a room's files by one snapshot that is read back and checked before anything is removed.
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ROOM_ID_PATTERN } from '../../src/lib/relay-protocol.ts'
import { canMarkFrozen, type RoomMeta, type StorageAdapter, type Tombstone } from './adapter.ts'
import { parseMeta, parseTombstone, withoutUndefined } from './meta-files.ts'
import { compactUpdates } from './compact.ts'
import { INVITATIONS, READERS, type MetaList } from './meta-lists.ts'
import { fsyncDir, isNotFound, NO_FAULTS, readIfExists, writeFileAtomic, type StoreFaults } from './fs-util.ts'
import { ROOM_DATA_FILES, openRoomFiles, type RoomFiles, type SequencedUpdate } from './room-files.ts'
import { openWal, type Wal, type WalRecord } from './wal.ts'


export interface FileStoreOptions {
  /** How often WAL records are copied into the rooms' files and old segments deleted. */
  readonly checkpointMs?: number
  /** Tests make chosen writes fail (ENOSPC, EIO) through this hook. */
  readonly faults?: StoreFaults
}

/** A room's state in the store: files once opened, and what the WAL holds for it that its files do not yet. */
interface RoomState {
  files: Promise<RoomFiles> | null
  /** The same files once open (size figures are read synchronously). */
  opened: RoomFiles | null
  /** Highest sequence number handed out (durable or in flight). */
  lastSeq: number
  /** Durable in the WAL, not yet in the room's files, in sequence order. */
  unflushed: SequencedUpdate[]
  unflushedBytes: number
  /** Serialises flushes, compactions and releases of this room. */
  chain: Promise<unknown>
  /** Appends waiting for the WAL or the room's files to open: later ones wait behind them (sequence order). */
  opening: number
  /** Appends handed to the WAL and not resolved yet. */
  writing: number
  /** No room instance uses it (released): files the checkpointer opens to flush it are closed again after. */
  released: boolean
}

const DEFAULT_CHECKPOINT_MS = 2_000
/** A busy WAL is checkpointed before this size, whatever the timer says. */
const CHECKPOINT_BYTES = 16 * 1024 * 1024

export const createFileStore = (dataDir: string, options: FileStoreOptions = {}): StorageAdapter => {
  const faults = options.faults ?? NO_FAULTS
  const roomsDir = join(dataDir, 'rooms')
  const tombstonesDir = join(dataDir, 'tombstones')
  const rooms = new Map<string, RoomState>()
  const metaLocks = new Map<string, Promise<unknown>>()
  let closedSegments: number[] = []
  let closed = false
  let checkpointing: Promise<void> | null = null
  let timer: NodeJS.Timeout | null = null

  const roomDir = (roomId: string): string => {
    if (!ROOM_ID_PATTERN.test(roomId)) throw new Error('invalid room id') // a bug: callers validate first
    return join(roomsDir, roomId)
  }
  const tombstoneName = (roomId: string): string => {
    if (!ROOM_ID_PATTERN.test(roomId)) throw new Error('invalid room id')
    return `${roomId}.json`
  }

  const stateOf = (roomId: string): RoomState => {
    let state = rooms.get(roomId)
    if (!state) {
      state = {
        files: null, opened: null, lastSeq: 0, unflushed: [], unflushedBytes: 0, chain: Promise.resolve(), opening: 0, writing: 0, released: false,
      }
      rooms.set(roomId, state)
    }
    return state
  }
  const filesOf = (roomId: string, state: RoomState): Promise<RoomFiles> => {
    if (!state.files) {
      const dir = roomDir(roomId)
      const opening = mkdir(dir, { recursive: true }).then(() => openRoomFiles(dir, faults))
      opening.then((files) => {
        if (state.files === opening) state.opened = files
        state.lastSeq = Math.max(state.lastSeq, files.lastSeq())
      }, () => {
        if (state.files === opening) state.files = null
      })
      state.files = opening
    }
    return state.files
  }
  /**
   * A room's state leaves memory only when nothing of it is open, waiting for the WAL or still only in the WAL: an
   * append resolving later must find it, or its record would never reach the room's files.
   */
  const forgetIfIdle = (roomId: string, state: RoomState): void => {
    const idle = state.files === null && state.unflushed.length === 0 && state.writing === 0 && state.opening === 0
    if (idle && rooms.get(roomId) === state) rooms.delete(roomId)
  }

  const closeFiles = (state: RoomState): Promise<void> =>
    exclusive(state, async () => {
      const files = state.files
      state.files = null
      state.opened = null
      await (await files?.catch(() => null))?.close()
    })

  const exclusive = <T>(state: RoomState, op: () => Promise<T>): Promise<T> => {
    const result = state.chain.then(op)
    state.chain = result.catch(() => undefined)
    return result
  }

  /** Serializes meta writes per room inside this process. */
  const withMetaLock = <T>(roomId: string, op: () => Promise<T>): Promise<T> => {
    const result = (metaLocks.get(roomId) ?? Promise.resolve()).then(op)
    const settled = result.catch(() => undefined)
    metaLocks.set(roomId, settled)
    void settled.then(() => {
      if (metaLocks.get(roomId) === settled) metaLocks.delete(roomId)
    })
    return result
  }

  const readMeta = async (roomId: string): Promise<RoomMeta | null> => {
    const bytes = await readIfExists(join(roomDir(roomId), 'meta.json'))
    return bytes ? parseMeta(bytes) : null
  }
  const readTombstone = async (roomId: string): Promise<Tombstone | null> => {
    const bytes = await readIfExists(join(tombstonesDir, tombstoneName(roomId)))
    return bytes ? parseTombstone(bytes) : null
  }
  const writeMeta = (roomId: string, meta: RoomMeta): Promise<void> =>
    writeFileAtomic(roomDir(roomId), 'meta.json', Buffer.from(JSON.stringify(meta)), faults, 'meta')

  /**
   * Sets renewedAt or archivedAt durably (tmp + fsync + rename) under the meta lock, so a renewal and an archive
   * racing each other store one of them only. Idempotent: the first one counts. The stored meta, or null.
   */
  const markFrozen = (roomId: string, mark: Pick<RoomMeta, 'renewedAt' | 'archivedAt'>): Promise<RoomMeta | null> =>
    withMetaLock(roomId, async () => {
      const meta = await readMeta(roomId)
      if (!meta || !canMarkFrozen(meta)) return meta
      const marked: RoomMeta = { ...meta, ...mark }
      await writeMeta(roomId, marked)
      return marked
    })

  /** Replaces one of the meta's lists (invitations, readers) durably under the meta lock: the list now stored. */
  const updateList = <T>(
    roomId: string, list: MetaList<T>, change: (current: readonly T[]) => readonly T[],
  ): Promise<readonly T[] | null> =>
    withMetaLock(roomId, async () => {
      const meta = await readMeta(roomId)
      if (!meta) return null
      const next = change(list.read(meta))
      await writeMeta(roomId, list.write(meta, next))
      return next
    })

  // ---- Start: replay what the WAL holds into the rooms' files, then delete it ----------------------------------

  const recover = async (records: readonly WalRecord[]): Promise<void> => {
    const byRoom = new Map<string, WalRecord[]>()
    for (const record of records) {
      const list = byRoom.get(record.roomId)
      if (list) list.push(record)
      else byRoom.set(record.roomId, [record])
    }
    for (const [roomId, list] of byRoom) {
      // A room deleted (or never created) since: its records are dropped with the segment.
      if ((await readTombstone(roomId)) || !(await readMeta(roomId))) continue
      const state = stateOf(roomId)
      const files = await filesOf(roomId, state)
      const missing = list.filter((record) => record.seq > files.lastSeq())
      await files.appendRecords(missing)
      state.lastSeq = Math.max(state.lastSeq, files.lastSeq())
      await files.close()
      state.files = null
      state.opened = null
    }
  }

  const ready: Promise<Wal> = (async () => {
    await mkdir(roomsDir, { recursive: true })
    const opened = await openWal(join(dataDir, 'wal'), faults)
    await recover(opened.recovered)
    await opened.wal.deleteSegments(opened.recoveredSegments)
    return opened.wal
  })()
  ready.catch(() => undefined) // surfaced by open() and every later call
  let openedWal: Wal | null = null
  void ready.then((wal) => {
    openedWal = wal
  }, () => undefined)

  // ---- Checkpoint: WAL records into the rooms' logs, then old segments deleted ---------------------------------

  const flushRoom = (state: RoomState, roomId: string): Promise<void> =>
    exclusive(state, async () => {
      if (state.unflushed.length === 0) return
      // A copy: records made durable while this writes are pushed onto `unflushed` and wait for the next one.
      const records = [...state.unflushed]
      await (await filesOf(roomId, state)).appendRecords(records)
      const written = records[records.length - 1]!.seq
      state.unflushed = state.unflushed.filter((record) => record.seq > written)
      state.unflushedBytes = state.unflushed.reduce((sum, record) => sum + record.update.length, 0)
    })

  const checkpoint = async (): Promise<void> => {
    const wal = await ready
    closedSegments.push(await wal.rotate())
    let complete = true
    for (const [roomId, state] of rooms) {
      if (state.unflushed.length === 0) continue
      await flushRoom(state, roomId).catch(() => {
        complete = false // its records stay in the WAL; the next checkpoint tries again
      })
      if (state.released) await closeFiles(state)
      forgetIfIdle(roomId, state)
    }
    if (!complete) return
    const done = closedSegments
    closedSegments = []
    await wal.deleteSegments(done)
  }

  const runCheckpoint = (): Promise<void> => {
    checkpointing ??= checkpoint().catch(() => undefined).finally(() => {
      checkpointing = null
    })
    return checkpointing
  }

  if ((options.checkpointMs ?? DEFAULT_CHECKPOINT_MS) > 0) {
    timer = setInterval(() => {
      // Also when every room was compacted already: the old segments still hold their records (erased values).
      if (!closed && openedWal !== null && (openedWal.activeBytes() > 0 || closedSegments.length > 0)) void runCheckpoint()
    }, options.checkpointMs ?? DEFAULT_CHECKPOINT_MS)
    timer.unref()
  }

  const storedUpdates = async (roomId: string, state: RoomState): Promise<{ updates: Uint8Array[]; seq: number }> => {
    const files = await filesOf(roomId, state)
    const unflushed = state.unflushed
    const seq = unflushed.length > 0 ? unflushed[unflushed.length - 1]!.seq : files.lastSeq()
    return { updates: [...(await files.readAll()), ...unflushed.map((record) => record.update)], seq }
  }

  return {
    open: async () => {
      await ready
    },
    readMeta,
    createRoom: (roomId, meta) =>
      withMetaLock(roomId, async () => {
        const existing = await readMeta(roomId)
        if (existing) return { created: false, meta: existing }
        await mkdir(roomDir(roomId), { recursive: true })
        await fsyncDir(roomsDir)
        await writeMeta(roomId, meta)
        return { created: true, meta }
      }),
    markRenewed: (roomId, renewedAt) => markFrozen(roomId, { renewedAt }),
    markArchived: async (roomId, archivedAt) => (await markFrozen(roomId, { archivedAt }))?.archivedAt !== undefined,
    markUsed: (roomId, usedOn) =>
      withMetaLock(roomId, async () => {
        const meta = await readMeta(roomId)
        if (!meta || meta.usedOn === usedOn) return
        await writeMeta(roomId, { ...meta, usedOn })
      }),
    markWritten: (roomId, writtenOn) =>
      withMetaLock(roomId, async () => {
        const meta = await readMeta(roomId)
        if (!meta || meta.writtenOn === writtenOn) return
        await writeMeta(roomId, { ...meta, writtenOn })
      }),
    updateInvitations: (roomId, change) => updateList(roomId, INVITATIONS, change),
    updateReaders: (roomId, change) => updateList(roomId, READERS, change),
    async listRooms() {
      const names = await readdir(roomsDir).catch((error: unknown) => {
        if (isNotFound(error)) return []
        throw error
      })
      return names.filter((name) => ROOM_ID_PATTERN.test(name))
    },
    readTombstone,
    async writeTombstone(tombstone) {
      const name = tombstoneName(tombstone.roomId)
      await mkdir(tombstonesDir, { recursive: true })
      await fsyncDir(dataDir)
      await writeFileAtomic(tombstonesDir, name, Buffer.from(JSON.stringify(withoutUndefined(tombstone))), faults, 'meta')
    },
    async deleteTombstone(roomId) {
      await rm(join(tombstonesDir, tombstoneName(roomId)), { force: true })
      await fsyncDir(tombstonesDir).catch((error: unknown) => {
        if (!isNotFound(error)) throw error
      })
    },
    async hasData(roomId) {
      await ready
      if ((rooms.get(roomId)?.unflushed.length ?? 0) > 0) return true
      for (const name of ROOM_DATA_FILES) {
        const size = await stat(join(roomDir(roomId), name)).then((info) => info.size, () => 0)
        if (size > 0) return true
      }
      return false
    },
    async deleteRoom(roomId) {
      const state = stateOf(roomId)
      await exclusive(state, async () => {
        const files = state.files
        state.files = null
        state.opened = null
        state.unflushed = []
        state.unflushedBytes = 0
        await (await files?.catch(() => null))?.close()
        await rm(roomDir(roomId), { recursive: true, force: true })
        await fsyncDir(roomsDir).catch((error: unknown) => {
          if (!isNotFound(error)) throw error
        })
      })
      rooms.delete(roomId)
    },
    async loadUpdates(roomId) {
      await ready
      const state = stateOf(roomId)
      state.released = false
      return exclusive(state, async () => (await storedUpdates(roomId, state)).updates)
    },
    append(roomId, update) {
      const state = stateOf(roomId)
      // The common case without a single await (this runs for every stored update): WAL open, room files read.
      if (openedWal !== null && !closed && state.opened !== null && state.opening === 0) {
        if (openedWal.activeBytes() > CHECKPOINT_BYTES) void runCheckpoint() // a busy WAL, between two timer ticks
        return appendDurable(openedWal, state, roomId, update)
      }
      state.opening++
      return (async () => {
        try {
          const wal = await ready
          if (closed) throw new Error('store closed')
          await filesOf(roomId, state) // the sequence continues from what the room's files hold
          return appendDurable(wal, state, roomId, update)
        } finally {
          state.opening--
        }
      })()
    },
    async flush() {
      await (await ready).barrier()
    },
    logSize(roomId) {
      const state = rooms.get(roomId)
      if (!state) return 0
      return state.unflushedBytes + (openedFiles(state)?.logBytes() ?? 0)
    },
    storedBytes(roomId) {
      const state = rooms.get(roomId)
      if (!state) return 0
      const files = openedFiles(state)
      return state.unflushedBytes + (files ? files.logBytes() + files.snapshotBytes() : 0)
    },
    async compact(roomId) {
      await ready
      const state = stateOf(roomId)
      await exclusive(state, async () => {
        const { updates, seq } = await storedUpdates(roomId, state)
        if (updates.length === 0) return
        const snapshot = await compactUpdates(updates) // read back and checked (compact.ts) before it replaces anything
        const files = await filesOf(roomId, state)
        await files.replaceWithSnapshot(snapshot, seq)
        state.unflushed = state.unflushed.filter((record) => record.seq > seq)
        state.unflushedBytes = state.unflushed.reduce((sum, record) => sum + record.update.length, 0)
      })
    },
    async release(roomId) {
      const state = rooms.get(roomId)
      if (!state) return
      state.released = true
      await closeFiles(state)
      forgetIfIdle(roomId, state)
    },
    checkpoint: runCheckpoint,
    async close() {
      if (closed) return
      if (timer) clearInterval(timer)
      const wal = await ready.catch(() => null)
      await checkpointing
      if (wal) await runCheckpoint() // a clean stop leaves every record in the rooms' files
      closed = true
      await wal?.close()
      for (const [roomId, state] of rooms) {
        await exclusive(state, async () => (await state.files?.catch(() => null))?.close()).catch(() => undefined)
        rooms.delete(roomId)
      }
    },
  }
}

const openedFiles = (state: RoomState): RoomFiles | null => state.opened

/** Appends with the room's next sequence number; once durable, the record waits in `unflushed` for a checkpoint. */
const appendDurable = (wal: Wal, state: RoomState, roomId: string, update: Uint8Array): Promise<void> => {
  const seq = ++state.lastSeq
  state.writing++
  return wal.append({ roomId, seq, update }).then(() => {
    state.writing--
    // The WAL resolves in append order, so `unflushed` stays in sequence order.
    state.unflushed.push({ seq, update })
    state.unflushedBytes += update.length
  }, (error: unknown) => {
    state.writing--
    throw error
  })
}

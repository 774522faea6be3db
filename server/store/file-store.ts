// The production store: per room a directory with meta.json, snapshot.bin and an append-only log.bin.
// Layout: <dataDir>/rooms/<roomId>/, and <dataDir>/tombstones/<roomId>.json for renewed rooms past their grace
// period. Room ids are checked against ROOM_ID_PATTERN before any path is built.
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ROOM_ID_PATTERN } from '../../src/lib/relay-protocol.ts'
import type { RoomMeta, StorageAdapter, Tombstone } from './adapter.ts'
import { compactUpdates } from './compact.ts'
import { decodeRecords, encodeRecord } from './records.ts'
import { openRoomLog, type RoomLog } from './room-log.ts'

const metaSchema = z.object({ tokenHash: z.string().min(1), createdAt: z.string(), renewedAt: z.string().optional() })
const tombstoneSchema = z.object({ roomId: z.string().regex(ROOM_ID_PATTERN), renewedAt: z.string() })

/** Zod drops an absent optional key, but keep the stored object free of `renewedAt: undefined` too. */
const parseMeta = (bytes: Buffer): RoomMeta => {
  const { renewedAt, ...rest } = metaSchema.parse(JSON.parse(bytes.toString('utf8')))
  return renewedAt === undefined ? rest : { ...rest, renewedAt }
}

export const createFileStore = (dataDir: string): StorageAdapter => {
  const roomsDir = join(dataDir, 'rooms')
  const tombstonesDir = join(dataDir, 'tombstones')
  const logs = new Map<string, Promise<RoomLog>>()
  const openedLogs = new Map<string, RoomLog>() // the same logs once open, for the synchronous logSize()
  const locks = new Map<string, Promise<unknown>>()
  let closed = false

  const roomDir = (roomId: string): string => {
    if (!ROOM_ID_PATTERN.test(roomId)) throw new Error('invalid room id') // a bug: callers validate first
    return join(roomsDir, roomId)
  }
  const tombstoneName = (roomId: string): string => {
    if (!ROOM_ID_PATTERN.test(roomId)) throw new Error('invalid room id')
    return `${roomId}.json`
  }

  /** Serializes room creation (meta writes) per room inside this process. */
  const withLock = <T>(roomId: string, op: () => Promise<T>): Promise<T> => {
    const result = (locks.get(roomId) ?? Promise.resolve()).then(op)
    const settled = result.catch(() => undefined)
    locks.set(roomId, settled)
    void settled.then(() => {
      if (locks.get(roomId) === settled) locks.delete(roomId)
    })
    return result
  }

  const getLog = (roomId: string): Promise<RoomLog> => {
    if (closed) return Promise.reject(new Error('store closed'))
    let log = logs.get(roomId)
    if (!log) {
      const dir = roomDir(roomId)
      log = (async () => {
        await mkdir(dir, { recursive: true })
        const opened = await openRoomLog(join(dir, 'log.bin'))
        await fsyncDir(dir) // the log file's directory entry must survive a crash too
        openedLogs.set(roomId, opened)
        return opened
      })()
      logs.set(roomId, log)
      log.catch(() => logs.delete(roomId))
    }
    return log
  }

  const readSnapshot = async (roomId: string): Promise<Uint8Array[]> => {
    const bytes = await readIfExists(join(roomDir(roomId), 'snapshot.bin'))
    if (!bytes) return []
    const decoded = decodeRecords(bytes)
    if (decoded.records.length !== 1 || decoded.validBytes !== bytes.length) throw new Error('corrupt snapshot')
    return decoded.records
  }

  return {
    async readMeta(roomId) {
      const bytes = await readIfExists(join(roomDir(roomId), 'meta.json'))
      if (!bytes) return null
      return parseMeta(bytes)
    },

    createRoom: (roomId, meta) =>
      withLock(roomId, async () => {
        const dir = roomDir(roomId)
        const existing = await readIfExists(join(dir, 'meta.json'))
        if (existing) return { created: false, meta: parseMeta(existing) }
        await mkdir(dir, { recursive: true })
        await fsyncDir(roomsDir)
        await writeFileAtomic(dir, 'meta.json', Buffer.from(JSON.stringify(meta)))
        return { created: true, meta }
      }),

    markRenewed: (roomId, renewedAt) =>
      withLock(roomId, async () => {
        const dir = roomDir(roomId)
        const existing = await readIfExists(join(dir, 'meta.json'))
        if (!existing) return null
        const meta = parseMeta(existing)
        if (meta.renewedAt !== undefined) return meta // idempotent: the first renewal counts
        const renewed: RoomMeta = { ...meta, renewedAt }
        await writeFileAtomic(dir, 'meta.json', Buffer.from(JSON.stringify(renewed)))
        return renewed
      }),

    async listRooms() {
      const names = await readdir(roomsDir).catch((error: unknown) => {
        if (isNotFound(error)) return []
        throw error
      })
      return names.filter((name) => ROOM_ID_PATTERN.test(name))
    },

    async readTombstone(roomId) {
      const bytes = await readIfExists(join(tombstonesDir, tombstoneName(roomId)))
      if (!bytes) return null
      return tombstoneSchema.parse(JSON.parse(bytes.toString('utf8')))
    },

    async writeTombstone(tombstone: Tombstone) {
      const name = tombstoneName(tombstone.roomId)
      await mkdir(tombstonesDir, { recursive: true })
      await fsyncDir(dataDir)
      await writeFileAtomic(tombstonesDir, name, Buffer.from(JSON.stringify({ roomId: tombstone.roomId, renewedAt: tombstone.renewedAt })))
    },

    deleteRoom: (roomId) =>
      withLock(roomId, async () => {
        const dir = roomDir(roomId)
        const log = logs.get(roomId)
        logs.delete(roomId)
        openedLogs.delete(roomId)
        await (await log?.catch(() => null))?.close()
        await rm(dir, { recursive: true, force: true })
        await fsyncDir(roomsDir).catch((error: unknown) => {
          if (!isNotFound(error)) throw error
        })
      }),

    async loadUpdates(roomId) {
      const log = await getLog(roomId)
      return log.exclusive(async () => [...(await readSnapshot(roomId)), ...(await log.readAll())])
    },

    async append(roomId, update) {
      await (await getLog(roomId)).append(update)
    },

    async flush(roomId) {
      const log = logs.get(roomId)
      if (log) await (await log).flush()
    },

    logSize(roomId) {
      return openedLogs.get(roomId)?.size() ?? 0
    },

    async compact(roomId) {
      const log = await getLog(roomId)
      await log.exclusive(async () => {
        const updates = [...(await readSnapshot(roomId)), ...(await log.readAll())]
        if (updates.length === 0) return
        const snapshot = compactUpdates(updates)
        await writeFileAtomic(roomDir(roomId), 'snapshot.bin', encodeRecord(snapshot))
        await log.truncateAll() // a crash before this line leaves snapshot + old log: duplicates are harmless
      })
    },

    async release(roomId) {
      const log = logs.get(roomId)
      if (!log) return
      logs.delete(roomId)
      openedLogs.delete(roomId)
      await (await log.catch(() => null))?.close()
    },

    async close() {
      closed = true
      const open = [...logs.values()]
      logs.clear()
      openedLogs.clear()
      await Promise.all(open.map(async (log) => (await log.catch(() => null))?.close()))
    },
  }
}

const readIfExists = async (path: string): Promise<Buffer | null> => {
  try {
    return await readFile(path)
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}

const isNotFound = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'

const fsyncDir = async (dir: string): Promise<void> => {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** tmp + fsync + rename + fsync(dir): readers see the old file or the new one, never half of one. */
const writeFileAtomic = async (dir: string, name: string, bytes: Uint8Array): Promise<void> => {
  const tmp = join(dir, `${name}.tmp`)
  const handle = await open(tmp, 'w')
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(tmp, join(dir, name))
  await fsyncDir(dir)
}

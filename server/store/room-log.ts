// One room's append-only log file with group commit: appends that arrive during an fsync share the next one.
// All file operations of a room run one at a time on a single chain, so compaction never interleaves with a write.
import { open, readFile, type FileHandle } from 'node:fs/promises'
import { decodeRecords, encodeRecord } from './records.ts'

interface Pending {
  readonly record: Buffer | null // null: a barrier (flush), nothing to write
  readonly resolve: () => void
  readonly reject: (error: unknown) => void
}

export interface RoomLog {
  size(): number
  /** fsyncs done by appends so far: fewer than appends when group commit works. */
  syncCount(): number
  append(update: Uint8Array): Promise<void>
  flush(): Promise<void>
  /** Runs `op` with no write in flight; `op` may read the log and call truncateAll(). */
  exclusive<T>(op: () => Promise<T>): Promise<T>
  readAll(): Promise<Uint8Array[]>
  truncateAll(): Promise<void>
  close(): Promise<void>
}

/** Opens (creating if needed) the log and truncates a torn or corrupt tail before anything is appended. */
export const openRoomLog = async (path: string): Promise<RoomLog> => {
  const handle = await open(path, 'a+')
  let size: number
  try {
    const contents = await readFile(handle)
    const decoded = decodeRecords(contents)
    size = decoded.validBytes
    if (decoded.validBytes < contents.length) {
      await handle.truncate(decoded.validBytes)
      await handle.sync()
    }
  } catch (error) {
    await handle.close()
    throw error
  }
  return createRoomLog(handle, path, size)
}

const createRoomLog = (handle: FileHandle, path: string, initialSize: number): RoomLog => {
  let size = initialSize
  let syncs = 0
  let chain: Promise<unknown> = Promise.resolve()
  let pending: Pending[] = []
  let batchScheduled = false
  let broken: unknown = null
  let closed: Promise<void> | null = null

  const enqueue = <T>(op: () => Promise<T>): Promise<T> => {
    const result = chain.then(op)
    chain = result.catch(() => undefined)
    return result
  }

  const runBatch = async (): Promise<void> => {
    batchScheduled = false
    const batch = pending
    pending = []
    try {
      if (broken) throw broken
      if (closed) throw new Error('log closed')
      const records = batch.flatMap((item) => (item.record ? [item.record] : []))
      if (records.length > 0) {
        const bytes = Buffer.concat(records)
        try {
          await handle.appendFile(bytes) // loops over partial writes, unlike write()
          await handle.datasync()
          syncs++
        } catch (error) {
          await restoreSize() // never leave a partial record before the next append
          throw error
        }
        size += bytes.length
      }
      for (const item of batch) item.resolve()
    } catch (error) {
      for (const item of batch) item.reject(error)
    }
  }

  const restoreSize = async (): Promise<void> => {
    try {
      await handle.truncate(size)
    } catch (error) {
      broken = error // the log's tail is unknown: refuse further appends rather than write after garbage
    }
  }

  const push = (record: Buffer | null): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      pending.push({ record, resolve, reject })
      if (!batchScheduled) {
        batchScheduled = true
        void enqueue(runBatch)
      }
    })

  return {
    size: () => size,
    syncCount: () => syncs,
    append: (update) => push(encodeRecord(update)),
    flush: () => push(null),
    exclusive: (op) => enqueue(op),
    async readAll() {
      return decodeRecords(await readFile(path)).records
    },
    async truncateAll() {
      await handle.truncate(0)
      await handle.sync()
      size = 0
    },
    close() {
      closed ??= enqueue(async () => undefined).then(() => handle.close())
      return closed
    },
  }
}

// File helpers of the store: whole writes (a short write is retried, then fails loudly), atomic replacement,
// directory fsync, and the fault hook tests use to make a given kind of write fail (ENOSPC, EIO) on purpose.
import { open, readFile, rename, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'

/** What the store is about to write; a fault hook can make any of them fail. */
export type StoreOperation = 'wal' | 'walSync' | 'roomLog' | 'roomLogSync' | 'snapshot' | 'meta'

export interface StoreFaults {
  /** Throws to make the operation fail before it touches the disk. */
  check(operation: StoreOperation): void
}

export const NO_FAULTS: StoreFaults = { check: () => undefined }

/** An error like the ones fs raises, for fault injection. */
export const fsError = (code: 'ENOSPC' | 'EIO' | 'EACCES'): Error => Object.assign(new Error(`${code} (injected)`), { code })

/** Writes all of `bytes` at `position`: a short write (disk nearly full) is continued until it completes or throws. */
export const writeFully = async (handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> => {
  let written = 0
  for (let attempt = 0; written < bytes.length; attempt++) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, position + written)
    if (bytesWritten === 0 && attempt > 0) throw Object.assign(new Error('no progress writing'), { code: 'EIO' })
    written += bytesWritten
  }
}

export const isNotFound = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'

export const readIfExists = async (path: string): Promise<Buffer | null> => {
  try {
    return await readFile(path)
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}

export const fsyncDir = async (dir: string): Promise<void> => {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** tmp + fsync + rename + fsync(dir): readers see the old file or the new one, never half of one. */
export const writeFileAtomic = async (
  dir: string, name: string, bytes: Uint8Array, faults: StoreFaults, operation: StoreOperation,
): Promise<void> => {
  const tmp = join(dir, `${name}.tmp`)
  const handle = await open(tmp, 'w')
  try {
    faults.check(operation)
    await writeFully(handle, bytes, 0)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(tmp, join(dir, name))
  await fsyncDir(dir)
}

// The relay's write-ahead log: one append-only file for every room, so one synchronous write makes a whole batch of
// updates durable, whatever their rooms (group commit across rooms and messages). Records are copied into the
// rooms' own files by the checkpointer (file-store.ts), then old segments are deleted; at start, what segments
// still hold is replayed into the rooms. A failed write acknowledges nothing of its batch and cuts the segment
// back to its last whole batch; until that cut succeeds, every append fails (nothing is written after garbage).
//
// A segment is a sequence of batches, each one frame [u32 length][u32 crc32][entries], each entry
// [varuint length][kind][room id, 22 bytes][varuint room seq][update]. One checksum and one buffer per batch:
// this runs for every stored update, and a batch is written (and torn) whole.
import { constants } from 'node:fs'
import { mkdir, open, readdir, readFile, rm, statfs, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import { ROOM_ID_PATTERN } from '../../src/lib/relay-protocol.ts'
import { crc32 } from './crc32.ts'
import { decodeRecords, HEADER_BYTES } from './records.ts'
import { fsyncDir, writeFully, type StoreFaults } from './fs-util.ts'

export interface WalRecord {
  readonly roomId: string
  /** The room's sequence number of this update: replay skips what the room's files already hold. */
  readonly seq: number
  readonly update: Uint8Array
}

export interface Wal {
  /** Resolves once the record is on disk (O_DSYNC write), rejects if its batch could not be written. */
  append(record: WalRecord): Promise<void>
  /** Resolves once every record appended before the call is durable (or has failed). */
  barrier(): Promise<void>
  /** Later appends go to a new segment; resolves with the id of the one before (to delete once copied). */
  rotate(): Promise<number>
  deleteSegments(ids: readonly number[]): Promise<void>
  /** Bytes appended to the current segment. */
  activeBytes(): number
  /** Writes that made batches durable: fewer than appends when group commit works. */
  syncCount(): number
  close(): Promise<void>
}

const RECORD_KIND_UPDATE = 1
const ROOM_ID_BYTES = 22
const SEGMENT_PATTERN = /^(\d{12})\.wal$/
const MAX_VARUINT_BYTES = 8

const segmentName = (id: number): string => `${String(id).padStart(12, '0')}.wal`

const writeVarUint = (buffer: Buffer, offset: number, value: number): number => {
  let at = offset
  for (let rest = value; ; rest = Math.floor(rest / 128)) {
    if (rest < 128) {
      buffer[at++] = rest
      return at
    }
    buffer[at++] = (rest % 128) | 0x80
  }
}

/** One framed batch of records: a single buffer, a single checksum. */
export const encodeWalBatch = (records: readonly WalRecord[]): Buffer => {
  let size = HEADER_BYTES
  for (const record of records) size += MAX_VARUINT_BYTES + 1 + ROOM_ID_BYTES + MAX_VARUINT_BYTES + record.update.length
  const buffer = Buffer.allocUnsafe(size)
  let offset = HEADER_BYTES
  for (const record of records) {
    const entryLength = 1 + ROOM_ID_BYTES + varUintLength(record.seq) + record.update.length
    offset = writeVarUint(buffer, offset, entryLength)
    buffer[offset++] = RECORD_KIND_UPDATE
    offset += buffer.write(record.roomId, offset, ROOM_ID_BYTES, 'latin1')
    offset = writeVarUint(buffer, offset, record.seq)
    buffer.set(record.update, offset)
    offset += record.update.length
  }
  const framed = buffer.subarray(0, offset)
  framed.writeUInt32LE(offset - HEADER_BYTES, 0)
  framed.writeUInt32LE(crc32(framed.subarray(HEADER_BYTES)), 4)
  return framed
}

const varUintLength = (value: number): number => {
  let length = 1
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) length++
  return length
}

/** The records of a batch's entries; an entry of a kind this version does not know is skipped. */
export const decodeWalBatch = (payload: Uint8Array): WalRecord[] => {
  const decoder = decoding.createDecoder(payload)
  const records: WalRecord[] = []
  while (decoding.hasContent(decoder)) {
    const entry = decoding.readVarUint8Array(decoder)
    const inner = decoding.createDecoder(entry)
    if (decoding.readUint8(inner) !== RECORD_KIND_UPDATE) continue
    const roomId = Buffer.from(decoding.readUint8Array(inner, ROOM_ID_BYTES)).toString('latin1')
    if (!ROOM_ID_PATTERN.test(roomId)) continue
    const seq = decoding.readVarUint(inner)
    records.push({ roomId, seq, update: entry.subarray(inner.pos) })
  }
  return records
}

interface Pending {
  readonly record: WalRecord | null // null: a barrier
  readonly resolve: () => void
  readonly reject: (error: unknown) => void
}


export interface OpenedWal {
  readonly wal: Wal
  /** Records of the segments found at start, in write order (torn tails cut). */
  readonly recovered: WalRecord[]
  /** Their segment ids: delete them once the records are safe in the rooms' files. */
  readonly recoveredSegments: number[]
}

/** Writes in flight at once: the next batch is written while the previous one is flushed (resolved in order). */
const MAX_IN_FLIGHT = 2
/**
 * Segments are filled with zeros before use: an O_DSYNC write inside allocated blocks flushes only data, not the
 * file's size and extents (measured here: ~300 instead of ~400 us per write). Rotation every checkpoint keeps a
 * segment far below this; past it, writes simply extend the file.
 */
const PREALLOCATED_BYTES = 4 * 1024 * 1024
const MIN_FREE_FOR_PREALLOCATION = 256 * PREALLOCATED_BYTES
const ZEROS = Buffer.alloc(1024 * 1024)

interface InFlight {
  readonly batch: Pending[]
  readonly end: number
  done: boolean
  error: unknown
  /** Settles when its write attempt is over (whatever the outcome): a cut must never race it. */
  written: Promise<void>
}

export const openWal = async (dir: string, faults: StoreFaults): Promise<OpenedWal> => {
  await mkdir(dir, { recursive: true })
  const existing = (await readdir(dir))
    .map((name) => SEGMENT_PATTERN.exec(name))
    .flatMap((match) => (match ? [Number(match[1])] : []))
    .sort((a, b) => a - b)
  const recovered: WalRecord[] = []
  for (const id of existing) {
    for (const payload of decodeRecords(await readFile(join(dir, segmentName(id)))).records) {
      if (payload.length === 0) break // the zeros a segment was prepared with: its end
      try {
        recovered.push(...decodeWalBatch(payload))
      } catch {
        break // a checksum-valid batch this version cannot read: nothing after it is trusted either
      }
    }
  }
  let nextId = (existing[existing.length - 1] ?? 0) + 1
  let segment = await createSegment(dir, nextId++, faults)
  let spare: Promise<Segment | null> = prepareSpare()
  await fsyncDir(dir)

  function prepareSpare(): Promise<Segment | null> {
    const prepared = createSegment(dir, nextId++, faults).catch(() => null) // no spare: rotation creates one then
    prepared.catch(() => undefined)
    return prepared
  }

  /** Where the next batch goes, and how far every write before it has completed. */
  let reserved = 0
  let durable = 0
  let syncs = 0
  let pending: Pending[] = []
  const inFlight: InFlight[] = []
  let scheduled = false
  let broken: unknown = null
  let cutting: Promise<void> | null = null
  let paused = 0 // rotation in progress: batches wait
  let closed = false
  const drainWaiters: Array<() => void> = []

  /** Wakes those waiting for no write in flight (pending batches may still wait, e.g. during a rotation). */
  const notifyIdle = (): void => {
    if (inFlight.length > 0 || cutting !== null) return
    for (const wake of drainWaiters.splice(0)) wake()
  }
  const drained = (): Promise<void> =>
    inFlight.length === 0 && cutting === null ? Promise.resolve() : new Promise<void>((resolve) => drainWaiters.push(resolve))

  /** Resolves, in order, the batches whose write and every write before completed; a failure rejects the rest. */
  const settle = (): void => {
    while (inFlight.length > 0 && inFlight[0]!.done) {
      const head = inFlight.shift()!
      if (head.error !== null) {
        fail(head.error, [head, ...inFlight.splice(0)])
        return
      }
      durable = head.end
      for (const item of head.batch) item.resolve()
    }
    if (inFlight.length === 0 && broken === null) reserved = durable
    dispatch()
    notifyIdle()
  }

  /**
   * Nothing after a failed write is trusted: those batches are rejected, and the segment is cut back once their
   * writes are over (a write still landing after the cut would overwrite what is written there next).
   */
  const fail = (error: unknown, failed: InFlight[]): void => {
    broken = error
    for (const entry of failed) for (const item of entry.batch) item.reject(error)
    cutting = (async () => {
      try {
        await Promise.all(failed.map((entry) => entry.written))
        await segment.handle.truncate(durable)
        await segment.handle.datasync()
        broken = null
        reserved = durable
      } catch {
        // still broken: every batch fails until a cut succeeds (tried again on the next batch)
      } finally {
        cutting = null
        dispatch()
        notifyIdle()
      }
    })()
  }

  const dispatch = (): void => {
    while (pending.length > 0 && inFlight.length < MAX_IN_FLIGHT && cutting === null && paused === 0) {
      if (closed) {
        for (const item of pending.splice(0)) item.reject(new Error('wal closed'))
        return
      }
      const batch = pending
      pending = []
      if (broken !== null) {
        fail(broken, [{ batch, end: durable, done: true, error: broken, written: Promise.resolve() }])
        return
      }
      const records = batch.flatMap((item) => (item.record ? [item.record] : []))
      const entry: InFlight = { batch, end: reserved, done: false, error: null, written: Promise.resolve() }
      inFlight.push(entry)
      if (records.length === 0) {
        entry.done = true // a barrier: done once everything before it is
        continue
      }
      const bytes = encodeWalBatch(records)
      const offset = reserved
      ;(entry as { end: number }).end = offset + bytes.length
      reserved += bytes.length
      const handle = segment.handle
      entry.written = (async () => {
        try {
          faults.check('wal')
          faults.check('walSync')
          // O_DSYNC: the write returns once the bytes are on disk, in one system call.
          await writeFully(handle, bytes, offset)
          syncs++
        } catch (error) {
          entry.error = error
        }
        entry.done = true
        settle()
      })()
    }
    if (inFlight[0]?.done) queueMicrotask(settle) // a barrier with nothing before it
  }

  const push = (record: WalRecord | null): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (closed) return reject(new Error('wal closed'))
      pending.push({ record, resolve, reject })
      // Appends that arrive while batches are written share the next write; the first batch starts once the
      // messages already read from every socket in this turn of the event loop are in (setImmediate).
      if (scheduled) return
      scheduled = true
      setImmediate(() => {
        scheduled = false
        dispatch()
      })
    })

  /** Resolves when no batch is waiting or being written. */
  const quiesce = async (): Promise<void> => {
    for (let round = 0; round < 1_000; round++) {
      await drained()
      if (pending.length === 0 || paused > 0) return
      dispatch()
    }
  }

  const wal: Wal = {
    append: (record) => push(record),
    barrier: () => push(null),
    async rotate() {
      paused++
      try {
        await drained()
        const next = (await spare) ?? (await createSegment(dir, nextId++, faults))
        try {
          await fsyncDir(dir) // the new segment's name is durable before anything is written in it
        } catch (error) {
          spare = Promise.resolve(next) // kept for the next attempt; the current segment goes on
          throw error
        }
        spare = prepareSpare()
        const previous = segment
        segment = next
        reserved = 0
        durable = 0
        broken = null
        await previous.handle.close()
        return previous.id
      } finally {
        paused--
        dispatch()
      }
    },
    async deleteSegments(ids) {
      for (const id of ids) await rm(join(dir, segmentName(id)), { force: true })
      await fsyncDir(dir)
    },
    activeBytes: () => reserved,
    syncCount: () => syncs,
    async close() {
      if (closed) return
      await quiesce()
      closed = true
      await segment.handle.close()
      const unused = await spare
      if (unused) {
        await unused.handle.close()
        await rm(join(dir, segmentName(unused.id)), { force: true })
      }
    },
  }
  return { wal, recovered, recoveredSegments: [...existing] }
}

interface Segment {
  readonly id: number
  readonly handle: FileHandle
}

/** O_DSYNC: every write is durable when it returns (data, and the size it adds), like write + fdatasync. */
const SEGMENT_FLAGS = constants.O_WRONLY | constants.O_DSYNC

/**
 * A new segment, its blocks allocated (zeros, synced), opened for O_DSYNC writes. On a disk too full for that,
 * an empty one (writes extend it, a little slower): the relay still serves what the disk can take.
 */
const createSegment = async (dir: string, id: number, faults: StoreFaults): Promise<Segment> => {
  const path = join(dir, segmentName(id))
  const filling = await open(path, 'wx', 0o600)
  try {
    faults.check('wal')
    // Only where the space is plentiful: on a small disk, zeros would take room that updates need.
    const free = await statfs(dir).then((stats) => stats.bavail * stats.bsize, () => 0)
    if (free >= MIN_FREE_FOR_PREALLOCATION) {
      for (let at = 0; at < PREALLOCATED_BYTES; at += ZEROS.length) await writeFully(filling, ZEROS, at)
      await filling.sync()
    }
  } catch {
    await filling.truncate(0).catch(() => undefined)
    await filling.sync().catch(() => undefined)
  }
  return { id, handle: await reopen(filling, path) }
}

const reopen = async (filling: FileHandle, path: string): Promise<FileHandle> => {
  await filling.close()
  return open(path, SEGMENT_FLAGS)
}

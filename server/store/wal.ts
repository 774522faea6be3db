// The relay's write-ahead log: one append-only file for every room, so one synchronous write makes a whole batch of
// updates durable, whatever their rooms (group commit across rooms and messages). Records are copied into the
// rooms' own files by the checkpointer (file-store.ts), then old segments are deleted; at start, what segments
// still hold is replayed into the rooms. A failed write acknowledges nothing of its batch and cuts the segment
// back to its last whole record; until that cut succeeds, every append fails (nothing is written after garbage).
import { constants } from 'node:fs'
import { mkdir, open, readdir, readFile, rm, type FileHandle } from 'node:fs/promises'
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
  syncCount(): number
  close(): Promise<void>
}

const RECORD_KIND_UPDATE = 1
const ROOM_ID_BYTES = 22
const SEGMENT_PATTERN = /^(\d{12})\.wal$/

const segmentName = (id: number): string => `${String(id).padStart(12, '0')}.wal`

/** The whole framed record ([u32 length][u32 crc32][payload]) in one buffer: this runs once per stored update. */
export const encodeWalRecord = (record: WalRecord): Buffer => {
  const seqBytes = varUintLength(record.seq)
  const payloadLength = 1 + ROOM_ID_BYTES + seqBytes + record.update.length
  const buffer = Buffer.allocUnsafe(HEADER_BYTES + payloadLength)
  let offset = HEADER_BYTES
  buffer[offset++] = RECORD_KIND_UPDATE
  offset += buffer.write(record.roomId, offset, ROOM_ID_BYTES, 'latin1')
  for (let value = record.seq; ; value = Math.floor(value / 128)) {
    if (value < 128) {
      buffer[offset++] = value
      break
    }
    buffer[offset++] = (value % 128) | 0x80
  }
  buffer.set(record.update, offset)
  const payload = buffer.subarray(HEADER_BYTES)
  buffer.writeUInt32LE(payloadLength, 0)
  buffer.writeUInt32LE(crc32(payload), 4)
  return buffer
}

const varUintLength = (value: number): number => {
  let length = 1
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) length++
  return length
}

/** Null for a record this version does not know (skipped, not fatal: a newer relay may have written it). */
export const decodeWalPayload = (payload: Uint8Array): WalRecord | null => {
  const decoder = decoding.createDecoder(payload)
  if (decoding.readUint8(decoder) !== RECORD_KIND_UPDATE) return null
  const roomId = new TextDecoder().decode(decoding.readUint8Array(decoder, ROOM_ID_BYTES))
  if (!ROOM_ID_PATTERN.test(roomId)) return null
  const seq = decoding.readVarUint(decoder)
  return { roomId, seq, update: payload.subarray(decoder.pos) }
}

interface Pending {
  readonly bytes: Buffer | null // null: a barrier
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

export const openWal = async (dir: string, faults: StoreFaults): Promise<OpenedWal> => {
  await mkdir(dir, { recursive: true })
  const existing = (await readdir(dir))
    .map((name) => SEGMENT_PATTERN.exec(name))
    .flatMap((match) => (match ? [Number(match[1])] : []))
    .sort((a, b) => a - b)
  const recovered: WalRecord[] = []
  for (const id of existing) {
    for (const payload of decodeRecords(await readFile(join(dir, segmentName(id)))).records) {
      const record = decodeWalPayload(payload)
      if (record) recovered.push(record)
    }
  }
  let nextId = (existing[existing.length - 1] ?? 0) + 1
  let segment = await createSegment(dir, nextId++)
  await fsyncDir(dir)

  let size = 0
  let syncs = 0
  let pending: Pending[] = []
  let running: Promise<void> | null = null
  let broken: unknown = null
  let closed = false

  const writeBatch = async (batch: Pending[]): Promise<void> => {
    const records = batch.flatMap((item) => (item.bytes ? [item.bytes] : []))
    if (broken !== null) await cutBack()
    if (records.length === 0) return
    const bytes = Buffer.concat(records)
    try {
      faults.check('wal')
      faults.check('walSync')
      // The segment is opened with O_DSYNC: the write returns once the bytes are on disk, in one system call.
      await writeFully(segment.handle, bytes, size)
      syncs++
      size += bytes.length
    } catch (error) {
      broken = error
      await cutBack().catch(() => undefined)
      throw error
    }
  }

  /** Truncates the segment to its last whole record; clears `broken` only once that is on disk. */
  const cutBack = async (): Promise<void> => {
    await segment.handle.truncate(size)
    await segment.handle.datasync()
    broken = null
  }

  const runBatches = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending
      pending = []
      try {
        if (closed) throw new Error('wal closed')
        await writeBatch(batch)
        for (const item of batch) item.resolve()
      } catch (error) {
        for (const item of batch) item.reject(error)
      }
    }
    running = null
  }

  const push = (bytes: Buffer | null): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (closed) return reject(new Error('wal closed'))
      pending.push({ bytes, resolve, reject })
      // Appends that arrive while a batch is written share the next fdatasync.
      if (running === null) running = Promise.resolve().then(runBatches)
    })

  /** Waits for the batches in flight, so segment changes never race a write. */
  const quiesce = async (): Promise<void> => {
    while (running !== null) await running
  }

  const wal: Wal = {
    append: (record) => push(encodeWalRecord(record)),
    barrier: () => push(null),
    async rotate() {
      await quiesce()
      const previous = segment
      segment = await createSegment(dir, nextId++)
      await fsyncDir(dir)
      size = 0
      broken = null
      await previous.handle.close()
      return previous.id
    },
    async deleteSegments(ids) {
      for (const id of ids) await rm(join(dir, segmentName(id)), { force: true })
      await fsyncDir(dir)
    },
    activeBytes: () => size,
    syncCount: () => syncs,
    async close() {
      if (closed) return
      await quiesce()
      closed = true
      await segment.handle.close()
    },
  }
  return { wal, recovered, recoveredSegments: [...existing] }
}

interface Segment {
  readonly id: number
  readonly handle: FileHandle
}

/** O_DSYNC: every write is durable when it returns (data, and the size it adds), like write + fdatasync. */
const SEGMENT_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_DSYNC

const createSegment = async (dir: string, id: number): Promise<Segment> => ({
  id, handle: await open(join(dir, segmentName(id)), SEGMENT_FLAGS, 0o600),
})

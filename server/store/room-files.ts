// One room's own files: `state.bin` (one snapshot record: format, the last sequence number it covers, the update)
// and `updates.bin` (records: sequence number, update), filled from the write-ahead log by the checkpointer.
// Rooms written by earlier versions have `snapshot.bin` and `log.bin` (plain updates): read first, folded into
// `state.bin` by the next compaction, then deleted. Torn or corrupt tails are cut off when the room is opened.
import { open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { decodeRecords, encodeRecord } from './records.ts'
import { fsyncDir, readIfExists, writeFileAtomic, writeFully, type StoreFaults } from './fs-util.ts'

export interface SequencedUpdate {
  readonly seq: number
  readonly update: Uint8Array
}

export interface RoomFiles {
  /** Every stored update in order: the snapshot first, then the log. */
  readAll(): Promise<Uint8Array[]>
  /** The highest sequence number the files hold (0 for none, or for a room written before sequence numbers). */
  lastSeq(): number
  /** Appends to the log and fsyncs it; on failure the log is cut back to where it was. */
  appendRecords(records: readonly SequencedUpdate[]): Promise<void>
  /** Replaces snapshot and log with one snapshot that covers everything up to `seq`. */
  replaceWithSnapshot(snapshot: Uint8Array, seq: number): Promise<void>
  snapshotBytes(): number
  logBytes(): number
  close(): Promise<void>
}

const STATE_FORMAT = 2
const STATE_FILE = 'state.bin'
const LOG_FILE = 'updates.bin'
const LEGACY_SNAPSHOT = 'snapshot.bin'
const LEGACY_LOG = 'log.bin'
/** The files that hold a room's content (not its meta). */
export const ROOM_DATA_FILES = [STATE_FILE, LOG_FILE, LEGACY_SNAPSHOT, LEGACY_LOG] as const

const encodeSequenced = (seq: number, update: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, seq)
  encoding.writeUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

const decodeSequenced = (payload: Uint8Array): SequencedUpdate => {
  const decoder = decoding.createDecoder(payload)
  const seq = decoding.readVarUint(decoder)
  return { seq, update: payload.subarray(decoder.pos) }
}

interface Snapshot {
  readonly seq: number
  readonly update: Uint8Array
  readonly bytes: number
}

const readState = async (dir: string): Promise<Snapshot | null> => {
  const bytes = await readIfExists(join(dir, STATE_FILE))
  if (!bytes) return null
  const decoded = decodeRecords(bytes)
  if (decoded.records.length !== 1 || decoded.validBytes !== bytes.length) throw new Error('corrupt state file')
  const decoder = decoding.createDecoder(decoded.records[0]!)
  if (decoding.readVarUint(decoder) !== STATE_FORMAT) throw new Error('unknown state format')
  const seq = decoding.readVarUint(decoder)
  return { seq, update: decoded.records[0]!.subarray(decoder.pos), bytes: bytes.length }
}

const readLegacy = async (dir: string): Promise<{ updates: Uint8Array[]; bytes: number }> => {
  const snapshot = await readIfExists(join(dir, LEGACY_SNAPSHOT))
  const log = await readIfExists(join(dir, LEGACY_LOG))
  const updates: Uint8Array[] = []
  if (snapshot) {
    const decoded = decodeRecords(snapshot)
    if (decoded.records.length !== 1 || decoded.validBytes !== snapshot.length) throw new Error('corrupt snapshot')
    updates.push(decoded.records[0]!)
  }
  // A torn legacy tail is ignored (the old relay cut it on open too); the file is never appended to again.
  if (log) updates.push(...decodeRecords(log).records)
  return { updates, bytes: (snapshot?.length ?? 0) + (log?.length ?? 0) }
}

/** Opens (creating the log if needed) and cuts a torn or corrupt log tail before anything is appended. */
export const openRoomFiles = async (dir: string, faults: StoreFaults): Promise<RoomFiles> => {
  let state = await readState(dir)
  let legacy = await readLegacy(dir)
  if (state && legacy.updates.length > 0) {
    // A compaction wrote state.bin and stopped before deleting the old files: state.bin already holds them.
    await removeLegacy(dir)
    legacy = { updates: [], bytes: 0 }
  }
  const handle = await open(join(dir, LOG_FILE), 'a+')
  let log: SequencedUpdate[]
  let size: number
  try {
    const contents = await handle.readFile()
    const decoded = decodeRecords(contents)
    log = decoded.records.map(decodeSequenced)
    size = decoded.validBytes
    if (size < contents.length) {
      await handle.truncate(size)
      await handle.sync()
    }
  } catch (error) {
    await handle.close()
    throw error
  }
  await fsyncDir(dir)
  let last = log.reduce((max, record) => Math.max(max, record.seq), state?.seq ?? 0)
  let queue: Promise<unknown> = Promise.resolve()
  /** One file operation at a time per room. */
  const exclusive = <T>(op: () => Promise<T>): Promise<T> => {
    const result = queue.then(op)
    queue = result.catch(() => undefined)
    return result
  }

  return {
    readAll: () => exclusive(async () => {
      const covered = state?.seq ?? 0
      return [
        ...(state ? [state.update] : []),
        ...legacy.updates,
        // A crash between writing state.bin and emptying the log leaves records the snapshot already holds.
        ...log.filter((record) => record.seq > covered).map((record) => record.update),
      ]
    }),
    lastSeq: () => last,
    appendRecords: (records) => exclusive(async () => {
      if (records.length === 0) return
      const bytes = Buffer.concat(records.map((record) => encodeRecord(encodeSequenced(record.seq, record.update))))
      try {
        faults.check('roomLog')
        await writeFully(handle, bytes, size)
        faults.check('roomLogSync')
        await handle.datasync()
      } catch (error) {
        await handle.truncate(size).catch(() => undefined) // never leave half a record before the next append
        throw error
      }
      size += bytes.length
      log.push(...records)
      last = records.reduce((max, record) => Math.max(max, record.seq), last)
    }),
    replaceWithSnapshot: (snapshot, seq) => exclusive(async () => {
      const payload = encoding.createEncoder()
      encoding.writeVarUint(payload, STATE_FORMAT)
      encoding.writeVarUint(payload, seq)
      encoding.writeUint8Array(payload, snapshot)
      const record = encodeRecord(encoding.toUint8Array(payload))
      await writeFileAtomic(dir, STATE_FILE, record, faults, 'snapshot')
      state = { seq, update: snapshot, bytes: record.length }
      last = Math.max(last, seq)
      // From here a crash is harmless: records at or below `seq` are skipped, legacy files are deleted on open.
      log = log.filter((entry) => entry.seq > seq)
      const kept = Buffer.concat(log.map((entry) => encodeRecord(encodeSequenced(entry.seq, entry.update))))
      await handle.truncate(0)
      if (kept.length > 0) await writeFully(handle, kept, 0)
      await handle.datasync()
      size = kept.length
      if (legacy.updates.length > 0) {
        await removeLegacy(dir)
        legacy = { updates: [], bytes: 0 }
      }
    }),
    snapshotBytes: () => (state?.bytes ?? 0) + legacy.bytes,
    logBytes: () => size,
    close: () => exclusive(() => handle.close()),
  }
}

const removeLegacy = async (dir: string): Promise<void> => {
  await rm(join(dir, LEGACY_SNAPSHOT), { force: true })
  await rm(join(dir, LEGACY_LOG), { force: true })
  await fsyncDir(dir)
}


// The on-disk record format shared by logs and snapshots: [u32 length][u32 crc32][bytes], little-endian.
import { crc32 } from './crc32.ts'

export const HEADER_BYTES = 8

export const encodeRecord = (bytes: Uint8Array): Buffer => {
  const record = Buffer.allocUnsafe(HEADER_BYTES + bytes.length)
  record.writeUInt32LE(bytes.length, 0)
  record.writeUInt32LE(crc32(bytes), 4)
  record.set(bytes, HEADER_BYTES)
  return record
}

export interface DecodedRecords {
  readonly records: Uint8Array[]
  /** Length of the valid prefix; anything after it is a torn or corrupt tail. */
  readonly validBytes: number
}

/** Reads records until the end or the first torn/corrupt one; everything after that one is untrusted. */
export const decodeRecords = (file: Uint8Array): DecodedRecords => {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength)
  const records: Uint8Array[] = []
  let offset = 0
  while (offset + HEADER_BYTES <= file.length) {
    const length = view.getUint32(offset, true)
    const checksum = view.getUint32(offset + 4, true)
    const end = offset + HEADER_BYTES + length
    if (end > file.length) break
    const bytes = file.subarray(offset + HEADER_BYTES, end)
    if (crc32(bytes) !== checksum) break
    records.push(bytes)
    offset = end
  }
  return { records, validBytes: offset }
}

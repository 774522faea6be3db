// CRC-32 (IEEE 802.3, as zlib) of stored records: Node's native zlib.crc32 (Node >= 20.15, see package.json engines).
import { crc32 as zlibCrc32 } from 'node:zlib'

export const crc32 = (bytes: Uint8Array): number => zlibCrc32(bytes) >>> 0

// The renewal mark of a collective's document: which room a renewal copied it from (src/app/renew.ts).
import type * as Y from 'yjs'
import { parseRoomId, type RoomId } from '../lib/credentials.ts'
import { MAP_META, META_RENEWED_FROM, Origin, safeMap } from './keys.ts'

/** Marks a renewal's copy (written once, before the copy reaches the relay); false on a damaged meta map. */
export const markRenewedFrom = (doc: Y.Doc, previous: RoomId): boolean => {
  const meta = safeMap(doc, MAP_META)
  if (meta === null) return false
  doc.transact(() => meta.set(META_RENEWED_FROM, previous), Origin.init)
  return true
}

/** The room this document was renewed from, or null (never renewed, or a value that is no room id). */
export const readRenewedFrom = (doc: Y.Doc): RoomId | null => parseRoomId(safeMap(doc, MAP_META)?.get(META_RENEWED_FROM))

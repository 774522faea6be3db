// The retention rule (issue 16): a room with no stored change for ROOM_RETENTION_DAYS is deleted by the sweeper; its
// members' phones are told the day from RETENTION_WARNING_DAYS before (MESSAGE_RETENTION), and any change moves it.
import type { RoomMeta } from './store/adapter.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** The last day the room changed, as an instant: writtenOn, else (rooms of earlier versions) the day last joined, else creation. */
const lastChangeOf = (meta: RoomMeta): number => {
  const day = meta.writtenOn ?? meta.usedOn
  const parsed = Date.parse(day === undefined ? meta.createdAt : `${day}T00:00:00.000Z`)
  return Number.isFinite(parsed) ? parsed : Date.parse(meta.createdAt)
}

/** When the sweeper deletes the room if nothing changes (an instant, ms). */
export const retentionDeadline = (meta: RoomMeta, retentionMs: number): number => lastChangeOf(meta) + retentionMs

/** The deletion day (YYYY-MM-DD) to warn members of now, or null outside the warning period. */
export const retentionWarning = (meta: RoomMeta, now: number, retentionMs: number, warningMs: number): string | null => {
  if (meta.renewedAt !== undefined || meta.archivedAt !== undefined) return null
  const deadline = retentionDeadline(meta, retentionMs)
  if (now < deadline - warningMs) return null
  // The sweeper passes hourly: the day shown is the first day it may delete, at the earliest.
  return new Date(Math.max(deadline, now + DAY_MS / 24)).toISOString().slice(0, 10)
}

// What a room's meta.json and a tombstone file hold on disk, parsed with Zod when read back (server/store/file-store.ts).
import { z } from 'zod'
import { ROOM_ID_PATTERN } from '../../src/lib/relay-protocol.ts'
import type { RoomMeta, Tombstone } from './adapter.ts'

const metaSchema = z.object({
  tokenHash: z.string().min(1),
  createdAt: z.string(),
  renewedAt: z.string().optional(),
  archivedAt: z.string().optional(),
  usedOn: z.string().optional(),
  writtenOn: z.string().optional(),
  invitations: z.array(z.object({
    id: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    sealed: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/),
    createdAt: z.string(),
    expiresAt: z.string(),
  })).optional(),
  readers: z.array(z.object({
    id: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    tokenHash: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    createdAt: z.string(),
  })).optional(),
})
const tombstoneSchema = z.object({
  roomId: z.string().regex(ROOM_ID_PATTERN),
  renewedAt: z.string().optional(),
  archivedAt: z.string().optional(),
  deletedAt: z.string().optional(),
  reason: z.enum(['renewed', 'archived', 'unused', 'idle', 'retention']).optional(),
  tokenHash: z.string().optional(),
})

/** Zod drops absent optional keys; keep stored objects free of `key: undefined` too. */
export const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T

export const parseMeta = (bytes: Buffer): RoomMeta => withoutUndefined(metaSchema.parse(JSON.parse(bytes.toString('utf8'))))

export const parseTombstone = (bytes: Buffer): Tombstone =>
  withoutUndefined(tombstoneSchema.parse(JSON.parse(bytes.toString('utf8'))))

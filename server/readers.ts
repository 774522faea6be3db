// Readers (issue 18): read-only tokens of a room, for the partner links a member hands to a school or a town hall.
// - POST /readers/<roomId> (room token in x-pedibus-token): {id, tokenHash}; files the reader durably in the meta, 201;
// - DELETE /readers/<roomId>/<id> (token): removes it, then closes its open sockets at once (CloseCode.readerRevoked);
//   204, also when already gone.
// A reader socket (socket.ts) reads the room and writes nothing (peer.ts). The relay keeps only the token's hash.
// Same Origin rule, CORS preflight and per-IP limits as invitations; nothing personal is logged.
import type { IncomingMessage } from 'node:http'
import { z } from 'zod'
import { parseRoomId, type RoomId } from '../src/lib/credentials.ts'
import { parseReaderId } from '../src/lib/partner-link.ts'
import { MAX_READERS, READERS_PATH_PREFIX, TOKEN_HEADER } from '../src/lib/relay-protocol.ts'
import { isSameHash } from './auth.ts'
import { clientAddress } from './client-address.ts'
import type { RateLimiter } from './limits.ts'
import { roomPrefix } from './log.ts'
import {
  checkRoomToken, createRoomHandler, fileInCappedList, readJsonBody,
  type Answer, type RoomEndpoint, type RoomRequestDeps,
} from './room-requests.ts'
import type { RoomRegistry } from './rooms.ts'
import type { RoomMeta, StoredReader } from './store/adapter.ts'

interface Deps extends RoomRequestDeps {
  rooms: Pick<RoomRegistry, 'closeReader'>
  /** Filings and removals (a member's phone): per IP per rolling hour. */
  writes: RateLimiter
  now?: () => number
}

const MAX_BODY_BYTES = 512
const ENDPOINT: RoomEndpoint = {
  prefix: READERS_PATH_PREFIX, methods: 'POST, DELETE', allowHeaders: `${TOKEN_HEADER}, content-type`,
  failedEvent: 'readers.failed',
}
const HASH_PATTERN = /^[A-Za-z0-9_-]{43}$/

const FileSchema = z.object({
  id: z.string().refine((text) => parseReaderId(text) !== null),
  tokenHash: z.string().regex(HASH_PATTERN),
}).strict()

export const isReadersPath = (path: string): boolean => path.startsWith(READERS_PATH_PREFIX)

export const createReadersHandler = (deps: Deps) => createRoomHandler(deps, ENDPOINT, route)

const route = async (deps: Deps, req: IncomingMessage, parts: string[]): Promise<Answer> => {
  const roomId = parseRoomId(parts[0])
  const readerId = parts.length === 2 ? parseReaderId(parts[1]) : null
  const isFile = parts.length === 1 && roomId !== null && req.method === 'POST'
  const isRemove = readerId !== null && roomId !== null && req.method === 'DELETE'
  if (!isFile && !isRemove) return { status: roomId && (parts.length === 1 || readerId) ? 405 : 404 }
  if (!deps.writes.tryConsume(clientAddress(req, deps.trustedProxies))) return { status: 429 }
  // A renewed or archived room files no new reader (409); a reader is removed from it all the same.
  const checked = await checkRoomToken(deps.store, req, roomId, { refuseFrozen: isFile })
  if ('status' in checked) return { status: checked.status }
  return isRemove ? remove(deps, roomId, readerId) : file(deps, req, roomId, checked.meta)
}

const file = async (deps: Deps, req: IncomingMessage, roomId: RoomId, meta: RoomMeta): Promise<Answer> => {
  const parsed = await readJsonBody(req, MAX_BODY_BYTES, FileSchema)
  if ('status' in parsed) return parsed
  // The write token's own hash filed as a reader would make the writer read-only: refused.
  if (isSameHash(parsed.data.tokenHash, meta.tokenHash)) return { status: 400 }
  const createdAt = new Date((deps.now ?? Date.now)()).toISOString()
  const reader: StoredReader = { id: parsed.data.id, tokenHash: parsed.data.tokenHash, createdAt }
  const refused = await fileInCappedList((change) => deps.store.updateReaders(roomId, change), reader, MAX_READERS)
  if (refused) return refused
  deps.metrics.increment('readersFiled')
  deps.log.info('reader.filed', { room: roomPrefix(roomId) })
  return { status: 201, body: { id: reader.id, createdAt } }
}

const remove = async (deps: Deps, roomId: RoomId, readerId: string): Promise<Answer> => {
  await deps.store.updateReaders(roomId, (current) => current.filter((reader) => reader.id !== readerId))
  // After the durable removal: a socket opened from now on is refused, and the open ones are closed here.
  deps.rooms.closeReader(roomId, readerId)
  deps.metrics.increment('readersRemoved')
  deps.log.info('reader.removed', { room: roomPrefix(roomId) })
  return { status: 204 }
}

// The token-checked POSTs that end a room's life as a writable room: /renew/<roomId> (issues 6, 16) and
// /archive/<roomId> (issue 14). One handler for both: the room token in the x-pedibus-token header, checked like the
// websocket's; renewedAt or archivedAt is stored durably in the room's meta before the 204. An archived room is frozen
// (read-only, still served). A renewed room is closed at once: its sockets are told it moved, then it is deleted
// behind a tombstone (the sweeper's removeNow), so the old link serves no content to anyone from then on. A room is
// renewed or archived, never both (409).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { hashRoomToken, parseRoomId, parseRoomToken } from '../src/lib/credentials.ts'
import { ARCHIVE_PATH_PREFIX, RENEW_PATH_PREFIX, TOKEN_HEADER } from '../src/lib/relay-protocol.ts'
import { isSameHash } from './auth.ts'
import { corsAnswer } from './cors.ts'
import type { RateLimiter } from './limits.ts'
import { errorKind, roomPrefix, type Logger } from './log.ts'
import type { CounterName, Metrics } from './metrics.ts'
import type { FrozenReason, RoomRegistry } from './rooms.ts'
import type { StorageAdapter } from './store/adapter.ts'
import type { Sweeper } from './sweeper.ts'

interface Deps {
  allowedOrigins: readonly string[] | null
  store: StorageAdapter
  rooms: RoomRegistry
  /**
   * Per-IP attempts per rolling hour, like registrations: every attempt counts (not only the good ones). One count
   * for renewals and archives together: both are the same token check.
   */
  limiter: RateLimiter
  metrics: Metrics
  log: Logger
  sweeper: Pick<Sweeper, 'removeNow'>
  now?: () => Date
}

type Outcome = 204 | 401 | 404 | 405 | 409 | 410 | 429

/** What differs between a renewal and an archive. */
interface Kind {
  readonly prefix: string
  readonly reason: FrozenReason
  readonly field: 'renewedAt' | 'archivedAt'
  /** Stores the mark durably; true when the room now holds it (set now or before), false when unknown or the other. */
  mark(store: StorageAdapter, roomId: string, at: string): Promise<boolean>
  readonly counters: { readonly done: CounterName; readonly refused: CounterName }
  readonly events: { readonly done: string; readonly refused: string; readonly failed: string }
}

const KINDS: readonly Kind[] = [
  {
    prefix: RENEW_PATH_PREFIX,
    reason: 'renewed',
    field: 'renewedAt',
    mark: async (store, roomId, at) => (await store.markRenewed(roomId, at))?.renewedAt !== undefined,
    counters: { done: 'roomsRenewed', refused: 'renewalsRefused' },
    events: { done: 'room.renewed', refused: 'renew.refused', failed: 'room.renew_failed' },
  },
  {
    prefix: ARCHIVE_PATH_PREFIX,
    reason: 'archived',
    field: 'archivedAt',
    mark: (store, roomId, at) => store.markArchived(roomId, at),
    counters: { done: 'roomsArchived', refused: 'archivesRefused' },
    events: { done: 'room.archived', refused: 'archive.refused', failed: 'room.archive_failed' },
  },
]

/** Requests under RENEW_PATH_PREFIX or ARCHIVE_PATH_PREFIX (http.ts routes only those here). */
export const isFreezePath = (path: string): boolean => KINDS.some((kind) => path.startsWith(kind.prefix))

export const createFreezeHandler = (deps: Deps) => (req: IncomingMessage, res: ServerResponse): void => {
  req.resume() // the body is ignored; drain it so the connection can be reused
  const path = (req.url ?? '').split('?')[0] ?? ''
  const kind = KINDS.find((candidate) => path.startsWith(candidate.prefix))
  if (!kind) return answer(res, 404)
  const cors = corsAnswer(req, res, deps.allowedOrigins, 'POST', TOKEN_HEADER)
  if (cors !== null) return answer(res, cors)
  freeze(deps, kind, req, path.slice(kind.prefix.length)).then(
    (status) => answer(res, status),
    (error: unknown) => {
      deps.metrics.increment('storeErrors')
      deps.log.error(kind.events.failed, { error: errorKind(error) })
      answer(res, 500)
    },
  )
}

const freeze = async (deps: Deps, kind: Kind, req: IncomingMessage, roomIdText: string): Promise<Outcome> => {
  if (req.method !== 'POST') return 405
  const roomId = parseRoomId(roomIdText)
  if (!roomId) return refused(deps, kind, 404)
  if (!deps.limiter.tryConsume(req.socket.remoteAddress ?? 'unknown')) return refused(deps, kind, 429)
  const header = req.headers[TOKEN_HEADER]
  const token = parseRoomToken(Array.isArray(header) ? null : header)
  if (!token) return refused(deps, kind, 401)
  // A deleted room keeps no token hash: nothing to check, the room is simply no more. A renewal asked again (its
  // answer was lost) is done already: saying so tells nothing the room's sockets (4410) do not.
  const tombstone = await deps.store.readTombstone(roomId)
  if (tombstone) return tombstone.reason === 'renewed' && kind.reason === 'renewed' ? 204 : refused(deps, kind, 410)
  const meta = await deps.store.readMeta(roomId)
  if (!meta) return refused(deps, kind, 404)
  if (!isSameHash(meta.tokenHash, await hashRoomToken(token))) return refused(deps, kind, 401)
  const at = (deps.now ?? (() => new Date()))().toISOString()
  // The store decides under its meta lock, so a renewal and an archive racing each other cannot both succeed.
  if (!(await kind.mark(deps.store, roomId, at))) {
    return refused(deps, kind, (await deps.store.readMeta(roomId)) ? 409 : 404) // frozen the other way, or deleted
  }
  if (meta[kind.field] === undefined) {
    deps.metrics.increment(kind.counters.done)
    deps.log.info(kind.events.done, { room: roomPrefix(roomId) })
  }
  await deps.rooms.freeze(roomId, kind.reason)
  if (kind.reason === 'renewed') {
    const renewedAt = (await deps.store.readMeta(roomId))?.renewedAt ?? at
    // Busy past the wait (false): the tombstone already refuses every socket; the sweeper's next pass deletes the files.
    await deps.sweeper.removeNow({ roomId, renewedAt, deletedAt: at, reason: 'renewed' })
  }
  return 204
}

const refused = (deps: Deps, kind: Kind, status: Outcome): Outcome => {
  deps.metrics.increment(kind.counters.refused)
  deps.log.info(kind.events.refused, { status })
  return status
}

const answer = (res: ServerResponse, status: number): void => {
  if (status === 405) res.setHeader('Allow', 'POST, OPTIONS')
  res.writeHead(status, { 'Cache-Control': 'no-store' })
  res.end()
}


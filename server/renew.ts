// The token-checked POSTs that end a room's life as a writable room: /renew/<roomId> (issues 6, 16) and
// /archive/<roomId> (issue 14). One handler for both: the room token in the x-pedibus-token header, checked like the
// websocket's; renewedAt or archivedAt is stored durably in the room's meta before the 204. An archived room is frozen
// (read-only, still served). A renewed room is closed at once: its sockets are told it moved, then it is deleted
// behind a tombstone (the sweeper's removeNow), so the old link serves no content to anyone from then on. A room is
// renewed or archived, never both (409).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseRoomId } from '../src/lib/credentials.ts'
import { ARCHIVE_PATH_PREFIX, RENEW_PATH_PREFIX, TOKEN_HEADER } from '../src/lib/relay-protocol.ts'
import { clientAddress } from './client-address.ts'
import type { RateLimiter } from './limits.ts'
import { roomPrefix } from './log.ts'
import type { CounterName } from './metrics.ts'
import { checkRoomToken, createRoomHandler, drainAndSend, type RoomRequestDeps } from './room-requests.ts'
import type { FrozenReason, RoomRegistry } from './rooms.ts'
import type { StorageAdapter } from './store/adapter.ts'
import type { Sweeper } from './sweeper.ts'

interface Deps extends RoomRequestDeps {
  rooms: RoomRegistry
  /**
   * Per-IP attempts per rolling hour, like registrations: every attempt counts (not only the good ones). One count
   * for renewals and archives together: both are the same token check.
   */
  limiter: RateLimiter
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

export const createFreezeHandler = (deps: Deps): ((req: IncomingMessage, res: ServerResponse) => void) => {
  const handlers = KINDS.map((kind) => ({
    prefix: kind.prefix,
    // The body is ignored (drained with the answer, so the connection can be reused).
    handle: createRoomHandler(
      deps,
      { prefix: kind.prefix, methods: 'POST', allowHeaders: TOKEN_HEADER, failedEvent: kind.events.failed },
      async (routeDeps, req, parts) => ({ status: await freeze(routeDeps, kind, req, parts) }),
    ),
  }))
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? ''
    const handler = handlers.find((candidate) => path.startsWith(candidate.prefix))
    if (!handler) return drainAndSend(req, res, { status: 404 }, 'POST')
    handler.handle(req, res)
  }
}

const freeze = async (deps: Deps, kind: Kind, req: IncomingMessage, parts: string[]): Promise<Outcome> => {
  if (req.method !== 'POST') return 405
  const roomId = parts.length === 1 ? parseRoomId(parts[0]) : null
  if (!roomId) return refused(deps, kind, 404)
  if (!deps.limiter.tryConsume(clientAddress(req, deps.trustedProxies))) return refused(deps, kind, 429)
  const checked = await checkRoomToken(deps.store, req, roomId, { refuseFrozen: false })
  // A deleted room keeps no token hash: nothing to check, the room is simply no more (410). A renewal asked again
  // (its answer was lost) is done already: saying so tells nothing the room's sockets (4410) do not.
  if ('status' in checked) {
    const renewedAgain = checked.tombstone?.reason === 'renewed' && kind.reason === 'renewed'
    return renewedAgain ? 204 : refused(deps, kind, checked.status)
  }
  const { meta } = checked
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

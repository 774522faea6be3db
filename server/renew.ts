// POST /renew/<roomId> (issue 6): the room token in the x-pedibus-token header, checked like the websocket's;
// renewedAt is stored durably in the room's meta before the 204, then a loaded room is frozen at once.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { hashRoomToken, parseRoomId, parseRoomToken } from '../src/lib/credentials.ts'
import { RENEW_PATH_PREFIX, TOKEN_HEADER } from '../src/lib/relay-protocol.ts'
import { isOriginAllowed, isSameHash } from './auth.ts'
import type { RateLimiter } from './limits.ts'
import { errorKind, roomPrefix, type Logger } from './log.ts'
import type { Metrics } from './metrics.ts'
import type { RoomRegistry } from './rooms.ts'
import type { StorageAdapter } from './store/adapter.ts'

interface Deps {
  allowedOrigins: readonly string[] | null
  store: StorageAdapter
  rooms: RoomRegistry
  /** Per-IP attempts per rolling hour, like registrations: every attempt counts (not only the good ones). */
  limiter: RateLimiter
  metrics: Metrics
  log: Logger
  now?: () => Date
}

type Outcome = 204 | 401 | 404 | 405 | 410 | 429

export const createRenewHandler = (deps: Deps) => (req: IncomingMessage, res: ServerResponse): void => {
  req.resume() // the body is ignored; drain it so the connection can be reused
  if (!isOriginAllowed(req.headers, deps.allowedOrigins)) return answer(res, 403)
  // The app may live on another allowed origin: a POST with a custom header needs a CORS preflight.
  const origin = req.headers.origin
  if (origin !== undefined) {
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Vary', 'Origin')
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'POST')
    res.setHeader('Access-Control-Allow-Headers', TOKEN_HEADER)
    res.setHeader('Access-Control-Max-Age', '600')
    return answer(res, 204)
  }
  renew(deps, req).then(
    (status) => answer(res, status),
    (error: unknown) => {
      deps.metrics.increment('storeErrors')
      deps.log.error('room.renew_failed', { error: errorKind(error) })
      answer(res, 500)
    },
  )
}

const renew = async (deps: Deps, req: IncomingMessage): Promise<Outcome> => {
  if (req.method !== 'POST') return 405
  const path = (req.url ?? '').split('?')[0] ?? ''
  const roomId = parseRoomId(path.slice(RENEW_PATH_PREFIX.length))
  if (!roomId) return refused(deps, 404)
  if (!deps.limiter.tryConsume(req.socket.remoteAddress ?? 'unknown')) return refused(deps, 429)
  const header = req.headers[TOKEN_HEADER]
  const token = parseRoomToken(Array.isArray(header) ? null : header)
  if (!token) return refused(deps, 401)
  // Past its grace period the token hash is gone: nothing to check, the room is simply no more.
  if (await deps.store.readTombstone(roomId)) return refused(deps, 410)
  const meta = await deps.store.readMeta(roomId)
  if (!meta) return refused(deps, 404)
  if (!isSameHash(meta.tokenHash, await hashRoomToken(token))) return refused(deps, 401)
  const renewedAt = (deps.now ?? (() => new Date()))().toISOString()
  const stored = await deps.store.markRenewed(roomId, renewedAt)
  if (!stored) return refused(deps, 404)
  if (meta.renewedAt === undefined) {
    deps.metrics.increment('roomsRenewed')
    deps.log.info('room.renewed', { room: roomPrefix(roomId) })
  }
  await deps.rooms.freeze(roomId)
  return 204
}

const refused = (deps: Deps, status: Outcome): Outcome => {
  deps.metrics.increment('renewalsRefused')
  deps.log.info('renew.refused', { status })
  return status
}

const answer = (res: ServerResponse, status: number): void => {
  if (status === 405) res.setHeader('Allow', 'POST, OPTIONS')
  res.writeHead(status, { 'Cache-Control': 'no-store' })
  res.end()
}

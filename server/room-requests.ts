// What the token-checked room requests share (renew.ts, invites.ts, readers.ts): handler shell, answers, token, body.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
import { hashRoomToken, parseRoomToken, type RoomId } from '../src/lib/credentials.ts'
import { TOKEN_HEADER } from '../src/lib/relay-protocol.ts'
import { isSameHash } from './auth.ts'
import { corsAnswer } from './cors.ts'
import { errorKind, type Logger } from './log.ts'
import type { Metrics } from './metrics.ts'
import type { RoomMeta, StorageAdapter, Tombstone } from './store/adapter.ts'

export interface Answer {
  readonly status: number
  /** Sent as JSON; none: an empty answer. */
  readonly body?: unknown
}

/** What every room request module depends on. */
export interface RoomRequestDeps {
  readonly allowedOrigins: readonly string[] | null
  /** Per-IP limits count the address clientAddress finds (X-Forwarded-For only from these). */
  readonly trustedProxies: readonly string[]
  readonly store: StorageAdapter
  readonly metrics: Metrics
  readonly log: Logger
}

/** One family of room requests, as the shell answers it. */
export interface RoomEndpoint {
  /** The path prefix http.ts routes here; the rest of the path reaches the route split at '/'. */
  readonly prefix: string
  /** The methods a preflight allows, and (with OPTIONS) the Allow header of a 405. */
  readonly methods: string
  /** The request headers a preflight allows: the token header, and content-type where a JSON body comes. */
  readonly allowHeaders: string
  /** Logged (with metric storeErrors) when the route fails: the answer is then a 500. */
  readonly failedEvent: string
}

export type RoomRoute<D> = (deps: D, req: IncomingMessage, parts: string[]) => Promise<Answer>

/** The Origin rule and preflight first, then `route`; every answer drains what is left of the body (keep-alive). */
export const createRoomHandler = <D extends RoomRequestDeps>(deps: D, endpoint: RoomEndpoint, route: RoomRoute<D>) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '').split('?')[0] ?? ''
    const cors = corsAnswer(req, res, deps.allowedOrigins, endpoint.methods, endpoint.allowHeaders)
    if (cors !== null) return drainAndSend(req, res, { status: cors }, endpoint.methods)
    route(deps, req, path.slice(endpoint.prefix.length).split('/')).then(
      (answer) => drainAndSend(req, res, answer, endpoint.methods),
      (error: unknown) => {
        deps.metrics.increment('storeErrors')
        deps.log.error(endpoint.failedEvent, { error: errorKind(error) })
        drainAndSend(req, res, { status: 500 }, endpoint.methods)
      },
    )
  }

/**
 * Sends the answer (never cached), once the rest of the request body is set to be drained: a refused request with
 * an unread body would otherwise stall the connection kept alive. `methods` go into Allow on a 405.
 */
export const drainAndSend = (req: IncomingMessage, res: ServerResponse, answer: Answer, methods: string): void => {
  req.resume()
  if (answer.status === 405) res.setHeader('Allow', `${methods}, OPTIONS`)
  if (answer.body === undefined) {
    res.writeHead(answer.status, { 'Cache-Control': 'no-store' })
    res.end()
    return
  }
  res.writeHead(answer.status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(answer.body))
}

/** The refusal of a room token: 410 comes with the room's tombstone (a renewal asked again reads it). */
export type RoomTokenRefusal = { readonly status: 401 | 404 | 409 | 410; readonly tombstone?: Tombstone }

/**
 * The room's meta when the token in TOKEN_HEADER opens it; the refusal otherwise: 401 without a token, 410 for a
 * deleted room (nothing to check), 404 unknown, 401 another token, and 409 when `refuseFrozen` and the room is
 * renewed or archived.
 */
export const checkRoomToken = async (
  store: StorageAdapter, req: IncomingMessage, roomId: RoomId, options: { readonly refuseFrozen: boolean },
): Promise<{ readonly meta: RoomMeta } | RoomTokenRefusal> => {
  const header = req.headers[TOKEN_HEADER]
  const token = parseRoomToken(Array.isArray(header) ? null : header)
  if (!token) return { status: 401 }
  const tombstone = await store.readTombstone(roomId)
  if (tombstone) return { status: 410, tombstone }
  const meta = await store.readMeta(roomId)
  if (!meta) return { status: 404 }
  // Only the write token: a reader's token (whose hash may be filed in the meta) opens none of these requests.
  if (!isSameHash(meta.tokenHash, await hashRoomToken(token))) return { status: 401 }
  if (options.refuseFrozen && (meta.renewedAt !== undefined || meta.archivedAt !== undefined)) return { status: 409 }
  return { meta }
}

/**
 * Files `entry` in one of a room's capped lists through the store's locked `update`, in place of an entry with its id
 * and after dropping those `keep` refuses: null once stored, 404 for a room gone, 422 at `max` (nothing added then).
 */
export const fileInCappedList = async <T extends { readonly id: string }>(
  update: (change: (current: readonly T[]) => readonly T[]) => Promise<readonly T[] | null>,
  entry: T, max: number, keep: (existing: T) => boolean = () => true,
): Promise<{ readonly status: 404 | 422 } | null> => {
  let full = false
  const stored = await update((current) => {
    const kept = current.filter(keep)
    const others = kept.filter((existing) => existing.id !== entry.id)
    full = others.length >= max
    return full ? kept : [...others, entry]
  })
  if (stored === null) return { status: 404 }
  return full ? { status: 422 } : null
}

/** The body parsed by `schema`; 413 past `maxBytes` (the rest is drained), 400 when not JSON or not the schema's. */
export const readJsonBody = async <T>(
  req: IncomingMessage, maxBytes: number, schema: z.ZodType<T>,
): Promise<{ readonly data: T } | { readonly status: 400 | 413 }> => {
  const body = await readBody(req, maxBytes)
  if (body === null) return { status: 413 }
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return { status: 400 }
  }
  const parsed = schema.safeParse(json)
  return parsed.success ? { data: parsed.data } : { status: 400 }
}

/** The body as text, or null past maxBytes (read to its end all the same) or on a broken request. */
const readBody = (req: IncomingMessage, maxBytes: number): Promise<string | null> => new Promise((resolve) => {
  const chunks: Buffer[] = []
  let size = 0
  req.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size <= maxBytes) chunks.push(chunk)
  })
  req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString('utf8')))
  req.on('error', () => resolve(null))
})

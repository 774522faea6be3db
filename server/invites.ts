// Invitations (issue 16): the relay keeps, per room, the collective's secret sealed under one-off invite keys it never
// sees (src/lib/invitation.ts), and forgets each at its expiry or revocation.
// - POST /invite/<roomId> (room token in x-pedibus-token): {id, sealed, days}; stores it durably with its expiry by the
//   relay's clock (a phone's clock may be wrong), then 201 with the dates;
// - GET /invite/<roomId> (token): the open invitations' ids and dates, for members to see and revoke;
// - GET /invite/<roomId>/<id> (no token: the link's holder is not a member yet): the sealed secret, or 404 when
//   unknown, expired or revoked (one answer for all three);
// - DELETE /invite/<roomId>/<id> (token): revokes, 204 (also when already gone).
// Same Origin rule, CORS preflight and per-IP limits as the other room requests; nothing personal is logged.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { hashRoomToken, parseRoomId, parseRoomToken, type RoomId } from '../src/lib/credentials.ts'
import { isSealedInvitation, parseInvitationId } from '../src/lib/invitation.ts'
import { INVITE_PATH_PREFIX, MAX_INVITATION_DAYS, TOKEN_HEADER } from '../src/lib/relay-protocol.ts'
import { isSameHash } from './auth.ts'
import { corsAnswer } from './cors.ts'
import type { RateLimiter } from './limits.ts'
import { errorKind, roomPrefix, type Logger } from './log.ts'
import type { Metrics } from './metrics.ts'
import type { StorageAdapter, StoredInvitation } from './store/adapter.ts'

interface Deps {
  allowedOrigins: readonly string[] | null
  store: StorageAdapter
  /** Creations, lists and revocations (a member's phone): per IP per rolling hour. */
  writes: RateLimiter
  /** Invitations opened by their link (a new family's phone, often many at one school meeting): per IP per hour. */
  reads: RateLimiter
  metrics: Metrics
  log: Logger
  now?: () => number
}

const DAY_MS = 24 * 60 * 60 * 1000
/** Beyond this many open invitations a room refuses new ones (422): a member revokes old ones first. */
export const MAX_OPEN_INVITATIONS = 50
const MAX_BODY_BYTES = 1024

const CreateSchema = z.object({
  id: z.string().refine((text) => parseInvitationId(text) !== null),
  sealed: z.string().refine(isSealedInvitation),
  days: z.number().int().min(1).max(MAX_INVITATION_DAYS),
})

interface Answer {
  readonly status: number
  readonly body?: unknown
}

export const isInvitePath = (path: string): boolean => path.startsWith(INVITE_PATH_PREFIX)

export const createInviteHandler = (deps: Deps) => (req: IncomingMessage, res: ServerResponse): void => {
  const path = (req.url ?? '').split('?')[0] ?? ''
  const cors = corsAnswer(req, res, deps.allowedOrigins, 'GET, POST, DELETE', `${TOKEN_HEADER}, content-type`)
  if (cors !== null) return drainAndSend(req, res, { status: cors })
  route(deps, req, path.slice(INVITE_PATH_PREFIX.length).split('/')).then(
    (answer) => send(res, answer),
    (error: unknown) => {
      deps.metrics.increment('storeErrors')
      deps.log.error('invite.failed', { error: errorKind(error) })
      send(res, { status: 500 })
    },
  )
}

const route = async (deps: Deps, req: IncomingMessage, parts: string[]): Promise<Answer> => {
  const roomId = parseRoomId(parts[0])
  const ip = req.socket.remoteAddress ?? 'unknown'
  if (parts.length === 1 && roomId) {
    if (req.method !== 'GET' && req.method !== 'POST') return drained(req, { status: 405 })
    if (!deps.writes.tryConsume(ip)) return drained(req, { status: 429 })
    const refused = await checkToken(deps, req, roomId)
    if (refused) return drained(req, refused)
    return req.method === 'POST' ? create(deps, req, roomId) : list(deps, roomId)
  }
  const id = parseInvitationId(parts[1])
  if (parts.length !== 2 || !roomId || !id) return drained(req, { status: 404 })
  if (req.method === 'GET') {
    req.resume()
    if (!deps.reads.tryConsume(ip)) return { status: 429 }
    return open(deps, roomId, id)
  }
  if (req.method !== 'DELETE') return drained(req, { status: 405 })
  if (!deps.writes.tryConsume(ip)) return drained(req, { status: 429 })
  const refused = await checkToken(deps, req, roomId)
  if (refused) return drained(req, refused)
  await deps.store.updateInvitations(roomId, (current) => current.filter((invitation) => invitation.id !== id))
  deps.metrics.increment('invitationsRevoked')
  return { status: 204 }
}

/** Null when the token opens the room; the refusal otherwise (410 for a deleted room: nothing to check). */
const checkToken = async (deps: Deps, req: IncomingMessage, roomId: RoomId): Promise<Answer | null> => {
  const header = req.headers[TOKEN_HEADER]
  const token = parseRoomToken(Array.isArray(header) ? null : header)
  if (!token) return { status: 401 }
  if (await deps.store.readTombstone(roomId)) return { status: 410 }
  const meta = await deps.store.readMeta(roomId)
  if (!meta) return { status: 404 }
  if (!isSameHash(meta.tokenHash, await hashRoomToken(token))) return { status: 401 }
  // A renewed or archived room takes no new member: its invitations would open a room that serves nothing new.
  if (meta.renewedAt !== undefined || meta.archivedAt !== undefined) return { status: 409 }
  return null
}

const nowOf = (deps: Deps): number => (deps.now ?? Date.now)()
const isOpen = (invitation: StoredInvitation, now: number): boolean => Date.parse(invitation.expiresAt) > now

const create = async (deps: Deps, req: IncomingMessage, roomId: RoomId): Promise<Answer> => {
  const body = await readBody(req)
  if (body === null) return { status: 413 }
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return { status: 400 }
  }
  const parsed = CreateSchema.safeParse(json)
  if (!parsed.success) return { status: 400 }
  const now = nowOf(deps)
  const expiresAt = now + parsed.data.days * DAY_MS
  const invitation: StoredInvitation = {
    id: parsed.data.id, sealed: parsed.data.sealed, createdAt: new Date(now).toISOString(), expiresAt: new Date(expiresAt).toISOString(),
  }
  let full = false
  const stored = await deps.store.updateInvitations(roomId, (current) => {
    const open = current.filter((existing) => isOpen(existing, now) && existing.id !== invitation.id)
    full = open.length >= MAX_OPEN_INVITATIONS
    return full ? open : [...open, invitation]
  })
  if (stored === null) return { status: 404 }
  if (full) return { status: 422 }
  deps.metrics.increment('invitationsCreated')
  deps.log.info('invitation.created', { room: roomPrefix(roomId) })
  return { status: 201, body: { id: invitation.id, createdAt: invitation.createdAt, expiresAt: invitation.expiresAt } }
}

const list = async (deps: Deps, roomId: RoomId): Promise<Answer> => {
  const now = nowOf(deps)
  const meta = await deps.store.readMeta(roomId)
  const open = (meta?.invitations ?? []).filter((invitation) => isOpen(invitation, now))
  return { status: 200, body: open.map(({ id, createdAt, expiresAt }) => ({ id, createdAt, expiresAt })) }
}

const open = async (deps: Deps, roomId: RoomId, id: string): Promise<Answer> => {
  const meta = await deps.store.readMeta(roomId)
  const invitation = meta?.invitations?.find((candidate) => candidate.id === id)
  // An archived room's invitations still open it: the phone reads the year's archive and follows to its successor.
  const usable = meta !== null && meta.renewedAt === undefined && invitation !== undefined && isOpen(invitation, nowOf(deps))
  if (!usable) {
    deps.metrics.increment('invitationsRefused')
    return { status: 404 }
  }
  deps.metrics.increment('invitationsOpened')
  return { status: 200, body: { sealed: invitation.sealed, expiresAt: invitation.expiresAt } }
}

/** The body as text, or null past MAX_BODY_BYTES (the rest is drained). */
const readBody = (req: IncomingMessage): Promise<string | null> => new Promise((resolve) => {
  const chunks: Buffer[] = []
  let size = 0
  let tooLarge = false
  req.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size > MAX_BODY_BYTES) tooLarge = true
    else chunks.push(chunk)
  })
  req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')))
  req.on('error', () => resolve(null))
})

const drained = (req: IncomingMessage, answer: Answer): Answer => {
  req.resume()
  return answer
}

const drainAndSend = (req: IncomingMessage, res: ServerResponse, answer: Answer): void => send(res, drained(req, answer))

const send = (res: ServerResponse, answer: Answer): void => {
  if (answer.status === 405) res.setHeader('Allow', 'GET, POST, DELETE, OPTIONS')
  if (answer.body === undefined) {
    res.writeHead(answer.status, { 'Cache-Control': 'no-store' })
    res.end()
    return
  }
  res.writeHead(answer.status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(answer.body))
}

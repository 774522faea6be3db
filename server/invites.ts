// Invitations (issue 16): the relay keeps, per room, the collective's secret sealed under one-off invite keys it never
// sees (src/lib/invitation.ts), and forgets each at its expiry or revocation.
// - POST /invite/<roomId> (room token in x-pedibus-token): {id, sealed, days}; stores it durably with its expiry by the
//   relay's clock (a phone's clock may be wrong), then 201 with the dates;
// - GET /invite/<roomId> (token): the open invitations' ids and dates, for members to see and revoke;
// - GET /invite/<roomId>/<id> (no token: the link's holder is not a member yet): the sealed secret, or 404 when
//   unknown, expired or revoked (one answer for all three);
// - DELETE /invite/<roomId>/<id> (token): revokes, 204 (also when already gone).
// Same Origin rule, CORS preflight and per-IP limits as the other room requests; nothing personal is logged.
import type { IncomingMessage } from 'node:http'
import { z } from 'zod'
import { parseRoomId, type RoomId } from '../src/lib/credentials.ts'
import { isSealedInvitation, parseInvitationId } from '../src/lib/invitation.ts'
import { INVITE_PATH_PREFIX, MAX_INVITATION_DAYS, TOKEN_HEADER } from '../src/lib/relay-protocol.ts'
import { clientAddress } from './client-address.ts'
import type { RateLimiter } from './limits.ts'
import { roomPrefix } from './log.ts'
import {
  checkRoomToken, createRoomHandler, fileInCappedList, readJsonBody,
  type Answer, type RoomEndpoint, type RoomRequestDeps,
} from './room-requests.ts'
import type { StoredInvitation } from './store/adapter.ts'

interface Deps extends RoomRequestDeps {
  /** Creations, lists and revocations (a member's phone): per IP per rolling hour. */
  writes: RateLimiter
  /** Invitations opened by their link (a new family's phone, often many at one school meeting): per IP per hour. */
  reads: RateLimiter
  now?: () => number
}

const DAY_MS = 24 * 60 * 60 * 1000
/** Beyond this many open invitations a room refuses new ones (422): a member revokes old ones first. */
export const MAX_OPEN_INVITATIONS = 50
const MAX_BODY_BYTES = 1024
const ENDPOINT: RoomEndpoint = {
  prefix: INVITE_PATH_PREFIX, methods: 'GET, POST, DELETE', allowHeaders: `${TOKEN_HEADER}, content-type`,
  failedEvent: 'invite.failed',
}

const CreateSchema = z.object({
  id: z.string().refine((text) => parseInvitationId(text) !== null),
  sealed: z.string().refine(isSealedInvitation),
  days: z.number().int().min(1).max(MAX_INVITATION_DAYS),
})

export const isInvitePath = (path: string): boolean => path.startsWith(INVITE_PATH_PREFIX)

export const createInviteHandler = (deps: Deps) => createRoomHandler(deps, ENDPOINT, route)

const route = async (deps: Deps, req: IncomingMessage, parts: string[]): Promise<Answer> => {
  const roomId = parseRoomId(parts[0])
  const ip = clientAddress(req, deps.trustedProxies)
  if (parts.length === 1 && roomId) {
    if (req.method !== 'GET' && req.method !== 'POST') return { status: 405 }
    if (!deps.writes.tryConsume(ip)) return { status: 429 }
    const checked = await checkToken(deps, req, roomId)
    if ('status' in checked) return { status: checked.status }
    return req.method === 'POST' ? create(deps, req, roomId) : list(deps, roomId)
  }
  const id = parseInvitationId(parts[1])
  if (parts.length !== 2 || !roomId || !id) return { status: 404 }
  if (req.method === 'GET') {
    if (!deps.reads.tryConsume(ip)) return { status: 429 }
    return open(deps, roomId, id)
  }
  if (req.method !== 'DELETE') return { status: 405 }
  if (!deps.writes.tryConsume(ip)) return { status: 429 }
  const checked = await checkToken(deps, req, roomId)
  if ('status' in checked) return { status: checked.status }
  await deps.store.updateInvitations(roomId, (current) => current.filter((invitation) => invitation.id !== id))
  deps.metrics.increment('invitationsRevoked')
  return { status: 204 }
}

// A renewed or archived room takes no new member (409): its invitations would open a room that serves nothing new.
const checkToken = (deps: Deps, req: IncomingMessage, roomId: RoomId) =>
  checkRoomToken(deps.store, req, roomId, { refuseFrozen: true })

const nowOf = (deps: Deps): number => (deps.now ?? Date.now)()
const isOpen = (invitation: StoredInvitation, now: number): boolean => Date.parse(invitation.expiresAt) > now

const create = async (deps: Deps, req: IncomingMessage, roomId: RoomId): Promise<Answer> => {
  const parsed = await readJsonBody(req, MAX_BODY_BYTES, CreateSchema)
  if ('status' in parsed) return parsed
  const now = nowOf(deps)
  const expiresAt = now + parsed.data.days * DAY_MS
  const invitation: StoredInvitation = {
    id: parsed.data.id, sealed: parsed.data.sealed, createdAt: new Date(now).toISOString(), expiresAt: new Date(expiresAt).toISOString(),
  }
  // Expired invitations are dropped on the way: they count no more.
  const refused = await fileInCappedList(
    (change) => deps.store.updateInvitations(roomId, change), invitation, MAX_OPEN_INVITATIONS,
    (existing) => isOpen(existing, now),
  )
  if (refused) return refused
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

// A websocket upgrade, from request to room. Everything is decided BEFORE the upgrade completes, while the socket
// is not read: per-IP cap, Origin, room id, token, registration, and the room loaded. So not one byte of a
// stranger's messages is ever buffered. Refusals still complete the upgrade and close with a 44xx code (a refused
// upgrade reaches browsers as 1006 and clients retry forever), on a WebSocketServer whose tiny message limit cuts
// off anything a refused client tries to push.
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type { RawData, WebSocket, WebSocketServer } from 'ws'
import { hashRoomToken } from '../src/lib/credentials.ts'
import { CloseCode, MESSAGE_RELAY_LIMITS, MESSAGE_RETENTION, MESSAGE_SYNC } from '../src/lib/relay-protocol.ts'
import { retentionWarning } from './retention.ts'
import { isOriginAllowed, isSameHash, parseOfferedProtocols, protocolsFromHeader, roomIdFromUrl } from './auth.ts'
import { clientAddress } from './client-address.ts'
import type { RelayConfig } from './config.ts'
import type { Heartbeat } from './heartbeat.ts'
import type { ConnectionLimiter, RateLimiter, SharedRateLimiter } from './limits.ts'
import { errorKind, roomPrefix, type Logger } from './log.ts'
import type { CounterName, Metrics } from './metrics.ts'
import { createPeer, type PeerLimits } from './peer.ts'
import { FROZEN_FRAMES, RoomBeingDeletedError, RoomMovedError, type RoomLease, type RoomRegistry } from './rooms.ts'
import type { StorageAdapter } from './store/adapter.ts'

interface Deps {
  config: RelayConfig
  log: Logger
  metrics: Metrics
  store: StorageAdapter
  rooms: RoomRegistry
  heartbeat: Heartbeat
  connections: ConnectionLimiter
  registrations: RateLimiter
  /** Room registrations over the whole relay (every address together; in engine mode, every relay together). */
  globalRegistrations: SharedRateLimiter
  /** Accepted sockets. */
  wss: WebSocketServer
  /** Refused sockets: completed only to send the close code; a tiny maxPayload. */
  refusals: WebSocketServer
  peerLimits: PeerLimits
  now?: () => number
}

type Refusal = { ok: false; code: number; counter: CounterName; reason: string }
/** A reader (issue 18) is read-only: no acks, no registration, every update it sends dropped (peer.ts). */
type Decision = { ok: true; roomId: string; ack: boolean; readerId?: string } | Refusal

const refusal = (code: number, counter: CounterName, reason: string): Refusal => ({ ok: false, code, counter, reason })

const CLOSE_GRACE_MS = 2_000

export const createUpgradeHandler = (deps: Deps) => async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
  const { metrics, log } = deps
  const ip = clientAddress(req, deps.config.trustedProxies)
  if (!deps.connections.tryAcquire(ip)) return refuse(deps, req, socket, head, refusal(CloseCode.tooManyRequests, 'refusedRateLimit', 'too many connections'))
  // One release whatever happens next: the TCP socket closes once, upgraded or not.
  socket.once('close', () => deps.connections.release(ip))

  let decision: Decision
  try {
    decision = await authenticate(deps, req, ip)
  } catch (error) {
    metrics.increment('storeErrors')
    log.error('socket.auth_failed', { error: errorKind(error) })
    decision = refusal(CloseCode.tryAgainLater, 'storeErrors', 'try again later')
  }
  if (!decision.ok) return refuse(deps, req, socket, head, decision)

  let lease: RoomLease
  try {
    lease = await deps.rooms.acquire(decision.roomId)
  } catch (error) {
    if (error instanceof RoomMovedError) return refuse(deps, req, socket, head, refusal(CloseCode.roomMoved, 'refusedRoomMoved', 'room moved'))
    if (error instanceof RoomBeingDeletedError) {
      return refuse(deps, req, socket, head, refusal(CloseCode.tryAgainLater, 'refusedRoomUnavailable', 'room being deleted'))
    }
    metrics.increment('storeErrors')
    log.error('room.load_failed', { room: roomPrefix(decision.roomId), error: errorKind(error) })
    // Never served half-loaded, nothing deleted: the phone retries later, the operator sees the log line.
    return refuse(deps, req, socket, head, refusal(CloseCode.tryAgainLater, 'refusedRoomUnavailable', 'room unavailable'))
  }
  if (socket.destroyed) return lease.release()
  const { roomId, ack, readerId } = decision
  deps.wss.handleUpgrade(req, socket, head, (ws) => join(deps, ws, lease, ack, readerId))
  void deps.store.markUsed(roomId, new Date(deps.now?.() ?? Date.now()).toISOString().slice(0, 10)).catch(() => undefined)
}

/** The room is loaded: the peer exists before the first message can be read. */
const join = (deps: Deps, ws: WebSocket, lease: RoomLease, ack: boolean, readerId?: string): void => {
  const { metrics, log } = deps
  const { room } = lease
  ws.on('error', (error: Error & { code?: string }) => countSocketError(metrics, error))
  const peer = createPeer({ ws, room, ack, readerId, limits: deps.peerLimits, metrics, log })
  room.peers.add(peer)
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (!isBinary) {
      metrics.increment('undecodableMessages')
      return peer.close(CloseCode.invalidPayload, 'binary frames only')
    }
    peer.receive(rawToBytes(data))
  })
  ws.on('close', () => {
    room.peers.delete(peer)
    peer.destroy()
    deps.heartbeat.untrack(ws)
    lease.release()
  })
  metrics.increment('connectionsAccepted')
  log.debug('socket.joined', { room: roomPrefix(room.id), ack })
  deps.heartbeat.track(ws, peer)
  if (room.broken) return peer.close(CloseCode.tryAgainLater, 'room reset')
  if (readerId !== undefined) return joinAsReader(deps, peer, room.id, readerId)
  if (ack) {
    peer.send(limitsFrame(deps.config.maxPayload)) // only the app offers acks: stock clients never see it
    void warnOfRetention(deps, peer, room.id)
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep1(encoder, room.doc)
  peer.send(encoding.toUint8Array(encoder))
  // Read-only: renewed (the phone needs the new invitation) or archived (the collective goes on in its successor).
  if (room.frozen) peer.send(FROZEN_FRAMES[room.frozen])
}

/**
 * A reader gets no sync step 1 of the relay's (a stock client would answer it with a step 2, which a reader may not
 * send): it asks with its own step 1. Removed while it was being admitted: closed like the sockets removal closed.
 */
const joinAsReader = (deps: Deps, peer: { close(code: number, reason: string): void }, roomId: string, readerId: string): void => {
  void deps.store.readMeta(roomId).then((meta) => {
    if (!meta?.readers?.some((reader) => reader.id === readerId)) peer.close(CloseCode.readerRevoked, 'reader removed')
  }, () => undefined)
}

/** Tells the phone the day the room will be deleted if nothing changes, within the warning period (retention.ts). */
const warnOfRetention = async (deps: Deps, peer: { send(frame: Uint8Array): void }, roomId: string): Promise<void> => {
  try {
    const meta = await deps.store.readMeta(roomId)
    const now = deps.now?.() ?? Date.now()
    const day = meta === null ? null : retentionWarning(meta, now, deps.config.roomRetentionMs, deps.config.retentionWarningMs)
    if (day === null) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_RETENTION)
    encoding.writeVarString(encoder, day)
    peer.send(encoding.toUint8Array(encoder))
  } catch {
    // A meta that cannot be read now: the warning comes at the next connection.
  }
}

const limitsFrame = (maxPayload: number): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_RELAY_LIMITS)
  encoding.writeVarUint(encoder, maxPayload)
  return encoding.toUint8Array(encoder)
}

const countSocketError = (metrics: Metrics, error: Error & { code?: string }): void => {
  // ws closes the socket itself (1002 bad frame, 1009 too large); count it, keep serving.
  if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') metrics.increment('oversizeMessages')
  else if (error.code?.startsWith('WS_ERR_')) metrics.increment('malformedFrames')
  else metrics.increment('socketErrors')
}

/**
 * Origin -> room id -> tombstone -> token -> room registration or token hash check. Creates a room only for a
 * register, within the per-address and relay-wide registration limits.
 */
const authenticate = async (deps: Deps, req: IncomingMessage, ip: string): Promise<Decision> => {
  if (!isOriginAllowed(req.headers, deps.config.allowedOrigins)) return refusal(CloseCode.forbiddenOrigin, 'refusedOrigin', 'origin not allowed')
  const roomId = roomIdFromUrl(req.url)
  if (!roomId) return refusal(CloseCode.badRequest, 'refusedBadRequest', 'bad room id')
  const tombstone = await deps.store.readTombstone(roomId)
  // A renewed or archived room past its period: its data and token hash are gone; the id can never be created again.
  if (tombstone && tombstone.tokenHash === undefined) return refusal(CloseCode.roomMoved, 'refusedRoomMoved', 'room moved')
  const offered = parseOfferedProtocols(protocolsFromHeader(req.headers['sec-websocket-protocol']))
  if (!offered.hasSubprotocol) return refusal(CloseCode.badRequest, 'refusedBadRequest', 'missing subprotocol')
  if (!offered.token) return refusal(CloseCode.badToken, 'refusedToken', 'bad token')
  const tokenHash = await hashRoomToken(offered.token)
  let meta = await deps.store.readMeta(roomId)
  if (!meta) {
    if (!offered.register) return refusal(CloseCode.unknownRoom, 'refusedUnknownRoom', 'unknown room')
    // A room deleted for disuse comes back only with its own token (a phone that still holds the collective).
    if (tombstone && !isSameHash(tombstone.tokenHash ?? '', tokenHash)) return refusal(CloseCode.badToken, 'refusedToken', 'bad token')
    // Deleted by the sweeper since the check above? It wrote the tombstone before deleting the meta.
    const now = await deps.store.readTombstone(roomId)
    if (now && now.tokenHash === undefined) return refusal(CloseCode.roomMoved, 'refusedRoomMoved', 'room moved')
    if (!deps.registrations.tryConsume(ip) || !(await deps.globalRegistrations.tryConsume('relay'))) {
      return refusal(CloseCode.tooManyRequests, 'refusedRateLimit', 'too many registrations')
    }
    const result = await deps.store.createRoom(roomId, { tokenHash, createdAt: new Date(deps.now?.() ?? Date.now()).toISOString() })
    meta = result.meta
    if (result.created) {
      deps.metrics.increment('roomsCreated')
      deps.log.info('room.created', { room: roomPrefix(roomId) })
    }
    // Brought back by a phone that still holds it: the tombstone of its deletion for disuse is stale now.
    if (tombstone) await deps.store.deleteTombstone(roomId)
  }
  if (isSameHash(meta.tokenHash, tokenHash)) return { ok: true, roomId, ack: offered.ack }
  // A reader's token (issue 18): read-only, never acknowledged; a register it offered did nothing (the room exists).
  const reader = meta.readers?.find((candidate) => isSameHash(candidate.tokenHash, tokenHash))
  if (reader) return { ok: true, roomId, ack: false, readerId: reader.id }
  return refusal(CloseCode.badToken, 'refusedToken', 'bad token')
}

/** Completes the upgrade on the refusal server only to send the close code; the client gets nothing else. */
const refuse = (deps: Deps, req: IncomingMessage, socket: Duplex, head: Buffer, decision: Refusal): void => {
  deps.metrics.increment('connectionsRefused')
  deps.metrics.increment(decision.counter)
  deps.log.info('socket.refused', { code: decision.code })
  if (socket.destroyed) return
  deps.refusals.handleUpgrade(req, socket, head, (ws) => {
    ws.on('error', (error: Error & { code?: string }) => countSocketError(deps.metrics, error))
    ws.close(decision.code, decision.reason)
    setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref()
  })
}

const rawToBytes = (data: RawData): Uint8Array => {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

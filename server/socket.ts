// A new websocket, from upgrade to room: per-IP cap, authentication (before any room is loaded),
// then joining the room. Refusals close with a 44xx code after the upgrade, so clients stop retrying.
import type { IncomingMessage } from 'node:http'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type { RawData, WebSocket } from 'ws'
import { hashRoomToken } from '../src/lib/credentials.ts'
import { CloseCode, MESSAGE_SYNC } from '../src/lib/relay-protocol.ts'
import { isOriginAllowed, isSameHash, parseOfferedProtocols, protocolsFromHeader, roomIdFromUrl } from './auth.ts'
import type { RelayConfig } from './config.ts'
import type { Heartbeat } from './heartbeat.ts'
import type { ConnectionLimiter, RateLimiter } from './limits.ts'
import { errorKind, roomPrefix, type Logger } from './log.ts'
import type { CounterName, Metrics } from './metrics.ts'
import { createPeer, type Peer } from './peer.ts'
import { ROOM_MOVED_FRAME, RoomMovedError, type RoomRegistry } from './rooms.ts'
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
}

type Decision = { ok: true; roomId: string; ack: boolean } | { ok: false; code: number; counter: CounterName; reason: string }

/** Messages that arrive while authentication runs wait here; a client sends few before its first reply. */
const MAX_EARLY_MESSAGES = 256

export const createSocketHandler = (deps: Deps) => (ws: WebSocket, req: IncomingMessage): void => {
  const { metrics, log } = deps
  const ip = req.socket.remoteAddress ?? 'unknown'
  let early: Uint8Array[] | null = []
  let peer: Peer | null = null
  let closed = false
  let releaseRoom: (() => void) | null = null

  ws.on('error', (error: Error & { code?: string }) => {
    // ws closes the socket itself (1002 bad frame, 1009 too large); count it, keep serving.
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') metrics.increment('oversizeMessages')
    else if (error.code?.startsWith('WS_ERR_')) metrics.increment('malformedFrames')
    else metrics.increment('socketErrors')
  })
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (!isBinary) {
      metrics.increment('undecodableMessages')
      return ws.close(CloseCode.invalidPayload, 'binary frames only')
    }
    const bytes = rawToBytes(data)
    if (peer) return peer.receive(bytes)
    if (!early) return
    if (early.length >= MAX_EARLY_MESSAGES) return ws.close(CloseCode.tooManyRequests, 'too many messages')
    early.push(bytes)
  })

  if (!deps.connections.tryAcquire(ip)) {
    return refuse(ws, deps, { ok: false, code: CloseCode.tooManyRequests, counter: 'refusedRateLimit', reason: 'too many connections' })
  }
  ws.on('close', () => {
    closed = true
    early = null
    deps.connections.release(ip)
    deps.heartbeat.untrack(ws)
    releaseRoom?.()
    releaseRoom = null
  })

  authenticate(deps, req, ip).then(
    async (decision) => {
      if (closed) return
      if (!decision.ok) return refuse(ws, deps, decision)
      peer = await join(decision.roomId, decision.ack)
    },
    (error: unknown) => {
      metrics.increment('storeErrors')
      log.error('socket.auth_failed', { error: errorKind(error) })
      ws.close(1011, 'internal error')
    },
  ).catch((error: unknown) => {
    if (error instanceof RoomMovedError) {
      return refuse(ws, deps, { ok: false, code: CloseCode.roomMoved, counter: 'refusedRoomMoved', reason: 'room moved' })
    }
    metrics.increment('storeErrors')
    log.error('room.load_failed', { error: errorKind(error) })
    ws.close(1011, 'internal error')
  })

  /** Loads the room (counted as used at once), greets with sync step 1, then replays early messages. */
  const join = async (roomId: string, ack: boolean): Promise<Peer | null> => {
    releaseRoom = () => deps.rooms.release(roomId)
    const room = await deps.rooms.acquire(roomId)
    if (closed) return null
    const joined = createPeer({ ws, room, ack, maxBufferedBytes: 8 * deps.config.maxPayload, store: deps.store, metrics, log })
    room.peers.add(joined)
    const leave = releaseRoom
    releaseRoom = () => {
      room.peers.delete(joined)
      leave()
    }
    metrics.increment('connectionsAccepted')
    log.debug('socket.joined', { room: roomPrefix(roomId), ack })
    deps.heartbeat.track(ws, joined)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, room.doc)
    joined.send(encoding.toUint8Array(encoder))
    if (room.frozen) joined.send(ROOM_MOVED_FRAME) // renewed: read-only, the phone needs the new invitation
    const pending = early ?? []
    early = null
    for (const bytes of pending) joined.receive(bytes)
    return joined
  }
}

/** Origin -> room id -> tombstone -> token -> room registration or token hash check. Creates a room only for a register. */
const authenticate = async (deps: Deps, req: IncomingMessage, ip: string): Promise<Decision> => {
  if (!isOriginAllowed(req.headers, deps.config.allowedOrigins)) {
    return { ok: false, code: CloseCode.forbiddenOrigin, counter: 'refusedOrigin', reason: 'origin not allowed' }
  }
  const roomId = roomIdFromUrl(req.url)
  if (!roomId) return { ok: false, code: CloseCode.badRequest, counter: 'refusedBadRequest', reason: 'bad room id' }
  // A renewed room past its grace period: its data and token hash are gone, so no auth; register is refused too.
  if (await deps.store.readTombstone(roomId)) return { ok: false, code: CloseCode.roomMoved, counter: 'refusedRoomMoved', reason: 'room moved' }
  const offered = parseOfferedProtocols(protocolsFromHeader(req.headers['sec-websocket-protocol']))
  if (!offered.hasSubprotocol) return { ok: false, code: CloseCode.badRequest, counter: 'refusedBadRequest', reason: 'missing subprotocol' }
  if (!offered.token) return { ok: false, code: CloseCode.badToken, counter: 'refusedToken', reason: 'bad token' }
  const tokenHash = await hashRoomToken(offered.token)
  let meta = await deps.store.readMeta(roomId)
  if (!meta) {
    if (!offered.register) return { ok: false, code: CloseCode.unknownRoom, counter: 'refusedUnknownRoom', reason: 'unknown room' }
    // Deleted by the sweeper since the check above? It wrote the tombstone before deleting the meta.
    if (await deps.store.readTombstone(roomId)) return { ok: false, code: CloseCode.roomMoved, counter: 'refusedRoomMoved', reason: 'room moved' }
    if (!deps.registrations.tryConsume(ip)) {
      return { ok: false, code: CloseCode.tooManyRequests, counter: 'refusedRateLimit', reason: 'too many registrations' }
    }
    const result = await deps.store.createRoom(roomId, { tokenHash, createdAt: new Date().toISOString() })
    meta = result.meta
    if (result.created) {
      deps.metrics.increment('roomsCreated')
      deps.log.info('room.created', { room: roomPrefix(roomId) })
    }
  }
  if (!isSameHash(meta.tokenHash, tokenHash)) return { ok: false, code: CloseCode.badToken, counter: 'refusedToken', reason: 'bad token' }
  return { ok: true, roomId, ack: offered.ack }
}

const refuse = (ws: WebSocket, deps: Deps, decision: Extract<Decision, { ok: false }>): void => {
  deps.metrics.increment('connectionsRefused')
  deps.metrics.increment(decision.counter)
  deps.log.info('socket.refused', { code: decision.code })
  ws.close(decision.code, decision.reason)
}

const rawToBytes = (data: RawData): Uint8Array => {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

// Who may open a sync socket: Origin allow-list, room id, offered subprotocols. Pure functions, no I/O.
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { parseRoomId, parseRoomToken, type RoomId, type RoomToken } from '../src/lib/credentials.ts'
import { ACK_PROTOCOL, REGISTER_PROTOCOL, SUBPROTOCOL, SYNC_PATH_PREFIX, TOKEN_PROTOCOL_PREFIX } from '../src/lib/relay-protocol.ts'

/**
 * Browsers always send Origin; a request without one comes from a non-browser client, which could forge
 * any Origin anyway, so it is allowed. With no allow-list, only same-origin pages (Origin = http(s)://Host).
 */
export const isOriginAllowed = (headers: IncomingMessage['headers'], allowed: readonly string[] | null): boolean => {
  const origin = headers.origin
  if (origin === undefined) return true
  if (allowed) return allowed.includes(origin)
  const host = headers.host
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)
}

/** The room id from `/sync/<roomId>` (query string ignored), or null. */
export const roomIdFromUrl = (url: string | undefined): RoomId | null => {
  if (!url?.startsWith(SYNC_PATH_PREFIX)) return null
  const path = url.slice(SYNC_PATH_PREFIX.length).split('?')[0]
  return parseRoomId(path)
}

export interface OfferedProtocols {
  readonly hasSubprotocol: boolean
  /** null when missing, malformed or offered more than once. */
  readonly token: RoomToken | null
  readonly register: boolean
  readonly ack: boolean
}

export const parseOfferedProtocols = (offered: ReadonlySet<string>): OfferedProtocols => {
  const tokens = [...offered].filter((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))
  return {
    hasSubprotocol: offered.has(SUBPROTOCOL),
    token: tokens.length === 1 ? parseRoomToken(tokens[0]!.slice(TOKEN_PROTOCOL_PREFIX.length)) : null,
    register: offered.has(REGISTER_PROTOCOL),
    ack: offered.has(ACK_PROTOCOL),
  }
}

/**
 * The subprotocol the upgrade answers with. A browser fails the handshake (1006, retried forever) when the
 * answer is not one it offered, so when SUBPROTOCOL is missing we echo the first offered one (only back to
 * that same client) and refuse afterwards with a 44xx close code. A token only when nothing else
 * was offered: the answer is a response header, and some proxies log those.
 */
export const selectProtocol = (offered: ReadonlySet<string>): string | false => {
  if (offered.has(SUBPROTOCOL)) return SUBPROTOCOL
  return [...offered].find((protocol) => !protocol.startsWith(TOKEN_PROTOCOL_PREFIX)) ?? [...offered][0] ?? false
}

/** Parses the raw Sec-WebSocket-Protocol header the same way `ws` does (comma list, trimmed). */
export const protocolsFromHeader = (header: string | undefined): Set<string> =>
  new Set((header ?? '').split(',').map((p) => p.trim()).filter((p) => p !== ''))

/** Constant-time comparison of two base64url hashes. */
export const isSameHash = (a: string, b: string): boolean => {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

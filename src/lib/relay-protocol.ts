// The wire contract between the app and the relay, on top of the standard y-websocket protocol.
//
// A socket opens `ws(s)://<host>/sync/<roomId>` and offers these WebSocket subprotocols
// (the browser WebSocket API cannot set headers, and a query string ends up in access logs):
//   SUBPROTOCOL                      always; the relay answers with it
//   TOKEN_PROTOCOL_PREFIX + token    the room token (base64url), never the invite secret
//   REGISTER_PROTOCOL                "create the room with this token if it does not exist"
//   ACK_PROTOCOL                     "tell me when my updates are durably stored"
// Refusals happen after the upgrade, as a close with a 44xx code, because a refused upgrade
// reaches a browser only as 1006 and y-websocket would retry forever.

export const SYNC_PATH_PREFIX = '/sync/'
export const SUBPROTOCOL = 'pedibus.v1'
export const TOKEN_PROTOCOL_PREFIX = 'pedibus.token.'
export const REGISTER_PROTOCOL = 'pedibus.register'
export const ACK_PROTOCOL = 'pedibus.ack'

/** y-websocket message types (first varuint of every frame). */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
/**
 * Relay -> client only, sent to sockets that offered ACK_PROTOCOL: varuint N, meaning "the first N
 * sync step-2 and update messages you sent on this connection are durably stored".
 */
export const MESSAGE_RELAY_ACK = 100
/**
 * Relay -> phone, in a room being renewed (issues 6, 16): the collective moved to a new room with a new secret. Sent to
 * the room's sockets just before they are closed with 4410 (the room is then deleted); no payload.
 */
export const MESSAGE_ROOM_MOVED = 101
/**
 * Relay -> phone: a step-2/update message was refused and will never be acknowledged: varuint reason
 * (RefusalCode), varuint message number (as counted for acks), and for a conflict the varuint client id and clock
 * where the room holds other content. The socket is then closed (CloseCode.conflict or roomFull).
 */
export const MESSAGE_REFUSED = 102

/**
 * Relay -> phone, to sockets that offered ACK_PROTOCOL, before its sync step 1: varuint MAX_PAYLOAD, the largest
 * message the relay reads. The phone sends larger changes in parts under it.
 */
export const MESSAGE_RELAY_LIMITS = 103

/**
 * Relay -> phone, in an archived room (issue 14): this room is the read-only archive of a past generation of the
 * collective; the collective goes on in its successor room, which every member derives from the same invite secret
 * (src/lib/credentials.ts, deriveSuccessorRoomId). Sent after the relay's sync step 1, and at once to the sockets of
 * a room archived while they are connected; no payload.
 */
export const MESSAGE_ROOM_ARCHIVED = 104

/**
 * Relay -> phone (issue 16), to sockets that offered ACK_PROTOCOL, after MESSAGE_RELAY_LIMITS: varString YYYY-MM-DD,
 * the day the relay deletes its copy of the room if nothing changes in it until then (its retention period, counted
 * from the last stored change). Sent only within the warning period before that day; any stored change moves it.
 */
export const MESSAGE_RETENTION = 105

export const RefusalCode = {
  /** The room holds other content under the same client id and clock (a forged or diverged write). */
  conflict: 1,
  /** The room reached ROOM_MAX_BYTES: only deletions are accepted until it shrinks. */
  roomFull: 2,
} as const

/**
 * Renewal request: `POST /renew/<roomId>` with the room token in this header (never in the URL).
 * 204 renewed (or already renewed), 401 bad or missing token, 404 unknown room.
 */
export const RENEW_PATH_PREFIX = '/renew/'
export const TOKEN_HEADER = 'x-pedibus-token'

/**
 * Archive request (issue 14): `POST /archive/<roomId>` with the room token in TOKEN_HEADER. The room becomes the
 * read-only archive of its generation, kept ARCHIVED_ROOM_DAYS. 204 archived (or already archived), 401 bad or
 * missing token, 403 foreign Origin, 404 unknown room, 409 renewed (a renewed room is not archived, nor an archived
 * one renewed), 410 deleted, 429 too many attempts from one address (shared with renewals).
 */
export const ARCHIVE_PATH_PREFIX = '/archive/'

/** y-protocols sync message subtypes (second varuint of a MESSAGE_SYNC frame). */
export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2

/** Close codes. 4400-4499 tell the stock y-websocket client not to reconnect. */
export const CloseCode = {
  tooLarge: 1009,
  protocolError: 1002,
  invalidPayload: 1007,
  goingAway: 1001,
  /** Breaks the room's rules (content kind, nesting, names) or waited too long for predecessors. */
  policy: 1008,
  /** The room failed to store or apply something and was reset: reconnect (with backoff) and send again. */
  tryAgainLater: 1013,
  badRequest: 4400,
  badToken: 4401,
  forbiddenOrigin: 4403,
  unknownRoom: 4404,
  /** MESSAGE_REFUSED with RefusalCode.conflict was sent: the phone must rebuild its copy from the room. */
  conflict: 4409,
  /**
   * A renewed room, deleted at its renewal (the collective moved; the phone needs the new invitation), or an
   * archived room deleted after ARCHIVED_ROOM_DAYS (the phone keeps its own copy of the archive).
   */
  roomMoved: 4410,
  /** MESSAGE_REFUSED with RefusalCode.roomFull was sent. */
  roomFull: 4413,
  /**
   * A reader's socket (issue 18, a partner link) whose reader a member removed (`DELETE /readers/...`): the link no
   * longer opens anything; the partner's page says "ce lien a été retiré".
   */
  readerRevoked: 4411,
  tooManyRequests: 4429,
} as const

/**
 * True when the relay refused this socket for good: reconnecting cannot help. 4409 and 4413 also stop the stock
 * client, but the app handles them itself (rebuild from the room; wait for the room to shrink).
 */
export const isPermanentRefusal = (code: number): boolean =>
  code >= 4400 && code < 4500 && code !== CloseCode.conflict && code !== CloseCode.roomFull

/** Room ids are 128 random bits, base64url without padding (22 characters). */
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/
/** Room tokens are 256 bits, base64url without padding (43 characters). */
export const ROOM_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

/**
 * Invitations (issue 16): `/invite/<roomId>` (POST: create, token in TOKEN_HEADER, JSON body; GET: list, token too)
 * and `/invite/<roomId>/<invitationId>` (GET: the sealed secret, no token: the link's holder asks; DELETE: revoke,
 * token). The relay keeps the collective's secret only sealed under a key it never sees (src/lib/invitation.ts).
 */
export const INVITE_PATH_PREFIX = '/invite/'
/** Longest validity an invitation may be given. */
export const MAX_INVITATION_DAYS = 30

/**
 * Readers (issue 18, read-only partner links): `POST /readers/<roomId>` (room token in TOKEN_HEADER, JSON body
 * `{id, tokenHash}`) files a reader: a socket offering a token whose SHA-256 is `tokenHash` is read-only (sync answers
 * and live updates; every step-2/update it sends is dropped, never stored, forwarded or acknowledged; it never
 * registers a room). `DELETE /readers/<roomId>/<id>` (token) removes it and closes its sockets with
 * CloseCode.readerRevoked. 201 filed, 204 removed, 400 bad body, 401 bad token, 404 unknown room, 409 renewed or
 * archived room (POST), 410 deleted room, 422 too many readers, 429 too many requests.
 */
export const READERS_PATH_PREFIX = '/readers/'
/** Readers one room may have at once. */
export const MAX_READERS = 20

// Room ids, invite secrets and what is derived from them (room token, token hash), with WebCrypto.
//
// The secret never leaves the phones (it travels in the invite link's #fragment). The relay sees
// the room token, derived from the secret with HKDF and a purpose label, and stores only its
// SHA-256 hash, so neither a relay operator nor a leaked relay disk can recover the secret.
import { base64urlToBytes, bytesToBase64url } from './base64url.ts'
import { ROOM_ID_PATTERN, ROOM_TOKEN_PATTERN } from './relay-protocol.ts'

declare const roomIdBrand: unique symbol
declare const secretBrand: unique symbol
declare const tokenBrand: unique symbol
export type RoomId = string & { readonly [roomIdBrand]: true }
export type InviteSecret = string & { readonly [secretBrand]: true }
export type RoomToken = string & { readonly [tokenBrand]: true }

const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/
const ROOM_TOKEN_LABEL = 'pedibus-coop/room-token/v1'
const SUCCESSOR_ROOM_LABEL = 'pedibus-coop/successor-room/v1'

const randomBase64url = (byteCount: number): string =>
  bytesToBase64url(crypto.getRandomValues(new Uint8Array(byteCount)))

export const createRoomId = (): RoomId => randomBase64url(16) as RoomId
export const createInviteSecret = (): InviteSecret => randomBase64url(32) as InviteSecret

export const parseRoomId = (text: unknown): RoomId | null =>
  typeof text === 'string' && ROOM_ID_PATTERN.test(text) ? (text as RoomId) : null
export const parseInviteSecret = (text: unknown): InviteSecret | null =>
  typeof text === 'string' && SECRET_PATTERN.test(text) ? (text as InviteSecret) : null
export const parseRoomToken = (text: unknown): RoomToken | null =>
  typeof text === 'string' && ROOM_TOKEN_PATTERN.test(text) ? (text as RoomToken) : null

/** HKDF-SHA256(secret, salt = room id, info = purpose label) -> `bits` bits, base64url. */
const deriveFromSecret = async (roomId: RoomId, secret: InviteSecret, label: string, bits: number): Promise<string> => {
  const secretBytes = base64urlToBytes(secret)
  if (!secretBytes) throw new Error('invalid secret') // unreachable for a parsed InviteSecret
  const key = await crypto.subtle.importKey('raw', secretBytes, 'HKDF', false, ['deriveBits'])
  const derived = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode(roomId), info: new TextEncoder().encode(label) },
    key,
    bits,
  )
  return bytesToBase64url(new Uint8Array(derived))
}

/** HKDF-SHA256(secret, salt = room id, info = purpose label) -> 32 bytes. */
export const deriveRoomToken = async (roomId: RoomId, secret: InviteSecret): Promise<RoomToken> =>
  (await deriveFromSecret(roomId, secret, ROOM_TOKEN_LABEL, 256)) as RoomToken

/**
 * The room where the collective of `roomId` goes on once that room is archived (a new school year, a new document
 * layout): 16 bytes from the same secret under another label, so every member derives it from the link it already
 * has; the relay, which never sees the secret, cannot derive one room from the other (it may still guess they are one
 * collective from the same ids in both and the same phones connecting to both).
 */
export const deriveSuccessorRoomId = async (roomId: RoomId, secret: InviteSecret): Promise<RoomId> =>
  (await deriveFromSecret(roomId, secret, SUCCESSOR_ROOM_LABEL, 128)) as RoomId

/** What the relay stores: SHA-256 of the token, base64url. */
export const hashRoomToken = async (token: RoomToken): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
  return bytesToBase64url(new Uint8Array(digest))
}

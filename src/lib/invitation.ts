// One-off invitation keys (issue 16): the collective's secret sealed under a key that lives only in the invite link.
//
// A member's phone makes a random invite key, seals the collective's secret under a key derived from it (AES-GCM, the
// room id as associated data) and gives the relay the sealed secret with an id also derived from the invite key. The
// link carries the room id and the invite key in its #fragment, never the secret: whoever holds the link asks the
// relay for the sealed secret by its id and opens it. The relay cannot open it, and forgets it at expiry or revocation,
// so a link found later in a browser's history opens nothing.
import { base64urlToBytes, bytesToBase64url } from './base64url.ts'
import { parseInviteSecret, type InviteSecret, type RoomId } from './credentials.ts'

declare const inviteKeyBrand: unique symbol
declare const invitationIdBrand: unique symbol
export type InviteKey = string & { readonly [inviteKeyBrand]: true }
export type InvitationId = string & { readonly [invitationIdBrand]: true }

const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/
const SEALED_PATTERN = /^[A-Za-z0-9_-]{1,200}$/
const ID_LABEL = 'pedibus-coop/invitation-id/v1'
const WRAP_LABEL = 'pedibus-coop/invitation-wrap/v1'
const IV_BYTES = 12

export const createInviteKey = (): InviteKey => bytesToBase64url(crypto.getRandomValues(new Uint8Array(32))) as InviteKey
export const parseInviteKey = (text: unknown): InviteKey | null =>
  typeof text === 'string' && KEY_PATTERN.test(text) ? (text as InviteKey) : null
export const parseInvitationId = (text: unknown): InvitationId | null =>
  typeof text === 'string' && ID_PATTERN.test(text) ? (text as InvitationId) : null
export const isSealedInvitation = (text: unknown): text is string => typeof text === 'string' && SEALED_PATTERN.test(text)

const hkdf = async (roomId: RoomId, key: InviteKey, label: string, bits: number): Promise<Uint8Array<ArrayBuffer>> => {
  const keyBytes = base64urlToBytes(key)
  if (!keyBytes) throw new Error('invalid invite key') // unreachable for a parsed InviteKey
  const base = await crypto.subtle.importKey('raw', keyBytes, 'HKDF', false, ['deriveBits'])
  const info = new TextEncoder().encode(label)
  const derived = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode(roomId), info }, base, bits)
  return new Uint8Array(derived)
}

/** The id the relay files the invitation under: 16 bytes from the invite key, base64url. */
export const invitationIdOf = async (roomId: RoomId, key: InviteKey): Promise<InvitationId> =>
  bytesToBase64url(await hkdf(roomId, key, ID_LABEL, 128)) as InvitationId

const wrapKey = async (roomId: RoomId, key: InviteKey, use: KeyUsage): Promise<CryptoKey> =>
  crypto.subtle.importKey('raw', await hkdf(roomId, key, WRAP_LABEL, 256), 'AES-GCM', false, [use])

/** The collective's secret sealed under the invite key: iv || AES-GCM(secret), base64url. */
export const sealSecret = async (roomId: RoomId, key: InviteKey, secret: InviteSecret): Promise<string> => {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const plain = new TextEncoder().encode(secret)
  const additionalData = new TextEncoder().encode(roomId)
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, await wrapKey(roomId, key, 'encrypt'), plain)
  const bytes = new Uint8Array(IV_BYTES + sealed.byteLength)
  bytes.set(iv)
  bytes.set(new Uint8Array(sealed), IV_BYTES)
  return bytesToBase64url(bytes)
}

/** Opens a sealed secret; null when it does not open under this key and room (a forged or damaged answer). */
export const openSecret = async (roomId: RoomId, key: InviteKey, sealed: string): Promise<InviteSecret | null> => {
  const bytes = base64urlToBytes(sealed)
  if (!bytes || bytes.length <= IV_BYTES) return null
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES), additionalData: new TextEncoder().encode(roomId) },
      await wrapKey(roomId, key, 'decrypt'), bytes.slice(IV_BYTES))
    return parseInviteSecret(new TextDecoder().decode(plain))
  } catch {
    return null
  }
}

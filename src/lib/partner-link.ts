// Read-only partner links (issue 18): the keys a partner's link carries and what is derived from them, with WebCrypto.
//
// A member's phone makes, per partner link, a separate small room holding only a published summary, and a random
// 32-byte read key. The link is `/partenaire#r=<partner room>&k=<read key>`. From the read key (HKDF, salt: the partner
// room id, one label per purpose) come the READ token the partner's page offers to the relay (which knows only its
// hash, filed as a reader of that room), the reader id the relay files it under, and the key sealing the summary
// (AES-GCM, the room id as associated data): the relay stores and serves only ciphertext. The read key opens nothing
// of the collective's room, and the read token writes nothing: the relay refuses every update from a reader socket.
import { base64urlToBytes, bytesToBase64url } from './base64url.ts'
import type { RoomId, RoomToken } from './credentials.ts'

declare const readKeyBrand: unique symbol
declare const readerIdBrand: unique symbol
export type PartnerReadKey = string & { readonly [readKeyBrand]: true }
export type ReaderId = string & { readonly [readerIdBrand]: true }

const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/
const READER_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/
const READ_TOKEN_LABEL = 'pedibus-coop/partner-read-token/v1'
const READER_ID_LABEL = 'pedibus-coop/partner-reader-id/v1'
const SEAL_LABEL = 'pedibus-coop/partner-seal/v1'
const IV_BYTES = 12

export const createPartnerReadKey = (): PartnerReadKey =>
  bytesToBase64url(crypto.getRandomValues(new Uint8Array(32))) as PartnerReadKey
export const parsePartnerReadKey = (text: unknown): PartnerReadKey | null =>
  typeof text === 'string' && KEY_PATTERN.test(text) ? (text as PartnerReadKey) : null
export const parseReaderId = (text: unknown): ReaderId | null =>
  typeof text === 'string' && READER_ID_PATTERN.test(text) ? (text as ReaderId) : null

const hkdf = async (roomId: RoomId, key: PartnerReadKey, label: string, bits: number): Promise<Uint8Array<ArrayBuffer>> => {
  const keyBytes = base64urlToBytes(key)
  if (!keyBytes) throw new Error('invalid read key') // unreachable for a parsed PartnerReadKey
  const base = await crypto.subtle.importKey('raw', keyBytes, 'HKDF', false, ['deriveBits'])
  const derived = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode(roomId), info: new TextEncoder().encode(label) },
    base, bits)
  return new Uint8Array(derived)
}

/** The token the partner's page offers on its socket: 32 bytes, base64url (the relay keeps only its hash). */
export const partnerReadTokenOf = async (roomId: RoomId, key: PartnerReadKey): Promise<RoomToken> =>
  bytesToBase64url(await hkdf(roomId, key, READ_TOKEN_LABEL, 256)) as RoomToken

/** The id the relay files the reader under (so a member can remove it): 16 bytes, base64url. */
export const readerIdOf = async (roomId: RoomId, key: PartnerReadKey): Promise<ReaderId> =>
  bytesToBase64url(await hkdf(roomId, key, READER_ID_LABEL, 128)) as ReaderId

const sealKey = async (roomId: RoomId, key: PartnerReadKey, use: KeyUsage): Promise<CryptoKey> =>
  crypto.subtle.importKey('raw', await hkdf(roomId, key, SEAL_LABEL, 256), 'AES-GCM', false, [use])

/** The summary text sealed under the read key: iv || AES-GCM(text), base64url. */
export const sealPartnerSummary = async (roomId: RoomId, key: PartnerReadKey, text: string): Promise<string> => {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const additionalData = new TextEncoder().encode(roomId)
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData }, await sealKey(roomId, key, 'encrypt'), new TextEncoder().encode(text))
  const bytes = new Uint8Array(IV_BYTES + sealed.byteLength)
  bytes.set(iv)
  bytes.set(new Uint8Array(sealed), IV_BYTES)
  return bytesToBase64url(bytes)
}

/** The summary text, or null when it does not open under this key and room (a forged or damaged value). */
export const openPartnerSummary = async (roomId: RoomId, key: PartnerReadKey, sealed: string): Promise<string | null> => {
  const bytes = base64urlToBytes(sealed)
  if (!bytes || bytes.length <= IV_BYTES) return null
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES), additionalData: new TextEncoder().encode(roomId) },
      await sealKey(roomId, key, 'decrypt'), bytes.slice(IV_BYTES))
    return new TextDecoder().decode(plain)
  } catch {
    return null
  }
}

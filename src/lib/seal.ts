// Sealing personal text for the shared document: XChaCha20-Poly1305 (audited @noble/ciphers) under a collective key derived from the invite secret.
//
// The relay stores and forwards the document; it must be able to sync and compact it without
// reading a child's name. Each value gets a fresh random 24-byte nonce (safe to draw at random
// with XChaCha) and is bound to where it lives (`context`, e.g. "children/<id>/firstName") as
// associated data, so a sealed value copied into another record or field does not open.
// Sealing is synchronous so the document readers stay synchronous; only the key derivation
// (once per session) is asynchronous.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js'
import { base64urlToBytes, bytesToBase64url } from './base64url.ts'
import type { InviteSecret, RoomId } from './credentials.ts'
import { err, ok, type Result } from './result.ts'

/** HKDF purpose label: a key for sealing never equals the room token or any other derived value. */
export const SEAL_KEY_LABEL = 'pedibus-coop/seal-personal-fields/v1'
/** Prefix of a sealed value, with the format version. */
export const SEALED_PREFIX = 's1.'
const NONCE_BYTES = 24
const TAG_BYTES = 16

declare const sealKeyBrand: unique symbol
/** 32 bytes, never stored in the document, never sent to the relay. */
export type SealKey = Uint8Array & { readonly [sealKeyBrand]: true }

export type OpenError = 'notSealed' | 'cannotOpen'

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

/** HKDF-SHA256(secret, salt = room id, info = SEAL_KEY_LABEL) -> 32 bytes. */
export const deriveSealKey = async (roomId: RoomId, secret: InviteSecret): Promise<SealKey> => {
  const secretBytes = base64urlToBytes(secret)
  if (secretBytes === null) throw new Error('invalid invite secret')
  const key = await crypto.subtle.importKey('raw', secretBytes, 'HKDF', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(roomId), info: encoder.encode(SEAL_KEY_LABEL) },
    key,
    256,
  )
  return new Uint8Array(bits) as SealKey
}

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(SEALED_PREFIX)

/** 's1.' + base64url(nonce || ciphertext || tag). */
export const sealText = (key: SealKey, context: string, text: string): string => {
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES))
  const sealed = xchacha20poly1305(key, nonce, encoder.encode(context)).encrypt(encoder.encode(text))
  const out = new Uint8Array(NONCE_BYTES + sealed.length)
  out.set(nonce)
  out.set(sealed, NONCE_BYTES)
  return SEALED_PREFIX + bytesToBase64url(out)
}

/** The text back; 'cannotOpen' for a wrong key, another context or tampered bytes; never throws. */
export const openText = (key: SealKey, context: string, value: unknown): Result<string, OpenError> => {
  if (!isSealed(value)) return err('notSealed')
  const bytes = base64urlToBytes(value.slice(SEALED_PREFIX.length))
  if (bytes === null || bytes.length < NONCE_BYTES + TAG_BYTES) return err('cannotOpen')
  try {
    const plain = xchacha20poly1305(key, bytes.subarray(0, NONCE_BYTES), encoder.encode(context)).decrypt(bytes.subarray(NONCE_BYTES))
    return ok(decoder.decode(plain))
  } catch {
    return err('cannotOpen')
  }
}

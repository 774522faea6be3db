// Sealing personal text: round trip, fresh nonces, tampering and misplacement detected, keys separated between collectives.
import { describe, expect, it } from 'vitest'
import { createInviteSecret, createRoomId, deriveRoomToken } from '../../../src/lib/credentials.ts'
import { base64urlToBytes, bytesToBase64url } from '../../../src/lib/base64url.ts'
import { deriveSealKey, isSealed, openText, sealText, SEALED_PREFIX } from '../../../src/lib/seal.ts'

const collective = async () => {
  const roomId = createRoomId()
  const secret = createInviteSecret()
  return { roomId, secret, key: await deriveSealKey(roomId, secret) }
}

const CONTEXT = 'children/6f1c1c1e-0000-4000-8000-000000000001/firstName'

describe('sealed personal text', () => {
  it('opens what it sealed, including accents, emoji and the empty string', async () => {
    const { key } = await collective()
    for (const text of ['Léa', 'Tenir la main aux traversées 🚸', '', '06 11 22 33 44']) {
      const sealed = sealText(key, CONTEXT, text)
      expect(isSealed(sealed)).toBe(true)
      expect(sealed).not.toContain(text === '' ? '\u0000' : text)
      expect(openText(key, CONTEXT, sealed)).toEqual({ ok: true, value: text })
    }
  })

  it('draws a fresh nonce for every value: sealing the same text twice gives two different values', async () => {
    const { key } = await collective()
    expect(sealText(key, CONTEXT, 'Léa')).not.toBe(sealText(key, CONTEXT, 'Léa'))
  })

  it('detects any flipped byte (nonce, ciphertext or tag) and truncation', async () => {
    const { key } = await collective()
    const sealed = sealText(key, CONTEXT, 'Léa')
    const bytes = base64urlToBytes(sealed.slice(SEALED_PREFIX.length))!
    for (let index = 0; index < bytes.length; index++) {
      const tampered = new Uint8Array(bytes)
      tampered[index] = tampered[index]! ^ 0x01
      expect(openText(key, CONTEXT, SEALED_PREFIX + bytesToBase64url(tampered))).toEqual({ ok: false, error: 'cannotOpen' })
    }
    expect(openText(key, CONTEXT, sealed.slice(0, -4))).toEqual({ ok: false, error: 'cannotOpen' })
    expect(openText(key, CONTEXT, `${SEALED_PREFIX}!!`)).toEqual({ ok: false, error: 'cannotOpen' })
  })

  it('does not open a value moved to another record or field', async () => {
    const { key } = await collective()
    const sealed = sealText(key, CONTEXT, 'Léa')
    expect(openText(key, CONTEXT.replace('firstName', 'support'), sealed)).toEqual({ ok: false, error: 'cannotOpen' })
  })

  it('separates collectives: another collective\'s key, or the same secret in another room, cannot open', async () => {
    const a = await collective()
    const b = await collective()
    const sameSecretOtherRoom = await deriveSealKey(createRoomId(), a.secret)
    const sealed = sealText(a.key, CONTEXT, 'Léa')
    expect(openText(b.key, CONTEXT, sealed).ok).toBe(false)
    expect(openText(sameSecretOtherRoom, CONTEXT, sealed).ok).toBe(false)
    expect(openText(await deriveSealKey(a.roomId, a.secret), CONTEXT, sealed)).toEqual({ ok: true, value: 'Léa' })
  })

  it('derives a key unrelated to the room token the relay sees', async () => {
    const { roomId, secret, key } = await collective()
    const token = await deriveRoomToken(roomId, secret)
    expect(bytesToBase64url(key)).not.toBe(token)
    expect(key).toHaveLength(32)
  })

  it('tells plain values from sealed ones', async () => {
    const { key } = await collective()
    expect(openText(key, CONTEXT, 'Léa')).toEqual({ ok: false, error: 'notSealed' })
    expect(openText(key, CONTEXT, 42)).toEqual({ ok: false, error: 'notSealed' })
  })
})

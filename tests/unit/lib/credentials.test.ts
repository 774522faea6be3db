// Room ids, secrets and tokens: format, randomness, derivation stable per room and separated between rooms.
import { describe, expect, it } from 'vitest'
import { base64urlToBytes, bytesToBase64url } from '../../../src/lib/base64url.ts'
import {
  createInviteSecret,
  createRoomId,
  deriveRoomToken,
  deriveSuccessorRoomId,
  hashRoomToken,
  parseInviteSecret,
  parseRoomId,
  parseRoomToken,
} from '../../../src/lib/credentials.ts'

describe('base64url', () => {
  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    const text = bytesToBase64url(bytes)
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(base64urlToBytes(text)).toEqual(bytes)
  })

  it('rejects text that is not base64url', () => {
    expect(base64urlToBytes('abc+')).toBeNull()
    expect(base64urlToBytes('a')).toBeNull()
  })
})

describe('room credentials', () => {
  it('creates 128-bit room ids and 256-bit secrets that parse', () => {
    const roomId = createRoomId()
    const secret = createInviteSecret()
    expect(base64urlToBytes(roomId)).toHaveLength(16)
    expect(base64urlToBytes(secret)).toHaveLength(32)
    expect(parseRoomId(roomId)).toBe(roomId)
    expect(parseInviteSecret(secret)).toBe(secret)
  })

  it('never creates the same room id twice in a thousand draws', () => {
    const ids = new Set(Array.from({ length: 1000 }, createRoomId))
    expect(ids.size).toBe(1000)
  })

  it('refuses malformed ids, secrets and tokens', () => {
    expect(parseRoomId('../../etc/passwd')).toBeNull()
    expect(parseRoomId(42)).toBeNull()
    expect(parseInviteSecret('short')).toBeNull()
    expect(parseRoomToken('x'.repeat(42))).toBeNull()
  })

  it('derives the same token for the same room and secret, a different one otherwise', async () => {
    const roomId = createRoomId()
    const secret = createInviteSecret()
    const token = await deriveRoomToken(roomId, secret)
    expect(parseRoomToken(token)).toBe(token)
    expect(await deriveRoomToken(roomId, secret)).toBe(token)
    expect(await deriveRoomToken(createRoomId(), secret)).not.toBe(token)
    expect(await deriveRoomToken(roomId, createInviteSecret())).not.toBe(token)
    expect(token).not.toContain(secret)
  })

  it('hashes the token so the relay never stores it', async () => {
    const token = await deriveRoomToken(createRoomId(), createInviteSecret())
    const hash = await hashRoomToken(token)
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(hash).not.toBe(token)
    expect(await hashRoomToken(token)).toBe(hash)
  })
})

describe('successor room', () => {
  it('is a room id every holder of the link derives alike, different per room, secret and generation', async () => {
    const roomId = createRoomId()
    const secret = createInviteSecret()
    const next = await deriveSuccessorRoomId(roomId, secret)
    expect(parseRoomId(next)).toBe(next)
    expect(await deriveSuccessorRoomId(roomId, secret)).toBe(next)
    expect(next).not.toBe(roomId)
    expect(await deriveSuccessorRoomId(roomId, createInviteSecret())).not.toBe(next)
    expect(await deriveSuccessorRoomId(createRoomId(), secret)).not.toBe(next)
    // The generation after next is another room again, and none is the room's token.
    const afterNext = await deriveSuccessorRoomId(next, secret)
    expect(new Set([roomId, next, afterNext]).size).toBe(3)
    expect((await deriveRoomToken(roomId, secret)).startsWith(next)).toBe(false)
  })
})

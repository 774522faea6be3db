// Partner link keys (issue 18): what a read key derives is distinct per purpose and per room, and the summary it seals
// opens only under the same key and room.
import { describe, expect, it } from 'vitest'
import { createRoomId, deriveRoomToken, parseRoomToken } from '../../../src/lib/credentials.ts'
import {
  createPartnerReadKey, openPartnerSummary, parsePartnerReadKey, parseReaderId, partnerReadTokenOf, readerIdOf,
  sealPartnerSummary,
} from '../../../src/lib/partner-link.ts'

describe('partner link keys', () => {
  it('derives a read token and a reader id, distinct per purpose and room, and never the room token', async () => {
    const key = createPartnerReadKey()
    const room = createRoomId()
    const other = createRoomId()
    const token = await partnerReadTokenOf(room, key)
    expect(parseRoomToken(token)).toBe(token)
    expect(parseReaderId(await readerIdOf(room, key))).not.toBeNull()
    expect(await partnerReadTokenOf(room, key)).toBe(token) // the page derives the same
    expect(await partnerReadTokenOf(other, key)).not.toBe(token)
    expect(await partnerReadTokenOf(room, createPartnerReadKey())).not.toBe(token)
    expect(token).not.toBe(await deriveRoomToken(room, key as unknown as Parameters<typeof deriveRoomToken>[1]))
    expect(token.startsWith(await readerIdOf(room, key))).toBe(false)
    expect(parsePartnerReadKey(key)).toBe(key)
    expect(parsePartnerReadKey('short')).toBeNull()
  })

  it('seals the summary so that only the same key and room open it', async () => {
    const key = createPartnerReadKey()
    const room = createRoomId()
    const sealed = await sealPartnerSummary(room, key, '{"v":1,"collective":"Pédibus des Pins"}')
    expect(sealed).not.toContain('Pins')
    expect(await sealPartnerSummary(room, key, 'same')).not.toBe(await sealPartnerSummary(room, key, 'same')) // fresh iv
    expect(await openPartnerSummary(room, key, sealed)).toBe('{"v":1,"collective":"Pédibus des Pins"}')
    expect(await openPartnerSummary(createRoomId(), key, sealed)).toBeNull()
    expect(await openPartnerSummary(room, createPartnerReadKey(), sealed)).toBeNull()
    const tampered = `${sealed.slice(0, 20)}${sealed[20] === 'A' ? 'B' : 'A'}${sealed.slice(21)}`
    expect(await openPartnerSummary(room, key, tampered)).toBeNull()
    expect(await openPartnerSummary(room, key, '')).toBeNull()
  })
})

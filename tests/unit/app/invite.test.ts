// Invite links (issue 16): a one-off invite key in the fragment, never the collective's secret; links of the earlier
// format (the secret itself) still read; anything else is 'invalidLink'. The key seals and opens the secret.
import { describe, expect, it } from 'vitest'
import { buildInviteUrl, parseInvite } from '../../../src/app/invite.ts'
import { createInviteSecret, createRoomId } from '../../../src/lib/credentials.ts'
import { createInviteKey, invitationIdOf, openSecret, sealSecret } from '../../../src/lib/invitation.ts'

describe('invite links', () => {
  const roomId = createRoomId()
  const secret = createInviteSecret()
  const key = createInviteKey()

  it('round-trips through the fragment, the hash, or the whole URL', () => {
    const url = buildInviteUrl('https://pedibus.example/', roomId, key)
    expect(url).toBe(`https://pedibus.example/rejoindre#r=${roomId}&i=${key}`)
    const fragment = new URL(url).hash
    for (const input of [url, fragment, fragment.slice(1), `  ${url}  `]) {
      expect(parseInvite(input)).toEqual({ ok: true, value: { kind: 'key', roomId, key } })
    }
  })

  it('the invite key never appears outside the fragment, and the link holds no secret', () => {
    const url = new URL(buildInviteUrl('https://pedibus.example', roomId, key))
    expect(url.pathname + url.search).not.toContain(key)
    expect(url.href).not.toContain(secret)
  })

  it('still reads a link of the earlier format, which held the secret (migration)', () => {
    expect(parseInvite(`https://pedibus.example/rejoindre#r=${roomId}&s=${secret}`))
      .toEqual({ ok: true, value: { kind: 'secret', roomId, secret } })
  })

  it('rejects malformed links', () => {
    const bad = [
      '',
      '#',
      `#r=${roomId}`,
      `#s=${secret}`,
      `#i=${key}`,
      `#r=${roomId}&i=${key}&s=${secret}`,
      `#r=${roomId.slice(1)}&i=${key}`,
      `#r=${roomId}&i=${key}x`,
      `#r=${roomId}&s=${secret}x`,
      `#r=${roomId}&s=${secret.replace(/./, '+')}`,
      `#r=<script>&s=${secret}`,
      `#${'r=x&'.repeat(100)}`,
      'https://pedibus.example/rejoindre',
    ]
    for (const input of bad) expect(parseInvite(input), input).toEqual({ ok: false, error: 'invalidLink' })
  })
})

describe('the secret sealed under an invite key', () => {
  const roomId = createRoomId()
  const secret = createInviteSecret()

  it('opens with the same key and room only; a forged or damaged answer opens nothing', async () => {
    const key = createInviteKey()
    const sealed = await sealSecret(roomId, key, secret)
    expect(sealed).not.toContain(secret)
    expect(await openSecret(roomId, key, sealed)).toBe(secret)
    expect(await openSecret(roomId, createInviteKey(), sealed)).toBeNull()
    expect(await openSecret(createRoomId(), key, sealed)).toBeNull()
    const damaged = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'BB' : 'AA'}`
    expect(await openSecret(roomId, key, damaged)).toBeNull()
    expect(await openSecret(roomId, key, 'x')).toBeNull()
  })

  it('files each invitation under an id derived from its key, which reveals neither the key nor the room', async () => {
    const key = createInviteKey()
    const id = await invitationIdOf(roomId, key)
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(await invitationIdOf(roomId, key)).toBe(id)
    expect(await invitationIdOf(roomId, createInviteKey())).not.toBe(id)
    expect(await invitationIdOf(createRoomId(), key)).not.toBe(id)
    expect(key).not.toContain(id)
  })
})

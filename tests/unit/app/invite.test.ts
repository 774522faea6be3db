// Invite links: built with the secret in the fragment, parsed strictly (anything else is 'invalidLink').
import { describe, expect, it } from 'vitest'
import { buildInviteUrl, parseInvite } from '../../../src/app/invite.ts'
import { createInviteSecret, createRoomId } from '../../../src/lib/credentials.ts'

describe('invite links', () => {
  const roomId = createRoomId()
  const secret = createInviteSecret()

  it('round-trips through the fragment, the hash, or the whole URL', () => {
    const url = buildInviteUrl('https://pedibus.example/', { roomId, secret })
    expect(url).toBe(`https://pedibus.example/rejoindre#r=${roomId}&s=${secret}`)
    const fragment = new URL(url).hash
    for (const input of [url, fragment, fragment.slice(1), `  ${url}  `]) {
      expect(parseInvite(input)).toEqual({ ok: true, value: { roomId, secret } })
    }
  })

  it('the secret never appears outside the fragment', () => {
    const url = new URL(buildInviteUrl('https://pedibus.example', { roomId, secret }))
    expect(url.pathname + url.search).not.toContain(secret)
  })

  it('rejects malformed links', () => {
    const bad = [
      '',
      '#',
      `#r=${roomId}`,
      `#s=${secret}`,
      `#r=${roomId.slice(1)}&s=${secret}`,
      `#r=${roomId}&s=${secret}x`,
      `#r=${roomId}&s=${secret.replace(/./, '+')}`,
      `#r=<script>&s=${secret}`,
      `#${'r=x&'.repeat(100)}`,
      'https://pedibus.example/rejoindre',
    ]
    for (const input of bad) expect(parseInvite(input), input).toEqual({ ok: false, error: 'invalidLink' })
  })
})

// Pasted invite links: the #fragment is extracted whatever the messaging app did to the link.
import { describe, expect, it } from 'vitest'
import { inviteFragmentOf } from '../../../src/ui/pages/invite-link.ts'

describe('inviteFragmentOf', () => {
  it('takes the fragment of a full link, trimmed', () => {
    expect(inviteFragmentOf('  https://pedibus.example/rejoindre#r=abc&s=def \n')).toBe('#r=abc&s=def')
  })
  it('accepts a link without scheme and a bare fragment', () => {
    expect(inviteFragmentOf('pedibus.example/rejoindre#r=abc&s=def')).toBe('#r=abc&s=def')
    expect(inviteFragmentOf('r=abc&s=def')).toBe('#r=abc&s=def')
  })
  it('returns null when there is nothing to join with', () => {
    expect(inviteFragmentOf('')).toBeNull()
    expect(inviteFragmentOf('https://pedibus.example/rejoindre')).toBeNull()
    expect(inviteFragmentOf('https://pedibus.example/rejoindre#')).toBeNull()
  })
})

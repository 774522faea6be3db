// The one swap state: computed once per view and instant, shared by every screen part and command, recomputed when the view changes.
import { describe, expect, it } from 'vitest'
import { swapStateOf } from '../../../src/app/queries/swap-state.ts'
import { newWorld, NOW, valueOf, walkOn, type Phone } from './swap-phones.ts'

describe('swap state cache', () => {
  it('returns the same state for the same view and instant, a new one for another instant or a changed view', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    const walk = walkOn(world.lineId)
    valueOf(a.commands.signUp(walk, 'lead', world.adults[0]!))
    const view = a.view.get()
    const first = swapStateOf(view, NOW)
    expect(swapStateOf(view, NOW)).toBe(first)
    expect(swapStateOf(view, NOW + 60_000)).not.toBe(first)
    const offerId = valueOf(a.commands.offerSlot(walk, world.adults[0]!))
    const after = swapStateOf(a.view.get(), NOW)
    expect(after).not.toBe(first)
    expect(after.offerById.get(offerId)?.status).toBe('open')
    expect(first.offerById.has(offerId)).toBe(false)
  })
})

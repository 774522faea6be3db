// The plausible clock ceiling: a forged jump never drives the shared clock, honest offline bursts always do.
import { describe, expect, it } from 'vitest'
import { MAX_CLOCK_STEP, plausibleMaxClock } from '../../../src/domain/record-order.ts'
import { MAX_CLOCK } from '../../../src/domain/signup.ts'

describe('plausibleMaxClock', () => {
  it('is the highest clock when clocks rise by ordinary steps', () => {
    expect(plausibleMaxClock([])).toBe(0)
    expect(plausibleMaxClock([3, 1, 2, 2])).toBe(3)
    expect(plausibleMaxClock([1, 1 + MAX_CLOCK_STEP])).toBe(1 + MAX_CLOCK_STEP)
  })

  it('stops below a jump over the step, whatever comes above it', () => {
    expect(plausibleMaxClock([1, 2, MAX_CLOCK])).toBe(2)
    expect(plausibleMaxClock([5, 7, 8 + MAX_CLOCK_STEP, 9 + MAX_CLOCK_STEP])).toBe(7)
    expect(plausibleMaxClock([MAX_CLOCK_STEP + 1])).toBe(0)
  })

  it('ignores values that are not clocks', () => {
    expect(plausibleMaxClock([Number.NaN, -4, 1.5, 2])).toBe(2)
  })
})

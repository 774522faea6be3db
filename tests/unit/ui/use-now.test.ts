// The rota screens' clock: one instant per minute shared by every component, one timer for all of them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { minuteNow, onEachMinute } from '../../../src/ui/components/rota/useRotaNow.ts'

describe('the shared minute clock', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(Date.parse('2027-03-15T07:59:30.250Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('gives every reader within a minute the same instant', () => {
    const first = minuteNow()
    vi.advanceTimersByTime(20_000)
    expect(minuteNow()).toBe(first)
    expect(first).toBe(Date.parse('2027-03-15T07:59:00Z'))
  })

  it('wakes every listener with the same new minute from one timer, and stops when none is left', () => {
    const seen: number[][] = [[], [], []]
    const stops = seen.map((list) => onEachMinute((now) => list.push(now)))
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(30_000)
    expect(seen).toEqual([[Date.parse('2027-03-15T08:00:00Z')], [Date.parse('2027-03-15T08:00:00Z')], [Date.parse('2027-03-15T08:00:00Z')]])
    vi.advanceTimersByTime(60_000)
    expect(seen[0]).toEqual([Date.parse('2027-03-15T08:00:00Z'), Date.parse('2027-03-15T08:01:00Z')])
    for (const stop of stops) stop()
    expect(vi.getTimerCount()).toBe(0)
  })
})

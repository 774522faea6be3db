// The week's cards are rendered again only when theirs changed: the props comparison the memoized WalkCard uses.
import { describe, expect, it } from 'vitest'
import type { WalkRota } from '../../../src/domain/rota-types.ts'
import { sameData } from '../../../src/ui/components/memo.ts'
import { sameWalkCardProps, type WalkCardProps } from '../../../src/ui/components/rota/WalkCard.tsx'

const signUp = (adultId: string, clock: number) => ({ adultId, familyId: 'f', slot: 'lead', status: 'active', clock, actor: 'a' })
const walk = (part: Partial<Record<keyof WalkRota, unknown>> = {}): WalkRota => ({
  lineId: 'l', date: '2027-03-04', direction: 'aller', key: 'l|2027-03-04|aller', startTime: '08:05', cancellation: null,
  expectedChildIds: ['c1', 'c2'], ratioCount: 2, requiredAdults: 2, lead: signUp('x', 1), tail: null, extras: [], waiting: [],
  state: 'toFill', ...part,
}) as unknown as WalkRota

const session = {} as WalkCardProps['session']
const adults = new Map()
const myAdults: WalkCardProps['myAdults'] = []
const props = (w: WalkRota, more: Partial<WalkCardProps> = {}): WalkCardProps =>
  ({ session, walk: w, adults, myAdults, absentCount: 0, past: false, ...more })

describe('walk card props', () => {
  it('are the same for a walk read again unchanged (new objects, same values)', () => {
    expect(sameWalkCardProps(props(walk()), props(walk()))).toBe(true)
  })

  it('differ when the walk’s places, waiting list, state, counts or cancellation change', () => {
    const before = props(walk())
    for (const change of [
      { lead: signUp('y', 2) }, { lead: signUp('x', 3) }, { tail: signUp('z', 4) }, { extras: [signUp('z', 4)] },
      { waiting: [signUp('w', 5)] }, { state: 'urgent' }, { requiredAdults: 3 }, { expectedChildIds: ['c1'] },
      { cancellation: { kind: 'exception', reason: 'strike', note: '' } }, { startTime: '08:10' },
    ]) expect(sameWalkCardProps(before, props(walk(change))), JSON.stringify(change)).toBe(false)
  })

  it('differ when the people, the absences or the time around the walk change', () => {
    const before = props(walk())
    expect(sameWalkCardProps(before, props(walk(), { adults: new Map() }))).toBe(false)
    expect(sameWalkCardProps(before, props(walk(), { myAdults: [] }))).toBe(false)
    expect(sameWalkCardProps(before, props(walk(), { absentCount: 1 }))).toBe(false)
    expect(sameWalkCardProps(before, props(walk(), { past: true }))).toBe(false)
  })
})

describe('sameData', () => {
  it('compares values, arrays and plain objects by content, to the depth asked', () => {
    expect(sameData({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true)
    expect(sameData({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false)
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameData([1, 2], [1, 2, 3])).toBe(false)
    expect(sameData([], {})).toBe(false)
    expect(sameData(Number.NaN, Number.NaN)).toBe(true)
    expect(sameData({ a: { b: { c: 1 } } }, { a: { b: { c: 1 } } }, 2)).toBe(false) // deeper than asked: by identity
  })
})

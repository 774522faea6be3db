// "Trajet en binôme": who may pair on a walk, the lines a walk shows ("à revoir"), "passer le témoin", the invariants.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { AdultIdSchema, ActorIdSchema, FamilyIdSchema, LineIdSchema, type AdultId } from '../../../src/domain/ids.ts'
import {
  StoredPairSchema, checkPairInvariants, handoverWalks, pairKeyOf, pairLinesOf, pairRefusal, pairsByWalk, type Pair,
} from '../../../src/domain/pairs.ts'
import { walkKeyOf, type SignUp, type WalkRef } from '../../../src/domain/signup.ts'

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const [lea, paul, marie, zoe] = [1, 2, 3, 4].map((n) => AdultIdSchema.parse(id(n))) as [AdultId, AdultId, AdultId, AdultId]
const actor = ActorIdSchema.parse(id(9))
const lineId = LineIdSchema.parse(id(10))
const walkOn = (date: string): WalkRef => ({ lineId, date: localDate(date), direction: 'aller' })
const monday = walkOn('2027-03-15')
const signUp = (adultId: AdultId, slot: SignUp['slot'], walk = monday): SignUp =>
  ({ ...walk, adultId, familyId: FamilyIdSchema.parse(id(20)), slot, status: 'active', clock: 1, actor } as SignUp)
const staffed = (walk = monday) => ({ lead: signUp(lea, 'lead', walk), tail: signUp(paul, 'tail', walk), extras: [] })
const pair = (adultId: AdultId, withAdultId: AdultId, more: Partial<Pair> = {}): Pair =>
  ({ walk: monday, adultId, withAdultId, kind: 'pair', status: 'active', clock: 3, actor, ...more })

describe('pairs', () => {
  it('a stored pair names two different adults; its key is the walk and the newcomer', () => {
    expect(StoredPairSchema.safeParse(pair(marie, lea)).success).toBe(true)
    expect(StoredPairSchema.safeParse(pair(marie, marie)).success).toBe(false)
    expect(pairKeyOf(pair(marie, lea))).toBe(`${walkKeyOf(monday)}|${marie}`)
  })

  it('asks a pair only with an adult holding a place, for a newcomer who holds none', () => {
    expect(pairRefusal(staffed(), marie, lea)).toBeNull()
    expect(pairRefusal(staffed(), paul, lea)).toBe('alreadyOnWalk')
    expect(pairRefusal(staffed(), marie, zoe)).toBe('withNotOnWalk')
    expect(pairRefusal(staffed(), marie, marie)).toBe('sameAdult')
  })

  it('shows "à revoir" when the experienced adult left the walk, and drops withdrawn pairs', () => {
    const lines = pairLinesOf({ lead: signUp(lea, 'lead'), tail: null, extras: [] }, [
      pair(marie, lea), pair(zoe, paul), pair(paul, lea, { status: 'withdrawn' }),
    ])
    expect(lines.map((line) => [line.pair.adultId, line.review])).toEqual([[marie, false], [zoe, true]])
  })

  it('a newcomer who signs up holds a place in their own right: no pair line then', () => {
    expect(pairLinesOf(staffed(), [pair(paul, lea)])).toEqual([])
  })

  it('never changes the walk\'s staffing: holders and required adults are the sign-ups\' alone', () => {
    const walk = { ...staffed(), key: walkKeyOf(monday), requiredAdults: 2 }
    const before = JSON.stringify(walk)
    pairLinesOf(walk, [pair(marie, lea)])
    expect(JSON.stringify(walk)).toBe(before)
    expect(checkPairInvariants([pair(marie, lea)], [walk], [walk.lead, walk.tail])).toEqual([])
    // A holder listed without any sign-up would be a pair counted as a place.
    const counted = { ...walk, extras: [signUp(marie, 'extra')] }
    expect(checkPairInvariants([pair(marie, lea)], [counted], [walk.lead, walk.tail])).toHaveLength(1)
  })

  it('a paired newcomer seated by a swap holds that place in their own right: no failure, no pair line', () => {
    // Lea offered her lead place and Marie, paired with her ("passer le témoin"), took it: Marie has no sign-up.
    const seated = { lead: signUp(marie, 'lead'), tail: null, extras: [], key: walkKeyOf(monday) }
    const swapped = { ...seated, viaSwap: [{ adultId: marie }] }
    const handover = pair(marie, lea, { kind: 'handover' })
    expect(checkPairInvariants([handover], [swapped], [])).toEqual([])
    expect(pairLinesOf(swapped, [handover])).toEqual([])
    // Seated with neither a sign-up nor a swap: still a pair counted as a place.
    expect(checkPairInvariants([handover], [{ ...swapped, viaSwap: [] }], [])).toHaveLength(1)
    expect(checkPairInvariants([handover], [{ ...swapped, viaSwap: [{ adultId: zoe }] }], [])).toHaveLength(1)
  })

  it('indexes active pairs by walk, newcomers in id order', () => {
    const index = pairsByWalk([pair(zoe, lea), pair(marie, lea), pair(paul, lea, { status: 'withdrawn' })])
    expect(index.get(walkKeyOf(monday))?.map((p) => p.adultId)).toEqual([marie, zoe])
  })

  it('passer le témoin: the leaving adult\'s walks up to the date, skipping held, paired and cancelled ones', () => {
    const walks = ['2027-03-15', '2027-03-16', '2027-03-17', '2027-03-18', '2027-03-25'].map((date) => {
      const ref = walkOn(date)
      return { ...ref, ...staffed(ref), cancellation: date === '2027-03-17' ? { kind: 'x' } : null }
    })
    const held = { ...walks[1]!, extras: [signUp(marie, 'extra', walks[1]!)] }
    const chosen = handoverWalks([walks[0]!, held, walks[2]!, walks[3]!, walks[4]!], lea, marie, localDate('2027-03-15'),
      localDate('2027-03-20'), [pair(marie, lea, { walk: walkOn('2027-03-18') })])
    expect(chosen.map((walk) => walk.date)).toEqual(['2027-03-15'])
  })
})

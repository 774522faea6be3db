// Swap record schemas and keys, and the invariant checker catching planted faults.
import { describe, expect, it } from 'vitest'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { walkKeyOf } from '../../../src/domain/signup.ts'
import {
  checkSwapInvariants, nextSwapClock, releaseKeyOf, responseKeyOf, resolveSwaps, StoredOfferSchema, StoredReleaseSchema, StoredResponseSchema,
  type EffectiveWalk, type SwapResolution,
} from '../../../src/domain/swaps/index.ts'
import { adultId } from './rota-fixtures.ts'
import { offer, offerId, recordsOf, release, response, signUp, swapModel, W1, W2 } from './swaps-fixtures.ts'

const NOW = parisToInstant(localDate('2026-11-01'), '12:00' as TimeOfDay)

describe('swap records', () => {
  it('parse, keeping fields from newer versions (looseObject)', () => {
    const stored = { ...offer(1, 1, 2, { target: { family: 2, walk: W2 }, withdrawnAt: 5 }), note: 'from v2' }
    expect(StoredOfferSchema.parse(stored)).toEqual(stored)
    expect(StoredResponseSchema.parse({ ...response(1, 3, 'accept', 3, W2), extra: 1 })).toMatchObject({ extra: 1 })
    expect(StoredReleaseSchema.safeParse(release(1, 3, 4)).success).toBe(true)
  })

  it.each([
    ['an unknown kind', { ...offer(1, 1, 2), kind: 'gift' }],
    ['a negative clock', { ...offer(1, 1, 2), clock: -1 }],
    ['a clock beyond MAX_CLOCK', { ...offer(1, 1, 2), clock: 2 ** 41 }],
    ['a malformed walk date', { ...offer(1, 1, 2), walk: { ...W1, date: '2026-02-30' } }],
    ['a missing author time', { ...offer(1, 1, 2), at: undefined }],
  ])('reject an offer with %s', (_label, value) => {
    expect(StoredOfferSchema.safeParse(value).success).toBe(false)
  })

  it('are keyed offerId|adultId (responses, releases), one entry per person per offer', () => {
    expect(responseKeyOf(response(1, 3, 'take', 3))).toBe(`${offerId(1)}|${adultId(3)}`)
    expect(releaseKeyOf(release(1, 3, 4))).toBe(`${offerId(1)}|${adultId(3)}`)
  })

  it('the next clock is above every sign-up, offer, withdrawal, response and release', () => {
    const records = recordsOf([{ offer: offer(1, 1, 2, { withdrawnAt: 9 }) }, { response: response(1, 3, 'take', 4) }, { release: release(1, 3, 7) }])
    expect(nextSwapClock(records, [signUp(1, 'lead', 3)])).toBe(10)
  })
})

describe('the invariant checker catches planted faults', () => {
  const signUps = [signUp(1, 'lead', 1), signUp(2, 'tail', 1)]
  const model = swapModel(signUps)
  const records = recordsOf([{ offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 3) }, { response: response(1, 4, 'take', 4) }])
  const sound = resolveSwaps(model, records, NOW)
  const withWalk = (resolution: SwapResolution, change: (walk: EffectiveWalk) => EffectiveWalk): SwapResolution => {
    const walk = resolution.walks.get(walkKeyOf(W1))
    if (walk === undefined) throw new Error('walk not resolved')
    return { ...resolution, walks: new Map([[walk.key, change(walk)]]) }
  }

  it('accepts the sound resolution', () => {
    expect(checkSwapInvariants(model, records, sound, NOW)).toEqual([])
  })

  it.each([
    ['two takers for one offer', { ...sound, responses: sound.responses.map((o) => ({ ...o, result: { kind: 'won' as const } })) }, 'effective takers'],
    ['an adult on two slots', withWalk(sound, (walk) => ({ ...walk, tail: walk.lead === null ? null : { ...walk.lead, slot: 'tail' } })), 'holds two slots'],
    ['a seat lost', withWalk(sound, (walk) => ({ ...walk, lead: null })), 'places became'],
    ['half a trade', { ...sound, transfers: sound.transfers.map((t) => ({ ...t, kind: 'trade' as const })) }, 'exactly both seats'],
    ['a response dropped', { ...sound, responses: sound.responses.slice(1) }, 'no outcome'],
  ])('reports %s', (_label, broken, message) => {
    expect(checkSwapInvariants(model, records, broken, NOW).join('\n')).toContain(message)
  })
})

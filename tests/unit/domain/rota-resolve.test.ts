// Slot resolution: holders by logical clock then author, waiting list, withdrawn and orphan entries, urgency.
import { describe, expect, it } from 'vitest'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { CollectiveModel } from '../../../src/domain/model.ts'
import { nextLamportClock, orphanSignUps, resolveWalk, signUpStatusIn, weekRota } from '../../../src/domain/rota/resolve.ts'
import { walkOf, type Walk } from '../../../src/domain/rota/walks.ts'
import type { SignUp } from '../../../src/domain/signup.ts'
import { seededRandom } from '../../helpers/seeded-random.ts'
import { adultId, createChild, createException, createModel, createSignUp, lineId } from './rota-fixtures.ts'

const THURSDAY = localDate('2026-12-03')
const FAR_BEFORE = parisToInstant(localDate('2026-11-01'), '12:00' as TimeOfDay)

const walkFor = (model: CollectiveModel, direction: 'aller' | 'retour' = 'aller'): Walk => {
  const walk = walkOf(model, { lineId: lineId(1), date: THURSDAY, direction })
  if (walk === null) throw new Error('test walk not scheduled')
  return walk
}

const resolve = (signUps: SignUp[], overrides: Partial<CollectiveModel> = {}, now = FAR_BEFORE) => {
  const model = createModel({ signUps, ...overrides })
  return resolveWalk(model, walkFor(model), now)
}

const adultsOf = (list: readonly (SignUp | null)[]) => list.map((signUp) => (signUp === null ? null : signUp.adultId))

const reversed = <T>(list: readonly T[]): T[] => [...list].reverse()

describe('slot resolution, table-driven, both input orders', () => {
  const cases: { name: string; signUps: SignUp[]; lead: number | null; tail: number | null; waiting: number[] }[] = [
    { name: 'lower clock holds the lead', signUps: [createSignUp(1, 'lead', 5, 1), createSignUp(2, 'lead', 3, 2)], lead: 2, tail: null, waiting: [1] },
    { name: 'same clock: lower actor id holds', signUps: [createSignUp(1, 'lead', 4, 9), createSignUp(2, 'lead', 4, 3)], lead: 2, tail: null, waiting: [1] },
    { name: 'lead and tail are separate slots', signUps: [createSignUp(1, 'lead', 4, 1), createSignUp(2, 'tail', 4, 2)], lead: 1, tail: 2, waiting: [] },
    {
      name: 'three on the tail: two wait, in order',
      signUps: [createSignUp(1, 'tail', 7, 1), createSignUp(2, 'tail', 2, 2), createSignUp(3, 'tail', 5, 3)],
      lead: null,
      tail: 2,
      waiting: [3, 1],
    },
    { name: 'extra with no extra place needed waits', signUps: [createSignUp(1, 'extra', 1, 1)], lead: null, tail: null, waiting: [1] },
    { name: 'withdrawn holder is ignored', signUps: [createSignUp(1, 'lead', 1, 1, {}, 'withdrawn'), createSignUp(2, 'lead', 9, 2)], lead: 2, tail: null, waiting: [] },
  ]
  for (const testCase of cases) {
    for (const [order, signUps] of [['given', testCase.signUps], ['swapped', reversed(testCase.signUps)]] as const) {
      it(`${testCase.name} (${order} order)`, () => {
        const rota = resolve(signUps)
        expect(rota.lead?.adultId ?? null).toBe(testCase.lead === null ? null : adultId(testCase.lead))
        expect(rota.tail?.adultId ?? null).toBe(testCase.tail === null ? null : adultId(testCase.tail))
        expect(adultsOf(rota.waiting)).toEqual(testCase.waiting.map(adultId))
      })
    }
  }

  it('gives the same rota for every shuffle of the entries (seeded)', () => {
    const seed = Number(process.env.ROTA_SEED ?? 20261128)
    const random = seededRandom(seed)
    const children = Array.from({ length: 17 }, (_, i) => createChild(i + 1, 1))
    const signUps = Array.from({ length: 9 }, (_, i) =>
      createSignUp(i + 1, (['lead', 'tail', 'extra'] as const)[Math.floor(random() * 3)] ?? 'extra', Math.floor(random() * 4), Math.floor(random() * 3)),
    )
    const expected = resolve(signUps, { children })
    for (let round = 0; round < 50; round += 1) {
      const shuffled = [...signUps].sort(() => random() - 0.5)
      expect(resolve(shuffled, { children }), `seed ${seed}, round ${round}`).toEqual(expected)
    }
  })
})

describe('extras and state', () => {
  const seventeen = Array.from({ length: 17 }, (_, i) => createChild(i + 1, 1))

  it('17 children need 3 adults: one extra place, the second extra waits', () => {
    const rota = resolve(
      [createSignUp(1, 'lead', 1, 1), createSignUp(2, 'tail', 1, 2), createSignUp(3, 'extra', 2, 3), createSignUp(4, 'extra', 1, 4)],
      { children: seventeen },
    )
    expect(rota.requiredAdults).toBe(3)
    expect(adultsOf(rota.extras)).toEqual([adultId(4)])
    expect(adultsOf(rota.waiting)).toEqual([adultId(3)])
    expect(rota.state).toBe('covered')
  })

  it('is à pourvoir with fewer holders than required, even when people wait for a held slot', () => {
    const rota = resolve([createSignUp(1, 'lead', 1, 1), createSignUp(2, 'lead', 2, 2)])
    expect(rota.state).toBe('toFill')
    expect(adultsOf(rota.waiting)).toEqual([adultId(2)])
  })

  it('never drops an active sign-up of an existing adult: each one holds or waits', () => {
    const signUps = Array.from({ length: 8 }, (_, i) => createSignUp(i + 1, i % 2 === 0 ? 'lead' : 'extra', i, i))
    const rota = resolve(signUps, { children: seventeen })
    const placed = [rota.lead, rota.tail, ...rota.extras, ...rota.waiting].filter((s) => s !== null)
    expect(placed).toHaveLength(8)
  })

  it('does not count sign-ups of adults who no longer exist, and lists them', () => {
    const ghost = createSignUp(42, 'lead', 0, 1)
    const model = createModel({ signUps: [ghost, createSignUp(2, 'lead', 3, 2)] })
    const rota = resolveWalk(model, walkFor(model), FAR_BEFORE)
    expect(rota.lead?.adultId).toBe(adultId(2))
    expect(rota.waiting).toEqual([])
    expect(orphanSignUps(model)).toEqual([ghost])
  })

  it('is cancelled, with holders kept for display, when an exception cancels the walk', () => {
    const exceptions = [createException(1, { date: '2026-12-03', lineId: null, direction: null, reason: 'strike', note: 'grève' })]
    const rota = resolve([createSignUp(1, 'lead', 1, 1)], { exceptions })
    expect(rota.state).toBe('cancelled')
    expect(rota.cancellation).toEqual({ kind: 'exception', reason: 'strike', note: 'grève' })
    expect(rota.lead?.adultId).toBe(adultId(1))
  })
})

describe('urgency (walk starts 08:10 Paris on Thursday 3 December 2026)', () => {
  const start = parisToInstant(THURSDAY, '08:10' as TimeOfDay)
  const hour = 3_600_000
  it.each([
    ['49 h before', 'toFill', start - 49 * hour],
    ['47 h before', 'urgent', start - 47 * hour],
    ['one minute before', 'urgent', start - 60_000],
    ['already started: history, never to fill', 'understaffed', start + 60_000],
  ] as const)('%s: %s', (_label, state, now) => {
    expect(resolve([], {}, now).state).toBe(state)
  })

  it('is urgent exactly when the start is at most 48 h away and not passed, across a DST change (seeded)', () => {
    const seed = Number(process.env.URGENT_SEED ?? 48)
    const random = seededRandom(seed)
    const model = createModel()
    // Monday 30 March 2026, the day after the March change (not a holiday in the shipped data).
    const walk = walkOf(model, { lineId: lineId(1), date: localDate('2026-03-30'), direction: 'aller' })
    if (walk === null) throw new Error('test walk not scheduled')
    const walkStart = parisToInstant(walk.date, '08:10' as TimeOfDay)
    for (let round = 0; round < 300; round += 1) {
      const now = walkStart - Math.round((random() * 64 - 8) * hour)
      const untilStart = walkStart - now
      const expected = untilStart <= 0 ? 'understaffed' : untilStart <= 48 * hour ? 'urgent' : 'toFill'
      expect(resolveWalk(model, walk, now).state, `seed ${seed}, round ${round}, ${(walkStart - now) / hour} h before`).toBe(expected)
    }
    expect(resolveWalk(model, walk, walkStart - 48 * hour).state).toBe('urgent')
    expect(resolveWalk(model, walk, walkStart - 48 * hour - 1).state).toBe('toFill')
    expect(resolveWalk(model, walk, walkStart).state).toBe('understaffed')
  })

  it('a covered walk is never urgent', () => {
    expect(resolve([createSignUp(1, 'lead', 1, 1), createSignUp(2, 'tail', 1, 2)], {}, start - hour).state).toBe('covered')
  })
})

describe('week rota and helpers', () => {
  it('lists the operating days of the week, each with its walks', () => {
    const model = createModel()
    const week = weekRota(model, localDate('2026-11-30'), FAR_BEFORE)
    expect(week.map((day) => day.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-03', '2026-12-04'])
    expect(week.every((day) => day.walks.map((w) => w.direction).join() === 'aller,retour')).toBe(true)
  })

  it('the next logical clock is above every clock seen', () => {
    expect(nextLamportClock([])).toBe(1)
    expect(nextLamportClock([createSignUp(1, 'lead', 7, 1), createSignUp(2, 'tail', 3, 1, {}, 'withdrawn')])).toBe(8)
  })

  it('tells an adult whether they hold or wait', () => {
    const rota = resolve([createSignUp(1, 'lead', 1, 1), createSignUp(2, 'lead', 2, 2)])
    expect(signUpStatusIn(rota, adultId(1))).toEqual({ status: 'held', slot: 'lead' })
    expect(signUpStatusIn(rota, adultId(2))).toEqual({ status: 'waiting', slot: 'lead' })
    expect(signUpStatusIn(rota, adultId(3))).toBeNull()
  })
})

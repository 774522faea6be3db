// The one rule for "à pourvoir": only a walk that runs, has not started and lacks adults; a started one is history.
import { describe, expect, it } from 'vitest'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { Family } from '../../../src/domain/family.ts'
import type { CollectiveModel } from '../../../src/domain/model.ts'
import { resolveWalk } from '../../../src/domain/rota/resolve.ts'
import { collectiveFirstDay, hasStarted, needsAdults } from '../../../src/domain/rota/walk-state.ts'
import { walkOf, type Walk } from '../../../src/domain/rota/walks.ts'
import type { WalkState } from '../../../src/domain/rota-types.ts'
import { effectiveWalks, resolveSwaps } from '../../../src/domain/swaps/resolve.ts'
import { createException, createModel, createSignUp, familyId, lineId } from './rota-fixtures.ts'
import { offer, recordsOf, release, response, signUp, swapModel } from './swaps-fixtures.ts'

const family = (n: number, joinedOn?: string): Family => ({
  id: familyId(n), displayName: `Famille ${n}`, ...(joinedOn === undefined ? {} : { joinedOn: localDate(joinedOn) }),
})
// Thursday 3 December 2026, aller: first stop at 08:10 (Paris).
const THURSDAY = localDate('2026-12-03')
const START = parisToInstant(THURSDAY, '08:10' as TimeOfDay)
const HOUR = 3_600_000

const walkIn = (model: CollectiveModel, date = THURSDAY): Walk => {
  const walk = walkOf(model, { lineId: lineId(1), date, direction: 'aller' })
  if (walk === null) throw new Error('test walk not scheduled')
  return walk
}

describe("the collective's first day", () => {
  it('is the day its first family joined', () => {
    expect(collectiveFirstDay({ families: [family(2, '2026-11-20'), family(1, '2026-11-18')] })).toBe('2026-11-18')
  })

  it('is unknown without families, or when a family has no joining day (older records: there from the start)', () => {
    expect(collectiveFirstDay({ families: [] })).toBeNull()
    expect(collectiveFirstDay({ families: [family(1, '2026-11-18'), family(2)] })).toBeNull()
  })
})

describe('walk state over time', () => {
  const lead = createSignUp(1, 'lead', 1, 1)
  const tail = createSignUp(2, 'tail', 2, 2)
  const stateAt = (now: number, overrides: Partial<CollectiveModel> = {}, date = THURSDAY): WalkState => {
    const model = createModel(overrides)
    return resolveWalk(model, walkIn(model, date), now).state
  }

  it.each([
    ['two days before, nobody', 49 * -HOUR, [], 'toFill'],
    ['the eve, nobody', -12 * HOUR, [], 'urgent'],
    ['the eve, lead only', -12 * HOUR, [lead], 'urgent'],
    ['started, nobody', 60_000, [], 'understaffed'],
    ['started, lead only', 60_000, [lead], 'understaffed'],
    ['a week later, nobody', 7 * 24 * HOUR, [], 'understaffed'],
    ['started, covered', 60_000, [lead, tail], 'covered'],
  ] as const)('%s: %s', (_label, offset, signUps, state) => {
    expect(stateAt(START + offset, { signUps: [...signUps], families: [family(1, '2026-09-01')] })).toBe(state)
  })

  it('says a started walk before the first family joined was before the collective, not missed', () => {
    const families = [family(1, '2026-12-07')]
    expect(stateAt(START + 7 * 24 * HOUR, { families })).toBe('beforeCollective')
    // Someone held a place: the collective was there, whatever the joining days say.
    expect(stateAt(START + 7 * 24 * HOUR, { families, signUps: [lead] })).toBe('understaffed')
  })

  it('keeps a walk not started to fill even if a phone wrote a joining day after it (a clock ahead)', () => {
    expect(stateAt(START - 72 * HOUR, { families: [family(1, '2026-12-07')] })).toBe('toFill')
  })

  it('keeps a cancelled walk cancelled, past or not', () => {
    const strike = { date: '2026-12-03', lineId: null, direction: null, reason: 'strike', note: '' } as const
    const exceptions = [createException(1, strike)]
    expect(stateAt(START + HOUR, { exceptions })).toBe('cancelled')
    expect(stateAt(START - HOUR, { exceptions })).toBe('cancelled')
  })

  it('needs adults only while to fill or urgent', () => {
    expect((['toFill', 'urgent'] as const).every((state) => needsAdults({ state }))).toBe(true)
    const history = ['covered', 'cancelled', 'understaffed', 'beforeCollective'] as const
    expect(history.some((state) => needsAdults({ state }))).toBe(false)
  })

  it('has started from the first stop time on (Paris), also on a walk without a timed stop', () => {
    const model = createModel()
    expect(hasStarted(walkIn(model), START - 1)).toBe(false)
    expect(hasStarted(walkIn(model), START)).toBe(true)
    const untimed = { date: THURSDAY, direction: 'retour' as const, startTime: null }
    expect(hasStarted(untimed, parisToInstant(THURSDAY, '16:29' as TimeOfDay))).toBe(false)
    expect(hasStarted(untimed, parisToInstant(THURSDAY, '16:30' as TimeOfDay))).toBe(true)
  })

  it('is the same rule on the effective rota, on a walk a swap touched (taken, then released)', () => {
    const records = recordsOf([
      { offer: offer(1, 1, 2) }, { response: response(1, 3, 'take', 3) }, { release: release(1, 3, 4) },
    ])
    const model = { ...swapModel([signUp(1, 'lead', 1), signUp(2, 'tail', 1)]), swaps: records }
    const stateAt = (now: number, families: Family[]) => {
      const withFamilies = { ...model, families }
      const walks = effectiveWalks(withFamilies, resolveSwaps(withFamilies, records, now), [walkIn(withFamilies)], now)
      return walks.map((walk) => [walk.released.length, walk.state])
    }
    expect(stateAt(START - 72 * HOUR, [family(1, '2026-09-01')])).toEqual([[1, 'toFill']])
    expect(stateAt(START + HOUR, [family(1, '2026-09-01')])).toEqual([[1, 'understaffed']])
  })
})

// Declared absences against held seats: they lower what a walk needs, never unseat an adult already on it.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import type { CollectiveModel } from '../../../src/domain/model.ts'
import { resolveWalk } from '../../../src/domain/rota/resolve.ts'
import { deriveWalks, walkOf } from '../../../src/domain/rota/walks.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import type { SignUp } from '../../../src/domain/signup.ts'
import { checkSwapInvariants, effectiveWalks, NO_SWAP_RECORDS, resolveSwaps } from '../../../src/domain/swaps/index.ts'
import type { Absence } from '../../../src/domain/walk-log/index.ts'
import { adultId, createChild, createModel, createSignUp } from './rota-fixtures.ts'
import { absence, ALLER, NOW } from './walk-log-fixtures.ts'

// 17 children at 8 per adult need 3 adults; one absent child brings it to 16, so 2.
const modelOf = (signUps: SignUp[], absences: Absence[] = []): CollectiveModel =>
  createModel({
    settings: { ...DEFAULT_SETTINGS, childrenPerAdult: 8 },
    children: Array.from({ length: 17 }, (_, i) => createChild(i + 1, i + 1)),
    signUps,
    absences,
  })
const rotaOf = (model: CollectiveModel) => {
  const walk = walkOf(model, ALLER)
  if (walk === null) throw new Error('the fixture walk must be scheduled')
  return resolveWalk(model, walk, NOW)
}
const ids = (signUps: readonly SignUp[]) => signUps.map((signUp) => signUp.adultId)
const crew = [createSignUp(1, 'lead', 1, 1), createSignUp(2, 'tail', 2, 2), createSignUp(3, 'extra', 3, 3), createSignUp(4, 'extra', 4, 4)]

describe('an absence never unseats a held extra', () => {
  it('the extra keeps the seat while the need drops to two adults', () => {
    expect(ids(rotaOf(modelOf(crew)).extras)).toEqual([adultId(3)])
    const rota = rotaOf(modelOf(crew, [absence(1, 1, '2026-12-03')]))
    expect(rota.requiredAdults).toBe(2)
    expect(ids(rota.extras)).toEqual([adultId(3)])
    // The second extra waited before the absence and still waits: no seat appears either.
    expect(ids(rota.waiting)).toEqual([adultId(4)])
    expect(rota.state).toBe('covered')
  })

  it('withdrawing the absence changes nothing for the extra', () => {
    const withdrawn = rotaOf(modelOf(crew, [absence(1, 1, '2026-12-03', '2026-12-03', null, { withdrawn: true })]))
    const declared = rotaOf(modelOf(crew, [absence(1, 1, '2026-12-03')]))
    expect(withdrawn.requiredAdults).toBe(3)
    expect(ids(withdrawn.extras)).toEqual(ids(declared.extras))
    expect(ids(withdrawn.waiting)).toEqual(ids(declared.waiting))
  })

  it('an absence can make a walk covered without anyone signing up', () => {
    const pair = crew.slice(0, 2)
    expect(rotaOf(modelOf(pair)).state).not.toBe('covered')
    const rota = rotaOf(modelOf(pair, [absence(1, 1, '2026-12-03')]))
    expect(rota.state).toBe('covered')
    expect(rota.extras).toEqual([])
  })

  it('swaps see the kept extra as a seat, and their invariants hold', () => {
    const model = modelOf(crew, [absence(1, 1, '2026-12-03')])
    const resolution = resolveSwaps(model, NO_SWAP_RECORDS, NOW)
    const [walk] = effectiveWalks(model, resolution, deriveWalks(model, localDate('2026-12-03'), localDate('2026-12-03')), NOW)
    expect(ids(walk?.extras ?? [])).toEqual([adultId(3)])
    expect(checkSwapInvariants(model, NO_SWAP_RECORDS, resolution, NOW)).toEqual([])
  })
})

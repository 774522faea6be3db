// "À faire" lists only walks that can still be filled: never one that started, nor one from before the collective.
import { describe, expect, it } from 'vitest'
import { dutyOf } from '../../../src/app/queries/coordination.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { Family } from '../../../src/domain/family.ts'
import { makeView } from '../../helpers/make-view.ts'
import { join } from '../domain/coordination-fixtures.ts'
import { createModel, createSignUp, familyId } from '../domain/rota-fixtures.ts'

const family = (n: number, joinedOn: string): Family => ({
  id: familyId(n), displayName: `Famille ${n}`, joinedOn: localDate(joinedOn),
})
// Line 1 runs Mon Tue Thu Fri, aller 08:10, retour 16:50. Family 1 coordinates every week (30 Nov - 6 Dec 2026 now).
const view = (families: Family[]) => makeView({
  ...createModel({
    families, signUps: [createSignUp(1, 'lead', 1, 1, { date: '2026-12-04' }), createSignUp(2, 'tail', 2, 2, { date: '2026-12-04' })],
  }),
  coordination: { roster: [join(1, 1, 1)] },
})
const labels = (walks: readonly { date: string; direction: string; state: string }[]) =>
  walks.map((walk) => `${walk.date} ${walk.direction} ${walk.state}`)
const noonOf = (today: string) => parisToInstant(localDate(today), '12:00' as TimeOfDay)

describe('"À faire": walks to cover', () => {
  it('leaves out the walks of the period from before the collective was created (Wednesday)', () => {
    const today = localDate('2026-12-02')
    const duty = dutyOf(view([family(1, '2026-12-02'), family(2, '2026-12-02')]), today, noonOf(today))
    expect(duty.current?.start).toBe('2026-11-30')
    expect(labels(duty.attention.walksToCover)).toEqual([
      '2026-12-03 aller urgent',
      '2026-12-03 retour urgent',
      '2026-12-04 retour toFill',
    ])
  })

  it('leaves out the walks of the period that have started, in an older collective, today\'s aller included', () => {
    const today = localDate('2026-12-03')
    const duty = dutyOf(view([family(1, '2026-09-01'), family(2, '2026-09-01')]), today, noonOf(today))
    expect(labels(duty.attention.walksToCover)).toEqual(['2026-12-03 retour urgent', '2026-12-04 retour urgent'])
    // The next period's walks, all still to come, are the handover's.
    expect(duty.handover.uncoveredWalks.every((walk) => walk.date >= '2026-12-07')).toBe(true)
    expect(duty.handover.uncoveredWalks.length).toBeGreaterThan(0)
  })
})

// Declared absences: which walks they cover (a walk, a day, a range), and the rota dropping absent children from the expected list and the ratio.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { weekRota } from '../../../src/domain/rota/resolve.ts'
import { NO_SWAP_RECORDS, effectiveWalks, resolveSwaps } from '../../../src/domain/swaps/index.ts'
import { deriveWalks } from '../../../src/domain/rota/walks.ts'
import { isAbsentFrom } from '../../../src/domain/rota/absences.ts'
import { absencesCovering, childAbsences } from '../../../src/domain/walk-log/index.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import { childId, createChild, createModel, lineId, stopId } from './rota-fixtures.ts'
import { absence, ALLER, NOW, RETOUR, rotaOf, walkRef } from './walk-log-fixtures.ts'

const bothWays = { aller: { lineId: lineId(1), stopId: stopId(1) }, retour: { lineId: lineId(1), stopId: stopId(1) } }
const children = [
  createChild(1, 1, { routes: bothWays }),
  createChild(2, 2, { routes: bothWays }),
  createChild(3, 3, { routes: bothWays, countsExtra: true }),
  createChild(4, 4, { routes: bothWays }),
]
const modelWith = (absences = [absence(1, 3, '2026-12-03')]) =>
  createModel({ children, absences, settings: { ...DEFAULT_SETTINGS, childrenPerAdult: 2 } })

describe('which walks an absence covers', () => {
  const isAbsent = isAbsentFrom([
    absence(1, 1, '2026-12-03', '2026-12-03', 'aller'),
    absence(2, 2, '2026-12-03'),
    absence(3, 3, '2026-12-07', '2026-12-11'),
    absence(4, 4, '2026-12-03', '2026-12-03', null, { withdrawn: true }),
  ])

  it('one walk: that date and direction only', () => {
    expect(isAbsent(childId(1), ALLER)).toBe(true)
    expect(isAbsent(childId(1), RETOUR)).toBe(false)
    expect(isAbsent(childId(1), walkRef('2026-12-04'))).toBe(false)
  })

  it('one day (direction null): both directions of that day', () => {
    expect(isAbsent(childId(2), ALLER)).toBe(true)
    expect(isAbsent(childId(2), RETOUR)).toBe(true)
    expect(isAbsent(childId(2), walkRef('2026-12-02'))).toBe(false)
  })

  it('a range: every walk from the first to the last day, bounds included', () => {
    expect(isAbsent(childId(3), walkRef('2026-12-06', 'retour'))).toBe(false)
    expect(isAbsent(childId(3), walkRef('2026-12-07'))).toBe(true)
    expect(isAbsent(childId(3), walkRef('2026-12-09', 'retour'))).toBe(true)
    expect(isAbsent(childId(3), walkRef('2026-12-11', 'retour'))).toBe(true)
    expect(isAbsent(childId(3), walkRef('2026-12-12'))).toBe(false)
  })

  it('ignores a withdrawn absence, and other children', () => {
    expect(isAbsent(childId(4), ALLER)).toBe(false)
    expect(isAbsent(childId(5), ALLER)).toBe(false)
  })

  it('builds one index per absences array (rota resolution asks for every walk of a year)', () => {
    const absences = [absence(1, 1, '2026-12-03')]
    expect(isAbsentFrom(absences)).toBe(isAbsentFrom(absences))
    expect(isAbsentFrom([...absences])).not.toBe(isAbsentFrom(absences))
  })

  it('lists the absences covering a walk, and a child’s current and future ones by start', () => {
    const absences = [
      absence(5, 1, '2026-12-10', '2026-12-11'),
      absence(1, 1, '2026-12-03', '2026-12-03', 'aller'),
      absence(2, 1, '2026-12-01', '2026-12-04'),
      absence(3, 1, '2026-11-20', '2026-11-30'),
      absence(4, 1, '2026-12-05', '2026-12-05', null, { withdrawn: true }),
      absence(6, 2, '2026-12-03'),
    ]
    expect(absencesCovering(absences, childId(1), ALLER).map((a) => a.clock)).toEqual([2, 1])
    expect(absencesCovering(absences, childId(1), RETOUR).map((a) => a.clock)).toEqual([2])
    expect(childAbsences(absences, childId(1), localDate('2026-12-01')).map((a) => a.clock)).toEqual([2, 1, 5])
    expect(childAbsences(absences, childId(1), localDate('2026-12-05')).map((a) => a.clock)).toEqual([5])
  })
})

describe('the rota counts declared absences', () => {
  it('drops an absent child from the expected children and the ratio; required adults drop with a child who counts extra', () => {
    const present = rotaOf(modelWith([]), ALLER)
    expect(present.expectedChildIds).toEqual([childId(1), childId(2), childId(3), childId(4)])
    expect(present.ratioCount).toBe(5)
    expect(present.requiredAdults).toBe(3)
    const absent = rotaOf(modelWith(), ALLER)
    expect(absent.expectedChildIds).toEqual([childId(1), childId(2), childId(4)])
    expect(absent.ratioCount).toBe(3)
    expect(absent.requiredAdults).toBe(2)
  })

  it('a walk-only absence leaves the other direction unchanged; a withdrawn one changes nothing', () => {
    expect(rotaOf(modelWith([absence(1, 3, '2026-12-03', '2026-12-03', 'retour')]), ALLER).ratioCount).toBe(5)
    expect(rotaOf(modelWith([absence(1, 3, '2026-12-03', '2026-12-03', 'retour')]), RETOUR).ratioCount).toBe(3)
    expect(rotaOf(modelWith([absence(1, 3, '2026-12-03', '2026-12-03', null, { withdrawn: true })]), ALLER).ratioCount).toBe(5)
  })

  it('counts them in the week view and in the effective rota with swaps', () => {
    const model = modelWith()
    const day = weekRota(model, localDate('2026-11-30'), NOW).find((d) => d.date === localDate('2026-12-03'))
    const aller = day?.walks.find((walk) => walk.direction === 'aller')
    expect(aller?.expectedChildIds).not.toContain(childId(3))
    expect(aller?.requiredAdults).toBe(2)
    const effective = effectiveWalks(model, resolveSwaps(model, NO_SWAP_RECORDS, NOW), deriveWalks(model, localDate('2026-12-03'), localDate('2026-12-03')), NOW)
    expect(effective.find((walk) => walk.direction === 'aller')?.ratioCount).toBe(3)
  })

  it('an explicit isAbsent option still overrides the model’s absences', () => {
    const model = modelWith()
    const day = weekRota(model, localDate('2026-11-30'), NOW, { isAbsent: () => false }).find((d) => d.date === localDate('2026-12-03'))
    expect(day?.walks.find((walk) => walk.direction === 'aller')?.ratioCount).toBe(5)
  })
})

// How many adults a walk needs: expected children, the ratio count (countsExtra counts twice), the floor of two.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { expectedChildren, ratioCountOf, requiredAdultsFor } from '../../../src/domain/rota/slots.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import { childId, createChild, lineId, stopId } from './rota-fixtures.ts'

const kids = (regular: number, extra = 0) => [
  ...Array.from({ length: regular }, () => ({ countsExtra: false })),
  ...Array.from({ length: extra }, () => ({ countsExtra: true })),
]
const required = (regular: number, extra = 0, settings = DEFAULT_SETTINGS) => requiredAdultsFor(settings, ratioCountOf(kids(regular, extra)))

describe('ratio', () => {
  it.each([
    [0, 0, 2],
    [8, 0, 2],
    [9, 0, 2],
    [16, 0, 2],
    [17, 0, 3],
    [24, 0, 3],
    [25, 0, 4],
    [7, 1, 2],
    [15, 1, 3],
  ])('%i children + %i counting extra (1 adult per 8) need %i adults', (regular, extra, adults) => {
    expect(required(regular, extra)).toBe(adults)
  })

  it('counts a child who counts extra twice', () => {
    expect(ratioCountOf(kids(8, 1))).toBe(10)
  })

  it('applies the collective minimum and ratio, never fewer than two', () => {
    expect(required(0, 0, { ...DEFAULT_SETTINGS, minAdults: 3 })).toBe(3)
    expect(required(11, 0, { ...DEFAULT_SETTINGS, childrenPerAdult: 5 })).toBe(3)
    expect(requiredAdultsFor({ minAdults: 1, childrenPerAdult: 8 }, 0)).toBe(2)
  })
})

describe('expected children', () => {
  const thursdayAller = { lineId: lineId(1), date: localDate('2026-12-03'), direction: 'aller' as const }
  const children = [
    createChild(1, 1),
    createChild(2, 1, { days: [1, 2] }),
    createChild(3, 2, { routes: { retour: { lineId: lineId(1), stopId: stopId(1) } } }),
    createChild(4, 2, { routes: { aller: { lineId: lineId(2), stopId: stopId(9) } } }),
    createChild(5, 3),
  ]

  it('are the children on this line in this direction who walk on this weekday', () => {
    expect(expectedChildren(children, thursdayAller).map((c) => c.id)).toEqual([childId(1), childId(5)])
  })

  it('leaves out a child declared absent through the hook', () => {
    const isAbsent = (id: string) => id === childId(5)
    expect(expectedChildren(children, thursdayAller, isAbsent).map((c) => c.id)).toEqual([childId(1)])
  })
})

// Which lines a family walks on (its children's routes, its adults' places), so "Cette semaine" can put them first.
import { describe, expect, it } from 'vitest'
import { familyLineIds } from '../../../src/app/queries/rota-view.ts'
import { weekRota } from '../../../src/domain/rota/resolve.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { createChild, createLine, createModel, createSignUp, createStop, familyId, lineId, stopId } from '../domain/rota-fixtures.ts'

const NOW = Date.parse('2026-11-30T06:00:00Z')
const MONDAY = localDate('2026-11-30')

const model = (signUps = [createSignUp(3, 'lead', 1, 3, { line: 3, date: '2026-12-03' })]) => createModel({
  lines: [createLine(1), createLine(2), createLine(3)],
  stops: [createStop(1, 1, 1, { aller: '08:10' }), createStop(2, 2, 1, { aller: '08:10' }), createStop(3, 3, 1, { aller: '08:10' })],
  children: [
    createChild(1, 1, { routes: { aller: { lineId: lineId(1), stopId: stopId(1) }, retour: { lineId: lineId(2), stopId: stopId(2) } } }),
    createChild(2, 2, { routes: { aller: { lineId: lineId(2), stopId: stopId(2) } } }),
  ],
  signUps,
})

const walksOf = (m: ReturnType<typeof model>) => weekRota(m, MONDAY, NOW).flatMap((day) => day.walks)

describe('familyLineIds', () => {
  it("takes the lines of the family's children, both directions, and none of another family's", () => {
    const m = model([])
    expect([...familyLineIds(m, familyId(1), walksOf(m))].sort()).toEqual([lineId(1), lineId(2)])
    expect([...familyLineIds(m, familyId(2), walksOf(m))]).toEqual([lineId(2)])
  })

  it('adds a line where one of its adults holds a place, even with no child on it', () => {
    const m = model()
    expect(walksOf(m).some((walk) => walk.lineId === lineId(3) && walk.lead !== null)).toBe(true)
    expect([...familyLineIds(m, familyId(3), walksOf(m))]).toEqual([lineId(3)])
    expect(familyLineIds(m, familyId(1), walksOf(m)).has(lineId(3))).toBe(false)
  })

  it('is empty for a phone that has not said who it is', () => {
    const m = model()
    expect(familyLineIds(m, null, walksOf(m)).size).toBe(0)
  })
})

// Route checks (children pointing at missing stops are flagged) and "Mes trajets" for a family.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { childrenUsingStop, childrenWithMissingStop } from '../../../src/domain/rota/checks.ts'
import { myWalks } from '../../../src/domain/rota/my-walks.ts'
import { adultId, childId, createAdult, createChild, createLine, createModel, createSignUp, createStop, familyId, lineId, stopId } from './rota-fixtures.ts'

describe('children whose stop is missing', () => {
  const model = createModel({
    lines: [createLine(1), createLine(2)],
    stops: [createStop(1, 1, 1, { aller: '08:10' }), createStop(2, 2, 1, { aller: '08:00' })],
    children: [
      createChild(1, 1),
      createChild(2, 1, { routes: { aller: { lineId: lineId(1), stopId: stopId(7) } } }),
      createChild(3, 2, { routes: { aller: { lineId: lineId(9), stopId: stopId(1) } } }),
      createChild(4, 2, { routes: { aller: { lineId: lineId(1), stopId: stopId(1) }, retour: { lineId: lineId(1), stopId: stopId(2) } } }),
    ],
  })

  it('flags unknown stops, unknown lines and stops of another line, per direction', () => {
    expect(childrenWithMissingStop(model)).toEqual([
      { childId: childId(2), direction: 'aller', problem: 'unknownStop' },
      { childId: childId(3), direction: 'aller', problem: 'unknownLine' },
      { childId: childId(4), direction: 'retour', problem: 'stopOfAnotherLine' },
    ])
  })

  it('lists the children using a stop in either direction', () => {
    expect(childrenUsingStop(model, stopId(1)).map((c) => c.id)).toEqual([childId(1), childId(3), childId(4)])
    expect(childrenUsingStop(model, stopId(2)).map((c) => c.id)).toEqual([childId(4)])
  })
})

describe('myWalks', () => {
  const model = createModel({
    adults: [createAdult(1, 1), createAdult(2, 2), createAdult(3, 1)],
    children: [createChild(1, 1, { days: [1] }), createChild(2, 2)],
    signUps: [
      createSignUp(1, 'lead', 1, 1, { date: '2026-12-03' }),
      { ...createSignUp(2, 'tail', 1, 2, { date: '2026-12-04', direction: 'retour' }), familyId: familyId(2) },
      { ...createSignUp(3, 'tail', 2, 3, { date: '2026-12-04', direction: 'retour' }), familyId: familyId(1) },
    ],
  })

  it('lists walks where the family holds or waits, and walks its children take', () => {
    const mine = myWalks(model, familyId(1), localDate('2026-11-30'), localDate('2026-12-06'))
    expect(mine.map((w) => `${w.rota.date} ${w.rota.direction}`)).toEqual(['2026-11-30 aller', '2026-12-03 aller', '2026-12-04 retour'])
    expect(mine[0]).toMatchObject({ roles: [], childIds: [childId(1)] })
    expect(mine[1]?.roles).toEqual([{ adultId: adultId(1), slot: 'lead', status: 'held' }])
    expect(mine[2]?.roles).toEqual([{ adultId: adultId(3), slot: 'tail', status: 'waiting' }])
  })

  it('is empty for a family with nothing that week', () => {
    expect(myWalks(model, familyId(5), localDate('2026-11-30'), localDate('2026-12-06'))).toEqual([])
  })
})

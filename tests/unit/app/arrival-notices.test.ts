// The arrival notices the collective's notice area shows: today's arrivals of my family's children, each under a key
// naming its walk and child, gone once dismissed on this phone; yesterday's and other families' never.
import { describe, expect, it } from 'vitest'
import { arrivalNoticeKey, arrivalsToShow } from '../../../src/app/queries/walk.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { NO_WALK_LOG } from '../../../src/domain/walk-log/records.ts'
import { childId, createChild, createModel, familyId, lineId, stopId } from '../domain/rota-fixtures.ts'
import { mark, walkEvent, walkRef } from '../domain/walk-log-fixtures.ts'

const TODAY = localDate('2026-12-03')
const YESTERDAY = walkRef('2026-12-02')
const model = {
  ...createModel({
    children: [
      createChild(1, 1, { routes: { aller: { lineId: lineId(1), stopId: stopId(2) } } }),
      createChild(2, 1, { routes: { aller: { lineId: lineId(1), stopId: stopId(1) } } }),
      createChild(3, 2),
    ],
  }),
  walkLog: {
    ...NO_WALK_LOG,
    checkIns: [
      mark(1, 1, 'present', 3), mark(1, 2, 'present', 3), mark(1, 3, 'present', 3),
      mark(1, 1, 'present', 1, { walk: YESTERDAY }),
    ],
    events: [
      walkEvent('arrived', null, 1, 5, '2026-12-03T08:27:00+01:00'),
      walkEvent('arrived', null, 1, 2, '2026-12-02T08:29:00+01:00', { walk: YESTERDAY }),
    ],
  },
}

describe('arrival notices in the notice area', () => {
  it('shows today’s arrivals of my family’s children only, keyed by walk and child', () => {
    const shown = arrivalsToShow(model, familyId(1), TODAY, new Set())
    expect(shown.map((notice) => notice.childId).sort()).toEqual([childId(1), childId(2)])
    expect(shown.every((notice) => notice.walk.date === TODAY)).toBe(true)
    const first = shown.find((notice) => notice.childId === childId(1))
    expect(first && arrivalNoticeKey(first)).toBe(`arrival|${lineId(1)}|2026-12-03|aller|${childId(1)}`)
    expect(arrivalsToShow(model, familyId(2), TODAY, new Set()).map((notice) => notice.childId)).toEqual([childId(3)])
  })

  it('leaves out a notice dismissed on this phone, and only that one', () => {
    const dismissed = new Set([`arrival|${lineId(1)}|2026-12-03|aller|${childId(1)}`])
    expect(arrivalsToShow(model, familyId(1), TODAY, dismissed).map((notice) => notice.childId)).toEqual([childId(2)])
    expect(arrivalsToShow(model, familyId(1), TODAY, undefined)).toHaveLength(2)
  })

  it('shows nothing the next day', () => {
    expect(arrivalsToShow(model, familyId(1), localDate('2026-12-04'), new Set())).toEqual([])
  })
})

// One adult is never on two walks at the same time: two offline sign-ups (or publications) on two lines resolve the same way everywhere.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { doubleBookings } from '../../../src/domain/rota/signup-index.ts'
import { resolveWalks } from '../../../src/domain/rota/resolve.ts'
import { deriveWalks } from '../../../src/domain/rota/walks.ts'
import { adultId, createException, createLine, createModel, createSignUp, lineId } from './rota-fixtures.ts'

const DAY = localDate('2026-12-03')
const NOW = Date.parse('2026-11-20T10:00:00Z')

const holdersOn = (model: ReturnType<typeof createModel>, line: number): (string | undefined)[] => {
  const walk = resolveWalks(model, deriveWalks(model, DAY, DAY), NOW).find((rota) => rota.lineId === lineId(line) && rota.direction === 'aller')
  return [walk?.lead?.adultId, walk?.tail?.adultId]
}

describe('double bookings across lines', () => {
  const signUps = [createSignUp(1, 'lead', 5, 1, { line: 1 }), createSignUp(1, 'tail', 4, 2, { line: 2 }), createSignUp(2, 'lead', 6, 2, { line: 2 })]

  it('keeps the earliest place (clock, actor), leaves the other walk to the next adult, and says so, in any order', () => {
    for (const order of [signUps, [...signUps].reverse()]) {
      const model = createModel({ lines: [createLine(1), createLine(2)], signUps: order })
      expect(holdersOn(model, 2)).toEqual([adultId(2), adultId(1)])
      expect(holdersOn(model, 1)).toEqual([undefined, undefined])
      expect(doubleBookings(model).map((item) => [item.kept.lineId, item.dropped.map((d) => d.lineId)])).toEqual([[lineId(2), [lineId(1)]]])
    }
  })

  it('a cancelled walk does not count: the adult helping on another line that day keeps both sign-ups shown as they are', () => {
    const model = createModel({
      lines: [createLine(1), createLine(2)], signUps,
      exceptions: [createException(1, { date: '2026-12-03', lineId: lineId(2), direction: null, reason: 'strike', note: '' })],
    })
    expect(holdersOn(model, 1)).toEqual([adultId(1), undefined])
    expect(doubleBookings(model)).toEqual([])
  })
})

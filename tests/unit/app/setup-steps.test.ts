// The guided set-up's rule for the line step: a walk goes from a stop to the next one, so a line is ready with two stops.
import { describe, expect, it } from 'vitest'
import { lineSetupOf } from '../../../src/app/queries/collective.ts'
import { LineIdSchema, StopIdSchema } from '../../../src/domain/ids.ts'
import type { Line, Stop } from '../../../src/domain/line.ts'

const lineId = LineIdSchema.parse('11111111-1111-4111-8111-111111111111')
const otherLine = LineIdSchema.parse('22222222-2222-4222-8222-222222222222')
const line = (id: typeof lineId, name: string): Line => ({ id, name, colour: '#1f5f3f', directions: ['aller'], days: [1] })
const stop = (n: number, on = lineId): Stop => ({
  id: StopIdSchema.parse(`00000000-0000-4000-8000-00000000000${n}`), lineId: on, name: `Arrêt ${n}`, position: n, times: {},
  access: { stepFree: false, dangerousCrossing: false, note: '' },
})

describe('the set-up’s line step', () => {
  it('is not done without a line, nor with a line of fewer than two stops, and says how many stops are missing', () => {
    expect(lineSetupOf({ lines: [], stops: [] })).toEqual({ line: null, stopsMissing: 2, done: false })
    const pins = line(lineId, 'Pins')
    expect(lineSetupOf({ lines: [pins], stops: [] })).toEqual({ line: pins, stopsMissing: 2, done: false })
    expect(lineSetupOf({ lines: [pins], stops: [stop(1), stop(2, otherLine)] })).toEqual({ line: pins, stopsMissing: 1, done: false })
    expect(lineSetupOf({ lines: [pins], stops: [stop(1), stop(2)] })).toEqual({ line: pins, stopsMissing: 0, done: true })
  })

  it('follows the line just created, else the first by name; any line with two stops makes the step done', () => {
    const a = line(lineId, 'A'), b = line(otherLine, 'B')
    const stops = [stop(1, otherLine), stop(2, otherLine)]
    expect(lineSetupOf({ lines: [b, a], stops })).toEqual({ line: a, stopsMissing: 2, done: true })
    expect(lineSetupOf({ lines: [b, a], stops }, otherLine)).toEqual({ line: b, stopsMissing: 0, done: true })
  })
})

// isAvailableFor: a date exception saying "no" wins, then one saying "yes", then the recurring weekday x direction x line.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import type { Direction } from '../../../src/domain/line.ts'
import { isAvailableFor } from '../../../src/domain/planning/availability.ts'
import type { AvailabilityException } from '../../../src/domain/planning/records.ts'
import type { WalkRef } from '../../../src/domain/signup.ts'
import { availability } from './planning-fixtures.ts'
import { lineId } from './rota-fixtures.ts'

// Thursday 3 December 2026 (weekday 4).
const walk = (direction: Direction = 'aller', line = 1, date = '2026-12-03'): WalkRef => ({ lineId: lineId(line), date: localDate(date), direction })
const thursdayAller = { weekday: 4, direction: 'aller' as const, lineId: lineId(1) }
const except = (available: boolean, direction: Direction | null = null, line: number | null = null, date = '2026-12-03'): AvailabilityException => ({
  date: localDate(date),
  available,
  direction,
  lineId: line === null ? null : lineId(line),
})

describe('isAvailableFor', () => {
  it('follows the recurring weekday, direction and line', () => {
    const adult = availability(1, 1, { recurring: [thursdayAller] })
    expect(isAvailableFor(adult, walk())).toBe(true)
    expect(isAvailableFor(adult, walk('retour'))).toBe(false)
    expect(isAvailableFor(adult, walk('aller', 2))).toBe(false)
    expect(isAvailableFor(adult, walk('aller', 1, '2026-12-04'))).toBe(false)
    expect(isAvailableFor(adult, walk('aller', 1, '2026-12-10'))).toBe(true)
  })

  it('is unavailable without any recurring slot or exception', () => {
    expect(isAvailableFor(availability(1, 1), walk())).toBe(false)
  })

  it('an unavailable exception on the date beats the recurring pattern', () => {
    expect(isAvailableFor(availability(1, 1, { recurring: [thursdayAller], exceptions: [except(false)] }), walk())).toBe(false)
  })

  it('an unavailable exception only covers its direction and line when it names them', () => {
    const adult = availability(1, 1, { recurring: [thursdayAller, { ...thursdayAller, direction: 'retour' }], exceptions: [except(false, 'retour'), except(false, 'aller', 2)] })
    expect(isAvailableFor(adult, walk('aller'))).toBe(true)
    expect(isAvailableFor(adult, walk('retour'))).toBe(false)
  })

  it('an unavailable exception on another date changes nothing', () => {
    expect(isAvailableFor(availability(1, 1, { recurring: [thursdayAller], exceptions: [except(false, null, null, '2026-12-10')] }), walk())).toBe(true)
  })

  it('an available exception makes an adult available outside the pattern, on its direction and line', () => {
    const adult = availability(1, 1, { exceptions: [except(true, 'retour', 1, '2026-12-04')] })
    expect(isAvailableFor(adult, walk('retour', 1, '2026-12-04'))).toBe(true)
    expect(isAvailableFor(adult, walk('aller', 1, '2026-12-04'))).toBe(false)
    expect(isAvailableFor(adult, walk('retour', 2, '2026-12-04'))).toBe(false)
  })

  it('an available exception without a line covers only the lines of the recurring slots, any weekday and direction', () => {
    // Recurring on line 1 (Thursday aller) and line 3 (Monday retour); Friday 4 December is outside both.
    const adult = availability(1, 1, {
      recurring: [thursdayAller, { weekday: 1, direction: 'retour', lineId: lineId(3) }],
      exceptions: [except(true, null, null, '2026-12-04')],
    })
    expect(isAvailableFor(adult, walk('aller', 1, '2026-12-04'))).toBe(true)
    expect(isAvailableFor(adult, walk('retour', 1, '2026-12-04'))).toBe(true)
    expect(isAvailableFor(adult, walk('aller', 3, '2026-12-04'))).toBe(true)
    expect(isAvailableFor(adult, walk('retour', 2, '2026-12-04'))).toBe(false)
    expect(isAvailableFor(adult, walk('aller', 2, '2026-12-04'))).toBe(false)
  })

  it('an available exception without a line keeps its direction rule on the recurring lines', () => {
    const adult = availability(1, 1, { recurring: [thursdayAller], exceptions: [except(true, 'retour', null, '2026-12-04')] })
    expect(isAvailableFor(adult, walk('retour', 1, '2026-12-04'))).toBe(true)
    expect(isAvailableFor(adult, walk('aller', 1, '2026-12-04'))).toBe(false)
    expect(isAvailableFor(adult, walk('retour', 2, '2026-12-04'))).toBe(false)
  })

  it('an available exception without direction or line covers every walk of its date when there is no recurring slot', () => {
    const adult = availability(1, 1, { exceptions: [except(true, null, null, '2026-12-04')] })
    expect(isAvailableFor(adult, walk('retour', 2, '2026-12-04'))).toBe(true)
    expect(isAvailableFor(adult, walk('aller', 1, '2026-12-04'))).toBe(true)
    expect(isAvailableFor(adult, walk('aller', 1, '2026-12-05'))).toBe(false)
  })

  it('an unavailable exception without a line covers every line, the recurring ones or not', () => {
    const adult = availability(1, 1, {
      recurring: [thursdayAller],
      exceptions: [except(true, null, 2), except(false, null, null)],
    })
    expect(isAvailableFor(adult, walk('aller', 1))).toBe(false)
    expect(isAvailableFor(adult, walk('aller', 2))).toBe(false)
  })

  it('unavailable wins over available on the same walk, in either order', () => {
    for (const exceptions of [[except(true), except(false, 'aller')], [except(false, 'aller'), except(true)]]) {
      const adult = availability(1, 1, { recurring: [thursdayAller], exceptions })
      expect(isAvailableFor(adult, walk('aller'))).toBe(false)
      expect(isAvailableFor(adult, walk('retour'))).toBe(true)
    }
  })
})

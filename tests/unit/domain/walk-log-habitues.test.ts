// Habitué·e·s: the adults on duty on walks done where the adults agree the child was present; nobody for a child who never walked.
import { describe, expect, it } from 'vitest'
import { habituesOf } from '../../../src/domain/walk-log/habitues.ts'
import { adultId, childId } from './rota-fixtures.ts'
import { ALLER, RETOUR, mark, walkRef } from './walk-log-fixtures.ts'

const done = (walk: typeof ALLER, adults: number[]) => ({ walk, dutyAdultIds: adults.map(adultId) })

describe('habitué·e·s of a child', () => {
  it('are the adults on duty on every walk done with the child present, once each, sorted', () => {
    const friday = walkRef('2026-12-04')
    const marks = [
      mark(1, 1, 'present', 1), // child 1 walked on Thursday aller (adults 1 and 2 on duty)
      mark(3, 1, 'present', 2, { walk: friday }), // and on Friday (adult 3)
      mark(1, 2, 'absent', 3), // child 2 was absent: nobody walked with them
      mark(1, 3, 'present', 4, { walk: RETOUR }), // child 3 walked on a walk not done (no arrival)
    ]
    const habitues = habituesOf(new Set([childId(1), childId(2), childId(3)]), [done(ALLER, [2, 1]), done(friday, [3, 1])], marks)
    expect(habitues.get(childId(1))).toEqual([adultId(1), adultId(2), adultId(3)].sort())
    expect(habitues.has(childId(2))).toBe(false)
    expect(habitues.has(childId(3))).toBe(false)
  })

  it('leave out a walk where the adults disagree, and children not asked for', () => {
    const marks = [mark(1, 1, 'present', 1), mark(2, 1, 'absent', 2), mark(1, 4, 'present', 3)]
    expect(habituesOf(new Set([childId(1)]), [done(ALLER, [1, 2])], marks)).toEqual(new Map())
    expect(habituesOf(new Set(), [done(ALLER, [1, 2])], marks)).toEqual(new Map())
  })
})

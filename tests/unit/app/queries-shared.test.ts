// The shared read helpers of src/app/queries: typed dates and record ids read back (or refused), the new-year summary of the plan applied.
import { describe, expect, it } from 'vitest'
import { parseLocalDate } from '../../../src/app/queries/calendar.ts'
import { parseId } from '../../../src/app/queries/collective.ts'
import { newYearSummary } from '../../../src/app/queries/year.ts'
import { DEFAULT_ROSTER_SETTING } from '../../../src/domain/coordination/records.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { NO_SWAP_RECORDS } from '../../../src/domain/swaps/records.ts'
import { NO_WALK_LOG } from '../../../src/domain/walk-log/records.ts'
import { childId, createChild, createModel, createSignUp, familyId, lineId } from '../domain/rota-fixtures.ts'

describe('parseLocalDate', () => {
  it('reads a real day and refuses anything else', () => {
    expect(parseLocalDate('2027-03-04')).toBe('2027-03-04')
    expect(parseLocalDate('2028-02-29')).toBe('2028-02-29')
    for (const text of ['2027-02-29', '2027-13-01', '4 mars', '', undefined, '2027-3-4']) expect(parseLocalDate(text)).toBeNull()
  })
})

describe('parseId', () => {
  it('reads an id of the kind asked from a key, and refuses what is not one', () => {
    expect(parseId('line', lineId(1))).toBe(lineId(1))
    expect(parseId('family', familyId(2))).toBe(familyId(2))
    expect(parseId('child', 'not-a-uuid')).toBeNull()
    expect(parseId('stop', undefined)).toBeNull()
  })
})

describe('newYearSummary', () => {
  it('counts what the new year would erase, leaving children included, and what it keeps', () => {
    const model = {
      ...createModel({
        families: [{ id: familyId(1), displayName: 'Martin' }],
        children: [createChild(1, 1), createChild(2, 1)],
        signUps: [createSignUp(1, 'lead', 1, 1, { date: '2027-06-10' }), createSignUp(1, 'lead', 2, 1, { date: '2027-09-14' })],
      }),
      swaps: NO_SWAP_RECORDS,
      coordination: { setting: DEFAULT_ROSTER_SETTING, roster: [], offers: [], responses: [], notes: [], acks: [] },
      walkLog: NO_WALK_LOG,
    }
    const summary = newYearSummary(model, { before: localDate('2027-09-01'), removeChildIds: [childId(2)] })
    expect(summary.removed.signUps).toBe(1)
    expect(summary.removed.children).toBe(1)
    expect(summary.kept.children).toBe(1)
  })
})

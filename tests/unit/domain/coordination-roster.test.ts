// Coordinator roster: period arithmetic, the rotation under joins and leaves, current and next coordinator, in every input order.
import { describe, expect, it } from 'vitest'
import { CoordinatorRosterSettingSchema, DEFAULT_ROSTER_SETTING, StoredRosterEntrySchema, type RosterEntry } from '../../../src/domain/coordination/records.ts'
import { periodOn } from '../../../src/domain/coordination/periods.ts'
import { currentMembers } from '../../../src/domain/coordination/roster.ts'
import { coordinatorOn, coordinatorSchedule, currentAndNextCoordinator } from '../../../src/domain/coordination/schedule.ts'
import { localDate, SettingDateSchema } from '../../../src/domain/dates.ts'
import { familyId } from './rota-fixtures.ts'
import { join, leave, orders, records, weekStart, WEEKLY } from './coordination-fixtures.ts'

/** Family numbers of the coordinators of periods 0..last (0 for none). */
const rotation = (roster: RosterEntry[], last: number): number[] =>
  coordinatorSchedule(records({ roster }), weekStart(last)).periods.map((period) => (period.coordinator === null ? 0 : Number(period.coordinator.slice(-12))))

const ABC = [join(1, 1, 1), join(2, 2, 2), join(3, 3, 3)]

describe('coordinator periods', () => {
  it.each([
    ['week', '2026-09-03', 0, '2026-08-31', '2026-09-06'],
    ['week', '2026-09-07', 1, '2026-09-07', '2026-09-13'],
    ['twoWeeks', '2026-09-13', 0, '2026-08-31', '2026-09-13'],
    ['twoWeeks', '2026-09-14', 1, '2026-09-14', '2026-09-27'],
    // A month is the weeks whose Monday is in that month: handovers stay on Mondays.
    ['month', '2026-09-06', 0, '2026-08-31', '2026-09-06'],
    ['month', '2026-09-07', 1, '2026-09-07', '2026-10-04'],
    ['month', '2026-11-01', 2, '2026-10-05', '2026-11-01'],
    ['month', '2026-11-02', 3, '2026-11-02', '2026-12-06'],
    ['month', '2027-01-01', 4, '2026-12-07', '2027-01-03'],
  ] as const)('%s: %s is in period %i (%s to %s)', (periodLength, date, index, start, end) => {
    expect(periodOn({ periodLength, startsOn: localDate('2026-08-31') }, localDate(date))).toEqual({ index, start, end })
  })

  it('has no period before the roster starts', () => {
    expect(periodOn(WEEKLY, localDate('2026-08-30'))).toBeNull()
  })

  it('accepts only a Monday as start, and the default is valid', () => {
    expect(CoordinatorRosterSettingSchema.safeParse({ periodLength: 'week', startsOn: '2026-09-01' }).success).toBe(false)
    expect(CoordinatorRosterSettingSchema.safeParse(DEFAULT_ROSTER_SETTING).success).toBe(true)
    expect(CoordinatorRosterSettingSchema.safeParse({ ...DEFAULT_ROSTER_SETTING, periodLength: 'year' }).success).toBe(false)
  })

  it('validates roster entries and keeps unknown fields', () => {
    const parsed = StoredRosterEntrySchema.parse({ ...join(1, 1, 1), future: 1 })
    expect(parsed).toMatchObject({ future: 1 })
    expect(StoredRosterEntrySchema.safeParse({ ...join(1, 1, 1), position: Number.NaN }).success).toBe(false)
  })
})

describe('rotation, table-driven, every input order', () => {
  const cases: { name: string; roster: RosterEntry[]; expected: number[] }[] = [
    { name: 'three families take turns by position', roster: ABC, expected: [1, 2, 3, 1, 2, 3] },
    { name: 'equal positions are ordered by familyId', roster: [join(3, 1, 1), join(1, 1, 2), join(2, 1, 3)], expected: [1, 2, 3, 1, 2, 3] },
    // B leaves from week 4: weeks 0-3 unchanged, the rotation goes on from A to C; nobody else's order changes.
    { name: 'a leaver is skipped, past periods stay', roster: [...ABC, leave(2, 2, 10, '2026-09-28')], expected: [1, 2, 3, 1, 3, 1, 3] },
    // D joins between B and C from week 4: slotted in after B.
    { name: 'a joiner is slotted in at its position', roster: [...ABC, join(4, 2.5, 10, '2026-09-28')], expected: [1, 2, 3, 1, 2, 4, 3, 1] },
    { name: 'an empty roster has no coordinator', roster: [], expected: [0, 0, 0] },
    { name: 'a family that declined is not a member', roster: [join(1, 1, 1), join(2, 2, 2, '2026-08-31', false)], expected: [1, 1, 1] },
    // Both leave from week 2, A comes back from week 4: the rotation resumes after B, i.e. with A.
    {
      name: 'an empty stretch keeps the rotation place',
      roster: [join(1, 1, 1), join(2, 2, 2), leave(1, 1, 5, '2026-09-14'), leave(2, 2, 6, '2026-09-14'), join(1, 1, 7, '2026-09-28')],
      expected: [1, 2, 0, 0, 1, 1],
    },
    // A later decision wins even with an earlier effective date (logical order, not the dates).
    { name: 'the latest entry by clock decides', roster: [join(1, 1, 1), join(2, 2, 2), leave(2, 2, 5, '2026-09-21'), join(2, 2, 9, '2026-09-14')], expected: [1, 2, 1, 2, 1, 2] },
    { name: 'equal clocks: the higher actor id wins (latest in logical order)', roster: [join(1, 1, 1), join(2, 2, 2), { ...leave(2, 2, 5, '2026-09-14'), actor: join(9, 0, 0).actor }, join(2, 2, 5, '2026-09-14')], expected: [1, 2, 1, 1] },
  ]
  for (const { name, roster, expected } of cases) {
    it(name, () => {
      for (const order of orders(roster)) expect(rotation(order, expected.length - 1)).toEqual(expected)
    })
  }

  it('lists the current members in rotation order', () => {
    expect(currentMembers([...ABC, leave(2, 2, 10, '2026-09-28'), join(4, 0.5, 11, '2026-10-05')]).map((m) => m.familyId)).toEqual([familyId(4), familyId(1), familyId(3)])
  })
})

describe('current and next coordinator', () => {
  const roster = records({ roster: ABC })
  it.each([
    ['2026-08-20', null, 1, '2026-08-31'],
    ['2026-08-31', 1, 2, '2026-09-07'],
    ['2026-09-06', 1, 2, '2026-09-07'],
    ['2026-09-07', 2, 3, '2026-09-14'],
    ['2026-09-20', 3, 1, '2026-09-21'],
  ] as const)('on %s: current %s, next %s from %s', (date, current, next, nextStart) => {
    const result = currentAndNextCoordinator(roster, localDate(date))
    expect(result.current?.coordinator ?? null).toBe(current === null ? null : familyId(current))
    expect(result.next.coordinator).toBe(familyId(next))
    expect(result.next.start).toBe(nextStart)
  })

  it('says nobody when the roster is empty', () => {
    const result = currentAndNextCoordinator(records(), localDate('2026-10-01'))
    expect(result.current).toMatchObject({ coordinator: null, memberCount: 0 })
    expect(result.next.coordinator).toBeNull()
    expect(coordinatorOn(records(), localDate('2026-10-01'))).toBeNull()
  })

  it('follows a leave across the boundary it takes effect on', () => {
    const withLeave = records({ roster: [...ABC, leave(2, 2, 10, '2026-09-28')] })
    expect(coordinatorOn(withLeave, localDate('2026-09-27'))).toBe(familyId(1))
    expect(currentAndNextCoordinator(withLeave, localDate('2026-09-27')).next.coordinator).toBe(familyId(3))
  })
})

describe('dates in settings are bounded', () => {
  it('refuses a roster start or a year start outside 2020–2099 (a typo such as 1027), with its own message', () => {
    const typo = CoordinatorRosterSettingSchema.safeParse({ periodLength: 'week', startsOn: '1027-03-02' })
    expect(typo.success).toBe(false)
    expect(typo.error?.issues.map((issue) => issue.message)).toContain('dateOutOfRange')
    expect(CoordinatorRosterSettingSchema.safeParse({ periodLength: 'week', startsOn: '2027-03-01' }).success).toBe(true)
    expect(SettingDateSchema.safeParse('2100-01-04').success).toBe(false)
    expect(SettingDateSchema.safeParse('2019-12-30').success).toBe(false)
  })
})

// Coordinator period trades as a checker: each answer to a trade moves both periods, crossed, or neither.
//
// The check looks at the schedule from outside, one answer at a time: the records as they stood
// logically just before that answer, then just after it. Reading the final schedule alone is not
// enough: a period received in a trade may be given away again later (a replacement, another
// trade), so the last offer on it is no longer the trade's, although the trade moved it.
import type { LocalDate } from '../dates.ts'
import { compareLogical, compareText } from '../record-order.ts'
import { periodResponseKeyOf, type CoordinationRecords, type PeriodResponse } from './records.ts'
import { coordinatorSchedule, type CoordinatorSchedule } from './schedule.ts'

/** How a schedule is computed: coordinatorSchedule, or (in tests) a planted faulty one the check must catch. */
export type ScheduleOf = (records: CoordinationRecords, through: LocalDate) => CoordinatorSchedule

/**
 * The records with only the answers and withdrawals that come logically before `cut` (and `cut`
 * itself when `inclusive`). Same order as resolvePeriodOffers: (clock, actor), then 'response'
 * before 'withdrawal', then key; offers themselves change nothing until answered, so all stay.
 */
const recordsUpTo = (records: CoordinationRecords, cut: PeriodResponse, inclusive: boolean): CoordinationRecords => {
  const cutKey = periodResponseKeyOf(cut)
  const before = (response: PeriodResponse): boolean => {
    const order = compareLogical(response, cut) || compareText(periodResponseKeyOf(response), cutKey)
    return inclusive ? order <= 0 : order < 0
  }
  return {
    ...records,
    responses: records.responses.filter(before),
    offers: records.offers.map((offer) => {
      if (offer.withdrawn === undefined || compareLogical(offer.withdrawn, cut) < 0) return offer
      const { withdrawn: _later, ...open } = offer
      return open
    }),
  }
}

/**
 * Failures (empty when sound): an answer to a trade that moved one period only, more than its two,
 * not crossed, or moved anything without winning it. Pure; costs two schedules per trade answer,
 * so it is for tests and the convergence harness, not for screens.
 */
export const checkPeriodTrades = (records: CoordinationRecords, through: LocalDate, scheduleOf: ScheduleOf = coordinatorSchedule): string[] => {
  const failures: string[] = []
  for (const response of records.responses) {
    const before = scheduleOf(recordsUpTo(records, response, false), through)
    const after = scheduleOf(recordsUpTo(records, response, true), through)
    // The offer the resolver kept under that id (a duplicate id keeps its first, see resolvePeriodOffers).
    const offer = after.offers.find((outcome) => outcome.offer.id === response.offerId)?.offer
    if (offer?.kind !== 'trade') continue
    const moved = after.periods.filter((period, index) =>
      period.coordinator !== before.periods[index]?.coordinator || period.offerId !== before.periods[index]?.offerId)
    const won = response.kind === 'accept' && after.responses.get(periodResponseKeyOf(response)) === 'won'
    const own = moved.find((period) => period.start === offer.periodStart)
    const other = moved.find((period) => period.start === offer.target?.periodStart)
    const crossed =
      moved.length === 2 && own !== undefined && other !== undefined &&
      own.coordinator === offer.target?.familyId && other.coordinator === offer.familyId &&
      own.offerId === offer.id && other.offerId === offer.id &&
      before.periods[own.index]?.coordinator === offer.familyId && before.periods[other.index]?.coordinator === offer.target?.familyId
    if (won ? crossed : moved.length === 0) continue
    const what = moved.length === 2 && !crossed ? 'moved 2 periods, not crossed' : `moved ${moved.length} period${moved.length === 1 ? '' : 's'}`
    failures.push(`period trade ${offer.id}: the ${response.kind} of ${response.familyId} ${what} (${moved.map((period) => period.start).join(', ') || 'none'})${won ? '' : ' without winning'}`)
  }
  return failures
}

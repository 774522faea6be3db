// Swap and coordinator invariants on the converged view: the domain's swap checker, and one coordinator per period of a non-empty roster.
import type { CollectiveSnapshot } from '../../src/doc/read.ts'
import { checkPeriodTrades } from '../../src/domain/coordination/invariants.ts'
import { coordinatorSchedule } from '../../src/domain/coordination/schedule.ts'
import { membersFor } from '../../src/domain/coordination/roster.ts'
import { addDays, localDate } from '../../src/domain/dates.ts'
import { checkSwapInvariants } from '../../src/domain/swaps/invariants.ts'
import { resolveSwaps } from '../../src/domain/swaps/resolve.ts'

/** Every offer at most one effective taker, no slot with two holders, no place lost, a trade changes both slots or neither. */
export const checkSwaps = (view: CollectiveSnapshot, now: number): string[] =>
  checkSwapInvariants(view, view.swaps, resolveSwaps(view, view.swaps, now), now)

/** Through the last Monday the operations name (see operations-swaps.ts). */
const THROUGH = addDays(localDate('2027-03-15'), 27)

/** Each period whose roster is not empty has exactly one coordinator; one whose roster is empty has none unless a swap gave it one; trades move both periods or neither. */
export const checkCoordinators = (view: Pick<CollectiveSnapshot, 'coordination'>): string[] => {
  const failures: string[] = []
  const schedule = coordinatorSchedule(view.coordination, THROUGH)
  for (const period of schedule.periods) {
    const members = membersFor(view.coordination.roster, period.start).length
    if (members !== period.memberCount) failures.push(`period ${period.start}: ${period.memberCount} members counted, ${members} on the roster`)
    if (members > 0 && period.coordinator === null) failures.push(`period ${period.start}: roster of ${members} but no coordinator`)
    if (members === 0 && period.base !== null) failures.push(`period ${period.start}: empty roster but a rotation coordinator`)
  }
  // Both-or-neither, answer by answer: the final schedule alone cannot tell, since a period received in a trade may be
  // given away again later (seed 5000628 with CONVERGENCE_NO_WALK_LOG=1: the last offer on it is then a replacement).
  failures.push(...checkPeriodTrades(view.coordination, THROUGH))
  return failures
}

/** The coordinator of every period through the operations' last Monday (see checkFamilies). */
export const coordinatorsOf = (view: Pick<CollectiveSnapshot, 'coordination'>): (string | null)[] =>
  coordinatorSchedule(view.coordination, THROUGH).periods.map((period) => period.coordinator)

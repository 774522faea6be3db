// The demo collective's planning records: every insured adult says when they can walk, one family has a reduced share, so the planner has data to work on.
import type * as Y from 'yjs'
import * as edit from '../doc/mutations.ts'
import { readCollective } from '../doc/read.ts'
import { instantToParisDate } from '../domain/calendar/paris-time.ts'
import { addDays, mondayOf } from '../domain/dates.ts'
import { createActorId, type LineId } from '../domain/ids.ts'
import type { Direction } from '../domain/line.ts'
import type { AvailabilityInput, RolePreference } from '../domain/planning/records.ts'

/** [first name, weekdays, directions, weekly maximum, preference]: varied enough that the planner must balance. */
const PATTERNS: readonly [string, readonly number[], readonly Direction[], number | null, RolePreference][] = [
  ['Camille', [1, 4], ['aller'], 2, 'lead'],
  ['Julien', [2, 5], ['aller', 'retour'], null, 'none'],
  ['Sophie', [1, 2, 4, 5], ['aller'], 3, 'tail'],
  ['Minh', [1, 2], ['retour'], null, 'lead'],
  ['Claire', [4, 5], ['aller', 'retour'], 2, 'none'],
  ['Karim', [1, 2, 4], ['aller', 'retour'], null, 'tail'],
  ['Patrick', [2, 4], ['retour'], 1, 'none'],
  ['Nadia', [1, 5], ['aller', 'retour'], null, 'lead'],
]

const availabilityOf = (lineId: LineId, weekdays: readonly number[], directions: readonly Direction[], weeklyMax: number | null, preference: RolePreference): AvailabilityInput => ({
  recurring: weekdays.flatMap((weekday) => directions.map((direction) => ({ weekday, direction, lineId }))),
  exceptions: [],
  weeklyMax,
  preference,
})

/** Written after the families (see fillDemo). Élodie, not insured yet, gives no availability; the Durand family has half a share for a month. */
export const fillDemoPlanning = (doc: Y.Doc, now: number): void => {
  const model = readCollective(doc)
  const lineId = model.lines[0]?.id
  if (lineId === undefined) return
  for (const [firstName, weekdays, directions, weeklyMax, preference] of PATTERNS) {
    const adult = model.adults.find((candidate) => candidate.firstName === firstName)
    if (adult === undefined) continue
    const input = availabilityOf(lineId, weekdays, directions, weeklyMax, preference)
    // Sophie is away on the Monday four weeks from now: a date exception the planner respects.
    const exceptions = firstName === 'Sophie' ? [{ date: addDays(mondayOf(instantToParisDate(now)), 28), available: false, direction: null, lineId: null }] : []
    edit.writeAvailability(doc, { adultId: adult.id, familyId: adult.familyId }, { ...input, exceptions }, { actor: createActorId() })
  }
  const durand = model.families.find((family) => family.displayName === 'Durand')
  if (durand === undefined) return
  const today = instantToParisDate(now)
  edit.writeExemption(doc, { familyId: durand.id, from: today, to: addDays(today, 30), sharePercent: 50 }, { actor: createActorId() })
}

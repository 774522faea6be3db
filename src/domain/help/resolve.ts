// Who holds a helper's place on a coups de main, its state over time, and what a family may still do on it.
//
// The same rule as the walks' places (src/domain/signup.ts): the requester's confirmations first, then active
// answers by (clock, actor, family), never by arrival; so two answers sent offline for the last place give the same
// helpers on every phone, and the other family is on the waiting list, told.
import { parisToInstant } from '../calendar/paris-time.ts'
import type { TimeOfDay } from '../dates.ts'
import type { FamilyId } from '../ids.ts'
import { compareLogical, compareText } from '../record-order.ts'
import { err, ok, type Result } from '../../lib/result.ts'
import type { HelpAnswer, HelpRequest } from './records.ts'

export interface HelpResolution {
  /** The families helping: the confirmed ones, then the first answers while places remain. */
  readonly holders: readonly FamilyId[]
  /** The holders the requester confirmed (never more than needed). */
  readonly confirmed: readonly FamilyId[]
  /** Answers beyond the places: told "c'est complet". */
  readonly waiting: readonly FamilyId[]
}

export type HelpState = 'open' | 'closed' | 'cancelled' | 'expired'

const END_OF_DAY = '23:59' as TimeOfDay

/** The answers that count, in logical order: active, one per family (the key's), never the requester's own family. */
export const activeAnswersOf = (request: HelpRequest, answers: readonly HelpAnswer[]): HelpAnswer[] =>
  answers
    .filter((a) => a.requestId === request.id && a.status === 'active' && a.familyId !== request.familyId)
    .sort((a, b) => compareLogical(a, b) || compareText(a.familyId, b.familyId))

export const resolveHelp = (request: HelpRequest, answers: readonly HelpAnswer[]): HelpResolution => {
  const active = activeAnswersOf(request, answers)
  const answered = new Set(active.map((a) => a.familyId))
  const confirmed = request.confirmed.filter((family) => answered.has(family)).slice(0, request.needed)
  const others = active.map((a) => a.familyId).filter((family) => !confirmed.includes(family))
  const free = request.needed - confirmed.length
  return { holders: [...confirmed, ...others.slice(0, free)], confirmed, waiting: others.slice(free) }
}

/** Its status, or 'expired' once its window ended (the end time, else the end of its day, Paris time). */
export const helpStateOf = (request: HelpRequest, now: number): HelpState => {
  if (request.status !== 'open') return request.status
  if (request.date === undefined) return 'open'
  return now > parisToInstant(request.date, request.to ?? END_OF_DAY) ? 'expired' : 'open'
}

export const canAnswer = (request: HelpRequest, familyId: FamilyId, now: number): Result<void, 'ownRequest' | 'notOpen'> =>
  request.familyId === familyId ? err('ownRequest') : helpStateOf(request, now) !== 'open' ? err('notOpen') : ok(undefined)

/** The confirmed list after confirming `familyId`: only a family that answered, only while a place is not confirmed. */
export const canConfirm = (
  request: HelpRequest, answers: readonly HelpAnswer[], familyId: FamilyId,
): Result<readonly FamilyId[], 'noAnswer' | 'full'> => {
  const resolved = resolveHelp(request, answers)
  if (!activeAnswersOf(request, answers).some((a) => a.familyId === familyId)) return err('noAnswer')
  if (resolved.confirmed.includes(familyId)) return ok(resolved.confirmed)
  if (resolved.confirmed.length >= request.needed) return err('full')
  return ok([...resolved.confirmed, familyId])
}

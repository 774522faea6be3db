// Coups de main given and received per family, for the "Équité" page: counted, never ranked, never a debt.
//
// A request's helpers give and its family receives; an offer's family gives and those who took it receive. Only coups
// de main that happened count: closed by their family, or whose window is over; a cancelled or still open one does not.
import type { FamilyId } from '../ids.ts'
import type { HelpRecords, HelpRequest } from './records.ts'
import { helpStateOf, resolveHelp } from './resolve.ts'

export interface HelpCount {
  readonly familyId: FamilyId
  readonly given: number
  readonly received: number
}

const happened = (request: HelpRequest, now: number): boolean => {
  const state = helpStateOf(request, now)
  return state === 'closed' || state === 'expired'
}

/** One row per family named in a coup de main that happened, in the order of `familyOrder`; others get 0 and 0. */
export const helpCounts = (records: HelpRecords, familyOrder: readonly FamilyId[], now: number): HelpCount[] => {
  const given = new Map<FamilyId, number>()
  const received = new Map<FamilyId, number>()
  const add = (counts: Map<FamilyId, number>, family: FamilyId) => counts.set(family, (counts.get(family) ?? 0) + 1)
  for (const request of records.requests) {
    if (!happened(request, now)) continue
    const { holders } = resolveHelp(request, records.answers)
    if (holders.length === 0) continue
    if (request.type === 'request') {
      for (const helper of holders) add(given, helper)
      add(received, request.familyId)
    } else {
      add(given, request.familyId)
      for (const taker of holders) add(received, taker)
    }
  }
  return familyOrder.map((familyId) => ({ familyId, given: given.get(familyId) ?? 0, received: received.get(familyId) ?? 0 }))
}

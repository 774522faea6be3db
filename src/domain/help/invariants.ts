// What must hold for coups de main on every converged replica (the convergence harness and tests call it).
import type { HelpAnswer, HelpRequest } from './records.ts'
import { resolveHelp } from './resolve.ts'

/** Never more confirmed helpers (or holders) than needed; one answer per family per request. */
export const checkHelpInvariants = (requests: readonly HelpRequest[], answers: readonly HelpAnswer[]): string[] => {
  const failures: string[] = []
  for (const request of requests) {
    if (request.confirmed.length > request.needed) {
      failures.push(`request ${request.id}: ${request.confirmed.length} confirmed, ${request.needed} needed`)
    }
    const resolved = resolveHelp(request, answers)
    if (resolved.holders.length > request.needed) failures.push(`request ${request.id}: ${resolved.holders.length} helpers`)
    const seen = new Set<string>()
    for (const answer of answers.filter((a) => a.requestId === request.id)) {
      if (seen.has(answer.familyId)) failures.push(`request ${request.id}: family ${answer.familyId} answered twice`)
      seen.add(answer.familyId)
    }
  }
  return failures
}

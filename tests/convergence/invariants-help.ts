// Coups de main invariants on the converged view: never more confirmed helpers than needed, one answer per family.
import type { CollectiveSnapshot } from '../../src/doc/read.ts'
import { checkHelpInvariants } from '../../src/domain/help/invariants.ts'

export const checkHelp = (view: Pick<CollectiveSnapshot, 'help'>): string[] =>
  checkHelpInvariants(view.help.requests, view.help.answers)

// "Trajet en binôme" invariants on the converged view: one active pair per walk and newcomer, none among the holders.
import type { CollectiveSnapshot } from '../../src/doc/read.ts'
import { checkPairInvariants, type CheckedWalk } from '../../src/domain/pairs.ts'

/** `rota`: the sign-up rota, or the effective one (its `viaSwap` lists the holders a swap seated, with no sign-up). */
export const checkPairs = (
  view: Pick<CollectiveSnapshot, 'pairs' | 'signUps'>, rota: readonly CheckedWalk[],
): string[] =>
  checkPairInvariants(view.pairs, rota, view.signUps)

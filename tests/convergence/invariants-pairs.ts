// "Trajet en binôme" invariants on the converged view: one active pair per walk and newcomer, none among the holders.
import type { CollectiveSnapshot } from '../../src/doc/read.ts'
import { checkPairInvariants } from '../../src/domain/pairs.ts'
import type { WalkRota } from '../../src/domain/rota-types.ts'

export const checkPairs = (view: Pick<CollectiveSnapshot, 'pairs' | 'signUps'>, rota: readonly WalkRota[]): string[] =>
  checkPairInvariants(view.pairs, rota, view.signUps)

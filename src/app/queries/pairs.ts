// What the rota screens show of "trajet en binôme": each walk's pair lines, and who of my family may ask one.
import type { AdultId } from '../../domain/ids.ts'
import { pairLinesOf, pairsByWalk, type Pair, type PairLine, type Staffing } from '../../domain/pairs.ts'
import type { Adult } from '../../domain/people.ts'
import { walkKeyOf, type WalkKey, type WalkRef } from '../../domain/signup.ts'

/** What a query reads: the pairs (absent in views built without them). */
export interface PairsView {
  readonly pairs?: readonly Pair[]
}

const NONE: readonly Pair[] = []
const EMPTY_INDEX: ReadonlyMap<WalkKey, readonly Pair[]> = new Map()

/** Active pairs by walk: build once per change of the pairs (a screen memoizes it on `view.pairs`). */
export const pairsIndex = (view: PairsView): ReadonlyMap<WalkKey, readonly Pair[]> =>
  view.pairs === undefined || view.pairs.length === 0 ? EMPTY_INDEX : pairsByWalk(view.pairs)

/** One walk's active pairs from the index: the same empty array for every walk without any (cheap memo checks). */
export const pairsOfWalk = (index: ReadonlyMap<WalkKey, readonly Pair[]>, key: WalkKey): readonly Pair[] => index.get(key) ?? NONE

/** The lines a walk card shows ("Marie en binôme avec Sophie", "à revoir" when Sophie left the walk). */
export const walkPairLines = (walk: Staffing, pairs: readonly Pair[]): PairLine[] =>
  pairs.length === 0 ? [] : pairLinesOf(walk, pairs)

/** The adults of my family who may ask a pair on the walk: neither holding a place there nor paired already. */
export const pairCandidates = (walk: Staffing, pairs: readonly Pair[], myAdults: readonly Adult[]): Adult[] => {
  const taken = new Set<AdultId>(pairs.map((pair) => pair.adultId))
  for (const signUp of [walk.lead, walk.tail, ...walk.extras]) if (signUp) taken.add(signUp.adultId)
  return myAdults.filter((adult) => !taken.has(adult.id))
}

/** One walk's pair lines (the walk screen: one walk, so its pairs are picked from the list directly). */
export const walkPairsOf = (view: PairsView, walk: Staffing & WalkRef): PairLine[] => {
  const key = walkKeyOf(walk)
  return walkPairLines(walk, (view.pairs ?? NONE).filter((pair) => pair.status === 'active' && walkKeyOf(pair.walk) === key))
}

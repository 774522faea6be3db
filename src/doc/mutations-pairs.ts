// "Trajet en binôme" writes (issue 17): one flat entry per walk and newcomer, stamped with the shared clock.
import type * as Y from 'yjs'
import type { PairFields } from '../domain/pairs.ts'
import type { FieldErrors } from '../domain/validation.ts'
import type { Result } from '../lib/result.ts'
import { authorTime, nextSharedClock } from './clock.ts'
import { putEntry } from './entries.ts'
import { ChangeOrigin } from './keys.ts'
import type { Authored } from './mutations-swaps.ts'
import { pairKind } from './record-kinds.ts'

const pairOrigin = new ChangeOrigin('pair')

/** Writes (or withdraws) a newcomer's pair on one walk, whole, with a new clock; its key when written. */
export const writePair = (doc: Y.Doc, pair: PairFields & Authored): Result<string, FieldErrors> =>
  putEntry(doc, pairKind, {
    ...pair, clock: nextSharedClock(doc), actor: pair.actor, at: pair.at ?? authorTime(Date.now()),
  }, pairOrigin)

/** Several pairs in one transaction ("passer le témoin"): how many were written. */
export const writePairs = (doc: Y.Doc, pairs: readonly (PairFields & Authored)[]): number => {
  let written = 0
  doc.transact(() => {
    for (const pair of pairs) if (writePair(doc, pair).ok) written += 1
  }, pairOrigin)
  return written
}

// "Trajet en binôme" and "passer le témoin" (issue 17): a newcomer adult walks beside an adult who holds a place.
//
// A pair is one flat entry per walk and newcomer (the key), written whole by the newcomer's phone and withdrawn by
// rewriting it. It never holds a place: the walk's holders and its required adults are the sign-ups' alone, so a
// pair is an extra line on the walk ("en binôme avec …"). A pair whose experienced adult no longer holds a place on
// the walk is kept and shown "à revoir", never dropped silently.
import { z } from 'zod/mini'
import type { LocalDate } from './dates.ts'
import { ActorIdSchema, AdultIdSchema, type AdultId } from './ids.ts'
import { AuthorTimeSchema } from './record-order.ts'
import { MAX_CLOCK, WalkRefSchema, walkKeyOf, type SignUp, type WalkKey, type WalkRef } from './signup.ts'

/** 'pair': a newcomer walks once with an experienced adult; 'handover': a leaving family passes its walks on. */
export const PAIR_KINDS = ['pair', 'handover'] as const
export type PairKind = (typeof PAIR_KINDS)[number]

const ClockSchema = z.number().check(z.int(), z.nonnegative(), z.lte(MAX_CLOCK))

export const StoredPairSchema = z.looseObject({
  walk: WalkRefSchema,
  /** The newcomer. */
  adultId: AdultIdSchema,
  /** The experienced adult, who held a place on the walk when the pair was asked. */
  withAdultId: AdultIdSchema,
  kind: z.enum(PAIR_KINDS),
  status: z.enum(['active', 'withdrawn']),
  clock: ClockSchema,
  actor: ActorIdSchema,
  at: z.optional(AuthorTimeSchema),
}).check(z.refine((pair) => pair.adultId !== pair.withAdultId, { message: 'sameAdult' }))
export type Pair = z.output<typeof StoredPairSchema>

/** What the newcomer's phone writes (the stamp aside). */
export type PairFields = Pick<Pair, 'walk' | 'adultId' | 'withAdultId' | 'kind' | 'status'>

/** One entry per walk and newcomer: two phones pairing one newcomer offline write one entry (last writer wins). */
export const pairKeyOf = (pair: { readonly walk: WalkRef; readonly adultId: AdultId }): string =>
  `${walkKeyOf(pair.walk)}|${pair.adultId}`

/** Who holds a place on a walk (its lead, tail and extras). */
export type Staffing = { readonly lead: SignUp | null; readonly tail: SignUp | null; readonly extras: readonly SignUp[] }

const holderIds = (walk: Staffing): Set<AdultId> =>
  new Set([walk.lead, walk.tail, ...walk.extras].flatMap((signUp) => (signUp ? [signUp.adultId] : [])))

/** Why a pair cannot be asked on this walk as it stands; null when it can. */
export type PairRefusal = 'sameAdult' | 'alreadyOnWalk' | 'withNotOnWalk'
export const pairRefusal = (walk: Staffing, adultId: AdultId, withAdultId: AdultId): PairRefusal | null => {
  if (adultId === withAdultId) return 'sameAdult'
  const holders = holderIds(walk)
  if (holders.has(adultId)) return 'alreadyOnWalk'
  return holders.has(withAdultId) ? null : 'withNotOnWalk'
}

/** Active pairs by walk, newcomers in id order (the same on every phone): build once, read per walk card. */
export const pairsByWalk = (pairs: readonly Pair[]): ReadonlyMap<WalkKey, readonly Pair[]> => {
  const byWalk = new Map<WalkKey, Pair[]>()
  for (const pair of pairs) {
    if (pair.status !== 'active') continue
    const key = walkKeyOf(pair.walk)
    byWalk.set(key, [...(byWalk.get(key) ?? []), pair])
  }
  for (const list of byWalk.values()) list.sort((a, b) => (a.adultId < b.adultId ? -1 : a.adultId > b.adultId ? 1 : 0))
  return byWalk
}

/** A pair as a walk shows it: 'review' ("à revoir") when the experienced adult no longer holds a place. */
export interface PairLine {
  readonly pair: Pair
  readonly review: boolean
}

/** The pair lines of one walk: a newcomer who now holds a place is on the walk in their own right, not paired. */
export const pairLinesOf = (walk: Staffing, pairs: readonly Pair[]): PairLine[] => {
  const holders = holderIds(walk)
  return pairs.filter((pair) => pair.status === 'active' && !holders.has(pair.adultId))
    .map((pair) => ({ pair, review: !holders.has(pair.withAdultId) }))
}

/**
 * "Passer le témoin": the walks the leaving adult holds from `from` to `until` that the newcomer can be paired on
 * (not cancelled, the newcomer neither holding a place nor actively paired there).
 */
export const handoverWalks = <W extends WalkRef & Staffing & { readonly cancellation: unknown }>(
  walks: readonly W[], leaving: AdultId, newcomer: AdultId, from: LocalDate, until: LocalDate, pairs: readonly Pair[],
): W[] => {
  const paired = new Set(pairs.filter((p) => p.status === 'active' && p.adultId === newcomer).map((p) => walkKeyOf(p.walk)))
  return walks.filter((walk) => walk.cancellation === null && walk.date >= from && walk.date <= until
    && pairRefusal(walk, newcomer, leaving) === null && !paired.has(walkKeyOf(walk)))
}

/** A walk as the invariants read it: `viaSwap` lists holders seated by a swap (the effective rota; none without swaps). */
export type CheckedWalk = Staffing & { readonly key: WalkKey; readonly viaSwap?: readonly { readonly adultId: AdultId }[] }

/**
 * Invariants of a converged view: one active pair per walk and newcomer, and a pair never counted among a walk's
 * holders. A holder has an active sign-up of that walk or was seated by a swap (a place taken or traded): the swap
 * writes no sign-up, so "no sign-up" alone is not a pair counted. A newcomer paired on a walk and then given its
 * leaving adult's place (the very point of "passer le témoin") holds it in their own right; the card then shows
 * them as a holder only (pairLinesOf drops the line), which is also checked here, as a parent sees the walk.
 */
export const checkPairInvariants = (
  pairs: readonly Pair[], walks: readonly CheckedWalk[], signUps: readonly SignUp[],
): string[] => {
  const failures: string[] = []
  const seen = new Set<string>()
  for (const pair of pairs.filter((p) => p.status === 'active')) {
    const key = pairKeyOf(pair)
    if (seen.has(key)) failures.push(`pairs: two active pairs for ${key}`)
    seen.add(key)
  }
  const signedUp = new Set(signUps.filter((s) => s.status === 'active').map((s) => `${walkKeyOf(s)}|${s.adultId}`))
  const byWalk = pairsByWalk(pairs)
  return [...failures, ...walks.flatMap((walk) => walkPairFailures(walk, byWalk.get(walk.key) ?? [], signedUp))]
}

/** One walk's active pairs against its holders; `signedUp`: "walk key|adult" of every active sign-up. */
const walkPairFailures = (walk: CheckedWalk, pairs: readonly Pair[], signedUp: ReadonlySet<string>): string[] => {
  const holders = holderIds(walk)
  const swapped = new Set((walk.viaSwap ?? []).map((via) => via.adultId))
  const seatedBy = (pair: Pair) => signedUp.has(pairKeyOf(pair)) || swapped.has(pair.adultId)
  const counted = pairs.filter((pair) => holders.has(pair.adultId) && !seatedBy(pair))
  const both = pairLinesOf(walk, pairs).filter((line) => holders.has(line.pair.adultId))
  return [
    ...counted.map((pair) => `pairs: ${pairKeyOf(pair)} counted among the holders without a sign-up or a swap`),
    ...both.map((line) => `pairs: ${pairKeyOf(line.pair)} shown both as a holder and in pair`),
  ]
}

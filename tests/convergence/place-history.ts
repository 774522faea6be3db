// What each sign-up write had seen of its place's withdrawals: the witness of "a withdrawal is undone only by a write that saw it".
import type * as Y from 'yjs'
import { signUpEntriesOf } from '../../src/doc/signup-layout.ts'
import { signUpKeyOf, type SignUp, type WalkRef } from '../../src/domain/signup.ts'
import type { AdultId } from '../../src/domain/ids.ts'

const stampKey = (value: { readonly clock?: unknown; readonly actor?: unknown }): string => `${String(value.clock)}|${String(value.actor)}`

/**
 * Per written entry (place and clock|actor: a device may reuse a clock on another place once the entry that held it
 * was deleted), the withdrawals of its place it had seen, directly or through what it replaced.
 */
export class PlaceHistory {
  private readonly seen = new Map<string, Set<string>>()
  /** Every withdrawal written, by place. */
  readonly withdrawals = new Map<string, Set<string>>()

  /** The entries of the place in the writer's document right before a write (every key of the place, concurrent ones too). */
  before(doc: Y.Doc, walk: WalkRef, adultId: AdultId): Set<string> {
    const place = signUpKeyOf(walk, adultId)
    const seen = new Set<string>()
    for (const [key, value] of signUpEntriesOf(doc)) {
      if (key !== place && !key.startsWith(`${place}|`)) continue
      const stamp = stampKey(value)
      for (const earlier of this.seen.get(`${place}#${stamp}`) ?? []) seen.add(earlier)
      if (value.status === 'withdrawn') seen.add(stamp)
    }
    return seen
  }

  /** Records a write of the place (its new current entry, if it wrote one) with what it had seen. */
  wrote(walk: WalkRef, adultId: AdultId, entry: Record<string, unknown> | undefined, seenBefore: Set<string>): void {
    if (entry === undefined) return
    const place = signUpKeyOf(walk, adultId)
    const stamp = stampKey(entry)
    if (this.seen.has(`${place}#${stamp}`)) return
    this.seen.set(`${place}#${stamp}`, seenBefore)
    if (entry.status !== 'withdrawn') return
    const list = this.withdrawals.get(place) ?? new Set<string>()
    list.add(stamp)
    this.withdrawals.set(place, list)
  }

  /**
   * Final places active although a withdrawal of theirs was never seen by any write (so never undone by one). Places of
   * removed adults are left out: removing an adult deletes its entries, and one written concurrently is an orphan.
   */
  check(signUps: readonly SignUp[], adults: readonly { readonly id: AdultId }[]): string[] {
    const failures: string[] = []
    const existing = new Set(adults.map((adult) => adult.id))
    // A withdrawal some later write saw was undone by that write, as the user meant: only unseen ones must hold.
    const seenByAnyWrite = new Set([...this.seen.values()].flatMap((seen) => [...seen]))
    for (const signUp of signUps) {
      if (signUp.status !== 'active' || !existing.has(signUp.adultId)) continue
      const place = signUpKeyOf(signUp, signUp.adultId)
      const seen = this.seen.get(`${place}#${stampKey(signUp)}`)
      if (seen === undefined) continue
      for (const withdrawal of this.withdrawals.get(place) ?? []) {
        if (!seen.has(withdrawal) && !seenByAnyWrite.has(withdrawal)) failures.push(`sign-up ${place}: withdrawal ${withdrawal} undone by ${stampKey(signUp)}, a write that never saw it`)
      }
    }
    return failures
  }
}

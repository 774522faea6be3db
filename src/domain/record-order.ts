// Logical order of shared records (Lamport clock, then author id) and the author's local time, kept for display only.
//
// Every phone must order records the same way, so only the logical clock and the actor id order
// anything; `at` is what the author's phone showed when writing (its clock may drift), shown
// next to an entry ("le 3 déc. à 8 h 05") and never compared.
import { z } from 'zod/mini'
import type { ActorId } from './ids.ts'

/** ISO 8601 local time with offset, e.g. '2026-12-03T08:05:00+01:00' (same bound as src/domain/swaps' `at`). */
export const AuthorTimeSchema = z.string().check(z.minLength(1), z.maxLength(40))
export type AuthorTime = z.infer<typeof AuthorTimeSchema>

export interface LogicalStamp {
  readonly clock: number
  readonly actor: ActorId
}

/** Lowest clock first, then lowest actor id: the same order on every phone. */
export const compareLogical = (a: LogicalStamp, b: LogicalStamp): number =>
  a.clock - b.clock || (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0)

/** Plain code-unit order for ids and keys (never locale-dependent, so the same on every phone). */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The widest step between consecutive clocks an honest phone can make: a phone writes one more than the
 * highest clock it has seen, so a jump this large means a forged or corrupted record, not 65,536 offline writes.
 */
export const MAX_CLOCK_STEP = 2 ** 16

/**
 * The highest plausible clock among `clocks`: from 0 upwards, the last clock reached without a step over
 * MAX_CLOCK_STEP. Records above it never push the next clock (one record at the ceiling cannot exhaust the clock
 * for everyone); the same documents give the same answer on every phone.
 */
export const plausibleMaxClock = (clocks: Iterable<number>): number => {
  const sorted = [...new Set(clocks)].filter((clock) => Number.isSafeInteger(clock) && clock >= 0).sort((a, b) => a - b)
  let max = 0
  for (const clock of sorted) {
    if (clock - max > MAX_CLOCK_STEP) break
    max = clock
  }
  return max
}

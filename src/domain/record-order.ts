// Logical order of shared records (Lamport clock, then author id) and the author's local time, kept for display only.
//
// Every phone must order records the same way, so only the logical clock and the actor id order
// anything; `at` is what the author's phone showed when writing (its clock may drift), shown
// next to an entry ("le 3 déc. à 8 h 05") and never compared.
import { z } from 'zod'
import type { ActorId } from './ids.ts'

/** ISO 8601 local time with offset, e.g. '2026-12-03T08:05:00+01:00' (same bound as src/domain/swaps' `at`). */
export const AuthorTimeSchema = z.string().min(1).max(40)
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

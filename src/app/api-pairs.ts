// The session's "trajet en binôme" commands (issue 17): what the rota screens may change, and how each can fail.
import type { LocalDate } from '../domain/dates.ts'
import type { AdultId } from '../domain/ids.ts'
import type { PairRefusal } from '../domain/pairs.ts'
import type { WalkRef } from '../domain/signup.ts'
import type { FieldErrors } from '../domain/validation.ts'
import type { Result } from '../lib/result.ts'

/** Why a pair was not asked: an unknown adult, a walk that does not run (or started), or the walk as it stands. */
export type AskPairError = 'unknownAdult' | 'walkNotRunning' | PairRefusal | 'notRecorded'

export interface PairCommands {
  /** "Marcher en binôme": the newcomer walks beside an adult holding a place; it never counts as a place. */
  askPair(walk: WalkRef, adultId: AdultId, withAdultId: AdultId): Result<void, AskPairError>
  /** "Retirer": the newcomer's pair on that walk is withdrawn. */
  withdrawPair(walk: WalkRef, adultId: AdultId): Result<void, 'nothingToWithdraw' | 'notRecorded'>
  /**
   * "Passer le témoin": pairs the newcomer with the leaving adult on each walk the leaving adult holds from today to
   * `until` (walks where the newcomer holds a place or is paired already are skipped); how many were written. Field
   * errors: `to` (unknown adult, the same adult), `until` (before today); 'nothingToHandOver' when no walk fits.
   */
  handOver(fromAdultId: AdultId, toAdultId: AdultId, until: LocalDate): Result<number, FieldErrors | 'nothingToHandOver'>
}

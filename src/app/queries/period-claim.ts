// What a coordinator period offer, answer or roster change amounts to once other phones synced: rules toasts follow.
import type { CoordinationRecords, PeriodResponse } from '../../domain/coordination/index.ts'
import type { FamilyId } from '../../domain/ids.ts'
import { isRosterMember, scheduleThrough } from './coordination.ts'

/** A period offer as the synced records resolve it now. */
export type PeriodOfferNow =
  | { readonly kind: 'open'; readonly stale: boolean }
  /** Closed by a take or an accept: the period (both, for a trade) went to `winner`. */
  | { readonly kind: 'taken'; readonly winner: FamilyId; readonly answer: PeriodResponse['kind'] }
  | { readonly kind: 'declined'; readonly by: FamilyId }
  | { readonly kind: 'withdrawn' }
  /** Names no real period, an impossible trade, or an offer this copy does not hold. */
  | { readonly kind: 'invalid' }

export const periodOfferNow = (records: CoordinationRecords, offerId: string): PeriodOfferNow => {
  const outcome = scheduleThrough(records, records.setting.startsOn).offers.find((o) => o.offer.id === offerId)
  if (outcome === undefined) return { kind: 'invalid' }
  const { status, winner } = outcome
  if (status === 'open') return { kind: 'open', stale: outcome.stale }
  if (status === 'taken' && winner) return { kind: 'taken', winner: winner.familyId, answer: winner.kind }
  if (status === 'declined' && winner) return { kind: 'declined', by: winner.familyId }
  return status === 'withdrawn' ? { kind: 'withdrawn' } : { kind: 'invalid' }
}

/**
 * Whether "C'est noté : vous coordonnez…" / "Échange fait" / "Échange refusé" still holds: `familyId`'s answer of
 * `kind` is the one that closed the offer (another family's earlier take, or our other phone's answer, may have won).
 */
export const periodAnswerHolds = (now: PeriodOfferNow, familyId: FamilyId, kind: PeriodResponse['kind']): boolean =>
  kind === 'decline'
    ? now.kind === 'declined' && now.by === familyId
    : now.kind === 'taken' && now.winner === familyId && now.answer === kind

/** Whether "Offre publiée" still holds: the offer is open and its author still holds the period it gives. */
export const periodOfferHolds = (now: PeriodOfferNow): boolean => now.kind === 'open' && !now.stale

/** Whether "Offre retirée" still holds: no answer had already moved the period (a late withdrawal changes nothing). */
export const periodWithdrawalHolds = (now: PeriodOfferNow): boolean => now.kind !== 'taken'

/** Whether "{family} coordonnera / ne coordonnera plus" still holds: another phone may have said otherwise. */
export const rosterClaimHolds = (records: CoordinationRecords, familyId: FamilyId, member: boolean): boolean =>
  isRosterMember(records, familyId) === member

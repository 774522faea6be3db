// The handover from this period's coordinator to the next one: open items listed for the incoming family, and its acknowledgement.
//
// Everything here is derived on each phone from the document; nothing is copied into a handover
// record, so an item covered after the handover was written disappears from it by itself.
import type { LocalDate } from '../dates.ts'
import type { FamilyId } from '../ids.ts'
import type { CollectiveModel } from '../model.ts'
import { compareLogical } from '../record-order.ts'
import { resolveWalks, type RotaOptions } from '../rota/resolve.ts'
import { needsAdults } from '../rota/walk-state.ts'
import { deriveWalks } from '../rota/walks.ts'
import type { WalkRota } from '../rota-types.ts'
import type { WalkRef } from '../signup.ts'
import type { PeriodOfferOutcome } from './period-swaps.ts'
import type { CoordinationRecords, HandoverAck, HandoverNote } from './records.ts'
import { periodAt } from './periods.ts'
import { coordinatorSchedule, currentAndNextIn, nextPeriodIndex, type CoordinatorPeriod } from './schedule.ts'

/**
 * A request still waiting for an answer, from any source: the app feeds slot swap offers here
 * (src/domain/swaps) with kind 'slotOffer'; open coordinator period offers are added as 'periodOffer'.
 */
export interface PendingItem {
  readonly kind: string
  /** Stable id (an offer id), for keys and links. */
  readonly id: string
  readonly familyId?: FamilyId
  readonly walk?: WalkRef
  readonly periodStart?: LocalDate
}

export type HandoverStatus = 'pending' | 'acknowledged' | 'noCoordinator'

export interface Handover {
  readonly outgoing: CoordinatorPeriod | null
  readonly incoming: CoordinatorPeriod
  /** Walks of the incoming period à pourvoir or urgent, urgent first, then in walk order. */
  readonly uncoveredWalks: readonly WalkRota[]
  readonly pending: readonly PendingItem[]
  /** Notes left for the incoming period, in logical order. */
  readonly notes: readonly HandoverNote[]
  readonly acknowledgement: HandoverAck | null
  readonly status: HandoverStatus
}

export interface HandoverRecords extends CoordinationRecords {
  readonly notes: readonly HandoverNote[]
  readonly acks: readonly HandoverAck[]
}

/**
 * How walks of a date range are resolved. The default reads sign-ups only; once slot swaps exist
 * the app passes the effective walks (src/domain/swaps' effectiveWalks) so a swapped slot counts.
 */
export type ResolveRange = (from: LocalDate, to: LocalDate) => readonly WalkRota[]

export const signUpRota = (model: CollectiveModel, now: number, options: RotaOptions = {}): ResolveRange => (from, to) =>
  resolveWalks(model, deriveWalks(model, from, to), now, options)

/** Walks needing adults in a date range (never one that started): urgent ones first (the closest), then walk order. */
export const walksToCover = (resolve: ResolveRange, from: LocalDate, to: LocalDate): WalkRota[] => {
  const walks = resolve(from, to).filter(needsAdults)
  return [...walks.filter((walk) => walk.state === 'urgent'), ...walks.filter((walk) => walk.state === 'toFill')]
}

/** Open coordinator period offers as pending items (stale ones are not: their author no longer holds the period). */
export const openPeriodOffers = (outcomes: readonly PeriodOfferOutcome[]): PendingItem[] =>
  outcomes
    .filter((outcome) => outcome.status === 'open' && !outcome.stale)
    .map(({ offer }) => ({ kind: 'periodOffer', id: offer.id, familyId: offer.familyId, periodStart: offer.periodStart }))

/**
 * The acknowledgement that counts: by the family that holds the incoming period now. If the
 * period is swapped after an acknowledgement, the new holder has to acknowledge again.
 */
export const handoverAcknowledgement = (acks: readonly HandoverAck[], period: CoordinatorPeriod): HandoverAck | null =>
  acks
    .filter((ack) => ack.periodStart === period.start && ack.familyId === period.coordinator)
    .sort(compareLogical)[0] ?? null

export const handoverStatusOf = (acks: readonly HandoverAck[], period: CoordinatorPeriod): HandoverStatus =>
  period.coordinator === null ? 'noCoordinator' : handoverAcknowledgement(acks, period) === null ? 'pending' : 'acknowledged'

/**
 * The handover into the period after `date`'s: its uncovered walks, the pending requests (the
 * caller's, e.g. slot swaps, plus open period offers), the notes left for it, and whether its
 * coordinator has acknowledged.
 */
export const handoverFor = (
  model: CollectiveModel,
  records: HandoverRecords,
  date: LocalDate,
  now: number,
  pending: readonly PendingItem[] = [],
  resolve: ResolveRange = signUpRota(model, now),
): Handover => {
  const schedule = coordinatorSchedule(records, periodAt(records.setting, nextPeriodIndex(records, date)).start)
  const { current, next } = currentAndNextIn(records, schedule, date)
  const outcomes = schedule.offers
  return {
    outgoing: current,
    incoming: next,
    uncoveredWalks: walksToCover(resolve, next.start, next.end),
    pending: [...pending, ...openPeriodOffers(outcomes)],
    notes: records.notes.filter((note) => note.periodStart === next.start).sort(compareLogical),
    acknowledgement: handoverAcknowledgement(records.acks, next),
    status: handoverStatusOf(records.acks, next),
  }
}

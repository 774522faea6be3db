// The coordinator read model: the banner's current/next, the coming periods, open offers and lost answers, the period holder commands check, the duty screen.
import {
  coordinatorAttention, coordinatorSchedule, currentAndNextCoordinator, currentMembers, handoverFor, nextPeriodIndex, openPeriodOffers, periodAt,
  periodIn, periodIndexOf, periodResponseKeyOf,
} from '../../domain/coordination/index.ts'
import type {
  CoordinationRecords, CoordinatorPeriod, CoordinatorSchedule, PendingItem, PeriodOfferOutcome, ResolveRange,
} from '../../domain/coordination/index.ts'
import type { LocalDate } from '../../domain/dates.ts'
import type { FamilyId } from '../../domain/ids.ts'
import { deriveWalks } from '../../domain/rota/walks.ts'
import { canTake } from '../../domain/swaps/index.ts'
import type { CollectiveView } from '../api.ts'
import { effectiveOf } from './rota.ts'
import { swapStateOf, type RotaModel } from './swap-state.ts'

export { PERIOD_LENGTHS } from '../../domain/coordination/index.ts'

/** How many periods the coordination page lists. */
export const UPCOMING_PERIODS = 8

export type CoordinatorSummary =
  | { readonly kind: 'none' }
  | { readonly kind: 'set'; readonly current: FamilyId | null; readonly next: FamilyId | null; readonly weekly: boolean }

/** What the compact line says: nobody on the roster now or next means "Pas encore de coordination". */
export const coordinatorSummary = (records: CoordinationRecords, today: LocalDate): CoordinatorSummary => {
  const { current, next } = currentAndNextCoordinator(records, today)
  const currentFamily = current?.coordinator ?? null
  if (currentFamily === null && next.coordinator === null) return { kind: 'none' }
  return { kind: 'set', current: currentFamily, next: next.coordinator, weekly: records.setting.periodLength === 'week' }
}

/** The first day a roster change written today applies to: the next period's start. */
export const nextPeriodStart = (records: Pick<CoordinationRecords, 'setting'>, today: LocalDate): LocalDate =>
  periodAt(records.setting, nextPeriodIndex(records, today)).start

/** The schedule through `date` (and every period an offer names): what commands decide on. */
export const scheduleThrough = (records: CoordinationRecords, date: LocalDate): CoordinatorSchedule => coordinatorSchedule(records, date)

/** The period containing today (or the first one, before the roster starts) and the following ones, with every offer resolved. */
export const upcomingPeriods = (records: CoordinationRecords, today: LocalDate, count = UPCOMING_PERIODS): { periods: CoordinatorPeriod[]; offers: readonly PeriodOfferOutcome[]; responses: ReadonlyMap<string, string> } => {
  const first = periodIndexOf(records.setting, today) ?? 0
  const schedule = scheduleThrough(records, periodAt(records.setting, first + count - 1).start)
  return { periods: schedule.periods.slice(first, first + count), offers: schedule.offers, responses: schedule.responses }
}

/** The family holding the period that starts exactly on `periodStart`; undefined when no period starts that day. */
export const periodHolder = (records: CoordinationRecords, periodStart: LocalDate): FamilyId | null | undefined => {
  const index = periodIndexOf(records.setting, periodStart)
  if (index === null || periodAt(records.setting, index).start !== periodStart) return undefined
  return periodIn(scheduleThrough(records, periodStart), periodStart)?.coordinator
}

export const isRosterMember = (records: Pick<CoordinationRecords, 'roster'>, familyId: FamilyId | null): boolean =>
  familyId !== null && currentMembers(records.roster).some((member) => member.familyId === familyId)

/** The families on the roster now, in rotation order. */
export const rosterMembers = (records: Pick<CoordinationRecords, 'roster'>): readonly FamilyId[] =>
  currentMembers(records.roster).map((member) => member.familyId)

/** Offers still open whose period has not started (an offer of a past period is history, not a request). */
export const openOffers = (offers: readonly PeriodOfferOutcome[], today: LocalDate): PeriodOfferOutcome[] =>
  offers.filter((outcome) => outcome.status === 'open' && outcome.offer.periodStart >= today)

export interface LostAnswer {
  readonly periodStart: LocalDate
  /** The family whose answer won, if any (null: the offer was withdrawn first). */
  readonly winner: FamilyId | null
}

/** My family's answers that arrived too late ("déjà pris par X"), for periods not over yet. */
export const lostAnswers = (records: CoordinationRecords, offers: readonly PeriodOfferOutcome[], responses: ReadonlyMap<string, string>, familyId: FamilyId | null, today: LocalDate): LostAnswer[] => {
  if (familyId === null) return []
  const byId = new Map(offers.map((outcome) => [outcome.offer.id, outcome]))
  return records.responses
    .filter((response) => response.familyId === familyId && responses.get(periodResponseKeyOf(response)) === 'alreadyTaken')
    .flatMap((response) => {
      const outcome = byId.get(response.offerId)
      if (outcome === undefined || outcome.offer.periodStart < today) return []
      return [{ periodStart: outcome.offer.periodStart, winner: outcome.status === 'taken' ? (outcome.winner?.familyId ?? null) : null }]
    })
}

/** Open slot offers whose walk has not started, as the coordinator's "pending requests". */
export const pendingSlotOffers = (model: RotaModel, now: number): PendingItem[] =>
  swapStateOf(model, now).offers
    .filter((view) => canTake(view, now))
    .map((view) => ({ kind: 'slotOffer', id: view.offer.id, familyId: view.offer.familyId, walk: view.offer.walk }))

/** The family whose answer closed an offer (the taker, or the trade's target), read from the records as they are now. */
export const offerWinner = (records: CoordinationRecords, offerId: string): FamilyId | null => {
  const outcome = scheduleThrough(records, records.setting.startsOn).offers.find((candidate) => candidate.offer.id === offerId)
  return outcome?.status === 'taken' ? (outcome.winner?.familyId ?? null) : null
}

/** Periods of other families that my family could ask for in a trade: coming ones, held by someone else. */
export const tradeTargets = (periods: readonly CoordinatorPeriod[], myFamily: FamilyId, today: LocalDate): CoordinatorPeriod[] =>
  periods.filter((period) => period.coordinator !== null && period.coordinator !== myFamily && period.start > today)

/** "À faire": the current period (from today, before the roster starts), what needs attention in it, and the handover to the next; swaps applied. */
export const dutyOf = (view: CollectiveView, today: LocalDate, now: number) => {
  const resolve: ResolveRange = (from, to) => effectiveOf(view, deriveWalks(view, from, to), now)
  const slotOffers = pendingSlotOffers(view, now)
  const { current, next } = currentAndNextCoordinator(view.coordination, today)
  const periodOffers = openPeriodOffers(scheduleThrough(view.coordination, next.start).offers)
  const attention = coordinatorAttention({
    model: view,
    from: current?.start ?? today,
    to: current?.end ?? next.end,
    now,
    pendingSwaps: [...slotOffers, ...periodOffers],
    toCheckCount: view.toCheck.length,
    resolve,
  })
  return { current, attention, handover: handoverFor(view, view.coordination, today, now, slotOffers, resolve) }
}

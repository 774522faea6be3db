// Pure view helpers of the coordinator screens: the banner's current/next, the coming periods, open offers, my "déjà pris" notices, pending slot offers.
import { periodAt, periodIndexOf, coordinatorSchedule, currentAndNextCoordinator, currentMembers, nextPeriodIndex, periodResponseKeyOf } from '../../../domain/coordination/index.ts'
import type { CoordinationRecords, CoordinatorPeriod, PeriodOfferOutcome, PendingItem } from '../../../domain/coordination/index.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import { canTake, offerViews, type SwapResolution } from '../../../domain/swaps/index.ts'
import type { WalkModel } from '../../../domain/rota/walks.ts'

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

/** The period containing today (or the first one, before the roster starts) and the following ones, with every offer resolved. */
export const upcomingPeriods = (records: CoordinationRecords, today: LocalDate, count = UPCOMING_PERIODS): { periods: CoordinatorPeriod[]; offers: readonly PeriodOfferOutcome[]; responses: ReadonlyMap<string, string> } => {
  const first = periodIndexOf(records.setting, today) ?? 0
  const schedule = coordinatorSchedule(records, periodAt(records.setting, first + count - 1).start)
  return { periods: schedule.periods.slice(first, first + count), offers: schedule.offers, responses: schedule.responses }
}

export const isRosterMember = (records: Pick<CoordinationRecords, 'roster'>, familyId: FamilyId | null): boolean =>
  familyId !== null && currentMembers(records.roster).some((member) => member.familyId === familyId)

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
export const pendingSlotOffers = (model: WalkModel, resolution: SwapResolution, now: number): PendingItem[] =>
  offerViews(model, resolution)
    .filter((view) => canTake(view, now))
    .map((view) => ({ kind: 'slotOffer', id: view.offer.id, familyId: view.offer.familyId, walk: view.offer.walk }))

/** The family whose answer closed an offer (the taker, or the trade's target), read from the records as they are now. */
export const offerWinner = (records: CoordinationRecords, offerId: string): FamilyId | null => {
  const outcome = coordinatorSchedule(records, records.setting.startsOn).offers.find((candidate) => candidate.offer.id === offerId)
  return outcome?.status === 'taken' ? (outcome.winner?.familyId ?? null) : null
}

/** Periods of other families that my family could ask for in a trade: coming ones, held by someone else. */
export const tradeTargets = (periods: readonly CoordinatorPeriod[], myFamily: FamilyId, today: LocalDate): CoordinatorPeriod[] =>
  periods.filter((period) => period.coordinator !== null && period.coordinator !== myFamily && period.start > today)

// The coordinator of any date: the rota's rotation, then every period offer applied; the one function every screen asks.
import { compareDates, type LocalDate } from '../dates.ts'
import type { FamilyId } from '../ids.ts'
import { MAX_PERIOD_INDEX, resolvePeriodOffers, type PeriodOfferOutcome, type PeriodResponseResult } from './period-swaps.ts'
import { periodAt, periodIndexOf, type Period } from './periods.ts'
import type { CoordinationRecords, PeriodOfferId } from './records.ts'
import { baseRotation } from './roster.ts'

export interface CoordinatorPeriod extends Period {
  /** Who holds the duty: null only when nobody is on the roster for this period. */
  readonly coordinator: FamilyId | null
  /** Who the rotation named before any swap. */
  readonly base: FamilyId | null
  /** The offer that moved this period to `coordinator`, if any. */
  readonly offerId: PeriodOfferId | null
  /** Families on the roster for this period. */
  readonly memberCount: number
}

export interface CoordinatorSchedule {
  /** Periods 0..n, at least through the requested date and every period an offer names. */
  readonly periods: readonly CoordinatorPeriod[]
  readonly offers: readonly PeriodOfferOutcome[]
  /** Each response's result, keyed by periodResponseKeyOf: 'alreadyTaken' is told "déjà pris". */
  readonly responses: ReadonlyMap<string, PeriodResponseResult>
}

/** The index of the period starting exactly on `date` (offers must name a real period start), or null. */
const exactIndex = (records: CoordinationRecords, date: string): number | null => {
  const index = periodIndexOf(records.setting, date as LocalDate)
  if (index === null || index > MAX_PERIOD_INDEX || periodAt(records.setting, index).start !== date) return null
  return index
}

/**
 * Every period from the roster's start through `through`, with its coordinator. Periods named by
 * offers further ahead are computed too: a trade with a later period changes an earlier one.
 */
export const coordinatorSchedule = (records: CoordinationRecords, through: LocalDate): CoordinatorSchedule => {
  let last = periodIndexOf(records.setting, through) ?? -1
  for (const offer of records.offers) {
    for (const date of [offer.periodStart, offer.target?.periodStart]) {
      const index = date === undefined ? null : exactIndex(records, date)
      if (index !== null) last = Math.max(last, index)
    }
  }
  const base = baseRotation(records.setting, records.roster, last)
  const { assignment, offers, responses } = resolvePeriodOffers(
    base.map((period) => period.coordinator),
    records.offers,
    records.responses,
    (date) => exactIndex(records, date),
  )
  const periods = base.map((period, index) => ({
    index: period.index,
    start: period.start,
    end: period.end,
    base: period.coordinator,
    coordinator: assignment[index]?.coordinator ?? null,
    offerId: assignment[index]?.offerId ?? null,
    memberCount: period.memberCount,
  }))
  return { periods, offers, responses }
}

/** The period containing `date` in a schedule, or null (before the roster starts, or beyond the schedule). */
export const periodIn = (schedule: CoordinatorSchedule, date: LocalDate): CoordinatorPeriod | null =>
  schedule.periods.find((period) => compareDates(period.start, date) <= 0 && compareDates(date, period.end) <= 0) ?? null

export interface CurrentAndNext {
  /** Null before the roster starts. */
  readonly current: CoordinatorPeriod | null
  readonly next: CoordinatorPeriod
}

/** The index of the period after the one containing `date` (period 0 before the roster starts). */
export const nextPeriodIndex = (records: Pick<CoordinationRecords, 'setting'>, date: LocalDate): number => {
  const index = periodIndexOf(records.setting, date)
  return index === null ? 0 : index + 1
}

/** This period and the next, read from a schedule computed at least through the next period. */
export const currentAndNextIn = (records: Pick<CoordinationRecords, 'setting'>, schedule: CoordinatorSchedule, date: LocalDate): CurrentAndNext => {
  const index = periodIndexOf(records.setting, date)
  const next = schedule.periods[nextPeriodIndex(records, date)]
  if (next === undefined) throw new Error('schedule does not reach the next period')
  return { current: index === null ? null : (schedule.periods[index] ?? null), next }
}

/** This period's coordinator and the next one's, for the banner shown on every screen. */
export const currentAndNextCoordinator = (records: CoordinationRecords, date: LocalDate): CurrentAndNext =>
  currentAndNextIn(records, coordinatorSchedule(records, periodAt(records.setting, nextPeriodIndex(records, date)).start), date)

/** The coordinator on `date`: null before the roster starts or when nobody is on it. */
export const coordinatorOn = (records: CoordinationRecords, date: LocalDate): FamilyId | null =>
  currentAndNextCoordinator(records, date).current?.coordinator ?? null

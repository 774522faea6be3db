// The new school year in figures, before confirming: what will be erased (per kind) and what stays.
import { SHIPPED_SCHOOL_HOLIDAYS } from '../calendar/school-holidays-data.ts'
import { schoolYearOf, schoolYearStarting } from '../calendar/school-year.ts'
import type { LocalDate } from '../dates.ts'
import type { ExportSource } from '../export/collective-export.ts'
import type { HolidayZone } from '../settings.ts'
import type { NewYearPlan } from './past-records.ts'

/** Counts shown to the person confirming: swaps and coordinator records grouped as people think of them. */
export interface NewYearSummary {
  readonly removed: {
    readonly signUps: number
    readonly swaps: number
    readonly absences: number
    readonly walkLog: number
    readonly walkNotes: number
    readonly exceptions: number
    /** Reduced shares that ended before the new year (withdrawn or not). */
    readonly exemptions: number
    readonly coordination: number
    readonly children: number
  }
  readonly kept: { readonly lines: number; readonly stops: number; readonly families: number; readonly adults: number; readonly children: number }
}

export const summarizeNewSchoolYear = (source: ExportSource, plan: NewYearPlan): NewYearSummary => ({
  removed: {
    signUps: plan.signUps.length,
    swaps: plan.offers.length + plan.responses.length + plan.releases.length,
    absences: plan.absences.length,
    walkLog: plan.checkIns.length + plan.walkEvents.length,
    walkNotes: plan.walkNotes.length,
    exceptions: plan.exceptions.length,
    exemptions: plan.exemptions.length,
    coordination: plan.periodOffers.length + plan.periodResponses.length + plan.handoverNotes.length + plan.handoverAcks.length,
    children: plan.children.length,
  },
  kept: {
    lines: source.lines.length,
    stops: source.stops.length,
    families: source.families.length,
    adults: source.adults.length,
    children: source.children.length - plan.children.length,
  },
})

/** True when the plan deletes nothing at all. */
export const planIsEmpty = (plan: NewYearPlan): boolean => Object.values(plan).every((keys) => keys.length === 0)

/**
 * The first day of the next school year after `today`: the rentrée the shipped calendar knows
 * (the day classes resume after the summer holidays of the zone), else 1 September.
 */
export const nextSchoolYearStart = (today: LocalDate, zone: HolidayZone): LocalDate => {
  const rentrees = SHIPPED_SCHOOL_HOLIDAYS
    .filter((holiday) => holiday.slug === 'ete' && holiday.zones.includes(zone) && holiday.classesResumeOn > today)
    .map((holiday) => holiday.classesResumeOn)
    .sort()
  const known = rentrees[0]
  if (known !== undefined) return known
  return schoolYearStarting(Number(schoolYearOf(today).to.slice(0, 4))).from
}

/**
 * The school year that ends before the new one starting `start`: '2026-2027' for a start in September 2027. By the
 * calendar year of `start`, not by schoolYearOf(start): a new year confirmed late (a start in October) still closes
 * the year that ended in the summer.
 */
export const schoolYearEndingBefore = (start: LocalDate): string =>
  schoolYearStarting(Number(start.slice(0, 4)) - 1).label

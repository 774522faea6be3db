// Which records a new school year erases: past walks' details (sign-ups, swaps, walk log, cancellations, coordinator periods), ended reduced shares, and the children who left.
//
// Pure: reads the valid records of a collective and returns the document keys to delete, per kind.
// Lines, stops, families, adults, settings, holidays, roster entries and availability are never listed
// for deletion nor rewritten (past date exceptions never match a future walk, and each save drops them). A swap
// or coordinator trade that also touches a date of the new year is kept whole (with the sign-ups
// of the walks it touches): deleting half of it would move a slot or a period of the new year.
import { handoverKeyOf, periodResponseKeyOf, type CoordinatorRosterSetting } from '../coordination/records.ts'
import { periodOn } from '../coordination/periods.ts'
import type { LocalDate } from '../dates.ts'
import type { ExportSource } from '../export/collective-export.ts'
import type { ChildId } from '../ids.ts'
import { exemptionKeyOf } from '../planning/records.ts'
import { signUpKeyOf, walkKeyOf, type WalkRef } from '../signup.ts'
import { releaseKeyOf, responseKeyOf } from '../swaps/records.ts'
import { absenceKeyOf, checkInKeyOf, walkEventKeyOf, walkNoteKeyOf } from '../walk-log/records.ts'

/** Every kind of record a new school year may delete; the doc layer maps each to its document map. */
export const YEAR_RECORD_KINDS = [
  'signUps', 'offers', 'responses', 'releases', 'periodOffers', 'periodResponses', 'handoverNotes', 'handoverAcks',
  'absences', 'checkIns', 'walkEvents', 'walkNotes', 'exceptions', 'exemptions', 'children',
] as const
export type YearRecordKind = (typeof YEAR_RECORD_KINDS)[number]

export interface NewYearRequest {
  /** The first day of the new school year: records concerning earlier dates are past. */
  readonly before: LocalDate
  /** Children who left the school (ids not in the collective are ignored). */
  readonly removeChildIds: readonly ChildId[]
}

/** Document keys to delete, per kind (each list sorted, without duplicates). */
export type NewYearPlan = Readonly<Record<YearRecordKind, readonly string[]>>

const sorted = (keys: Iterable<string>): string[] => [...new Set(keys)].sort()

/** A swap's walks: the offered one, the trade's target, what responders give, what was released. */
const swapWalks = (source: ExportSource): Map<string, WalkRef[]> => {
  const walks = new Map<string, WalkRef[]>()
  const add = (offerId: string, walk: WalkRef | undefined): void => {
    if (walk !== undefined) walks.set(offerId, [...(walks.get(offerId) ?? []), walk])
  }
  for (const offer of source.swaps.offers) {
    add(offer.id, offer.walk)
    add(offer.id, offer.target?.walk)
  }
  for (const response of source.swaps.responses) add(response.offerId, response.gives)
  for (const release of source.swaps.releases) add(release.offerId, release.walk)
  return walks
}

/** Swap records whose walks are all before `before`, and the walks of the swaps kept (their sign-ups stay). */
const pastSwaps = (source: ExportSource, before: LocalDate) => {
  const keptWalks = new Set<string>()
  const pastOffers = new Set<string>()
  for (const [offerId, walks] of swapWalks(source)) {
    if (walks.every((walk) => walk.date < before)) pastOffers.add(offerId)
    else for (const walk of walks) keptWalks.add(walkKeyOf(walk))
  }
  return {
    keptWalks,
    offers: source.swaps.offers.filter((offer) => pastOffers.has(offer.id)).map((offer) => offer.id),
    responses: source.swaps.responses.filter((response) => pastOffers.has(response.offerId)).map(responseKeyOf),
    releases: source.swaps.releases.filter((release) => pastOffers.has(release.offerId)).map(releaseKeyOf),
  }
}

/** A coordinator period is past when it ends before `before` (a period started before the roster is its start day). */
const periodIsPast = (setting: CoordinatorRosterSetting, start: LocalDate, before: LocalDate): boolean =>
  (periodOn(setting, start)?.end ?? start) < before

const pastCoordination = (source: ExportSource, before: LocalDate) => {
  const { setting } = source.coordination
  const past = (start: LocalDate): boolean => periodIsPast(setting, start, before)
  const offers = source.coordination.offers.filter((offer) => past(offer.periodStart) && (offer.target === undefined || past(offer.target.periodStart)))
  const offerIds = new Set<string>(offers.map((offer) => offer.id))
  return {
    periodOffers: sorted(offers.map((offer) => offer.id)),
    periodResponses: sorted(source.coordination.responses.filter((response) => offerIds.has(response.offerId)).map(periodResponseKeyOf)),
    handoverNotes: sorted(source.coordination.notes.filter((note) => past(note.periodStart)).map(handoverKeyOf)),
    handoverAcks: sorted(source.coordination.acks.filter((ack) => past(ack.periodStart)).map(handoverKeyOf)),
  }
}

/** What `startNewSchoolYear` deletes: computed from the valid records (records "to check" stay for their own repair or delete). */
export const planNewSchoolYear = (source: ExportSource, request: NewYearRequest): NewYearPlan => {
  const { before } = request
  const leaving = new Set<string>(source.children.filter((child) => request.removeChildIds.includes(child.id)).map((child) => child.id))
  const swaps = pastSwaps(source, before)
  const log = source.walkLog
  return {
    signUps: sorted(source.signUps
      .filter((signUp) => signUp.date < before && !swaps.keptWalks.has(walkKeyOf(signUp)))
      .map((signUp) => signUpKeyOf(signUp, signUp.adultId))),
    offers: sorted(swaps.offers),
    responses: sorted(swaps.responses),
    releases: sorted(swaps.releases),
    ...pastCoordination(source, before),
    absences: sorted(log.absences.filter((absence) => absence.to < before || leaving.has(absence.childId)).map(absenceKeyOf)),
    checkIns: sorted(log.checkIns.filter((mark) => mark.walk.date < before || leaving.has(mark.childId)).map(checkInKeyOf)),
    walkEvents: sorted(log.events.filter((event) => event.walk.date < before).map(walkEventKeyOf)),
    walkNotes: sorted(log.notes.filter((note) => note.walk.date < before).map(walkNoteKeyOf)),
    exceptions: sorted(source.exceptions.filter((exception) => exception.date < before).map((exception) => exception.id)),
    // A reduced share that ended before the new year no longer counts for anything (the ledger is per school year).
    exemptions: sorted((source.planning?.exemptions ?? []).filter((exemption) => exemption.to < before).map(exemptionKeyOf)),
    children: sorted(leaving),
  }
}

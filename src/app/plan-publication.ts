// Which places of a proposed plan are still open when the coordinator publishes it: the rest are skipped, never forced.
//
// The proposal was computed a while ago (and edited since); meanwhile someone may have signed up,
// swapped, removed an adult or cancelled a walk. Each place is checked against the live view and
// the places the same publication already takes, so the published sign-ups all hold their slot
// on this phone (another phone's concurrent sign-up may still come first: ordinary rules apply).
// The adult must also still be a candidate the planner would propose now: available that day
// (date exceptions added since count), not on another walk at that time, within their weekly
// maximum, and not someone who withdrew from that walk. A walk where this phone holds a sign-up entry it cannot
// read yet (see unreadablePlaces) is not known to be open either.
import { z } from 'zod/mini'
import type { PlannedSignUpWrite } from '../doc/mutations-planning.ts'
import { compactPlaceOf, isCompactKey } from '../doc/signup-layout.ts'
import { compareDates, mondayOf, type LocalDate } from '../domain/dates.ts'
import { AdultIdSchema, type AdultId } from '../domain/ids.ts'
import { candidatesFor } from '../domain/planning/explain.ts'
import { planContext, type PlanContext } from '../domain/planning/problem.ts'
import type { DateRange, PlannedSlot } from '../domain/planning/types.ts'
import { walkStartInstant } from '../domain/rota/resolve.ts'
import { walkOf, type Walk } from '../domain/rota/walks.ts'
import { SlotSchema, signUpKeyOf, walkKeyOf, type WalkKey } from '../domain/signup.ts'
import type { EffectiveWalk } from '../domain/swaps/outcomes.ts'
import { WalkRefSchema } from '../domain/signup.ts'
import type { CollectiveView } from './api.ts'
import { effectiveOf, holdersOf } from './queries/rota.ts'

/** What a publication needs of each proposed place (the UI sends PlannedSlot; anything else is skipped). */
const PlacementSchema = z.object({ walk: WalkRefSchema, slot: SlotSchema, adultId: AdultIdSchema })

/** The places still free on one walk, consumed as the publication takes them. */
interface OpenPlaces {
  lead: boolean
  tail: boolean
  extras: number
  /** Adults on the walk already: holders (swaps included), waiting list, and this publication's. */
  readonly onWalk: Set<AdultId>
}

const openPlacesOf = (walk: EffectiveWalk): OpenPlaces => ({
  lead: walk.lead === null,
  tail: walk.tail === null,
  // Places needed, not seats: extras beyond the walk's required adults are not proposed.
  extras: Math.max(0, walk.requiredAdults - 2 - walk.extras.length),
  onWalk: new Set([...holdersOf(walk), ...walk.waiting].map((signUp) => signUp.adultId)),
})

/** Walks that run and have not started, resolved once with swaps applied (what every rota screen shows). */
const openWalks = (view: CollectiveView, refs: readonly z.output<typeof WalkRefSchema>[], now: number): Map<WalkKey, OpenPlaces> => {
  const walks = new Map<WalkKey, Walk>()
  for (const ref of refs) {
    const key = walkKeyOf(ref)
    if (walks.has(key)) continue
    const walk = walkOf(view, ref)
    if (walk !== null && walk.cancellation === null && walkStartInstant(walk) > now) walks.set(key, walk)
  }
  return new Map(effectiveOf(view, [...walks.values()], now).map((walk) => [walk.key, openPlacesOf(walk)]))
}

const takePlace = (places: OpenPlaces, slot: PlannedSignUpWrite['slot']): boolean => {
  if (slot === 'lead' && places.lead) places.lead = false
  else if (slot === 'tail' && places.tail) places.tail = false
  else if (slot === 'extra' && places.extras > 0) places.extras -= 1
  else return false
  return true
}

type Placement = z.output<typeof PlacementSchema>

/** From the earliest to the latest date placed (a range over PLAN_MAX_DAYS is cut: later places are skipped). */
const rangeOf = (placements: readonly Placement[]): DateRange | null => {
  const dates = placements.map((placement) => placement.walk.date).sort(compareDates)
  const from = dates[0]
  const to = dates[dates.length - 1]
  return from === undefined || to === undefined ? null : { from, to }
}

/**
 * Whether the planner would still propose the adult on the walk given the places this publication
 * accepted so far. Only the accepted places of the same week matter (weekly maximums count Monday
 * to Sunday; same-time clashes fall on the same day), which keeps a long plan cheap to check.
 */
const stillCandidate = (context: PlanContext, accepted: ReadonlyMap<LocalDate, readonly PlannedSlot[]>, place: PlannedSlot): boolean =>
  candidatesFor(context, place.key, accepted.get(mondayOf(place.walk.date)) ?? []).includes(place.adultId)

/**
 * The walks, and the adults at a date and direction, where this phone holds a sign-up entry it cannot read yet: a
 * compact key naming a short id whose registration has not arrived (signup-layout.ts), listed "to check". The
 * publication's own write may register that id (an adult or a line it writes) and bring the entry in, ahead of
 * the published place or booking its adult twice. Keys are compared raw: line, day, direction (12 characters),
 * then the adult's short id. A compact entry that stays unreadable keeps its walk out of publications until repaired.
 */
const unreadablePlaces = (view: CollectiveView): { readonly walks: Set<string>; readonly adultTimes: Set<string> } => {
  const walks = new Set<string>()
  const adultTimes = new Set<string>()
  for (const record of view.toCheck) {
    if (record.kind !== 'signUp' || !isCompactKey(record.key)) continue
    walks.add(record.key.slice(0, 12))
    adultTimes.add(record.key.slice(8, 20))
  }
  return { walks, adultTimes }
}

const unreadableAt = (unreadable: ReturnType<typeof unreadablePlaces>, place: PlannedSlot): boolean => {
  const raw = unreadable.walks.size === 0 ? null : compactPlaceOf(place.walk, place.adultId)
  return raw !== null && (unreadable.walks.has(raw.slice(0, 12)) || unreadable.adultTimes.has(raw.slice(8, 20)))
}

/** The sign-ups to write (in the proposal's order) and how many places were skipped. */
export const placesToPublish = (
  view: CollectiveView, assignments: readonly PlannedSlot[], now: number,
): { readonly writes: PlannedSignUpWrite[]; readonly skipped: number } => {
  const placements = assignments.map((assignment) => PlacementSchema.safeParse(assignment))
  const valid = placements.flatMap((parsed) => (parsed.success ? [parsed.data] : []))
  const walks = openWalks(view, valid.map((placement) => placement.walk), now)
  const adults = new Map(view.adults.map((adult) => [adult.id, adult]))
  const families = new Set<string>(view.families.map((family) => family.id))
  const range = rangeOf(valid)
  if (range === null) return { writes: [], skipped: assignments.length }
  const context = planContext(view, range, now)
  const accepted = new Map<LocalDate, PlannedSlot[]>()
  const active = new Set(view.signUps.filter((signUp) => signUp.status === 'active').map((signUp) => signUpKeyOf(signUp, signUp.adultId)))
  const unreadable = unreadablePlaces(view)
  const writes: PlannedSignUpWrite[] = []
  for (const placement of valid) {
    const adult = adults.get(placement.adultId)
    const places = walks.get(walkKeyOf(placement.walk))
    if (adult === undefined || !families.has(adult.familyId) || places === undefined) continue
    if (active.has(signUpKeyOf(placement.walk, adult.id)) || places.onWalk.has(adult.id)) continue
    const { lineId, date, direction } = placement.walk
    const walk = { lineId, date, direction }
    const place: PlannedSlot = { walk, key: walkKeyOf(walk), slot: placement.slot, adultId: adult.id, familyId: adult.familyId }
    if (unreadableAt(unreadable, place)) continue
    if (!stillCandidate(context, accepted, place) || !takePlace(places, placement.slot)) continue
    places.onWalk.add(adult.id)
    const week = mondayOf(date)
    const ofWeek = accepted.get(week) ?? []
    ofWeek.push(place)
    accepted.set(week, ofWeek)
    writes.push({ walk, adultId: adult.id, familyId: adult.familyId, slot: placement.slot })
  }
  return { writes, skipped: assignments.length - writes.length }
}

// Who holds which slot of a walk: active sign-ups ordered by logical clock then author, the rest on the waiting list.
import { addDays, datesBetween, mondayOf, weekdayOf, type LocalDate } from '../dates.ts'
import type { AdultId } from '../ids.ts'
import type { CollectiveModel } from '../model.ts'
import type { DayRota, WalkRota } from '../rota-types.ts'
import { compareSignUps, type SignUp, type Slot } from '../signup.ts'
import type { Absence } from '../absence-records.ts'
import { isAbsentFrom } from './absences.ts'
import { indexSignUps, type SignUpIndex } from './signup-index.ts'
import { expectedChildren, ratioCountOf, requiredAdultsFor, type IsAbsent } from './slots.ts'
import { collectiveFirstDay, walkStateOf } from './walk-state.ts'
import { deriveWalks, type Walk } from './walks.ts'

// The state rule and the walk's time live in walk-state.ts; kept importable from here.
export { DEFAULT_START_TIMES, URGENT_WITHIN_MS, hasStarted, walkStartInstant, walkStateOf } from './walk-state.ts'

export interface RotaOptions {
  /** Overrides the model's declared absences (tests, what-if); by default `model.absences` count. */
  readonly isAbsent?: IsAbsent
}

/** `families`: their joining days tell the collective's first day (walk-state.ts). */
export type RotaModel = Pick<CollectiveModel, 'settings' | 'families' | 'adults' | 'children' | 'signUps' | 'absences'>

/** Active sign-ups of adults who no longer exist: not counted on any walk, listed for a member to check. */
export const orphanSignUps = (model: Pick<CollectiveModel, 'adults' | 'signUps'>): SignUp[] => {
  const adultIds = new Set<AdultId>(model.adults.map((adult) => adult.id))
  return model.signUps.filter((signUp) => signUp.status === 'active' && !adultIds.has(signUp.adultId)).sort(compareSignUps)
}

const bySlot = (signUps: readonly SignUp[], slot: Slot): SignUp[] => signUps.filter((signUp) => signUp.slot === slot).sort(compareSignUps)

// One shared empty array, so the per-array cache of isAbsentFrom serves models without absences.
const NO_ABSENCE_RECORDS: readonly Absence[] = []

/** Resolves one walk with a prebuilt index (see weekRota); resolveWalk is the one-off form. */
export const resolveIndexedWalk = (model: RotaModel, index: SignUpIndex, walk: Walk, now: number, options: RotaOptions = {}): WalkRota => {
  const isAbsent = options.isAbsent ?? isAbsentFrom(model.absences ?? NO_ABSENCE_RECORDS)
  const everyChild = expectedChildren(model.children, walk)
  const children = everyChild.filter((child) => !isAbsent(child.id, walk))
  const ratioCount = ratioCountOf(children)
  const requiredAdults = requiredAdultsFor(model.settings, ratioCount)
  // An absence lowers what the walk needs (it may become covered) but never takes a held seat
  // away: the extra places are counted as if every child came, so declaring or withdrawing an
  // absence never moves an adult between a seat and the waiting list.
  const extraPlaces = Math.max(requiredAdults, requiredAdultsFor(model.settings, ratioCountOf(everyChild))) - 2
  const active = index.signUpsOf(walk.key)
  const leads = bySlot(active, 'lead')
  const tails = bySlot(active, 'tail')
  const extraCandidates = bySlot(active, 'extra')
  const extras = extraCandidates.slice(0, extraPlaces)
  const waiting = [...leads.slice(1), ...tails.slice(1), ...extraCandidates.slice(extraPlaces)].sort(compareSignUps)
  const lead = leads[0] ?? null
  const tail = tails[0] ?? null
  const holders = (lead === null ? 0 : 1) + (tail === null ? 0 : 1) + extras.length
  return {
    lineId: walk.lineId,
    date: walk.date,
    direction: walk.direction,
    key: walk.key,
    startTime: walk.startTime,
    cancellation: walk.cancellation,
    expectedChildIds: children.map((child) => child.id),
    ratioCount,
    requiredAdults,
    lead,
    tail,
    extras,
    waiting,
    state: walkStateOf(walk, holders, requiredAdults, now, collectiveFirstDay(model)),
  }
}

/** The rota of one walk at `now` (epoch ms): holders per slot, waiting list, state. */
export const resolveWalk = (model: RotaModel, walk: Walk, now: number, options: RotaOptions = {}): WalkRota =>
  resolveIndexedWalk(model, indexSignUps(model), walk, now, options)

/** Resolves many walks against one index. */
export const resolveWalks = (model: RotaModel, walks: readonly Walk[], now: number, options: RotaOptions = {}): WalkRota[] => {
  const index = indexSignUps(model)
  return walks.map((walk) => resolveIndexedWalk(model, index, walk, now, options))
}

/**
 * The week of `monday` (any day of the week is taken back to its Monday): one DayRota per
 * operating weekday (even when no line runs, so the screen can say so), each with its walks,
 * cancelled ones included.
 */
export const weekRota = (model: CollectiveModel, monday: LocalDate, now: number, options: RotaOptions = {}): DayRota[] => {
  monday = mondayOf(monday)
  const sunday = addDays(monday, 6)
  const walks = resolveWalks(model, deriveWalks(model, monday, sunday), now, options)
  return datesBetween(monday, sunday)
    .filter((date) => model.settings.operatingWeekdays.includes(weekdayOf(date)))
    .map((date) => ({ date, walks: walks.filter((walk) => walk.date === date) }))
}

/** Lamport clock for a new entry: one more than every clock seen (1 in an empty collective). */
export const nextLamportClock = (signUps: readonly Pick<SignUp, 'clock'>[]): number =>
  signUps.reduce((max, signUp) => Math.max(max, signUp.clock), 0) + 1

/** Whether an adult holds a slot on the walk, waits for one, or has no active entry. */
export const signUpStatusIn = (rota: WalkRota, adultId: AdultId): { readonly status: 'held' | 'waiting'; readonly slot: Slot } | null => {
  const held = [rota.lead, rota.tail, ...rota.extras].find((signUp) => signUp?.adultId === adultId)
  if (held) return { status: 'held', slot: held.slot }
  const waiting = rota.waiting.find((signUp) => signUp.adultId === adultId)
  return waiting ? { status: 'waiting', slot: waiting.slot } : null
}

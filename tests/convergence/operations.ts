// Random domain operations on one replica, through the real mutation functions of src/doc.
import * as Y from 'yjs'
import {
  MAP_ADULTS, MAP_CHILDREN, MAP_EXCEPTIONS, MAP_FAMILIES, MAP_LINES, MAP_STOPS,
} from '../../src/doc/keys.ts'
import * as edit from '../../src/doc/mutations.ts'
import { signUpEntriesOf } from '../../src/doc/signup-layout.ts'
import { addDays, localDate, type LocalDate } from '../../src/domain/dates.ts'
import type { ActorId, AdultId, ChildId, ExceptionId, FamilyId, LineId, StopId } from '../../src/domain/ids.ts'
import type { Direction } from '../../src/domain/line.ts'
import { placeKeyOfEntry, signUpKeyOf, type Slot, type WalkRef } from '../../src/domain/signup.ts'
import { PLANNING_OPERATIONS, type PublicationWitness } from './operations-planning.ts'
import type { PlaceHistory } from './place-history.ts'
import { SWAP_OPERATIONS } from './operations-swaps.ts'
import { HELP_OPERATIONS } from './operations-help.ts'
import { WALK_LOG_OPERATIONS, type CheckInWitness } from './operations-walk-log.ts'
import { CONSENT_OPERATIONS, addChildAsFamily, updateChildAsFamily } from './operations-consent.ts'

/** Two school weeks without holidays in zone A: sign-ups collide often on few walks. */
export const FIRST_DAY = localDate('2027-03-15')
export const DAYS = 11

export interface Replica {
  readonly index: number
  readonly doc: Y.Doc
  readonly actor: ActorId
  /** Planted bug: writes sign-ups with its own drifting wall clock instead of the Lamport clock. */
  readonly wallClockSignUps: boolean
  wallClock: number
}

export interface SignUpWitness {
  /** The entry written, and the same-slot entries it had seen active (they must stay ahead of it). */
  readonly key: string
  readonly clock: number
  readonly seenAhead: readonly { key: string; clock: number }[]
}

export interface OpContext {
  readonly random: () => number
  readonly witnesses: SignUpWitness[]
  /** Every check-in mark written, with what its replica had from the other devices (see operations-walk-log.ts). */
  readonly checkIns: CheckInWitness[]
  /** Every plan publication that listed places its phone showed withdrawn (see operations-planning.ts). */
  readonly publications: PublicationWitness[]
  /** What each sign-up write had seen of its place's withdrawals (see place-history.ts). */
  readonly places: PlaceHistory
  /** What an operation found wrong on its own phone right after writing (checked there, not after convergence). */
  readonly immediate: string[]
  /** A counter for names, per run (so a replay writes the same names). */
  readonly next: () => number
  /** Planted bug: new stops are keyed by line and rank instead of a fresh random id. */
  readonly stopKeyedByRank: boolean
}

type Op = (replica: Replica, context: OpContext) => void

const pick = <T>(random: () => number, items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
const keys = (doc: Y.Doc, name: string): string[] => [...doc.getMap(name).keys()]
const field = (doc: Y.Doc, name: string, key: string, fieldName: string): unknown => {
  const record = doc.getMap(name).get(key)
  return record instanceof Y.Map ? record.get(fieldName) : undefined
}
const stopsOfLine = (doc: Y.Doc, lineId: string): string[] => keys(doc, MAP_STOPS).filter((id) => field(doc, MAP_STOPS, id, 'lineId') === lineId)

const time = (random: () => number, hour: number): string => `0${hour}:${String(Math.floor(random() * 60)).padStart(2, '0')}`
const stopInput = (random: () => number, n: number) => ({
  name: `Arrêt ${n}`,
  times: { aller: time(random, 8), ...(random() < 0.5 ? { retour: `16:${String(Math.floor(random() * 60)).padStart(2, '0')}` } : {}) },
  access: { stepFree: random() < 0.5, dangerousCrossing: random() < 0.2, note: '' },
})
const lineInput = (random: () => number, n: number) => ({
  name: `Ligne ${n}`,
  colour: '#3366aa',
  directions: random() < 0.7 ? ['aller', 'retour'] as Direction[] : ['aller'] as Direction[],
  days: random() < 0.8 ? [1, 2, 4, 5] : [1, 2, 3, 4, 5],
})

const randomRoute = (doc: Y.Doc, random: () => number) => {
  const lineId = pick(random, keys(doc, MAP_LINES))
  const stopId = lineId === undefined ? undefined : pick(random, stopsOfLine(doc, lineId))
  return lineId && stopId ? { lineId: lineId as LineId, stopId: stopId as StopId } : undefined
}
const childInput = (doc: Y.Doc, random: () => number, n: number) => ({
  firstName: `Enfant ${n}`,
  initial: 'ABCDEFGH'[n % 8] ?? 'A',
  routes: { aller: randomRoute(doc, random), retour: random() < 0.5 ? randomRoute(doc, random) : undefined },
  days: random() < 0.7 ? [1, 2, 4, 5] : [1, 4],
  support: random() < 0.2 ? 'Tenir la main aux traversées' : '',
  countsExtra: random() < 0.15,
})

/** Mondays, Tuesdays, Thursdays and Fridays of the window: sign-ups gather on few walks and collide. */
const WALK_DAYS: readonly LocalDate[] = Array.from({ length: DAYS }, (_, i) => addDays(FIRST_DAY, i)).filter((_, i) => [0, 1, 3, 4].includes(i % 7))

const randomWalk = (doc: Y.Doc, random: () => number): WalkRef | null => {
  const lineId = pick(random, keys(doc, MAP_LINES))
  if (lineId === undefined) return null
  const date = random() < 0.7 ? WALK_DAYS[Math.floor(random() * 3)]! : pick(random, WALK_DAYS)!
  return { lineId: lineId as LineId, date, direction: random() < 0.7 ? 'aller' : 'retour' }
}

/**
 * Whether the place's current entry is another write than before: compared by stamp, since a compact entry is
 * decoded into a new object on every read.
 */
const wroteAnew = (before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): boolean =>
  before?.clock !== after?.clock || before?.actor !== after?.actor || before?.status !== after?.status

/** A collective has a few lines: more would spread the sign-ups too thin to collide. */
const MAX_LINES = 3

const signUp: Op = (replica, { random, witnesses, places }) => {
  const { doc } = replica
  const walk = randomWalk(doc, random)
  const adultId = pick(random, keys(doc, MAP_ADULTS)) as AdultId | undefined
  const familyId = adultId === undefined ? undefined : (field(doc, MAP_ADULTS, adultId, 'familyId') as FamilyId)
  if (!walk || !adultId || !familyId) return
  const slot: Slot = pick(random, ['lead', 'lead', 'tail', 'tail', 'extra'] as const) ?? 'lead'
  const key = signUpKeyOf(walk, adultId)
  const prefix = key.slice(0, key.lastIndexOf('|') + 1)
  const seenAhead: { key: string; clock: number }[] = []
  for (const [other, value] of currentEntriesOn(doc, prefix)) {
    if (other !== key && value.status === 'active' && value.slot === slot) seenAhead.push({ key: other, clock: value.clock as number })
  }
  const before = edit.storedEntry(doc, walk, adultId)
  const seen = places.before(doc, walk, adultId)
  if (replica.wallClockSignUps) writeWithWallClock(replica, walk, adultId, familyId, slot)
  else edit.writeSignUp(doc, { walk, adultId, familyId, slot, actor: replica.actor })
  const after = edit.storedEntry(doc, walk, adultId)
  if (wroteAnew(before, after)) places.wrote(walk, adultId, after, seen)
  if (after && wroteAnew(before, after)) witnesses.push({ key, clock: after.clock as number, seenAhead })
}

/** The current entry of every adult's place on the walk whose keys start with `prefix` (see storedEntry). */
const currentEntriesOn = (doc: Y.Doc, prefix: string): Map<string, Record<string, unknown>> => {
  const places = new Set<string>()
  for (const [key] of signUpEntriesOf(doc)) if (key.startsWith(prefix)) places.add(placeKeyOfEntry(key) ?? key)
  const result = new Map<string, Record<string, unknown>>()
  for (const place of places) {
    const [lineId, date, direction, adultId] = place.split('|') as [LineId, LocalDate, Direction, AdultId]
    const entry = edit.storedEntry(doc, { lineId, date, direction }, adultId)
    if (entry !== undefined) result.set(place, entry)
  }
  return result
}

/** The planted bug: the clock is this phone's own (drifting) time, not "more than every clock seen". */
const writeWithWallClock = (replica: Replica, walk: WalkRef, adultId: AdultId, familyId: FamilyId, slot: Slot): void => {
  replica.wallClock += 1
  const entry = { ...walk, adultId, familyId, slot, status: 'active', clock: replica.wallClock, actor: replica.actor }
  replica.doc.transact(() => edit.putPlaceEntry(replica.doc, walk, adultId, replica.actor, entry))
}

const addStop: Op = ({ doc }, { random, next, stopKeyedByRank }) => {
  const lineId = pick(random, keys(doc, MAP_LINES)) as LineId | undefined
  if (!lineId) return
  if (stopKeyedByRank) addStopKeyedByRank(doc, lineId, stopInput(random, next()))
  else edit.addStop(doc, lineId, stopInput(random, next()))
}

/**
 * The planted bug: the new stop's key is derived from its line and rank, so two offline phones
 * appending a stop to the same line create the same nested map and one of them is lost.
 */
const addStopKeyedByRank = (doc: Y.Doc, lineId: LineId, input: ReturnType<typeof stopInput>): void => {
  const rank = stopsOfLine(doc, lineId).length
  const id = `${lineId.slice(0, 24)}${String(rank).padStart(12, '0')}`
  const record = new Y.Map<unknown>()
  for (const [name, value] of Object.entries({ ...input, lineId, position: rank + 1 })) record.set(name, value)
  doc.transact(() => doc.getMap(MAP_STOPS).set(id, record))
}

const withdraw: Op = ({ doc, actor }, { random, places }) => {
  const key = pick(random, signUpEntriesOf(doc).map(([logical]) => logical))
  if (key === undefined) return
  const [lineId, date, direction, adultId] = key.split('|') // the key holds the walk and the adult
  const walk = { lineId: lineId as LineId, date: date as LocalDate, direction: direction as Direction }
  const before = edit.storedEntry(doc, walk, adultId as AdultId)
  const seen = places.before(doc, walk, adultId as AdultId)
  edit.writeWithdrawal(doc, walk, adultId as AdultId, actor)
  const after = edit.storedEntry(doc, walk, adultId as AdultId)
  if (wroteAnew(before, after)) places.wrote(walk, adultId as AdultId, after, seen)
}

const removeStop: Op = ({ doc }, { random }) => {
  const stopId = pick(random, keys(doc, MAP_STOPS)) as StopId | undefined
  if (!stopId) return
  const lineId = field(doc, MAP_STOPS, stopId, 'lineId') as string
  const others = stopsOfLine(doc, lineId).filter((id) => id !== stopId) as StopId[]
  const reassign = new Map<ChildId, StopId | null>()
  for (const childId of keys(doc, MAP_CHILDREN)) {
    const routes = (field(doc, MAP_CHILDREN, childId, 'routes') ?? {}) as Record<string, { stopId?: string } | undefined>
    if (Object.values(routes).some((route) => route?.stopId === stopId)) reassign.set(childId as ChildId, random() < 0.8 ? (pick(random, others) ?? null) : null)
  }
  const result = edit.removeStop(doc, stopId, reassign)
  if (!result.ok) throw new Error(`removeStop refused a complete reassignment: ${result.error}`)
}

/** Shipped periods a replica may mark ignored or not (outside the simulated weeks, so walks do not change). */
const OVERRIDDEN_PERIODS = ['2026-2027/A/hiver', '2027-2028/A/hiver', '2027-2028/A/toussaint']

/** [weight, operation]: sign-ups dominate, as in real use; removals are rare. */
export const OPERATIONS: readonly (readonly [number, Op])[] = [
  [3, ({ doc }, { random, next }) => void (keys(doc, MAP_LINES).length < MAX_LINES && edit.addLine(doc, lineInput(random, next())))],
  [2, ({ doc }, { random, next }) => { const id = pick(random, keys(doc, MAP_LINES)); if (id) edit.updateLine(doc, id as LineId, lineInput(random, next())) }],
  [0.5, ({ doc }, { random }) => { const id = pick(random, keys(doc, MAP_LINES)); if (id) edit.removeLine(doc, id as LineId) }],
  [6, addStop],
  [2, ({ doc }, { random, next }) => { const id = pick(random, keys(doc, MAP_STOPS)); if (id) edit.updateStop(doc, id as StopId, stopInput(random, next())) }],
  [3, ({ doc }, { random }) => { const id = pick(random, keys(doc, MAP_STOPS)); if (id) edit.moveStop(doc, id as StopId, Math.floor(random() * 5)) }],
  [1.5, removeStop],
  [4, ({ doc }, { next }) => void edit.addFamily(doc, { displayName: `Famille ${next()}` })],
  [1, ({ doc }, { random, next }) => { const id = pick(random, keys(doc, MAP_FAMILIES)); if (id) edit.renameFamily(doc, id as FamilyId, { displayName: `Famille ${next()}` }) }],
  [0.5, ({ doc }, { random }) => { const id = pick(random, keys(doc, MAP_FAMILIES)); if (id) edit.removeFamily(doc, id as FamilyId) }],
  [6, ({ doc }, { random, next }) => { const id = pick(random, keys(doc, MAP_FAMILIES)); if (id) edit.addAdult(doc, id as FamilyId, { firstName: `Adulte ${next()}`, phone: '06 12 34 56 78', charterAcceptedOn: null, insured: random() < 0.8 }) }],
  [1, ({ doc }, { random, next }) => { const id = pick(random, keys(doc, MAP_ADULTS)); if (id) edit.updateAdult(doc, id as AdultId, { firstName: `Adulte ${next()}`, phone: '07 12 34 56 78', charterAcceptedOn: '2027-01-04', insured: true }) }],
  [0.5, ({ doc }, { random }) => { const id = pick(random, keys(doc, MAP_ADULTS)); if (id) edit.removeAdult(doc, id as AdultId) }],
  // As the app writes them: a note or the flag by the child's family, with its agreement (operations-consent.ts).
  [5, (replica, { random, next }) => {
    const id = pick(random, keys(replica.doc, MAP_FAMILIES))
    if (id) addChildAsFamily(replica, id as FamilyId, childInput(replica.doc, random, next()))
  }],
  [2, (replica, { random, next }) => {
    const id = pick(random, keys(replica.doc, MAP_CHILDREN))
    if (id) updateChildAsFamily(replica, id as ChildId, childInput(replica.doc, random, next()))
  }],
  [0.5, ({ doc }, { random }) => { const id = pick(random, keys(doc, MAP_CHILDREN)); if (id) edit.removeChild(doc, id as ChildId) }],
  [1.5, ({ doc }, { random }) => {
    const lineId = random() < 0.5 ? null : ((pick(random, keys(doc, MAP_LINES)) ?? null) as LineId | null)
    edit.addException(doc, { date: addDays(FIRST_DAY, Math.floor(random() * DAYS)), lineId, direction: random() < 0.5 ? null : 'aller', reason: 'strike', note: '' })
  }],
  [0.5, ({ doc }, { random }) => { const id = pick(random, keys(doc, MAP_EXCEPTIONS)); if (id) edit.removeException(doc, id as ExceptionId) }],
  [1, ({ doc }, { next }) => void edit.updateProfile(doc, { name: `Pédibus ${next()}`, school: 'École', town: 'Ville' })],
  [1, ({ doc }, { random }) => void edit.updateSettings(doc, { childrenPerAdult: 2 + Math.floor(random() * 8), minAdults: 2 + Math.floor(random() * 2) })],
  [0.5, ({ doc }, { random }) => void edit.setHolidayOverride(doc, pick(random, OVERRIDDEN_PERIODS) ?? '2026-2027/A/hiver', random() < 0.5)],
  [22, signUp],
  [5, withdraw],
  ...SWAP_OPERATIONS,
  ...WALK_LOG_OPERATIONS,
  ...PLANNING_OPERATIONS,
  ...CONSENT_OPERATIONS,
  ...HELP_OPERATIONS,
]

/** The operations as before planning (CONVERGENCE_NO_PLANNING=1): replays a seed found without the planning operations. */
export const OPERATIONS_WITHOUT_PLANNING: readonly (readonly [number, Op])[] =
  OPERATIONS.filter((entry) => !PLANNING_OPERATIONS.includes(entry) && !CONSENT_OPERATIONS.includes(entry)
    && !HELP_OPERATIONS.includes(entry))

/** The operations as before the walk log (CONVERGENCE_NO_WALK_LOG=1): replays a seed found without the walk-log (and planning) operations. */
export const OPERATIONS_WITHOUT_WALK_LOG: readonly (readonly [number, Op])[] = OPERATIONS_WITHOUT_PLANNING.filter((entry) => !WALK_LOG_OPERATIONS.includes(entry))

export const randomOperation = (random: () => number, operations: readonly (readonly [number, Op])[] = OPERATIONS): Op => {
  // The weights are summed per call (cheap next to one mutation) so that either list draws the same way from the same roll.
  const total = operations.reduce((sum, [weight]) => sum + weight, 0)
  let roll = random() * total
  for (const [weight, op] of operations) {
    roll -= weight
    if (roll < 0) return op
  }
  return operations[operations.length - 1]![1]
}

// Random planning operations on one replica, through the real mutations of src/doc: availability, reduced shares, the fairness setting, published plans.
//
// A published plan is written straight through writePublishedSignUps (without the app's check of
// which places are still open): whatever a coordinator's phone publishes, concurrently with other
// phones' sign-ups, the rota invariants must hold once the replicas have converged. It often
// includes places the phone shows withdrawn: a witness records them (a plan must leave them alone).
import * as Y from 'yjs'
import { nextSharedClock } from '../../src/doc/clock.ts'
import { MAP_ADULTS, MAP_EXEMPTIONS, MAP_FAMILIES, MAP_LINES } from '../../src/doc/keys.ts'
import { signUpEntriesOf } from '../../src/doc/signup-layout.ts'
import * as edit from '../../src/doc/mutations.ts'
import { addDays, localDate } from '../../src/domain/dates.ts'
import type { AdultId, FamilyId, LineId } from '../../src/domain/ids.ts'
import type { AvailabilityInput, ExemptionId } from '../../src/domain/planning/records.ts'
import { signUpKeyOf } from '../../src/domain/signup.ts'
import { placesToPublish } from '../../src/app/plan-publication.ts'
import { effectiveWalkOf, holdersOf } from '../../src/app/queries/rota.ts'
import { readCollective } from '../../src/doc/read.ts'
import { planRota } from '../../src/domain/planning/plan.ts'
import { parisToInstant } from '../../src/domain/calendar/paris-time.ts'
import type { TimeOfDay } from '../../src/domain/dates.ts'
import type { OpContext, Replica } from './operations.ts'

/** operations.ts's FIRST_DAY and DAYS (not imported: that module imports this one). */
const FIRST_DAY = localDate('2027-03-15')
const DAYS = 11

type Op = (replica: Replica, context: OpContext) => void
type Plain = Record<string, unknown>

/** A publication that listed places its phone showed withdrawn: none of its entries (actor, clock in [fromClock, toClock)) may end on those keys. */
export interface PublicationWitness {
  readonly withdrawnKeys: readonly string[]
  readonly actor: string
  readonly fromClock: number
  readonly toClock: number
}

const pick = <T>(random: () => number, items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
const keys = (doc: Y.Doc, name: string): string[] => [...doc.getMap(name).keys()]
const familyOf = (doc: Y.Doc, adultId: string): FamilyId | undefined => {
  const record = doc.getMap(MAP_ADULTS).get(adultId)
  return record instanceof Y.Map ? (record.get('familyId') as FamilyId | undefined) : undefined
}
const authored = (replica: Replica) => ({ actor: replica.actor, at: '2027-03-01T20:00:00+01:00' })
const randomDay = (random: () => number) => addDays(FIRST_DAY, Math.floor(random() * DAYS))

const availabilityInput = (doc: Y.Doc, random: () => number): AvailabilityInput => {
  const lines = keys(doc, MAP_LINES) as LineId[]
  const recurring = lines.length === 0 ? [] : Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
    weekday: 1 + Math.floor(random() * 5), direction: random() < 0.6 ? 'aller' as const : 'retour' as const, lineId: pick(random, lines)!,
  }))
  const exceptions = random() < 0.3 ? [{ date: randomDay(random), available: random() < 0.3, direction: null, lineId: null }] : []
  return { recurring, exceptions, weeklyMax: random() < 0.5 ? null : 1 + Math.floor(random() * 4), preference: pick(random, ['lead', 'tail', 'none'] as const) ?? 'none' }
}

/** Written by some phone of the adult's family (here: any replica, as a shared phone would). */
const setAvailability: Op = (replica, { random }) => {
  const adultId = pick(random, keys(replica.doc, MAP_ADULTS)) as AdultId | undefined
  const familyId = adultId === undefined ? undefined : familyOf(replica.doc, adultId)
  if (adultId === undefined || familyId === undefined) return
  const result = edit.writeAvailability(replica.doc, { adultId, familyId }, availabilityInput(replica.doc, random), authored(replica))
  if (!result.ok) throw new Error(`writeAvailability refused a valid availability: ${JSON.stringify(result.error)}`)
}

const declareExemption: Op = (replica, { random }) => {
  const familyId = pick(random, keys(replica.doc, MAP_FAMILIES)) as FamilyId | undefined
  if (familyId === undefined) return
  const from = randomDay(random)
  const input = { familyId, from, to: addDays(from, Math.floor(random() * 30)), sharePercent: pick(random, [0, 25, 50, 75] as const) ?? 50 }
  const result = edit.writeExemption(replica.doc, input, authored(replica))
  if (!result.ok) throw new Error(`writeExemption refused a valid exemption: ${JSON.stringify(result.error)}`)
}

/** Any member may withdraw a reduced share. */
const withdrawExemption: Op = (replica, { random }) => {
  const open = [...replica.doc.getMap<Plain>(MAP_EXEMPTIONS).entries()].filter(([, value]) => value.withdrawn === undefined)
  const chosen = pick(random, open)
  if (chosen !== undefined) edit.writeExemptionWithdrawal(replica.doc, chosen[0] as ExemptionId, authored(replica))
}

const setFairness: Op = ({ doc }, { random }) =>
  void edit.writeFairnessSetting(doc, { basis: random() < 0.5 ? 'perChild' : 'perFamily', coordinatorCredit: Math.floor(random() * 5) })

type PlannedWrite = Parameters<typeof edit.writePublishedSignUps>[1][number]

/** A few places on the first days (where sign-ups collide), for random adults: concurrent with the replicas' own sign-ups. */
const randomWrites = (doc: Y.Doc, random: () => number): PlannedWrite[] => {
  const lines = keys(doc, MAP_LINES) as LineId[]
  const adults = keys(doc, MAP_ADULTS) as AdultId[]
  return Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
    const lineId = pick(random, lines)
    const adultId = pick(random, adults)
    const familyId = adultId === undefined ? undefined : familyOf(doc, adultId)
    if (lineId === undefined || adultId === undefined || familyId === undefined) return null
    const walk = { lineId, date: addDays(FIRST_DAY, Math.floor(random() * 4)), direction: random() < 0.75 ? 'aller' as const : 'retour' as const }
    return { walk, adultId, familyId, slot: pick(random, ['lead', 'tail', 'extra'] as const) ?? 'lead' }
  }).filter((write) => write !== null)
}

/** The place of a sign-up this phone shows withdrawn (as a stale plan computed before the withdrawal would list it). */
const withdrawnWrite = (doc: Y.Doc, random: () => number): PlannedWrite | null => {
  const withdrawn = signUpEntriesOf(doc).filter(([, value]) => value.status === 'withdrawn')
  const chosen = pick(random, withdrawn)
  if (chosen === undefined) return null
  // The key is lineId|date|direction|adultId, then |actor (the value does not repeat them).
  const [lineId, date, direction, adultId] = chosen[0].split('|')
  const walk = { lineId: lineId as LineId, date: localDate(date!), direction: direction === 'retour' ? 'retour' as const : 'aller' as const }
  return { walk, adultId: adultId as AdultId, familyId: chosen[1].familyId as FamilyId, slot: 'lead' }
}

const publishPlan: Op = (replica, { random, publications, places }) => {
  const { doc } = replica
  const stale = random() < 0.5 ? withdrawnWrite(doc, random) : null
  const writes = stale === null ? randomWrites(doc, random) : [stale, ...randomWrites(doc, random)]
  const withdrawnKeys = writes.filter((write) => edit.storedEntry(doc, write.walk, write.adultId)?.status === 'withdrawn')
    .map((write) => signUpKeyOf(write.walk, write.adultId))
  const fromClock = nextSharedClock(doc)
  const before = writes.map((write) => ({ write, entry: edit.storedEntry(doc, write.walk, write.adultId), seen: places.before(doc, write.walk, write.adultId) }))
  const written = edit.writePublishedSignUps(doc, writes, authored(replica))
  for (const { write, entry, seen } of before) {
    const after = edit.storedEntry(doc, write.walk, write.adultId)
    if (after !== entry) places.wrote(write.walk, write.adultId, after, seen)
  }
  if (written === null) throw new Error('writePublishedSignUps found the document damaged')
  if (withdrawnKeys.length > 0) publications.push({ withdrawnKeys, actor: replica.actor, fromClock, toClock: fromClock + written })
}

/** The evening before the first walks: every place of the first week is still open to a publication. */
const PLAN_NOW = parisToInstant(addDays(FIRST_DAY, -1), '20:00' as TimeOfDay)
const FIRST_WEEK = { from: FIRST_DAY, to: addDays(FIRST_DAY, 4) }

/**
 * The app's own path: the planner's proposal for the first week, kept by placesToPublish (what is still open on
 * this phone), then published. Each place written is held by its adult in its slot right after, on that phone:
 * a publication never writes a place the rota then sets aside or puts on a waiting list.
 */
const publishCheckedPlan: Op = (replica, { random, immediate, places }) => {
  const { doc } = replica
  // The planner proposes only adults who said when they can walk: a few more say so first.
  for (let i = 0; i < 3; i++) setAvailability(replica, { random } as OpContext)
  const view = readCollective(doc)
  const { writes } = placesToPublish(view, planRota(view, FIRST_WEEK, PLAN_NOW).assignments, PLAN_NOW)
  const before = writes.map((write) => ({ write, entry: edit.storedEntry(doc, write.walk, write.adultId), seen: places.before(doc, write.walk, write.adultId) }))
  if (edit.writePublishedSignUps(doc, writes, authored(replica)) === null) throw new Error('writePublishedSignUps found the document damaged')
  for (const { write, entry, seen } of before) {
    const after = edit.storedEntry(doc, write.walk, write.adultId)
    if (after !== entry) places.wrote(write.walk, write.adultId, after, seen)
  }
  const published = readCollective(doc)
  for (const write of writes) {
    const walk = effectiveWalkOf(published, write.walk, PLAN_NOW)
    if (walk !== null && holdersOf(walk, write.slot).some((signUp) => signUp.adultId === write.adultId)) continue
    immediate.push(`published place ${signUpKeyOf(write.walk, write.adultId)} (${write.slot}) not held right after its publication`)
  }
}

/** [weight, operation], added to the rota, swap and walk-log operations' weights. */
export const PLANNING_OPERATIONS: readonly (readonly [number, Op])[] = [
  [3, setAvailability],
  [1.5, declareExemption],
  [0.7, withdrawExemption],
  [0.5, setFairness],
  [2, publishPlan],
  [1.5, publishCheckedPlan],
]

// What must hold at the end of a run: identical state on every replica, and the domain invariants on the effective view.
import * as Y from 'yjs'
import { DOCUMENT_MAPS, RECORD_KINDS } from '../../src/doc/record-kinds.ts'
import { effectiveWalks, resolveSwaps } from '../../src/domain/swaps/resolve.ts'
import { readCollective, type CollectiveSnapshot } from '../../src/doc/read.ts'
import { addDays } from '../../src/domain/dates.ts'
import { childrenWithMissingStop } from '../../src/domain/rota/checks.ts'
import { droppedSignUps } from '../../src/domain/rota/signup-index.ts'
import { resolveWalks } from '../../src/domain/rota/resolve.ts'
import { expectedChildren, ratioCountOf, requiredAdultsFor } from '../../src/domain/rota/slots.ts'
import { deriveWalks } from '../../src/domain/rota/walks.ts'
import type { WalkRota } from '../../src/domain/rota-types.ts'
import { compareSignUps, signUpKeyOf, walkKeyOf, type SignUp } from '../../src/domain/signup.ts'
import { DAYS, FIRST_DAY, type SignUpWitness } from './operations.ts'

/** Every top-level map of the document, from the record-kind registry. */
export const ALL_MAPS = DOCUMENT_MAPS
/**
 * Maps of nested records keyed by fresh random ids: a key created is never created again elsewhere. Not exemptions:
 * a withdrawal rewrites the entry, and a rewrite concurrent with its family's removal keeps it (an orphan the rules ignore).
 */
export const ID_MAPS = RECORD_KINDS.filter((kind) => kind.shape === 'records').map((kind) => kind.mapName)

/** Key-sorted JSON: Y.Map.toJSON() key order depends on delivery order. */
export const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  )

export const fingerprint = (doc: Y.Doc): string =>
  sortedJson(Object.fromEntries(ALL_MAPS.map((name) => [name, doc.getMap(name).toJSON()]))) + '#' + Y.encodeStateVector(doc).join(',')

/** A bounded window of walks: where the simulated sign-ups are. */
export const rotaOf = (view: CollectiveSnapshot, now: number): WalkRota[] =>
  resolveWalks(view, deriveWalks(view, FIRST_DAY, addDays(FIRST_DAY, DAYS)), now)

/** The rota every screen shows: the sign-up rota with the swaps applied. */
export const effectiveRotaOf = (view: CollectiveSnapshot, now: number): WalkRota[] =>
  effectiveWalks(view, resolveSwaps(view, view.swaps, now), deriveWalks(view, FIRST_DAY, addDays(FIRST_DAY, DAYS)), now)

const holdersOf = (rota: WalkRota): SignUp[] => [rota.lead, rota.tail, ...rota.extras].filter((s): s is SignUp => s !== null)

/** No slot over capacity; every active sign-up of an existing adult on a derived walk is held or waiting, exactly once. */
export const checkRota = (view: CollectiveSnapshot, rota: readonly WalkRota[]): string[] => {
  const failures: string[] = []
  const adults = new Set(view.adults.map((adult) => adult.id))
  const shown = new Map<string, number>()
  for (const walk of rota) {
    const holders = holdersOf(walk)
    // Absences lower requiredAdults but never unseat a holder: places are counted as if every child came.
    const places = Math.max(walk.requiredAdults, requiredAdultsFor(view.settings, ratioCountOf(expectedChildren(view.children, walk))))
    if (holders.length > places) failures.push(`walk ${walk.key}: ${holders.length} holders for ${places} places`)
    if (walk.extras.length > places - 2) failures.push(`walk ${walk.key}: too many extras`)
    if (walk.lead && walk.lead.slot !== 'lead') failures.push(`walk ${walk.key}: lead holds another slot`)
    if (walk.tail && walk.tail.slot !== 'tail') failures.push(`walk ${walk.key}: tail holds another slot`)
    for (const signUp of [...holders, ...walk.waiting]) {
      const key = signUpKeyOf(signUp, signUp.adultId)
      shown.set(key, (shown.get(key) ?? 0) + 1)
      if (walkKeyOf(signUp) !== walk.key) failures.push(`walk ${walk.key}: shows a sign-up of another walk`)
    }
    // Every waiting entry is behind the holder of its slot (same deterministic order everywhere).
    for (const waiting of walk.waiting) {
      const holder = waiting.slot === 'lead' ? walk.lead : waiting.slot === 'tail' ? walk.tail : walk.extras.at(-1)
      if (holder && compareSignUps(holder, waiting) > 0) failures.push(`walk ${walk.key}: a waiting entry is ahead of the holder`)
      if (!holder && waiting.slot !== 'extra') failures.push(`walk ${walk.key}: waiting for a free slot`)
    }
  }
  const derived = new Set(rota.map((walk) => walk.key))
  // A sign-up set aside by a double booking is shown nowhere (the family is told), every other one exactly once.
  const setAside = droppedSignUps(view)
  for (const signUp of view.signUps) {
    if (signUp.status !== 'active' || !adults.has(signUp.adultId) || !derived.has(walkKeyOf(signUp))) continue
    const count = shown.get(signUpKeyOf(signUp, signUp.adultId)) ?? 0
    const expected = setAside.has(signUp) ? 0 : 1
    if (count !== expected) failures.push(`sign-up on ${walkKeyOf(signUp)} shown ${count} times, expected ${expected} (lost or duplicated)`)
  }
  return failures
}

/** Every child's route names an existing stop of an existing line, or the child is flagged. */
export const checkChildren = (view: CollectiveSnapshot): string[] => {
  const flagged = new Set(childrenWithMissingStop(view).map((problem) => `${problem.childId}|${problem.direction}`))
  const lines = new Set(view.lines.map((line) => line.id))
  const stopLine = new Map(view.stops.map((stop) => [stop.id, stop.lineId]))
  const failures: string[] = []
  for (const child of view.children) {
    for (const direction of ['aller', 'retour'] as const) {
      const route = child.routes[direction]
      if (!route) continue
      const walkable = lines.has(route.lineId) && stopLine.get(route.stopId) === route.lineId
      if (!walkable && !flagged.has(`${child.id}|${direction}`)) failures.push(`child ${child.id} ${direction}: stop missing and not flagged`)
    }
  }
  return failures
}

/** A sign-up written after its author saw the slot held stays behind that holder (Lamport clock). */
export const checkWitnesses = (view: CollectiveSnapshot, witnesses: readonly SignUpWitness[]): string[] => {
  const byKey = new Map(view.signUps.map((signUp) => [signUpKeyOf(signUp, signUp.adultId), signUp]))
  const failures: string[] = []
  for (const witness of witnesses) {
    const written = byKey.get(witness.key)
    if (!written || written.clock !== witness.clock || written.status !== 'active') continue
    for (const seen of witness.seenAhead) {
      const ahead = byKey.get(seen.key)
      if (ahead && ahead.clock === seen.clock && ahead.status === 'active' && compareSignUps(written, ahead) < 0) {
        failures.push(`sign-up ${witness.key} overtook ${seen.key}, which its author had seen holding the slot`)
      }
    }
  }
  return failures
}

/**
 * Records of id maps: each key created once (a key created on two phones loses one side's
 * fields), and exactly those created and not deleted by any replica remain.
 */
export const checkRecordsKept = (doc: Y.Doc, created: ReadonlyMap<string, ReadonlyMap<string, number>>, deleted: ReadonlyMap<string, Set<string>>): string[] => {
  const failures: string[] = []
  for (const name of ID_MAPS) {
    const twice = [...(created.get(name) ?? [])].filter(([, count]) => count > 1)
    if (twice.length > 0) failures.push(`${name}: ${twice.length} keys created on two phones (one side's record lost)`)
    const expected = [...(created.get(name)?.keys() ?? [])].filter((key) => !deleted.get(name)?.has(key)).sort()
    const actual = [...doc.getMap(name).keys()].sort()
    if (expected.join() !== actual.join()) failures.push(`${name}: ${actual.length} records, expected ${expected.length}`)
  }
  return failures
}

export const checkReplicas = (docs: readonly Y.Doc[]): { failures: string[]; views: CollectiveSnapshot[] } => {
  const failures: string[] = []
  const expected = fingerprint(docs[0]!)
  docs.forEach((doc, index) => {
    if (index > 0 && fingerprint(doc) !== expected) failures.push(`replica ${index} diverged from replica 0 (state)`)
  })
  // Same state, so reading two replicas (first and last) is enough to catch a reader that depends on delivery order.
  const views = [readCollective(docs[0]!), readCollective(docs[docs.length - 1]!)]
  if (sortedJson(views[0]) !== sortedJson(views[1])) failures.push(`replica ${docs.length - 1} reads differently from replica 0`)
  // A person added on one phone while another removed the family is "to check" by design (the removal wins).
  const toCheck = views[0]!.toCheck.filter((record) => !record.problems.includes('familyRemoved'))
  if (toCheck.length > 0) failures.push(`valid edits produced records to check: ${toCheck.map((r) => `${r.kind}:${r.problems.join('/')}`).join(', ')}`)
  return { failures, views }
}

/**
 * A removed family is gone from every view: every adult and child belongs to a family that exists, every holder and
 * waiting adult on the rota exists, and every coordinator period is held by an existing family (or nobody).
 */
export const checkFamilies = (view: CollectiveSnapshot, rota: readonly WalkRota[], coordinators: readonly (string | null)[]): string[] => {
  const failures: string[] = []
  const families = new Set<string>(view.families.map((family) => family.id))
  const adults = new Set<string>(view.adults.map((adult) => adult.id))
  for (const person of [...view.adults, ...view.children]) {
    if (!families.has(person.familyId)) failures.push(`${person.id}: shown although family ${person.familyId} was removed`)
  }
  for (const walk of rota) {
    for (const signUp of [...holdersOf(walk), ...walk.waiting]) {
      if (!adults.has(signUp.adultId)) failures.push(`walk ${walk.key}: shows removed adult ${signUp.adultId}`)
    }
  }
  for (const coordinator of coordinators) {
    if (coordinator !== null && !families.has(coordinator)) failures.push(`coordinator period held by removed family ${coordinator}`)
  }
  return failures
}

/** One adult, one walk at a time: nobody holds or waits on two running walks of the same date and direction. */
export const checkOneWalkAtATime = (rota: readonly WalkRota[]): string[] => {
  const seen = new Map<string, string>()
  const failures: string[] = []
  for (const walk of rota) {
    if (walk.cancellation !== null) continue
    for (const signUp of [...holdersOf(walk), ...walk.waiting]) {
      const time = `${signUp.adultId}|${walk.date}|${walk.direction}`
      const other = seen.get(time)
      if (other !== undefined && other !== walk.key) failures.push(`adult ${signUp.adultId} on ${other} and ${walk.key} at the same time`)
      seen.set(time, walk.key)
    }
  }
  return failures
}

// One seeded run: N replicas edit through the real mutations over a lossy, reordering network, then all must agree.
import * as Y from 'yjs'
import type { CollectiveSnapshot } from '../../src/doc/read.ts'
import type { WalkRota } from '../../src/domain/rota-types.ts'
import { bindSealKey } from '../../src/doc/codec.ts'
import { initCollective } from '../../src/doc/mutations.ts'
import { createInviteSecret, createRoomId } from '../../src/lib/credentials.ts'
import { deriveSealKey } from '../../src/lib/seal.ts'
import { ActorIdSchema, type ActorId } from '../../src/domain/ids.ts'
import { parisToInstant } from '../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../src/domain/dates.ts'
import { seededRandom } from '../helpers/seeded-random.ts'
import { ID_MAPS, checkChildren, checkFamilies, checkOneWalkAtATime, checkRecordsKept, checkReplicas, checkRota, checkWitnesses, effectiveRotaOf, rotaOf } from './invariants.ts'
import { checkCoordinators, checkSwaps, coordinatorsOf } from './invariants-swaps.ts'
import { checkPlanning } from './invariants-planning.ts'
import { PlaceHistory } from './place-history.ts'
import { checkWalkLog } from './invariants-walk-log.ts'
import { checkErasure, checkSupportConsent } from './invariants-erasure.ts'
import { checkHelp } from './invariants-help.ts'
import { checkMeetings } from './invariants-meetings.ts'
import { MEETING_OPERATIONS } from './operations-meetings.ts'
import { checkPairs } from './invariants-pairs.ts'
import { PAIR_OPERATIONS } from './operations-pairs.ts'
import { Network } from './network.ts'
import { OPERATIONS, OPERATIONS_WITHOUT_PLANNING, OPERATIONS_WITHOUT_WALK_LOG, randomOperation, type OpContext, type Replica, type SignUpWitness } from './operations.ts'
import type { CheckInWitness } from './operations-walk-log.ts'
import type { PublicationWitness } from './operations-planning.ts'

export interface RunOptions {
  readonly replicas: number
  readonly operations: number
  /** Planted bug: this replica clocks its sign-ups with its own wall clock instead of a Lamport clock. */
  readonly wallClockReplica?: number
  /** Planted bug: every replica keys a new stop by its line and rank, so two phones create the same nested map. */
  readonly stopKeyedByRank?: boolean
  /**
   * Without the walk-log operations: the random sequence is then the one of the harness before they were added,
   * so a seed found then replays (CONVERGENCE_NO_WALK_LOG=1 sets it for the default run).
   */
  readonly withoutWalkLog?: boolean
  /** Without the planning operations (CONVERGENCE_NO_PLANNING=1): replays a seed found before they were added. */
  readonly withoutPlanning?: boolean
  /**
   * With the Rencontres operations (tests/convergence/meeting-ops.test.ts): off by default, so adding them left the
   * random sequence of every other run, and the seeds found with it, as they were.
   */
  readonly withMeetings?: boolean
  /** With the "trajet en binôme" operations (tests/convergence/pairs-ops.test.ts): off by default, like withMeetings. */
  readonly withPairs?: boolean
}

export const DEFAULT_RUN: RunOptions = {
  replicas: 5, operations: 200, withoutWalkLog: process.env.CONVERGENCE_NO_WALK_LOG === '1', withoutPlanning: process.env.CONVERGENCE_NO_PLANNING === '1',
}

/**
 * The instant the converged views are derived at, one per run (drawn from its seed): before the simulated walks, when
 * Monday's walks are urgent (within 48 h), in the middle of the fortnight (walks started, offers on them expired), and
 * after every walk. Urgency, expiry and "started" are computed the same way on every replica at any of them.
 */
const INSTANTS = [
  Date.UTC(2027, 2, 1),
  parisToInstant(localDate('2027-03-14'), '12:00' as TimeOfDay),
  parisToInstant(localDate('2027-03-18'), '09:00' as TimeOfDay),
  parisToInstant(localDate('2027-03-30'), '12:00' as TimeOfDay),
]
/** The fairness ledger and a plan are computed on about one run in this many, drawn from the run's seed (they cost more than the rest of its checks). */
const DERIVE_EVERY = 8

/** Seeded v4 UUIDs, so that a failing seed replays the very same ids. */
const seededUuid = (random: () => number): string => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = '89ab'[Math.floor(random() * 4)]!
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** Runs `body` with crypto.randomUUID drawing from the seed (ids are created deep inside the mutations). */
const withSeededIds = <T>(random: () => number, body: () => T): T => {
  const original = Object.getOwnPropertyDescriptor(globalThis.crypto, 'randomUUID')
  Object.defineProperty(globalThis.crypto, 'randomUUID', { value: () => seededUuid(random), configurable: true, writable: true })
  try {
    return body()
  } finally {
    if (original) Object.defineProperty(globalThis.crypto, 'randomUUID', original)
    else delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID
  }
}

/**
 * Personal fields are sealed as in the app: every replica binds the collective's key (one for all
 * replicas of a run, as all phones of a collective share it). The key never steers the random
 * sequence, so a seed replays the same run.
 */
const COLLECTIVE_KEY = await deriveSealKey(createRoomId(), createInviteSecret())

const createReplicas = (random: () => number, options: RunOptions): Replica[] => {
  const clientIds = new Set<number>()
  return Array.from({ length: options.replicas }, (_, index) => {
    const doc = new Y.Doc()
    bindSealKey(doc, COLLECTIVE_KEY)
    let clientId = Math.floor(random() * 0xffffffff)
    while (clientIds.has(clientId)) clientId = (clientId + 1) >>> 0
    clientIds.add(clientId)
    doc.clientID = clientId // deterministic: Yjs breaks ties by client id
    const actor: ActorId = ActorIdSchema.parse(seededUuid(random))
    return { index, doc, actor, wallClockSignUps: index === options.wallClockReplica, wallClock: 0 }
  })
}

/** Keys each replica added (how many times, over all replicas) or deleted in its own transactions, per id map. */
const trackLocalKeys = (docs: readonly Y.Doc[]) => {
  const created = new Map<string, Map<string, number>>(ID_MAPS.map((name) => [name, new Map()]))
  const deleted = new Map<string, Set<string>>(ID_MAPS.map((name) => [name, new Set()]))
  for (const doc of docs) {
    for (const name of ID_MAPS) {
      doc.getMap(name).observe((event) => {
        if (!event.transaction.local) return
        event.changes.keys.forEach((change, key) => {
          if (change.action === 'add') created.get(name)!.set(key, (created.get(name)!.get(key) ?? 0) + 1)
          else if (change.action === 'delete') deleted.get(name)!.add(key)
        })
      })
    }
  }
  return { created, deleted }
}

/** Returns the failures of one run (empty when everything held); `onView` sees the converged view (statistics). */
export const simulate = (seed: number, options: RunOptions = DEFAULT_RUN, onView?: (view: CollectiveSnapshot, rota: WalkRota[]) => void): string[] => {
  const random = seededRandom(seed)
  return withSeededIds(random, () => {
    const replicas = createReplicas(random, options)
    const docs = replicas.map((replica) => replica.doc)
    const network = new Network(docs, random, { dropRate: 0.15, duplicateRate: 0.1 })
    const keys = trackLocalKeys(docs)
    initCollective(docs[0]!, { name: 'Pédibus', school: 'École', town: 'Ville' })
    network.flush()
    network.deliver(options.replicas * 2)
    const witnesses: SignUpWitness[] = []
    const checkIns: CheckInWitness[] = []
    const publications: PublicationWitness[] = []
    const immediate: string[] = []
    let counter = 0
    const places = new PlaceHistory()
    const context: OpContext = {
      random, witnesses, checkIns, publications, places, immediate, next: () => counter++, stopKeyedByRank: options.stopKeyedByRank ?? false,
    }
    const base = options.withoutWalkLog === true ? OPERATIONS_WITHOUT_WALK_LOG : options.withoutPlanning === true ? OPERATIONS_WITHOUT_PLANNING : OPERATIONS
    const withMeetings = options.withMeetings === true ? [...base, ...MEETING_OPERATIONS] : base
    const operations = options.withPairs === true ? [...withMeetings, ...PAIR_OPERATIONS] : withMeetings
    for (let step = 0; step < options.operations; step++) {
      const replica = replicas[Math.floor(random() * replicas.length)]!
      const roll = random()
      if (roll < 0.04) network.goOffline(replica.index)
      else if (roll < 0.1) network.goOnline(replica.index)
      randomOperation(random, operations)(replica, context)
      if (random() < 0.5) network.flush()
      network.advance()
      if (random() < 0.03) network.resync()
      network.deliver(Math.floor(random() * 8))
    }
    network.settle()
    const { failures, views } = checkReplicas(docs)
    if (failures.length > 0) return failures
    const view = views[0]!
    const NOW = INSTANTS[Math.floor(random() * INSTANTS.length)]!
    const rota = rotaOf(view, NOW)
    onView?.(view, rota)
    failures.push(
      ...immediate,
      ...checkRota(view, rota),
      ...checkChildren(view),
      ...checkWitnesses(view, witnesses),
      ...checkRecordsKept(docs[0]!, keys.created, keys.deleted),
      ...checkSwaps(view, NOW),
      ...checkCoordinators(view),
      ...checkFamilies(view, rota, coordinatorsOf(view)),
      ...checkOneWalkAtATime(rota),
      ...checkOneWalkAtATime(effectiveRotaOf(view, NOW)).map((failure) => `with swaps: ${failure}`),
      ...places.check(view.signUps, view.adults),
      // Every replica's own reading (the others were compared as state above).
      // Two replicas' readings (first and last, see checkReplicas): the state is identical everywhere, so this catches
      // derivations that depend on delivery order without reading every replica again.
      ...checkWalkLog(views, rota, checkIns, NOW),
      ...checkPlanning(views, publications, NOW, random() < 1 / DERIVE_EVERY),
      ...checkSupportConsent(view),
      ...checkHelp(view),
      ...checkMeetings(view),
      ...checkPairs(view, rota),
      ...(view.pairs.length > 0 ? checkPairs(view, effectiveRotaOf(view, NOW)).map((failure) => `with swaps: ${failure}`) : []),
      // Last: it writes (one phone's erasure) and syncs every replica. `view` is replica 0's, read after the last write.
      ...checkErasure(docs, () => network.settle(), view),
    )
    for (const doc of docs) doc.destroy()
    return failures
  })
}

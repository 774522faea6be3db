// Whether an update integrates completely into a document whose state vector is known, and in which order: the
// same walk as yjs' integrateStructs (a struct waiting for another client's struct advances that client's reader
// one struct at a time), run on the update's shape without touching a document. A complete plan means Yjs keeps
// nothing pending; the order is causal, so cutting it into consecutive parts gives parts that each integrate.
import { structEnd, type ItemStruct, type Struct, type StructId, type UpdateShape } from './update-shape.ts'

export type PlanFailure =
  /** A struct or a deletion needs clocks that neither the document nor the update holds (yet). */
  | 'missingPredecessor'
  | 'ghostDeletion'
  /** References Yjs cannot resolve in any order: its own client at its own or a later clock, or a cycle. */
  | 'selfReference'
  | 'unresolvable'
  /** A Skip struct: a gap inside the update. */
  | 'gap'

export type IntegrationPlan =
  | {
    readonly ok: true
    /** Structs that add clocks, in an order in which each one's references already exist. */
    readonly order: readonly Struct[]
    /** Structs entirely below the document's state: already there (to compare, never to integrate). */
    readonly known: readonly Struct[]
    /** The state vector once the update is integrated (only clients the update touches). */
    readonly after: ReadonlyMap<number, number>
  }
  | { readonly ok: false; readonly reason: PlanFailure }

/** The document's current clock for a client (yjs getState: 0 when it has none). */
export type StateOf = (client: number) => number

interface Queue {
  readonly structs: readonly Struct[]
  next: number
}

const itemReferences = (item: ItemStruct): StructId[] => {
  const refs: StructId[] = []
  if (item.origin) refs.push(item.origin)
  if (item.rightOrigin) refs.push(item.rightOrigin)
  if (item.parent && 'id' in item.parent) refs.push(item.parent.id)
  return refs
}

interface Walk {
  readonly stateOf: StateOf
  /** Clocks reached by the structs planned so far (clients the update touches). */
  readonly state: Map<number, number>
}

const clockOf = (walk: Walk, client: number): number => walk.state.get(client) ?? walk.stateOf(client)

/** The first reference of `struct` to another client that does not exist yet, or null. */
const missingReference = (walk: Walk, struct: Struct): StructId | null => {
  if (struct.kind !== 'item') return null
  const { origin, rightOrigin, parent } = struct
  if (origin && origin.client !== struct.client && origin.clock >= clockOf(walk, origin.client)) return origin
  if (rightOrigin && rightOrigin.client !== struct.client && rightOrigin.clock >= clockOf(walk, rightOrigin.client)) return rightOrigin
  if (parent && 'id' in parent && parent.id.client !== struct.client && parent.id.clock >= clockOf(walk, parent.id.client)) {
    return parent.id
  }
  return null
}

const refersAhead = (struct: Struct): boolean =>
  struct.kind === 'item' && itemReferences(struct).some((ref) => ref.client === struct.client && ref.clock >= struct.clock)

export const planIntegration = (shape: UpdateShape, stateOf: StateOf): IntegrationPlan => {
  const walk: Walk = { stateOf, state: new Map() }
  const queues = new Map<number, Queue>()
  const known: Struct[] = []

  for (const block of shape.blocks) {
    const held = stateOf(block.client)
    let fresh: Struct[] | null = null
    for (const struct of block.structs) {
      if (struct.kind === 'skip') return { ok: false, reason: 'gap' }
      if (refersAhead(struct)) return { ok: false, reason: 'selfReference' }
      if (structEnd(struct) <= held) {
        // Yjs resolves a struct's references before it sees the struct is already there: a re-sent struct whose
        // references do not exist would be kept pending too.
        if (missingReference(walk, struct) !== null) return { ok: false, reason: 'missingPredecessor' }
        known.push(struct)
      } else (fresh ??= []).push(struct)
    }
    if (fresh) {
      if (fresh[0]!.clock > held) return { ok: false, reason: 'missingPredecessor' }
      queues.set(block.client, { structs: fresh, next: 0 })
    }
  }

  const order: Struct[] = []
  for (const queue of queues.values()) {
    const failure = drain(walk, queues, queue, order, shape.structCount)
    if (failure) return { ok: false, reason: failure }
  }
  if (shape.deletes.some((range) => range.clock + range.length > clockOf(walk, range.client))) {
    return { ok: false, reason: 'ghostDeletion' }
  }
  return { ok: true, order, known, after: walk.state }
}

/** Plans `queue` to its end, advancing other clients' queues one struct at a time where it must wait for them. */
const drain = (
  walk: Walk, queues: ReadonlyMap<number, Queue>, queue: Queue, order: Struct[], structCount: number,
): PlanFailure | null => {
  const waiting: Struct[] = [] // the stack of yjs' integrateStructs
  const waitingClients = new Set<number>()
  while (queue.next < queue.structs.length || waiting.length > 0) {
    let head = waiting.length > 0 ? waiting.pop()! : queue.structs[queue.next++]!
    waitingClients.delete(head.client)
    for (let guard = 0; ; guard++) {
      if (guard > structCount + 1) return 'unresolvable'
      const missing = missingReference(walk, head)
      if (missing === null) break
      const other = queues.get(missing.client)
      // The other client's next struct must come right after what exists: one of its structs already waiting
      // would make Yjs see a hole in that client's clocks (and keep both pending).
      if (!other || other.next >= other.structs.length || waitingClients.has(missing.client)) {
        return missing.clock >= endOf(other) ? 'missingPredecessor' : 'unresolvable'
      }
      waiting.push(head)
      waitingClients.add(head.client)
      head = other.structs[other.next++]!
    }
    if (head.clock > clockOf(walk, head.client)) return 'missingPredecessor'
    order.push(head)
    walk.state.set(head.client, Math.max(clockOf(walk, head.client), structEnd(head)))
  }
  return null
}

const endOf = (queue: Queue | undefined): number => {
  const last = queue?.structs[queue.structs.length - 1]
  return last ? structEnd(last) : 0
}

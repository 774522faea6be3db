// Whether an update integrates completely into a document whose state vector is known, and in which order: the
// same walk as yjs' integrateStructs (a struct waiting for another client's struct advances that client's reader
// one struct at a time), run on the update's shape without touching a document. A complete plan means Yjs keeps
// nothing pending; the order is causal, so cutting it into consecutive parts gives parts that each integrate.
import { structEnd, type DeleteRange, type ItemStruct, type Struct, type StructId, type UpdateShape } from './update-shape.ts'

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

export const planIntegration = (shape: UpdateShape, stateOf: StateOf): IntegrationPlan => {
  const state = new Map<number, number>()
  const clockOf = (client: number): number => state.get(client) ?? stateOf(client)
  const queues = new Map<number, Queue>()
  const known: Struct[] = []

  for (const block of shape.blocks) {
    const fresh: Struct[] = []
    for (const struct of block.structs) {
      if (struct.kind === 'skip') return { ok: false, reason: 'gap' }
      if (struct.kind === 'item' && itemReferences(struct).some((ref) => ref.client === struct.client && ref.clock >= struct.clock)) {
        return { ok: false, reason: 'selfReference' }
      }
      if (structEnd(struct) <= stateOf(block.client)) known.push(struct)
      else fresh.push(struct)
    }
    if (fresh.length > 0) {
      if (fresh[0]!.clock > stateOf(block.client)) return { ok: false, reason: 'missingPredecessor' }
      queues.set(block.client, { structs: fresh, next: 0 })
    }
  }

  const order: Struct[] = []
  /** The first reference of `struct` to another client that does not exist yet, or null. */
  const missingReference = (struct: Struct): StructId | null => {
    if (struct.kind !== 'item') return null
    for (const ref of itemReferences(struct)) if (ref.client !== struct.client && ref.clock >= clockOf(ref.client)) return ref
    return null
  }

  for (const queue of queues.values()) {
    const waiting: Struct[] = [] // the stack of yjs' integrateStructs
    const waitingClients = new Set<number>()
    while (queue.next < queue.structs.length || waiting.length > 0) {
      let head = waiting.length > 0 ? waiting.pop()! : queue.structs[queue.next++]!
      waitingClients.delete(head.client)
      for (let guard = 0; ; guard++) {
        if (guard > shape.structCount + 1) return { ok: false, reason: 'unresolvable' }
        const missing = missingReference(head)
        if (missing === null) break
        const other = queues.get(missing.client)
        // The other client's next struct must come right after what exists: one of its structs already waiting
        // would make Yjs see a hole in that client's clocks (and keep both pending).
        if (!other || other.next >= other.structs.length || waitingClients.has(missing.client)) {
          return { ok: false, reason: missing.clock >= endOf(other) ? 'missingPredecessor' : 'unresolvable' }
        }
        waiting.push(head)
        waitingClients.add(head.client)
        head = other.structs[other.next++]!
      }
      if (head.clock > clockOf(head.client)) return { ok: false, reason: 'missingPredecessor' }
      order.push(head)
      state.set(head.client, Math.max(clockOf(head.client), structEnd(head)))
    }
  }

  if (shape.deletes.some((range) => !isHeld(range, clockOf))) return { ok: false, reason: 'ghostDeletion' }
  return { ok: true, order, known, after: state }
}

const endOf = (queue: Queue | undefined): number => {
  const last = queue?.structs[queue.structs.length - 1]
  return last ? structEnd(last) : 0
}

const isHeld = (range: DeleteRange, clockOf: StateOf): boolean => range.clock + range.length <= clockOf(range.client)

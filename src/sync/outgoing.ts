// What the phone sends, shaped so the relay can take it: never content its own Y.Doc could not integrate (Yjs
// adds a doc's pending structs and deletions to every state it encodes), and a change larger than the relay's
// message limit as several messages the stock protocol accepts, each of which integrates once the previous ones
// have (a term offline can be megabytes; one message over the limit is refused, and would be again, forever).
import * as Y from 'yjs'
import { planIntegration } from '../crdt/integration.ts'
import { encodeParts, encodeUpdate, keepIntegrated } from '../crdt/update-parts.ts'
import { parseUpdateShape, type UpdateShape } from '../crdt/update-shape.ts'

/** Parts well under the relay's default MAX_PAYLOAD (2 MiB), so a part plus framing never reaches it. */
export const OUTGOING_PART_BYTES = 512 * 1024
/** Never smaller: a relay that says it reads less is misconfigured, and tiny parts would cost more than they save. */
export const MIN_PART_BYTES = 8 * 1024

/** The part size for a relay that reads messages of at most `maxPayload` bytes (a quarter: room for framing). */
export const partBytesFor = (maxPayload: number): number =>
  Math.max(MIN_PART_BYTES, Math.min(OUTGOING_PART_BYTES, Math.floor(maxPayload / 4)))

/**
 * The update as the messages to send, in order. Everything before the update is taken to exist on the relay
 * already (a step 2 starts where the relay's state vector ends; a local change builds on what this phone sent
 * before it), so only the update's own structs are ordered.
 */
export const prepareOutgoing = (doc: Y.Doc, update: Uint8Array, maxBytes: number = OUTGOING_PART_BYTES): Uint8Array[] => {
  const hasPending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null
  if (!hasPending && update.length <= maxBytes) return [update]
  let shape: UpdateShape
  try {
    shape = parseUpdateShape(update)
  } catch {
    return [update] // the phone's own encoding: never expected, and the relay decides anyway
  }
  if (hasPending) shape = keepIntegrated(shape, (client) => Y.getState(doc.store, client))
  const structs = shape.blocks.flatMap((block) => block.structs)
  if (update.length <= maxBytes) return [encodeUpdate(update, structs, shape.deletes)]
  const starts = new Map(shape.blocks.map((block) => [block.client, block.clock]))
  const plan = planIntegration(shape, (client) => starts.get(client) ?? Number.MAX_SAFE_INTEGER)
  return encodeParts(update, plan.ok ? plan.order : structs, shape.deletes, maxBytes)
}

/** Whether the relay, at `relayState`, already claims clocks this change wrote (so a step 2 would leave it out). */
export const overlapsRelayState = (update: Uint8Array, relayState: ReadonlyMap<number, number>): boolean => {
  try {
    return parseUpdateShape(update).blocks.some((block) => block.clock < (relayState.get(block.client) ?? 0))
  } catch {
    return false
  }
}

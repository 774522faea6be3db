// Cuts a Yjs V1 update into smaller updates that each integrate once the previous ones have: structs in causal
// order (planIntegration), at struct boundaries (V1 structs are byte slices that do not depend on their block),
// the delete set last. Used both ways: a phone's offline changes larger than the relay's message limit, and a large
// room sent to a joining phone at the pace its link takes. Also drops what a sender must not send: its own
// pending structs and deletions (what its Y.Doc could not integrate either).
import * as encoding from 'lib0/encoding'
import { planIntegration, type StateOf } from './integration.ts'
import { parseUpdateShape, type DeleteRange, type Struct, type UpdateShape } from './update-shape.ts'

/** Bytes of a part header and per-block header at most (varuints), counted when filling a part. */
const BLOCK_HEADER_BYTES = 3 * 9

/**
 * The update as parts of about `maxBytes` at most (a single struct larger than that is a part of its own), or
 * null when it cannot be planned against `stateOf` (then it is sent whole, as before).
 */
export const splitUpdate = (update: Uint8Array, stateOf: StateOf, maxBytes: number): Uint8Array[] | null => {
  const shape = parseUpdateShape(update)
  const plan = planIntegration(shape, stateOf)
  if (!plan.ok) return null
  return encodeParts(update, plan.order, shape.deletes, maxBytes)
}

/**
 * Keeps only what the sender has integrated itself: structs that start below `ownState`, deletions inside it. Yjs adds a
 * doc's pending structs and deletions to every state update it encodes; sending them makes the receiver wait for
 * predecessors that may never come.
 */
export const keepIntegrated = (shape: UpdateShape, ownState: StateOf): UpdateShape => {
  const blocks = shape.blocks
    .map((block) => ({ ...block, structs: block.structs.filter((struct) => struct.clock < ownState(block.client)) }))
    .filter((block) => block.structs.length > 0)
  const deletes = shape.deletes.filter((range) => range.clock + range.length <= ownState(range.client))
  return { blocks, deletes, structCount: blocks.reduce((sum, block) => sum + block.structs.length, 0) }
}

/** Encodes `structs` (taken from `update`) as consecutive parts, then the deletions, each part within `maxBytes`. */
export const encodeParts = (
  update: Uint8Array, structs: readonly Struct[], deletes: readonly DeleteRange[], maxBytes: number,
): Uint8Array[] => {
  const parts: Uint8Array[] = []
  let current: Struct[] = []
  let size = 0
  for (const struct of structs) {
    const bytes = struct.end - struct.start + BLOCK_HEADER_BYTES
    if (current.length > 0 && size + bytes > maxBytes) {
      parts.push(encodeUpdate(update, current, []))
      current = []
      size = 0
    }
    current.push(struct)
    size += bytes
  }
  // The deletions go last: every clock they name exists once all the structs are in.
  const [firstDeletes = [], ...moreDeletes] = chunkDeletes(deletes, Math.max(64, Math.floor(maxBytes / 20)))
  parts.push(encodeUpdate(update, current, firstDeletes))
  for (const chunk of moreDeletes) parts.push(encodeUpdate(update, [], chunk))
  return parts
}

/** About 20 bytes per range at most (client, clock and length varuints plus headers): bounded parts. */
const chunkDeletes = (deletes: readonly DeleteRange[], perChunk: number): DeleteRange[][] => {
  const chunks: DeleteRange[][] = []
  for (let i = 0; i < deletes.length; i += perChunk) chunks.push(deletes.slice(i, i + perChunk))
  return chunks
}

/** One V1 update from struct slices of `source` (grouped per client, in the given order) and deletions. */
export const encodeUpdate = (source: Uint8Array, structs: readonly Struct[], deletes: readonly DeleteRange[]): Uint8Array => {
  const encoder = encoding.createEncoder()
  const blocks = groupByClient(structs)
  encoding.writeVarUint(encoder, blocks.length)
  for (const block of blocks) {
    encoding.writeVarUint(encoder, block.length)
    encoding.writeVarUint(encoder, block[0]!.client)
    encoding.writeVarUint(encoder, block[0]!.clock)
    for (const struct of block) encoding.writeUint8Array(encoder, source.subarray(struct.start, struct.end))
  }
  const byClient = new Map<number, DeleteRange[]>()
  for (const range of deletes) {
    const ranges = byClient.get(range.client)
    if (ranges) ranges.push(range)
    else byClient.set(range.client, [range])
  }
  encoding.writeVarUint(encoder, byClient.size)
  for (const [client, ranges] of byClient) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, ranges.length)
    for (const range of ranges) {
      encoding.writeVarUint(encoder, range.clock)
      encoding.writeVarUint(encoder, range.length)
    }
  }
  return encoding.toUint8Array(encoder)
}

/** Structs of each client in their given order; a client's structs in one part are consecutive clocks. */
const groupByClient = (structs: readonly Struct[]): Struct[][] => {
  const groups = new Map<number, Struct[]>()
  for (const struct of structs) {
    const group = groups.get(struct.client)
    if (group) group.push(struct)
    else groups.set(struct.client, [struct])
  }
  return [...groups.values()]
}

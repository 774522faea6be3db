// Hand-built Yjs V1 updates for attack tests: structs with chosen client ids, clocks, origins, parents and content,
// and delete sets, written byte for byte as Yjs writes them (Item.write, writeStructs, writeDeleteSet, UpdateEncoderV1
// in yjs.mjs) but without Yjs's own invariants, so a test can send what an honest client never would.
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/** A struct address: (client id, clock). */
export interface CraftedId {
  client: number
  clock: number
}

/** Yjs type refs (YArrayRefID ... YXmlTextRefID in yjs.mjs). */
export const TYPE_REF = { array: 0, map: 1, text: 2, xmlElement: 3, xmlFragment: 4, xmlHook: 5, xmlText: 6 } as const
export type CraftedTypeName = keyof typeof TYPE_REF

/** Item content, by Yjs content ref (readItemContent / contentRefs in yjs.mjs). */
export type CraftedContent =
  | { kind: 'deleted'; length: number } // ref 1
  | { kind: 'string'; text: string } // ref 4 (length = UTF-16 code units)
  | { kind: 'type'; type: CraftedTypeName; nodeName?: string } // ref 7 (length 1)
  | { kind: 'any'; values: unknown[] } // ref 8 (length = values.length)

/**
 * Where an item without origin and right origin lives: a root type of the doc (`doc.get(name)`), or the type
 * held by the item at `id` (Yjs resolves it as `getItem(store, id).content.type`, whatever that content is).
 */
export type CraftedParent = { root: string } | { id: CraftedId }

export interface CraftedItem {
  struct: 'item'
  /** The item that was to the left when it was inserted (Yjs copies parent and parentSub from it). */
  origin?: CraftedId
  /** The item that was to the right when it was inserted. */
  rightOrigin?: CraftedId
  /** Written only when there is neither origin nor rightOrigin, as Yjs does. */
  parent?: CraftedParent
  /** The map key (Y.Map entries); written only together with `parent`. */
  parentSub?: string
  content: CraftedContent
}

/** A GC struct (info 0): "these clocks existed and were garbage-collected". */
export interface CraftedGc {
  struct: 'gc'
  length: number
}

/** A Skip struct (info 10): a hole in a client's clocks inside one update. */
export interface CraftedSkip {
  struct: 'skip'
  length: number
}

export type CraftedStruct = CraftedItem | CraftedGc | CraftedSkip

/**
 * Consecutive structs of one client starting at `clock` (each struct takes as many clocks as its length).
 * Yjs reads the runs of an update into a map by client id: a second run of the same client replaces the first.
 */
export interface CraftedRun {
  client: number
  clock: number
  structs: CraftedStruct[]
}

/** Clocks [clock, clock + length) of `client` are deleted. */
export interface CraftedDeletion {
  client: number
  clock: number
  length: number
}

// Info byte bits, as in Item.write: BIT8 origin present, BIT7 right origin present, BIT6 parentSub present.
const HAS_ORIGIN = 0x80
const HAS_RIGHT_ORIGIN = 0x40
const HAS_PARENT_SUB = 0x20

const CONTENT_REF = { deleted: 1, string: 4, type: 7, any: 8 } as const

/** Clocks taken by a struct, as Yjs counts them (content.getLength()). */
export const structLength = (struct: CraftedStruct): number => {
  if (struct.struct !== 'item') return struct.length
  const { content } = struct
  switch (content.kind) {
    case 'deleted':
      return content.length
    case 'string':
      return content.text.length
    case 'type':
      return 1
    case 'any':
      return content.values.length
  }
}

const writeId = (encoder: encoding.Encoder, id: CraftedId): void => {
  encoding.writeVarUint(encoder, id.client)
  encoding.writeVarUint(encoder, id.clock)
}

const writeContent = (encoder: encoding.Encoder, content: CraftedContent): void => {
  switch (content.kind) {
    case 'deleted':
      encoding.writeVarUint(encoder, content.length)
      return
    case 'string':
      encoding.writeVarString(encoder, content.text)
      return
    case 'type':
      encoding.writeVarUint(encoder, TYPE_REF[content.type])
      if (content.type === 'xmlElement' || content.type === 'xmlHook') {
        encoding.writeVarString(encoder, content.nodeName ?? 'p')
      }
      return
    case 'any':
      encoding.writeVarUint(encoder, content.values.length)
      // lib0's writeAny takes its own AnyEncodable type; callers pass plain JSON-like values.
      for (const value of content.values) encoding.writeAny(encoder, value as Parameters<typeof encoding.writeAny>[1])
      return
  }
}

const writeStruct = (encoder: encoding.Encoder, struct: CraftedStruct): void => {
  if (struct.struct === 'gc') {
    encoding.writeUint8(encoder, 0)
    encoding.writeVarUint(encoder, struct.length)
    return
  }
  if (struct.struct === 'skip') {
    encoding.writeUint8(encoder, 10)
    encoding.writeVarUint(encoder, struct.length)
    return
  }
  const hasOrigins = struct.origin !== undefined || struct.rightOrigin !== undefined
  if (!hasOrigins && struct.parent === undefined) throw new Error('an item needs an origin, a right origin or a parent')
  const info =
    CONTENT_REF[struct.content.kind] |
    (struct.origin ? HAS_ORIGIN : 0) |
    (struct.rightOrigin ? HAS_RIGHT_ORIGIN : 0) |
    (!hasOrigins && struct.parentSub !== undefined ? HAS_PARENT_SUB : 0)
  encoding.writeUint8(encoder, info)
  if (struct.origin) writeId(encoder, struct.origin)
  if (struct.rightOrigin) writeId(encoder, struct.rightOrigin)
  if (!hasOrigins && struct.parent) {
    if ('root' in struct.parent) {
      encoding.writeVarUint(encoder, 1) // parent is a root type, by name
      encoding.writeVarString(encoder, struct.parent.root)
    } else {
      encoding.writeVarUint(encoder, 0) // parent is the type held by an item, by id
      writeId(encoder, struct.parent.id)
    }
    if (struct.parentSub !== undefined) encoding.writeVarString(encoder, struct.parentSub)
  }
  writeContent(encoder, struct.content)
}

/** Writes a delete set (writeDeleteSet with DSEncoderV1: client, count, then clock/length pairs). */
const writeDeletions = (encoder: encoding.Encoder, deletions: readonly CraftedDeletion[]): void => {
  const byClient = new Map<number, CraftedDeletion[]>()
  for (const deletion of deletions) byClient.set(deletion.client, [...(byClient.get(deletion.client) ?? []), deletion])
  encoding.writeVarUint(encoder, byClient.size)
  for (const [client, ranges] of byClient) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, ranges.length)
    for (const range of ranges) {
      encoding.writeVarUint(encoder, range.clock)
      encoding.writeVarUint(encoder, range.length)
    }
  }
}

/**
 * A V1 update: the runs in the given order (Yjs itself writes higher client ids first; the reader does not care),
 * then the delete set. Nothing is checked: references may point anywhere, clocks may leave holes.
 */
export const encodeCraftedUpdate = (
  runs: readonly CraftedRun[],
  deletions: readonly CraftedDeletion[] = [],
): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, runs.length)
  for (const run of runs) {
    encoding.writeVarUint(encoder, run.structs.length)
    encoding.writeVarUint(encoder, run.client)
    encoding.writeVarUint(encoder, run.clock)
    for (const struct of run.structs) writeStruct(encoder, struct)
  }
  writeDeletions(encoder, deletions)
  return encoding.toUint8Array(encoder)
}

/**
 * An update that only deletes (no structs). Deletions of clocks a doc does not have yet are not dropped: Yjs keeps
 * them in `doc.store.pendingDs` (readAndApplyDeleteSet returns them, readUpdateV2 retries them after every later
 * update), so "ghost" deletions of a client's future clocks delete its items the moment they arrive. The pending
 * deletions also travel: Y.encodeStateAsUpdate merges pendingDs into every sync step 2 and snapshot.
 */
export const encodeDeleteOnlyUpdate = (deletions: readonly CraftedDeletion[]): Uint8Array =>
  encodeCraftedUpdate([], deletions)

/** One Y.Map entry `key = value` in root map `root`, written by `client` at `clock`, with no predecessor. */
export const mapEntryUpdate = (client: number, clock: number, root: string, key: string, value: unknown): Uint8Array =>
  encodeCraftedUpdate([
    {
      client,
      clock,
      structs: [{ struct: 'item', parent: { root }, parentSub: key, content: { kind: 'any', values: [value] } }],
    },
  ])

/**
 * A "poison" pair: two small updates from one client id `client` (use 2**32 - 1, the highest uint32, so that a doc
 * loading a whole state integrates this client before every honest one). The first is a harmless map entry at
 * (client, 0). The second (29 bytes for that id) is a run starting at (client, 0) again:
 *   (client, 0): a duplicate of the clock the doc already has, with a right origin at an unknown client
 *                (`missingClient`, clock 0), so the whole run waits in `doc.store.pendingStructs`;
 *   (client, 1): an item whose origin is (client, 2), a LATER clock of its own client.
 * Why Yjs breaks on it:
 * - integrateStructs parks the run in pendingStructs without looking at it (the first item is "missing" a client);
 *   the doc applies without throwing and its own structs are unchanged, so nothing looks wrong.
 * - Y.encodeStateAsUpdate (what the relay sends as sync step 2, and what compaction writes as the snapshot) merges
 *   pendingStructs and pendingDs into the doc's state with mergeUpdates. For clock 0 the merge keeps the doc's own
 *   struct and drops the pending duplicate, i.e. it drops the very item that made the run wait; (client, 1) follows.
 * - The receiving doc integrates (client, 0), then (client, 1). Item.getMissing only checks origins of OTHER clients
 *   (an origin of the same client is assumed to precede the item), so it calls getItemCleanEnd((client, 2)) while
 *   that client's state is 2: findIndexSS's pivot computes index NaN (or past the end), reads `structs[NaN].id` and
 *   throws "Cannot read properties of undefined (reading 'id')". The exception aborts the whole applyUpdate: the
 *   phone gets none of the room (every client after this one in integration order is never integrated), and a
 *   snapshot built this way can no longer be loaded.
 */
export const poisonUpdates = (client: number, missingClient: number): [Uint8Array, Uint8Array] => [
  mapEntryUpdate(client, 0, 'junk', 'harmless', 1),
  encodeCraftedUpdate([
    {
      client,
      clock: 0,
      structs: [
        { struct: 'item', rightOrigin: { client: missingClient, clock: 0 }, content: { kind: 'any', values: [0] } },
        { struct: 'item', origin: { client, clock: 2 }, content: { kind: 'any', values: [0] } },
      ],
    },
  ]),
]

/**
 * `depth` Y.Maps nested in one another in ONE update, from clock 0 of `client`: the first is `root`[`key`], each
 * next one is entry `key` of the previous (its parent given by id). About 9 bytes per level for a 5-byte client id.
 * Yjs integrates this flat, but deleting the outer map (Item.delete -> ContentType.delete -> Item.delete ...) and
 * garbage-collecting it (Item.gc -> ContentType.gc -> Item.gc ...) recurse once per level.
 */
export const deepNestingUpdate = (client: number, depth: number, root: string, key: string): Uint8Array => {
  const map: CraftedContent = { kind: 'type', type: 'map' }
  const structs: CraftedStruct[] = [{ struct: 'item', parent: { root }, parentSub: key, content: map }]
  for (let level = 1; level < depth; level++) {
    structs.push({ struct: 'item', parent: { id: { client, clock: level - 1 } }, parentSub: key, content: map })
  }
  return encodeCraftedUpdate([{ client, clock: 0, structs }])
}

/**
 * `count` updates of one Y.Map entry each for `client`, at clocks `firstClock`, `firstClock + 2`, ...: every one
 * lacks its predecessors, so Yjs keeps them all in pendingStructs, merging the pending update again on each
 * arrival (quadratic), on the live doc and again on every reload of a log holding them.
 */
export const aheadUpdates = (client: number, firstClock: number, count: number): Uint8Array[] =>
  Array.from({ length: count }, (_, i) => mapEntryUpdate(client, firstClock + 2 * i, 'junk', `ahead${i}`, i))

/**
 * Mutates real updates (1 to 4 random bytes replaced) until `count` of them still decode with Y.decodeUpdate:
 * what gets past a "is it well-formed?" check. Bounded: gives up after `count * 200` attempts.
 */
export const mutatedDecodableUpdates = (
  sources: readonly Uint8Array[],
  count: number,
  random: () => number,
): Uint8Array[] => {
  const kept: Uint8Array[] = []
  for (let attempt = 0; kept.length < count && attempt < count * 200; attempt++) {
    const source = sources[Math.floor(random() * sources.length)]
    if (!source || source.length === 0) continue
    const copy = Uint8Array.from(source)
    const flips = 1 + Math.floor(random() * 4)
    for (let i = 0; i < flips; i++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256)
    try {
      Y.decodeUpdate(copy)
      kept.push(copy)
    } catch {
      // not decodable: a relay refuses it anyway
    }
  }
  return kept
}

/**
 * Real updates of an attacker's doc, to mutate: map entries, a nested map, an array, text and deletions (the
 * shapes the attack tests, the admission fuzz and bench/attacks.ts start from).
 */
export const attackSourceUpdates = (random: () => number): Uint8Array[] => {
  const source = new Y.Doc()
  source.clientID = 1 + Math.floor(random() * 1_000_000)
  const sources: Uint8Array[] = []
  source.on('update', (update: Uint8Array) => sources.push(update))
  const map = source.getMap('writes')
  for (let i = 0; i < 30; i++) map.set(`m${i % 9}`, i % 2 ? 'x'.repeat(i) : i)
  const nested = new Y.Map<unknown>()
  map.set('nested', nested)
  nested.set('a', 1)
  source.getArray('list').insert(0, [1, 2, 3])
  source.getArray('list').delete(1, 1)
  source.getText('text').insert(0, 'hello')
  map.delete('m1')
  return sources
}

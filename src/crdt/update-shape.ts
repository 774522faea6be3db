// Reads the shape of a Yjs V1 update without building Yjs objects: client blocks, each struct's ids, references,
// content kind and byte range, and the delete set. Untrusted bytes: every count is bounded by the bytes left, no
// content is materialised (a ContentDoc would build a Y.Doc, deep ContentAny would recurse), nothing is applied.
import * as decoding from 'lib0/decoding'

/** Yjs content references (Item info & 0x1f), as in yjs' contentRefs table. */
export const ContentRef = {
  deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9,
} as const

/** Yjs type references of ContentType, as in yjs' typeRefs table. */
export const TypeRef = { array: 0, map: 1, text: 2, xmlElement: 3, xmlFragment: 4, xmlHook: 5, xmlText: 6 } as const

export interface StructId {
  readonly client: number
  readonly clock: number
}

interface StructBase {
  readonly client: number
  readonly clock: number
  readonly length: number
  /** Byte range of the whole struct inside the update (V1 structs are contiguous and position-independent). */
  readonly start: number
  readonly end: number
}

export interface GcStruct extends StructBase {
  readonly kind: 'gc'
}

export interface SkipStruct extends StructBase {
  readonly kind: 'skip'
}

/** A string inside the update, as a byte range: decoded only when compared (most never are). */
export interface TextRange {
  readonly start: number
  readonly bytes: number
}

export type ParentRef = { readonly root: TextRange } | { readonly id: StructId }

export interface ItemStruct extends StructBase {
  readonly kind: 'item'
  readonly origin: StructId | null
  readonly rightOrigin: StructId | null
  /** Only when neither origin is given (otherwise the parent is the neighbour's). */
  readonly parent: ParentRef | null
  readonly parentSub: TextRange | null
  readonly contentRef: number
  /** For ContentType only. */
  readonly typeRef: number | null
  /** Byte range of the content inside the update, to read values lazily (see readItemValues). */
  readonly contentStart: number
}

export type Struct = GcStruct | SkipStruct | ItemStruct

export interface ClientBlock {
  readonly client: number
  readonly clock: number
  readonly structs: readonly Struct[]
}

export interface DeleteRange {
  readonly client: number
  readonly clock: number
  readonly length: number
}

export interface UpdateShape {
  readonly blocks: readonly ClientBlock[]
  readonly deletes: readonly DeleteRange[]
  /** Total number of structs, all blocks together. */
  readonly structCount: number
}

export type ShapeError =
  | 'undecodable'
  | 'trailingBytes'
  | 'duplicateClient'
  | 'clientOutOfRange'
  | 'clockOutOfRange'
  | 'unknownContent'

export class UpdateShapeError extends Error {
  constructor(readonly reason: ShapeError) {
    super(`update refused: ${reason}`)
    this.name = 'UpdateShapeError'
  }
}

/** Yjs client ids are random uint32 (generateNewClientId); anything else is not from a Yjs doc. */
export const MAX_CLIENT_ID = 0xffff_ffff
/** Clocks stay exact integers even after adding a struct's length. */
const MAX_CLOCK = 2 ** 48

const BITS5 = 0x1f
const BIT6 = 0x20
const BIT7 = 0x40
const BIT8 = 0x80
const SKIP_INFO = 10

/** Parses a V1 update; throws UpdateShapeError on anything Yjs would not read the same way. */
export const parseUpdateShape = (update: Uint8Array): UpdateShape => {
  const decoder = decoding.createDecoder(update)
  try {
    const blocks = readBlocks(decoder, update.length)
    const deletes = readDeletes(decoder, update.length)
    if (decoding.hasContent(decoder)) throw new UpdateShapeError('trailingBytes')
    const structCount = blocks.reduce((sum, block) => sum + block.structs.length, 0)
    return { blocks, deletes, structCount }
  } catch (error) {
    if (error instanceof UpdateShapeError) throw error
    throw new UpdateShapeError('undecodable')
  }
}

/** A count read from the bytes can never exceed the bytes left (each element takes at least one). */
const readCount = (decoder: decoding.Decoder, size: number): number => {
  const count = decoding.readVarUint(decoder)
  if (count > size - decoder.pos) throw new UpdateShapeError('undecodable')
  return count
}

const readClient = (decoder: decoding.Decoder): number => {
  const client = decoding.readVarUint(decoder)
  if (client > MAX_CLIENT_ID) throw new UpdateShapeError('clientOutOfRange')
  return client
}

const readClock = (decoder: decoding.Decoder): number => {
  const clock = decoding.readVarUint(decoder)
  if (clock > MAX_CLOCK) throw new UpdateShapeError('clockOutOfRange')
  return clock
}

const readId = (decoder: decoding.Decoder): StructId => ({ client: readClient(decoder), clock: readClock(decoder) })

const readBlocks = (decoder: decoding.Decoder, size: number): ClientBlock[] => {
  const blockCount = readCount(decoder, size)
  const blocks: ClientBlock[] = []
  const seen = new Set<number>()
  for (let b = 0; b < blockCount; b++) {
    const structCount = readCount(decoder, size)
    const client = readClient(decoder)
    // Yjs keeps only the last block of a client (a Map.set): two blocks would be read differently by Yjs and by us.
    if (seen.has(client)) throw new UpdateShapeError('duplicateClient')
    seen.add(client)
    const firstClock = readClock(decoder)
    let clock = firstClock
    const structs: Struct[] = []
    for (let s = 0; s < structCount; s++) {
      const struct = readStruct(decoder, client, clock)
      structs.push(struct)
      clock += struct.length
      if (clock > MAX_CLOCK) throw new UpdateShapeError('clockOutOfRange')
    }
    blocks.push({ client, clock: firstClock, structs })
  }
  return blocks
}

const readStruct = (decoder: decoding.Decoder, client: number, clock: number): Struct => {
  const start = decoder.pos
  const info = decoding.readUint8(decoder)
  if (info === undefined) throw new UpdateShapeError('undecodable')
  if (info === SKIP_INFO) {
    const length = decoding.readVarUint(decoder)
    return { kind: 'skip', client, clock, length, start, end: decoder.pos }
  }
  if ((info & BITS5) === 0) {
    const length = decoding.readVarUint(decoder)
    return { kind: 'gc', client, clock, length, start, end: decoder.pos }
  }
  const origin = (info & BIT8) === BIT8 ? readId(decoder) : null
  const rightOrigin = (info & BIT7) === BIT7 ? readId(decoder) : null
  const parentInfo = (info & (BIT7 | BIT8)) === 0
  let parent: ParentRef | null = null
  let parentSub: TextRange | null = null
  if (parentInfo) {
    const isRoot = decoding.readVarUint(decoder) === 1
    parent = isRoot ? { root: skipString(decoder) } : { id: readId(decoder) }
    if ((info & BIT6) === BIT6) parentSub = skipString(decoder)
  }
  const contentRef = info & BITS5
  const contentStart = decoder.pos
  const { length, typeRef } = skipContent(decoder, contentRef)
  return {
    kind: 'item', client, clock, length, start, end: decoder.pos,
    origin, rightOrigin, parent, parentSub, contentRef, typeRef, contentStart,
  }
}

/** Yjs (lib0) decodes strings with a fatal decoder: bytes that are not UTF-8 make it throw mid-update. */
const textDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Throws unless bytes [start, end) are UTF-8; ASCII (the common case: keys, ids) is checked without decoding. */
const checkUtf8 = (arr: Uint8Array, start: number, end: number): void => {
  for (let i = start; i < end; i++) {
    if (arr[i]! >= 0x80) {
      textDecoder.decode(arr.subarray(start, end)) // throws on invalid UTF-8
      return
    }
  }
}

/** Moves past a varString (checked to be UTF-8, like Yjs will), keeping where its bytes are. */
const skipString = (decoder: decoding.Decoder): TextRange => {
  const bytes = decoding.readVarUint(decoder)
  const start = decoder.pos
  if (start + bytes > decoder.arr.length) throw new UpdateShapeError('undecodable')
  checkUtf8(decoder.arr, start, start + bytes)
  decoder.pos += bytes
  return { start, bytes }
}

/** The string at `range` (a root type's name, a map key). */
export const textOf = (update: Uint8Array, range: TextRange): string =>
  textDecoder.decode(update.subarray(range.start, range.start + range.bytes))

/** Moves past an item's content and returns its length in clock units (as yjs' ContentX.getLength). */
const skipContent = (decoder: decoding.Decoder, ref: number): { length: number; typeRef: number | null } => {
  switch (ref) {
    case ContentRef.deleted:
      return { length: positive(decoding.readVarUint(decoder)), typeRef: null }
    case ContentRef.json: {
      const count = positive(readCount(decoder, decoder.arr.length))
      for (let i = 0; i < count; i++) {
        const text = decoding.readVarString(decoder)
        if (text !== 'undefined') JSON.parse(text) // Yjs parses each one: invalid JSON would throw mid-update
      }
      return { length: count, typeRef: null }
    }
    case ContentRef.binary:
      decoding.readVarUint8Array(decoder)
      return { length: 1, typeRef: null }
    case ContentRef.string:
      return { length: positive(decoding.readVarString(decoder).length), typeRef: null }
    case ContentRef.embed:
      decoding.readVarString(decoder)
      return { length: 1, typeRef: null }
    case ContentRef.format:
      decoding.readVarString(decoder)
      decoding.readVarString(decoder)
      return { length: 1, typeRef: null }
    case ContentRef.type: {
      const typeRef = decoding.readVarUint(decoder)
      if (typeRef > TypeRef.xmlText) throw new UpdateShapeError('unknownContent')
      if (typeRef === TypeRef.xmlElement || typeRef === TypeRef.xmlHook) decoding.readVarString(decoder)
      return { length: 1, typeRef }
    }
    case ContentRef.any: {
      const count = positive(readCount(decoder, decoder.arr.length))
      for (let i = 0; i < count; i++) skipAny(decoder, 0)
      return { length: count, typeRef: null }
    }
    case ContentRef.doc:
      decoding.readVarString(decoder)
      skipAny(decoder, 0)
      return { length: 1, typeRef: null }
    default:
      throw new UpdateShapeError('unknownContent')
  }
}

/** A struct of length 0 would make two structs share an id. */
const positive = (length: number): number => {
  if (length < 1) throw new UpdateShapeError('undecodable')
  return length
}

/** JSON-like values inside ContentAny nest; a bound keeps a crafted value from exhausting the stack. */
const MAX_ANY_DEPTH = 64

/** Skips one lib0 `writeAny` value without building it (type tags from lib0/encoding.writeAny). */
const skipAny = (decoder: decoding.Decoder, depth: number): void => {
  if (depth > MAX_ANY_DEPTH) throw new UpdateShapeError('undecodable')
  const tag = decoding.readUint8(decoder)
  switch (tag) {
    case 127: case 126: case 121: case 120: return // undefined, null, false, true
    case 125: decoding.readVarInt(decoder); return
    case 124: decoding.readFloat32(decoder); return
    case 123: decoding.readFloat64(decoder); return
    case 122: decoding.readBigInt64(decoder); return
    case 119: skipString(decoder); return
    case 118: {
      const count = readCount(decoder, decoder.arr.length)
      for (let i = 0; i < count; i++) {
        skipString(decoder)
        skipAny(decoder, depth + 1)
      }
      return
    }
    case 117: {
      const count = readCount(decoder, decoder.arr.length)
      for (let i = 0; i < count; i++) skipAny(decoder, depth + 1)
      return
    }
    case 116: decoding.readVarUint8Array(decoder); return
    default: throw new UpdateShapeError('undecodable')
  }
}

const readDeletes = (decoder: decoding.Decoder, size: number): DeleteRange[] => {
  const clientCount = readCount(decoder, size)
  const deletes: DeleteRange[] = []
  for (let c = 0; c < clientCount; c++) {
    const client = readClient(decoder)
    const rangeCount = readCount(decoder, size)
    for (let r = 0; r < rangeCount; r++) {
      const clock = readClock(decoder)
      // Yjs never writes an empty range, and throws on one it cannot apply yet (its V2 encoder refuses length 0).
      const length = positive(decoding.readVarUint(decoder))
      if (clock + length > MAX_CLOCK) throw new UpdateShapeError('clockOutOfRange')
      deletes.push({ client, clock, length })
    }
  }
  return deletes
}

/** The values of a ContentAny or ContentJSON item (for comparisons); other kinds have none. */
export const readItemValues = (update: Uint8Array, item: ItemStruct): unknown[] => {
  const decoder = decoding.createDecoder(update)
  decoder.pos = item.contentStart
  if (item.contentRef === ContentRef.any) {
    const count = decoding.readVarUint(decoder)
    return Array.from({ length: count }, () => decoding.readAny(decoder))
  }
  if (item.contentRef === ContentRef.json) {
    const count = decoding.readVarUint(decoder)
    return Array.from({ length: count }, () => {
      const text = decoding.readVarString(decoder)
      return text === 'undefined' ? undefined : (JSON.parse(text) as unknown)
    })
  }
  if (item.contentRef === ContentRef.binary) return [decoding.readVarUint8Array(decoder)]
  if (item.contentRef === ContentRef.string) return [decoding.readVarString(decoder)]
  return []
}

/** Where a struct ends in clock units. */
export const structEnd = (struct: Struct): number => struct.clock + struct.length

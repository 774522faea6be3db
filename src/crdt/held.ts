// Checks of an update against the document that is about to receive it: structs the document already holds must
// hold the same content (a forged write under someone's client id and clock is told apart from a re-send), parent
// references must name a shared type, and nesting stays shallow (Yjs deletes and reads nested types recursively).
import * as Y from 'yjs'
import type { IntegrationPlan } from './integration.ts'
import {
  ContentRef, TypeRef, readItemValues, structEnd, textOf, type ItemStruct, type Struct, type StructId, type UpdateShape,
} from './update-shape.ts'

export type HeldFailure =
  /** A struct at clocks the document holds differs from what it holds there. */
  | 'conflict'
  /** A parent reference names something that is not a shared type. */
  | 'parentNotAType'
  | 'tooDeep'

export type HeldCheck = { readonly ok: true } | { readonly ok: false; readonly reason: HeldFailure; readonly at?: StructId }

type OkPlan = Extract<IntegrationPlan, { ok: true }>

export interface HeldLimits {
  /** Depth of the deepest shared type allowed; a root type has depth 1. */
  readonly maxDepth: number
}

/** Parents and nesting of the new structs (call findConflict first for the structs the document holds). */
export const checkAgainstDocument = (
  doc: Y.Doc, _update: Uint8Array, shape: UpdateShape, plan: OkPlan, limits: HeldLimits,
): HeldCheck => {
  return checkNesting(doc, shape, plan, limits)
}

// ---- Structs the document already holds ---------------------------------------------------------------------

/** The first clock where a struct of the update differs from what the document holds there, or null. */
export const findConflict = (doc: Y.Doc, update: Uint8Array, shape: UpdateShape): StructId | null => {
  for (const block of shape.blocks) {
    const state = Y.getState(doc.store, block.client)
    for (const struct of block.structs) {
      if (struct.clock >= state) break
      // A GC, a Skip or deleted content claims no content: the sender deleted (and dropped) what is there, the
      // room may still hold it alive (it reached the room from another socket since the sender's sync began).
      if (struct.kind !== 'item' || struct.contentRef === ContentRef.deleted) continue
      const at = firstDifference(doc, update, struct, Math.min(structEnd(struct), state))
      if (at !== null) return { client: struct.client, clock: at }
    }
  }
  return null
}

/** The first clock in [item.clock, end) where the held struct differs from `item`, or null. */
const firstDifference = (doc: Y.Doc, update: Uint8Array, item: ItemStruct, end: number): number | null => {
  let values: unknown[] | null = null
  for (let clock = item.clock; clock < end;) {
    const held = Y.getItem(doc.store, Y.createID(item.client, clock)) as Y.Item | Y.GC
    const heldStart = held.id.clock
    const segmentEnd = Math.min(end, heldStart + held.length)
    // A deleted struct's content is gone (gc): whatever was written there is deleted for everyone alike.
    if (held instanceof Y.Item && !held.deleted) {
      values ??= readItemValues(update, item)
      if (!sameSegment(update, held, item, values, clock, segmentEnd)) return clock
    }
    clock = segmentEnd
  }
  return null
}

const sameSegment = (
  update: Uint8Array, held: Y.Item, item: ItemStruct, values: unknown[], clock: number, end: number,
): boolean => {
  if (held.content.getRef() !== item.contentRef) return false
  const fromItem = clock - item.clock
  const fromHeld = clock - held.id.clock
  const expectedOrigin = fromItem > 0 ? { client: item.client, clock: clock - 1 } : item.origin
  const heldOrigin = fromHeld > 0 ? { client: held.id.client, clock: clock - 1 } : held.origin
  if (!sameId(expectedOrigin, heldOrigin) || !sameId(item.rightOrigin, held.rightOrigin)) return false
  if (item.parent !== null && !sameParent(update, held, item)) return false
  if (item.parentSub !== null && textOf(update, item.parentSub) !== held.parentSub) return false
  if (item.typeRef !== null && typeRefOf(held) !== item.typeRef) return false
  const heldValues = contentValues(held)
  if (heldValues === null) return true // deleted or type content: nothing more to compare
  for (let offset = 0; offset < end - clock; offset++) {
    if (!sameValue(values[fromItem + offset], heldValues[fromHeld + offset])) return false
  }
  return true
}

const sameId = (a: StructId | null, b: { client: number; clock: number } | null): boolean =>
  a === null || b === null ? a === b : a.client === b.client && a.clock === b.clock

const sameParent = (update: Uint8Array, held: Y.Item, item: ItemStruct): boolean => {
  const parent = held.parent
  if (!(parent instanceof Y.AbstractType) || item.parent === null) return false
  if ('root' in item.parent) return parent._item === null && Y.findRootTypeKey(parent) === textOf(update, item.parent.root)
  return parent._item !== null && sameId(item.parent.id, parent._item.id)
}

const contentValues = (held: Y.Item): readonly unknown[] | null => {
  const content = held.content
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return content.arr
  if (content instanceof Y.ContentString) return [...content.str]
  if (content instanceof Y.ContentBinary) return [content.content]
  return null
}

const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((byte, i) => byte === b[i])
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => sameValue(value, b[i]))
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]))
  }
  return false
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)

const typeRefOf = (held: Y.Item): number | null => {
  if (!(held.content instanceof Y.ContentType)) return null
  const type = held.content.type
  // Subclasses first: XmlHook extends Map, XmlText extends Text, XmlElement extends XmlFragment.
  if (type instanceof Y.XmlHook) return TypeRef.xmlHook
  if (type instanceof Y.XmlText) return TypeRef.xmlText
  if (type instanceof Y.XmlElement) return TypeRef.xmlElement
  if (type instanceof Y.XmlFragment) return TypeRef.xmlFragment
  if (type instanceof Y.Map) return TypeRef.map
  if (type instanceof Y.Array) return TypeRef.array
  if (type instanceof Y.Text) return TypeRef.text
  return null
}

// ---- Parents and nesting of the new structs ----------------------------------------------------------------

/** Depth of the type that holds a held item (a root type is 1), counted up to `cap`. */
const heldContainerDepth = (item: Y.Item, cap: number): number => {
  let depth = 1
  let type = item.parent instanceof Y.AbstractType ? item.parent : null
  while (type !== null && type._item !== null && depth <= cap) {
    depth++
    type = type._item.parent instanceof Y.AbstractType ? type._item.parent : null
  }
  return depth
}

/** Per client, the update's structs in clock order, to find the one holding a clock. */
const indexByClient = (shape: UpdateShape): Map<number, readonly Struct[]> =>
  new Map(shape.blocks.map((block) => [block.client, block.structs]))

const findInUpdate = (index: Map<number, readonly Struct[]>, id: StructId): Struct | null => {
  const structs = index.get(id.client)
  if (!structs) return null
  let low = 0
  let high = structs.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const struct = structs[mid]!
    if (id.clock < struct.clock) high = mid - 1
    else if (id.clock >= structEnd(struct)) low = mid + 1
    else return struct
  }
  return null
}

type Reference =
  | { readonly kind: 'root' }
  | { readonly kind: 'none' } // the neighbour is gone (GC): Yjs turns the new item into a GC struct
  | { readonly kind: 'held'; readonly depth: number }
  | { readonly kind: 'update'; readonly item: ItemStruct; readonly plusOne: boolean }
  | { readonly kind: 'bad' }
  /** Names as a parent something the room holds that is not a shared type: the sender holds other content there. */
  | { readonly kind: 'conflict'; readonly at: StructId }

interface Nesting {
  readonly doc: Y.Doc
  readonly shape: UpdateShape
  readonly maxDepth: number
  /** Built on first use: most updates never reference their own structs by id. */
  index: Map<number, readonly Struct[]> | null
  readonly depths: Map<ItemStruct, number>
}

/** What decides the depth of `item`'s container: its explicit parent, or its left/right neighbour's container. */
const referenceOf = (nesting: Nesting, item: ItemStruct): Reference => {
  const viaParent = item.parent !== null
  if (item.parent && 'root' in item.parent) return { kind: 'root' }
  const id = item.parent && 'id' in item.parent ? item.parent.id : (item.origin ?? item.rightOrigin)
  if (id === null) return { kind: 'bad' }
  const { doc } = nesting
  if (id.clock < Y.getState(doc.store, id.client)) {
    const held = Y.getItem(doc.store, Y.createID(id.client, id.clock)) as Y.Item | Y.GC
    if (!(held instanceof Y.Item)) return { kind: 'none' }
    if (viaParent && !(held.content instanceof Y.ContentType)) return held.deleted ? { kind: 'none' } : { kind: 'conflict', at: id }
    return { kind: 'held', depth: heldContainerDepth(held, nesting.maxDepth) + (viaParent ? 1 : 0) }
  }
  nesting.index ??= indexByClient(nesting.shape)
  const inUpdate = findInUpdate(nesting.index, id)
  if (!inUpdate || inUpdate.kind !== 'item') return inUpdate?.kind === 'gc' ? { kind: 'none' } : { kind: 'bad' }
  if (viaParent && inUpdate.contentRef !== ContentRef.type) return { kind: 'bad' }
  return { kind: 'update', item: inUpdate, plusOne: viaParent }
}

const depthFrom = (nesting: Nesting, reference: Exclude<Reference, { kind: 'bad' | 'conflict' }>): number | null => {
  switch (reference.kind) {
    case 'root': return 1
    case 'none': return 0
    case 'held': return reference.depth
    case 'update': {
      const known = nesting.depths.get(reference.item)
      return known === undefined ? null : known + (reference.plusOne ? 1 : 0)
    }
  }
}

/** Iterative (an update may chain thousands of neighbours): resolves `start` and everything it depends on. */
const resolveDepth = (nesting: Nesting, start: ItemStruct): number | 'bad' | { conflict: StructId } => {
  const stack: ItemStruct[] = [start]
  const visiting = new Set<ItemStruct>()
  while (stack.length > 0) {
    const item = stack[stack.length - 1]!
    if (nesting.depths.has(item)) {
      stack.pop()
      continue
    }
    const reference = referenceOf(nesting, item)
    if (reference.kind === 'bad') return 'bad'
    if (reference.kind === 'conflict') return { conflict: reference.at }
    const depth = depthFrom(nesting, reference)
    if (depth === null && reference.kind === 'update') {
      if (visiting.has(reference.item)) return 'bad'
      visiting.add(item)
      stack.push(reference.item)
      continue
    }
    nesting.depths.set(item, depth ?? 0)
    stack.pop()
  }
  return nesting.depths.get(start)!
}

const checkNesting = (doc: Y.Doc, shape: UpdateShape, plan: OkPlan, limits: HeldLimits): HeldCheck => {
  const nesting: Nesting = { doc, shape, maxDepth: limits.maxDepth, index: null, depths: new Map() }
  for (const struct of plan.order) {
    if (struct.kind !== 'item') continue
    const depth = resolveDepth(nesting, struct)
    if (depth === 'bad') return { ok: false, reason: 'parentNotAType', at: struct }
    if (typeof depth === 'object') return { ok: false, reason: 'conflict', at: depth.conflict }
    const created = struct.contentRef === ContentRef.type ? depth + 1 : depth
    if (created > limits.maxDepth) return { ok: false, reason: 'tooDeep', at: struct }
  }
  return { ok: true }
}

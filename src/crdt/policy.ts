// What a room accepts in an update, whatever its origin: the content kinds and shapes the app's document uses
// (Y.Map records of JSON values, nested one level), bounded names and nesting. The relay enforces it; the phone
// checks its own changes with the same rules before sending them.
import { ContentRef, TypeRef, type UpdateShape } from './update-shape.ts'

export interface UpdatePolicy {
  readonly contentRefs: ReadonlySet<number>
  readonly typeRefs: ReadonlySet<number>
  /** Length of a root type's name and of a map key, in UTF-8 bytes. */
  readonly maxNameBytes: number
  /** Depth of the deepest shared type (a root type is 1). */
  readonly maxDepth: number
}

/**
 * The app writes Y.Maps of plain values (ContentAny), nested maps for records, and deletions; Uint8Array values
 * are ContentBinary. Arrays are allowed for growth. Text, XML, formats, embeds and sub-documents are not: they are
 * never written by the app and are where Yjs's crafted-input failures live.
 */
export const ROOM_POLICY: UpdatePolicy = {
  contentRefs: new Set([ContentRef.deleted, ContentRef.json, ContentRef.binary, ContentRef.any, ContentRef.type]),
  typeRefs: new Set([TypeRef.map, TypeRef.array]),
  maxNameBytes: 1024,
  maxDepth: 8,
}

export type PolicyFailure = 'contentKind' | 'typeKind' | 'nameTooLong'

/** The first rule the update's new structs break, or null. */
export const checkPolicy = (shape: UpdateShape, policy: UpdatePolicy): PolicyFailure | null => {
  for (const block of shape.blocks) {
    for (const struct of block.structs) {
      if (struct.kind !== 'item') continue
      if (!policy.contentRefs.has(struct.contentRef)) return 'contentKind'
      if (struct.typeRef !== null && !policy.typeRefs.has(struct.typeRef)) return 'typeKind'
      if (struct.parent && 'root' in struct.parent && struct.parent.root.bytes > policy.maxNameBytes) return 'nameTooLong'
      if (struct.parentSub !== null && struct.parentSub.bytes > policy.maxNameBytes) return 'nameTooLong'
    }
  }
  return null
}

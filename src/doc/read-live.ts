// The collective kept current as the document changes: only the parts whose maps a transaction touched are read again.
//
// A five-year document holds thousands of entries, and the session shows a new view after every change (a local
// write, each remote update). Parts that did not change keep their values, the same arrays, so caches keyed on them
// (a view's absences, sign-up indexes) keep hitting; the derived step over families runs again only when its inputs
// changed. The result always equals readCollective(doc) (tests/unit/doc/read-live.test.ts).
import type * as Y from 'yjs'
import type { SealKey } from '../lib/seal.ts'
import { changesOf, unfinishedTransactions } from './changed-maps.ts'
import { sealKeyOf } from './codec.ts'
import { MAP_SHORT_IDS } from './keys.ts'
import { SIGNUP_MAPS } from './signup-layout.ts'
import {
  SNAPSHOT_PART_NAMES, SNAPSHOT_PARTS, assembleSnapshot, withoutRemovedFamilies, type CollectiveSnapshot,
  type FamiliesKept, type SnapshotPart, type SnapshotParts,
} from './read.ts'
import { liveSignUps, type LiveSignUps } from './read-signups-live.ts'
import type { RecordToCheck } from './read-util.ts'

export interface LiveCollective {
  /** The collective now; the same object as last time when nothing changed since. */
  read(): CollectiveSnapshot
  /** Stops following the document's transactions. */
  destroy(): void
}

type PartName = keyof SnapshotParts

interface PartRead {
  readonly value: unknown
  readonly toCheck: readonly RecordToCheck[]
}

/** The fields of a grouped part whose map did not change keep their previous value (same array). */
const keepUnchangedFields = (
  part: SnapshotPart<unknown>, fresh: unknown, previous: unknown, changed: ReadonlySet<string>,
): unknown => {
  const fields = part.fields as Readonly<Record<string, string>> | undefined
  if (fields === undefined || typeof fresh !== 'object' || fresh === null) return fresh
  if (typeof previous !== 'object' || previous === null) return fresh
  const merged: Record<string, unknown> = { ...fresh }
  for (const [field, map] of Object.entries(fields)) {
    if (!changed.has(map)) merged[field] = (previous as Record<string, unknown>)[field]
  }
  return merged
}

export const liveCollective = (doc: Y.Doc): LiveCollective => {
  let parts: Map<PartName, PartRead> | null = null
  let sealKey: SealKey | undefined
  let snapshot: CollectiveSnapshot | null = null
  let kept: { readonly input: readonly unknown[]; readonly output: FamiliesKept } | null = null
  /** Top-level maps changed since the last read; null: read everything. */
  let changed: Set<string> | null = null
  /**
   * The sign-ups, patched key by key (see read-signups-live.ts), and the keys changed since the last read, by map (the
   * sign-up maps and the short ids).
   */
  let signUps: LiveSignUps | null = null
  const signUpKeys = new Map<string, Set<string>>([...SIGNUP_MAPS, MAP_SHORT_IDS].map((name) => [name, new Set<string>()]))

  const note = (transaction: Y.Transaction): void => {
    const changes = changesOf(transaction)
    if (changes.maps === null) parts = null
    if (parts === null || changes.maps === null) return
    for (const map of changes.maps) (changed ??= new Set()).add(map)
    for (const [name, keys] of signUpKeys) for (const key of changes.keys.get(name) ?? []) keys.add(key)
  }

  /** The sign-ups part: patched when possible, else read whole (null: not a map, read as readCollective does). */
  const readSignUps = (incremental: boolean): PartRead | null => {
    if (!incremental || signUps === null || !signUps.update(signUpKeys)) signUps = liveSignUps(doc)
    for (const keys of signUpKeys.values()) keys.clear()
    return signUps === null ? null : { value: signUps.signUps, toCheck: signUps.toCheck }
  }
  doc.on('afterTransaction', note)

  const familiesKept = (values: SnapshotParts): FamiliesKept => {
    const input = [values.families, values.adults, values.children, values.coordination]
    if (kept === null || input.some((value, i) => value !== kept!.input[i])) {
      kept = { input, output: withoutRemovedFamilies(values) }
    }
    return kept.output
  }

  const read = (): CollectiveSnapshot => {
    // Read between two writes of one transaction, or from an observer: what it changed so far counts (again later).
    for (const transaction of unfinishedTransactions(doc)) note(transaction)
    // Opened text depends on the key bound to the doc: another key, everything is read again.
    if (sealKeyOf(doc) !== sealKey) parts = null
    if (snapshot !== null && parts !== null && changed === null) return snapshot
    const previous = parts
    const next = new Map<PartName, PartRead>()
    const dirty = changed ?? new Set<string>()
    for (const name of SNAPSHOT_PART_NAMES) {
      const part = SNAPSHOT_PARTS[name] as SnapshotPart<unknown>
      const before = previous?.get(name)
      if (before !== undefined && !part.maps.some((map) => dirty.has(map))) {
        next.set(name, before)
        continue
      }
      // A new short id may name entries read "to check" before it arrived: the live sign-ups read those again.
      const patched = name === 'signUps' ? readSignUps(before !== undefined) : null
      if (patched !== null) {
        next.set(name, patched)
        continue
      }
      const toCheck: RecordToCheck[] = []
      const fresh = part.read(doc, toCheck)
      const value = before === undefined ? fresh : keepUnchangedFields(part, fresh, before.value, dirty)
      next.set(name, { value, toCheck })
    }
    parts = next
    sealKey = sealKeyOf(doc)
    changed = null
    const values = Object.fromEntries([...next].map(([name, part]) => [name, part.value])) as unknown as SnapshotParts
    snapshot = assembleSnapshot(values, [...next.values()].flatMap((part) => part.toCheck), familiesKept(values))
    return snapshot
  }

  return {
    read,
    destroy: () => doc.off('afterTransaction', note),
  }
}

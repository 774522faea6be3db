// Sign-up entries: one flat entry per adult per walk, written whole with the next Lamport clock and the author's actor id.
//
// Each entry is a plain JSON object, not a nested Y.Map: a write replaces the whole entry
// atomically, so an entry can never mix the slot of one write with the status or clock of another
// Plain values are also immutable and smaller, which lets the reader cache their parse (thousands per
// collective). Each device writes a place under its own key `lineId|date|direction|adultId|actor` and deletes
// the entries of that place it saw, so concurrent writes both survive and a rule picks the current one
// (signUpEntryKeyOf, currentEntryOf): never Yjs client order. The walk and the adult are not repeated in the
// value (the key holds them, see readSignUps), which makes a five-year document about a third smaller.
import type * as Y from 'yjs'
import { z } from 'zod/mini'
import { ActorIdSchema, type ActorId, type AdultId, type FamilyId } from '../domain/ids.ts'
import { currentEntryOf, signUpEntryKeyOf, signUpKeyOf, type SignUp, type Slot, type WalkRef } from '../domain/signup.ts'
import { authorTime, nextSharedClock } from './clock.ts'
import { MAP_SIGNUPS, Origin, safeMap } from './keys.ts'
import { compactKeyOf, entryToWrite, placeOfStoredKey, storedValueOf } from './signup-layout.ts'

/** The next clock of the one logical time shared by sign-ups, swap and coordinator records (see clock.ts). */
export const nextClockIn = nextSharedClock

/** What the value of an entry holds; the rest of a SignUp comes from its key. */
type StoredEntry = Omit<SignUp, 'lineId' | 'date' | 'direction' | 'adultId'>

/** Unknown fields of the previous value survive a rewrite; fields the key holds are dropped. */
export const withoutKeyFields = (value: Record<string, unknown> | undefined): Record<string, unknown> => {
  if (value === undefined) return {}
  const { lineId: _lineId, date: _date, direction: _direction, adultId: _adultId, ...rest } = value
  return rest
}

export interface SignUpWrite {
  readonly walk: WalkRef
  readonly adultId: AdultId
  readonly familyId: FamilyId
  readonly slot: Slot
  readonly actor: ActorId
  /** The author's local time (authorTime); now on this device when absent. */
  readonly at?: string
}

interface OrderedEntry {
  readonly value: Record<string, unknown>
  readonly status: SignUp['status']
  readonly clock: number
  readonly actor: ActorId
  readonly adultId: AdultId
}

/** What deciding the current entry needs; an entry without it takes no part (and is "to check" for the reader). */
const OrderFieldsSchema = z.object({ status: z.enum(['active', 'withdrawn']), clock: z.number(), actor: ActorIdSchema })

/**
 * The entry keys of each place, per sign-ups map: built once by a scan, then kept by the map's own observer (it lives
 * and dies with the document), so a write looks at its place's few keys instead of every entry of five years.
 */
const placeIndexes = new WeakMap<Y.Map<unknown>, Map<string, Set<string>>>()

const indexKey = (doc: Y.Doc, index: Map<string, Set<string>>, key: string, present: boolean): void => {
  const place = placeOfStoredKey(doc, key)
  if (place === null) return
  const keys = index.get(place)
  if (present) {
    if (keys === undefined) index.set(place, new Set([key]))
    else keys.add(key)
  } else if (keys !== undefined) {
    keys.delete(key)
    if (keys.size === 0) index.delete(place)
  }
}

const placeIndexOf = (doc: Y.Doc, map: Y.Map<unknown>): Map<string, Set<string>> => {
  const known = placeIndexes.get(map)
  if (known !== undefined) return known
  const index = new Map<string, Set<string>>()
  for (const key of map.keys()) indexKey(doc, index, key, true)
  map.observe((event) => {
    for (const [key, change] of event.changes.keys) {
      if (change.action !== 'update') indexKey(doc, index, key, change.action === 'add')
    }
  })
  placeIndexes.set(map, index)
  return index
}

/**
 * Every entry left for the adult's place on the walk (any key form, see signup-layout.ts), as first-layout objects.
 * The index is updated after each transaction: within one (a published plan), the keys it wrote are found by name
 * (`writer`'s keys).
 */
const placeEntries = (
  doc: Y.Doc, map: Y.Map<unknown>, walk: WalkRef, adultId: AdultId, writer?: ActorId,
): [string, Record<string, unknown>][] => {
  const place = signUpKeyOf(walk, adultId)
  const keys = new Set([place, ...(placeIndexOf(doc, map).get(place) ?? [])])
  if (writer !== undefined) {
    keys.add(signUpEntryKeyOf(walk, adultId, writer))
    const compact = compactKeyOf(doc, walk, adultId, writer)
    if (compact !== null) keys.add(compact)
  }
  const entries: [string, Record<string, unknown>][] = []
  for (const key of keys) {
    const value = map.has(key) ? storedValueOf(doc, key, map.get(key)) : null
    if (value !== null) entries.push([key, value])
  }
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * The current entry of an adult on a walk, as written (unvalidated), or undefined (see currentEntryOf); with no
 * entry that can be ordered, an unreadable one, so a rewrite keeps the fields a newer version wrote. `writer`: a
 * device writing several places in one transaction also finds its own entries written there.
 */
export const storedEntry = (doc: Y.Doc, walk: WalkRef, adultId: AdultId, writer?: ActorId): Record<string, unknown> | undefined => {
  const map = safeMap(doc, MAP_SIGNUPS)
  if (map === null) return undefined
  const entries = placeEntries(doc, map, walk, adultId, writer)
  const ordered = entries.flatMap(([, value]): OrderedEntry[] => {
    const order = OrderFieldsSchema.safeParse(value)
    return order.success ? [{ value, adultId, ...order.data }] : []
  })
  return currentEntryOf(ordered)?.value ?? entries[0]?.[1]
}

/**
 * Writes the adult's place under this device's key (compact in a schema-2 document, see signup-layout.ts) and deletes
 * the other entries of the place it has seen (inside the caller's transaction): what is left after a merge is only
 * what nobody saw, decided by currentEntryOf.
 */
export const putPlaceEntry = (
  doc: Y.Doc, map: Y.Map<unknown>, walk: WalkRef, adultId: AdultId, actor: ActorId, value: Record<string, unknown>,
): void => {
  const [own, stored] = entryToWrite(doc, walk, adultId, actor, value)
  for (const [key] of placeEntries(doc, map, walk, adultId, actor)) if (key !== own) map.delete(key)
  map.set(own, stored)
}

/**
 * Writes an active entry for the slot with a fresh clock. Already active on the same slot: nothing
 * is written, so the adult keeps their place in the order. Returns false when the document is damaged.
 */
export const writeSignUp = (doc: Y.Doc, write: SignUpWrite): boolean => {
  const map = safeMap(doc, MAP_SIGNUPS)
  if (map === null) return false
  const current = storedEntry(doc, write.walk, write.adultId)
  if (current?.status === 'active' && current.slot === write.slot) return true
  const entry: StoredEntry = {
    familyId: write.familyId,
    slot: write.slot,
    status: 'active',
    clock: nextClockIn(doc),
    actor: write.actor,
    at: write.at ?? authorTime(Date.now()),
  }
  doc.transact(() => putPlaceEntry(doc, map, write.walk, write.adultId, write.actor, { ...withoutKeyFields(current), ...entry }), Origin.signUp)
  return true
}

/**
 * Marks the adult's entry withdrawn with a fresh clock (the entry stays, so an older concurrent
 * write cannot bring it back by accident). No active entry: nothing is written.
 */
export const writeWithdrawal = (doc: Y.Doc, walk: WalkRef, adultId: AdultId, actor: ActorId, at = authorTime(Date.now())): void => {
  const map = safeMap(doc, MAP_SIGNUPS)
  const current = storedEntry(doc, walk, adultId)
  if (map === null || current === undefined || current.status !== 'active') return
  const entry = { ...withoutKeyFields(current), status: 'withdrawn', clock: nextClockIn(doc), actor, at }
  doc.transact(() => putPlaceEntry(doc, map, walk, adultId, actor, entry), Origin.withdraw)
}

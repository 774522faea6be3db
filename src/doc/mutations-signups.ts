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
import type { OnBehalf } from '../domain/on-behalf.ts'
import { currentEntryOf, signUpEntryKeyOf, signUpKeyOf, type SignUp, type Slot, type WalkRef } from '../domain/signup.ts'
import { authorTime, nextSharedClock } from './clock.ts'
import { Origin, safeMap } from './keys.ts'
import {
  SIGNUP_MAPS, compactKeyOf, compactPlaceOf, entryToWrite, indexPlaceOf, placeOfStoredKey, storedValueOf,
} from './signup-layout.ts'

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

/**
 * The previous value's fields a rewrite keeps, with this write's on-behalf mark (or none): a mark says who made the
 * write that carries it, never a later one. A marked entry has a field the compact layout has no place for, so it is
 * written in the first layout (signup-layout.ts entryToWrite); on-behalf changes are few.
 */
const carriedWith = (current: Record<string, unknown> | undefined, onBehalf: OnBehalf | undefined): Record<string, unknown> => {
  const { onBehalf: _previous, ...rest } = withoutKeyFields(current)
  return onBehalf === undefined ? rest : { ...rest, onBehalf: { ...onBehalf } }
}

export interface SignUpWrite {
  readonly walk: WalkRef
  readonly adultId: AdultId
  readonly familyId: FamilyId
  readonly slot: Slot
  readonly actor: ActorId
  /** The author's local time (authorTime); now on this device when absent. */
  readonly at?: string
  /** Made by another member at the family's request (domain/on-behalf.ts). */
  readonly onBehalf?: OnBehalf
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

const indexKey = (index: Map<string, Set<string>>, key: string, present: boolean): void => {
  // Without the registry: a compact key may arrive before the short ids it names (a large change sent in parts).
  const place = indexPlaceOf(key)
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

const placeIndexOf = (map: Y.Map<unknown>): Map<string, Set<string>> => {
  const known = placeIndexes.get(map)
  if (known !== undefined) return known
  const index = new Map<string, Set<string>>()
  for (const key of map.keys()) indexKey(index, key, true)
  map.observe((event) => {
    for (const [key, change] of event.changes.keys) {
      if (change.action !== 'update') indexKey(index, key, change.action === 'add')
    }
  })
  placeIndexes.set(map, index)
  return index
}

/**
 * Builds now what the first sign-up write would build by scanning every entry (the place indexes and the clock
 * index): called when the phone is idle after the stored copy is shown, so the first tap does not pay for it.
 */
export const prepareSignUpWrites = (doc: Y.Doc): void => {
  for (const mapName of SIGNUP_MAPS) {
    const map = safeMap(doc, mapName)
    if (map !== null) placeIndexOf(map)
  }
  nextSharedClock(doc)
}

/** An entry of a place where it is stored, its value as the first layout's object. */
interface PlaceEntry {
  readonly mapName: string
  readonly key: string
  readonly value: Record<string, unknown>
}

/**
 * Every entry left for the adult's place on the walk, in either map (see signup-layout.ts), as first-layout objects.
 * The indexes are updated after each transaction: within one (a published plan), the keys it wrote are found by
 * name (`writer`'s keys).
 */
const placeEntries = (doc: Y.Doc, walk: WalkRef, adultId: AdultId, writer?: ActorId): PlaceEntry[] => {
  const place = signUpKeyOf(walk, adultId)
  const named = [place]
  if (writer !== undefined) {
    named.push(signUpEntryKeyOf(walk, adultId, writer))
    const compact = compactKeyOf(doc, walk, adultId, writer)
    if (compact !== null) named.push(compact)
  }
  const compactPlace = compactPlaceOf(walk, adultId)
  const entries: PlaceEntry[] = []
  for (const mapName of SIGNUP_MAPS) {
    const map = safeMap(doc, mapName)
    if (map === null) continue
    const index = placeIndexOf(map)
    const indexed = [...(index.get(place) ?? []), ...(compactPlace === null ? [] : index.get(compactPlace) ?? [])]
    for (const key of new Set([...named, ...indexed])) {
      // A raw compact place is shared by adults whose ids begin alike: only this adult's entries count.
      const value = map.has(key) && placeOfStoredKey(doc, key) === place ? storedValueOf(doc, key, map.get(key)) : null
      if (value !== null) entries.push({ mapName, key, value })
    }
  }
  return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/**
 * The current entry of an adult on a walk, as written (unvalidated), or undefined (see currentEntryOf); with no
 * entry that can be ordered, an unreadable one, so a rewrite keeps the fields a newer version wrote. `writer`: a
 * device writing several places in one transaction also finds its own entries written there.
 */
export const storedEntry = (doc: Y.Doc, walk: WalkRef, adultId: AdultId, writer?: ActorId): Record<string, unknown> | undefined => {
  const entries = placeEntries(doc, walk, adultId, writer)
  const ordered = entries.flatMap(({ value }): OrderedEntry[] => {
    const order = OrderFieldsSchema.safeParse(value)
    return order.success ? [{ value, adultId, ...order.data }] : []
  })
  return currentEntryOf(ordered)?.value ?? entries[0]?.value
}

/**
 * Writes the adult's place under this device's key (compact in a schema-2 document, see signup-layout.ts) and deletes
 * the other entries of the place it has seen (inside the caller's transaction): what is left after a merge is only
 * what nobody saw, decided by currentEntryOf. False when a map of sign-ups is damaged (another type).
 */
export const putPlaceEntry = (
  doc: Y.Doc, walk: WalkRef, adultId: AdultId, actor: ActorId, value: Record<string, unknown>,
): boolean => {
  const [mapName, own, stored] = entryToWrite(doc, walk, adultId, actor, value)
  const target = safeMap(doc, mapName)
  if (target === null) return false
  for (const { mapName: name, key } of placeEntries(doc, walk, adultId, actor)) {
    if (key !== own || name !== mapName) safeMap(doc, name)?.delete(key)
  }
  target.set(own, stored)
  return true
}

/**
 * Writes an active entry for the slot with a fresh clock. Already active on the same slot: nothing
 * is written, so the adult keeps their place in the order. Returns false when the document is damaged.
 */
export const writeSignUp = (doc: Y.Doc, write: SignUpWrite): boolean => {
  if (SIGNUP_MAPS.some((name) => safeMap(doc, name) === null)) return false
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
  let written = false
  doc.transact(() => {
    written = putPlaceEntry(doc, write.walk, write.adultId, write.actor, { ...carriedWith(current, write.onBehalf), ...entry })
  }, Origin.signUp)
  return written
}

/**
 * Marks the adult's entry withdrawn with a fresh clock (the entry stays, so an older concurrent
 * write cannot bring it back by accident). No active entry: nothing is written.
 */
export const writeWithdrawal = (
  doc: Y.Doc, walk: WalkRef, adultId: AdultId, actor: ActorId, at = authorTime(Date.now()), onBehalf?: OnBehalf,
): void => {
  const current = storedEntry(doc, walk, adultId)
  if (current === undefined || current.status !== 'active') return
  const entry = { ...carriedWith(current, onBehalf), status: 'withdrawn', clock: nextClockIn(doc), actor, at }
  doc.transact(() => putPlaceEntry(doc, walk, adultId, actor, entry), Origin.withdraw)
}

// Sign-up entries: one flat entry per adult per walk, written whole with the next Lamport clock and the author's actor id.
//
// Each entry is a plain JSON object, not a nested Y.Map: a write replaces the whole entry
// atomically, so an entry can never mix the slot of one write with the status or clock of another
// (concurrent writes to one key keep exactly one of them, on every phone). Plain values are also
// immutable and smaller, which lets the reader cache their parse (thousands per collective).
// The walk and the adult are not repeated in the value: the key `lineId|date|direction|adultId`
// holds them (see readSignUps), which makes a five-year document about a third smaller.
import type * as Y from 'yjs'
import type { ActorId, AdultId, FamilyId } from '../domain/ids.ts'
import { signUpKeyOf, type SignUp, type Slot, type WalkRef } from '../domain/signup.ts'
import { authorTime, nextSharedClock } from './clock.ts'
import { MAP_SIGNUPS, Origin, safeMap } from './keys.ts'
import { isPlainObject } from './read-util.ts'

/** The next clock of the one logical time shared by sign-ups, swap and coordinator records (see clock.ts). */
export const nextClockIn = nextSharedClock

/** What the value of an entry holds; the rest of a SignUp comes from its key. */
type StoredEntry = Omit<SignUp, 'lineId' | 'date' | 'direction' | 'adultId'>

/** Unknown fields of the previous value survive a rewrite; fields the key holds are dropped. */
const withoutKeyFields = (value: Record<string, unknown> | undefined): Record<string, unknown> => {
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

/** The stored entry of an adult on a walk, as written (unvalidated), or undefined. */
export const storedEntry = (doc: Y.Doc, walk: WalkRef, adultId: AdultId): Record<string, unknown> | undefined => {
  const value = safeMap(doc, MAP_SIGNUPS)?.get(signUpKeyOf(walk, adultId))
  return isPlainObject(value) ? value : undefined
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
  doc.transact(() => map.set(signUpKeyOf(write.walk, write.adultId), { ...withoutKeyFields(current), ...entry }), Origin.signUp)
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
  doc.transact(() => map.set(signUpKeyOf(walk, adultId), entry), Origin.withdraw)
}

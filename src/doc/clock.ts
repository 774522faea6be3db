// The one logical clock shared by sign-ups, swap, coordinator and walk-log records, and the author's local time written beside it.
import * as Y from 'yjs'
import { MAX_CLOCK_STEP, plausibleMaxClock } from '../domain/record-order.ts'
import { MAX_CLOCK } from '../domain/signup.ts'
import { safeMap } from './keys.ts'
import { CLOCKED_ENTRY_MAPS, CLOCKED_RECORD_MAPS } from './record-kinds.ts'
import { changesOf, unfinishedTransactions } from './changed-maps.ts'
import { isPlainObject } from './read-util.ts'
import { compactClockOf } from './signup-layout.ts'

// Flat entries of CLOCKED_ENTRY_MAPS carry a shared clock (and sometimes a `withdrawn` stamp), compact sign-ups in
// their string: read raw, never validated.
const clockOf = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined)

/** The clocks one flat entry carries (its own, its withdrawal's), even if it is invalid for other reasons. */
const entryClocks = (value: unknown): number[] => {
  if (typeof value === 'string') {
    const clock = compactClockOf(value)
    return clock === undefined ? [] : [clock]
  }
  if (!isPlainObject(value)) return []
  const clocks: number[] = []
  const clock = clockOf(value.clock)
  if (clock !== undefined) clocks.push(clock)
  const withdrawn = isPlainObject(value.withdrawn) ? clockOf(value.withdrawn.clock) : undefined
  if (withdrawn !== undefined) clocks.push(withdrawn)
  return clocks
}

/** Nested records with a `clock` field (cancellations; older ones carry none). */
const recordClocks = (value: unknown): number[] => {
  const clock = value instanceof Y.Map ? clockOf(value.get('clock')) : undefined
  return clock === undefined ? [] : [clock]
}

/** Every clock written in the document, by map and key: the full scan the index starts from (and equals). */
function* clockEntries(doc: Y.Doc): Generator<[string, string, number[]]> {
  for (const name of CLOCKED_ENTRY_MAPS) {
    for (const [key, value] of safeMap(doc, name)?.entries() ?? []) yield [name, key, entryClocks(value)]
  }
  for (const name of CLOCKED_RECORD_MAPS) {
    for (const [key, value] of safeMap(doc, name)?.entries() ?? []) yield [name, key, recordClocks(value)]
  }
}

/** 1 + the highest plausible clock by a scan of every clocked map: what the index answers without it (tests compare). */
export const scanNextSharedClock = (doc: Y.Doc): number =>
  Math.min(plausibleMaxClock([...clockEntries(doc)].flatMap(([, , clocks]) => clocks)) + 1, MAX_CLOCK)

/**
 * The clocks of one document, kept up to date from its transactions so that a write does not scan every map:
 * each entry's clocks, how many entries carry each clock, the distinct ones in order, and the highest plausible.
 */
interface ClockIndex {
  readonly byEntry: Map<string, Map<string, readonly number[]>>
  readonly counts: Map<number, number>
  readonly sorted: number[]
  /** plausibleMaxClock(sorted): every clock up to it is reached from 0 by steps of at most MAX_CLOCK_STEP. */
  max: number
}

const indexes = new WeakMap<Y.Doc, ClockIndex>()

/** Position of `clock` in the ascending `sorted`, or where it would go. */
const positionIn = (sorted: readonly number[], clock: number): number => {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < clock) low = middle + 1
    else high = middle
  }
  return low
}

/** A clock no entry carries any more: the chain from 0 ends at the clock before it if the gap it leaves is too wide. */
const removeClock = (index: ClockIndex, clock: number): void => {
  const at = positionIn(index.sorted, clock)
  const before = at > 0 ? index.sorted[at - 1]! : 0
  const after = index.sorted[at + 1]
  index.sorted.splice(at, 1)
  if (clock > index.max) return
  const gapTooWide = after !== undefined && after <= index.max && after - before > MAX_CLOCK_STEP
  if (clock === index.max || gapTooWide) index.max = before
}

/** A new distinct clock: it extends the chain if it is within a step of its end, and so may the clocks above it. */
const addClock = (index: ClockIndex, clock: number): void => {
  let at = positionIn(index.sorted, clock)
  index.sorted.splice(at, 0, clock)
  if (clock <= index.max || clock - index.max > MAX_CLOCK_STEP) return
  // No clock lies between the old end and this one (it would have been within a step): walk up from here.
  index.max = clock
  while (at + 1 < index.sorted.length && index.sorted[at + 1]! - index.max <= MAX_CLOCK_STEP) {
    index.max = index.sorted[++at]!
  }
}

const plausible = (clock: number): boolean => Number.isSafeInteger(clock) && clock >= 0

/** Replaces what one entry contributes (nothing when it is gone). */
const setEntry = (index: ClockIndex, map: string, key: string, clocks: readonly number[]): void => {
  let entries = index.byEntry.get(map)
  if (entries === undefined) index.byEntry.set(map, (entries = new Map()))
  const old = entries.get(key) ?? []
  if (old.length === clocks.length && old.every((clock, i) => clock === clocks[i])) return
  if (clocks.length === 0) entries.delete(key)
  else entries.set(key, clocks)
  for (const clock of new Set(old)) {
    if (!plausible(clock)) continue
    const count = index.counts.get(clock)! - 1
    if (count > 0) index.counts.set(clock, count)
    else {
      index.counts.delete(clock)
      removeClock(index, clock)
    }
  }
  for (const clock of new Set(clocks)) {
    if (!plausible(clock)) continue
    const count = index.counts.get(clock) ?? 0
    index.counts.set(clock, count + 1)
    if (count === 0) addClock(index, clock)
  }
}

const buildIndex = (doc: Y.Doc): ClockIndex => {
  const index: ClockIndex = { byEntry: new Map(), counts: new Map(), sorted: [], max: 0 }
  for (const [map, key, clocks] of clockEntries(doc)) setEntry(index, map, key, clocks)
  return index
}

const CLOCKED = new Set<string>(CLOCKED_ENTRY_MAPS)

/** Reads again the entries a transaction touched (idempotent: a transaction still open is applied again at its end). */
const applyChanges = (index: ClockIndex, doc: Y.Doc, transaction: Y.Transaction): ClockIndex => {
  const changes = changesOf(transaction)
  if (changes.maps === null) return buildIndex(doc)
  for (const [map, keys] of changes.keys) {
    if (!CLOCKED.has(map)) continue
    const values = safeMap(doc, map)
    for (const key of keys) setEntry(index, map, key, entryClocks(values?.get(key)))
  }
  for (const name of CLOCKED_RECORD_MAPS) {
    if (!changes.maps.has(name)) continue
    // A handful of records (cancellations), any of whose fields may have changed: all read again.
    const records = safeMap(doc, name)
    const gone = new Set(index.byEntry.get(name)?.keys())
    for (const [key, value] of records?.entries() ?? []) {
      gone.delete(key)
      setEntry(index, name, key, recordClocks(value))
    }
    for (const key of gone) setEntry(index, name, key, [])
  }
  return index
}

/** The document's index: built by one scan on first use, then kept up to date after each transaction. */
const indexOf = (doc: Y.Doc): ClockIndex => {
  let index = indexes.get(doc)
  if (index === undefined) {
    index = buildIndex(doc)
    indexes.set(doc, index)
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      const current = indexes.get(doc)
      if (current !== undefined) indexes.set(doc, applyChanges(current, doc, transaction))
    })
  }
  // Inside a transaction (several records written with successive clocks): what it wrote so far counts already.
  for (const transaction of unfinishedTransactions(doc)) index = applyChanges(index, doc, transaction)
  indexes.set(doc, index)
  return index
}

/**
 * 1 + the highest plausible clock over every clocked record (see plausibleMaxClock): a record forged at the
 * ceiling neither exhausts the clock nor makes the next write invalid. Read from the document's clock index.
 */
export const nextSharedClock = (doc: Y.Doc): number => Math.min(indexOf(doc).max + 1, MAX_CLOCK)

const pad = (value: number, width = 2): string => String(Math.trunc(value)).padStart(width, '0')

/** The author's local time with its offset, e.g. '2026-12-03T08:05:00+01:00': shown in the journal, never ordered on. */
export const authorTime = (epochMs: number): string => {
  const date = new Date(epochMs)
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${sign}${pad(abs / 60)}:${pad(abs % 60)}`
}

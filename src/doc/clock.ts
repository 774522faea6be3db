// The one logical clock shared by sign-ups, swap, coordinator and walk-log records, and the author's local time written beside it.
import * as Y from 'yjs'
import { maxCoordinationClock } from '../domain/coordination/records.ts'
import { nextSwapClock } from '../domain/swaps/records.ts'
import { MAX_CLOCK } from '../domain/signup.ts'
import { maxWalkLogClock } from '../domain/walk-log/records.ts'
import { MAP_EXCEPTIONS, MAP_SIGNUPS, safeMap } from './keys.ts'
import { isPlainObject } from './read-util.ts'
import { readCoordination, readSwapRecords } from './read-swaps.ts'
import { readWalkLogValues } from './read-walk-log.ts'

/**
 * The highest clock of every sign-up entry, even entries invalid for other reasons: the next clock
 * must exceed all of them. Clocks above MAX_CLOCK are skipped: such an entry is invalid and never counted.
 */
const maxSignUpClock = (doc: Y.Doc): number => {
  let max = 0
  for (const value of safeMap(doc, MAP_SIGNUPS)?.values() ?? []) {
    const clock = isPlainObject(value) ? value.clock : undefined
    if (typeof clock === 'number' && Number.isSafeInteger(clock) && clock >= 0 && clock <= MAX_CLOCK) max = Math.max(max, clock)
  }
  return max
}

/** Cancellations are nested maps (older ones carry no clock). */
const maxExceptionClock = (doc: Y.Doc): number => {
  let max = 0
  for (const value of safeMap(doc, MAP_EXCEPTIONS)?.values() ?? []) {
    const clock = value instanceof Y.Map ? value.get('clock') : undefined
    if (typeof clock === 'number' && Number.isSafeInteger(clock) && clock >= 0 && clock <= MAX_CLOCK) max = Math.max(max, clock)
  }
  return max
}

/**
 * 1 + the highest clock over sign-ups (every entry), cancellations, swap, coordinator and
 * walk-log records (valid ones: an invalid record counts for nothing anyway).
 */
export const nextSharedClock = (doc: Y.Doc): number => {
  const ignored: never[] = []
  const signUps = maxSignUpClock(doc)
  const swaps = nextSwapClock(readSwapRecords(doc, ignored), []) - 1
  const coordination = maxCoordinationClock(readCoordination(doc, ignored))
  const walkLog = maxWalkLogClock(readWalkLogValues(doc))
  return Math.max(signUps, swaps, coordination, walkLog, maxExceptionClock(doc)) + 1
}

const pad = (value: number, width = 2): string => String(Math.trunc(value)).padStart(width, '0')

/** The author's local time with its offset, e.g. '2026-12-03T08:05:00+01:00': shown in the journal, never ordered on. */
export const authorTime = (epochMs: number): string => {
  const date = new Date(epochMs)
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${sign}${pad(abs / 60)}:${pad(abs % 60)}`
}

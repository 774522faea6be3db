// The one logical clock shared by sign-ups, swap, coordinator and walk-log records, and the author's local time written beside it.
import * as Y from 'yjs'
import { plausibleMaxClock } from '../domain/record-order.ts'
import { MAX_CLOCK } from '../domain/signup.ts'
import {
  MAP_ABSENCES, MAP_CHECK_INS, MAP_EXCEPTIONS, MAP_HANDOVER_ACKS, MAP_HANDOVER_NOTES, MAP_OFFERS, MAP_PERIOD_OFFERS, MAP_PERIOD_RESPONSES,
  MAP_RELEASES, MAP_RESPONSES, MAP_ROSTER, MAP_SIGNUPS, MAP_WALK_EVENTS, MAP_WALK_NOTES, safeMap,
} from './keys.ts'
import { isPlainObject } from './read-util.ts'

/** Maps whose flat entries carry a shared clock (and sometimes a `withdrawn` stamp): read raw, never validated. */
const CLOCKED_MAPS = [
  MAP_SIGNUPS, MAP_OFFERS, MAP_RESPONSES, MAP_RELEASES, MAP_ROSTER, MAP_PERIOD_OFFERS, MAP_PERIOD_RESPONSES, MAP_HANDOVER_NOTES,
  MAP_HANDOVER_ACKS, MAP_ABSENCES, MAP_CHECK_INS, MAP_WALK_EVENTS, MAP_WALK_NOTES,
] as const

const clockOf = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined)

/** Every clock written in the document, even of entries invalid for other reasons (the next clock must exceed them). */
function* clocksIn(doc: Y.Doc): Generator<number> {
  for (const name of CLOCKED_MAPS) {
    for (const value of safeMap(doc, name)?.values() ?? []) {
      if (!isPlainObject(value)) continue
      const clock = clockOf(value.clock)
      if (clock !== undefined) yield clock
      const withdrawn = isPlainObject(value.withdrawn) ? clockOf(value.withdrawn.clock) : undefined
      if (withdrawn !== undefined) yield withdrawn
    }
  }
  // Cancellations are nested maps (older ones carry no clock).
  for (const value of safeMap(doc, MAP_EXCEPTIONS)?.values() ?? []) {
    const clock = value instanceof Y.Map ? clockOf(value.get('clock')) : undefined
    if (clock !== undefined) yield clock
  }
}

/**
 * 1 + the highest plausible clock over every clocked record (see plausibleMaxClock): a record forged at the
 * ceiling neither exhausts the clock nor makes the next write invalid.
 */
export const nextSharedClock = (doc: Y.Doc): number => Math.min(plausibleMaxClock(clocksIn(doc)) + 1, MAX_CLOCK)

const pad = (value: number, width = 2): string => String(Math.trunc(value)).padStart(width, '0')

/** The author's local time with its offset, e.g. '2026-12-03T08:05:00+01:00': shown in the journal, never ordered on. */
export const authorTime = (epochMs: number): string => {
  const date = new Date(epochMs)
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${sign}${pad(abs / 60)}:${pad(abs % 60)}`
}

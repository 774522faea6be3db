// What the holiday import screen reads from a calendar file before writing anything: the zones it names.
import { readHolidayIcs, type IcsError } from '../../domain/calendar/ics.ts'
import type { IcsZone } from '../../domain/calendar/ics-zones.ts'
import { ok, type Result } from '../../lib/result.ts'

export { ICS_ZONES, type IcsZone } from '../../domain/calendar/ics-zones.ts'

/**
 * The zones a calendar file names, read without writing: more than one (the ministry's combined file) and the import
 * screen asks which to import. invalidIcs or noEvents for a file that imports nothing.
 */
export const icsZonesOf = (icsText: string): Result<readonly IcsZone[], IcsError> => {
  const read = readHolidayIcs(icsText)
  return read.ok ? ok(read.value.zones) : read
}

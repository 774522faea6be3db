// Holiday import for school years not shipped: ICS text (one zone of the ministry's combined file) -> holiday periods
// written to the shared document.
import type * as Y from 'yjs'
import { importHolidayPeriods } from '../doc/mutations.ts'
import { parseHolidayIcs, type IcsZone } from '../domain/calendar/ics.ts'
import { ok, type Result } from '../lib/result.ts'
import type { IcsImportError } from './api.ts'

/**
 * Parses the file with the domain's ICS reader and adds its periods in one transaction; periods already stored
 * (same dates and label) are skipped, so the count is of new periods only. A file holding several zones needs
 * `zone` (one of icsZonesOf's): without it nothing is written (zoneRequired), nor when the file is unreadable.
 */
export const importHolidaysFromIcs = (doc: Y.Doc, icsText: string, zone?: IcsZone): Result<number, IcsImportError> => {
  const parsed = parseHolidayIcs(icsText, zone)
  if (!parsed.ok) return parsed
  return ok(importHolidayPeriods(doc, parsed.value))
}

// The instant every bench phone lives at: a Monday morning near the end of a school year, when a live document (one
// school year per document generation) is largest. Set on each browser context (Playwright's clock: Date only).
import { parisToInstant } from '../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../src/domain/dates.ts'

export const BENCH_NOW = parisToInstant(localDate('2027-06-07'), '07:00' as TimeOfDay)

// The whole collective as validated domain records: what the rules compute on, and what the app hands the UI.
import type { Absence } from './absence-records.ts'
import type { CalendarException, HolidayOverride, ImportedHoliday } from './calendar-records.ts'
import type { CollectiveProfile } from './collective.ts'
import type { Family } from './family.ts'
import type { Line, Stop } from './line.ts'
import type { Adult, Child } from './people.ts'
import type { Settings } from './settings.ts'
import type { SignUp } from './signup.ts'

export interface CollectiveModel {
  readonly profile: CollectiveProfile | null
  /** Defaults when the document has none yet. */
  readonly settings: Settings
  readonly lines: readonly Line[]
  /** All stops of all lines, each line's in order (see compareStops). */
  readonly stops: readonly Stop[]
  readonly families: readonly Family[]
  readonly adults: readonly Adult[]
  readonly children: readonly Child[]
  readonly exceptions: readonly CalendarException[]
  readonly holidays: readonly ImportedHoliday[]
  /** Corrections of shipped periods (absent: none), see StoredHolidayOverrideSchema. */
  readonly holidayOverrides?: readonly HolidayOverride[]
  readonly signUps: readonly SignUp[]
  /** Declared absences (withdrawn ones included, ignored by the rules); absent: none. Every rota computation counts them. */
  readonly absences?: readonly Absence[]
}

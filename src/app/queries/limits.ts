// The bounds and fixed choices the forms offer and quote in their messages ("14 au plus"), as the domain's schemas enforce them.
import { ABSENCE_NOTE_MAX } from '../../domain/absence-records.ts'
import { NOTE_MAX } from '../../domain/calendar-records.ts'
import { CHARTER_MAX } from '../../domain/charter.ts'
import { NAME_MAX } from '../../domain/collective.ts'
import { ASSOCIATION_CONTACT_MAX, ASSOCIATION_NAME_MAX } from '../../domain/settings.ts'
import { HANDOVER_NOTE_MAX } from '../../domain/coordination/records.ts'
import { FAMILY_NAME_MAX } from '../../domain/family.ts'
import { ACCESS_NOTE_MAX, LINE_NAME_MAX, STOP_NAME_MAX } from '../../domain/line.ts'
import { FIRST_NAME_MAX, SUPPORT_MAX } from '../../domain/people.ts'
import { WALK_NOTE_MAX } from '../../domain/walk-log/records.ts'

export { MIN_ADULTS_FLOOR } from '../../domain/settings.ts'
export { MIN_STOPS_PER_LINE } from '../../domain/line.ts'
export { PLAN_MAX_DAYS } from '../../domain/planning/problem.ts'
export { COORDINATOR_CREDIT_MAX, EXEMPTION_RANGE_MAX_DAYS, EXEMPTION_SHARES, WEEKLY_MAX_LIMIT } from '../../domain/planning/records.ts'
export { ABSENCE_NOTE_MAX, ABSENCE_RANGE_MAX_DAYS } from '../../domain/walk-log/records.ts'
export { textLength } from '../../domain/text.ts'

/**
 * The most characters each typed text may hold, quoted by its field before submit ("80 caractères au plus") and in
 * its error. tests/unit/app/text-limits.test.ts checks each against the schema that enforces it.
 */
export const TEXT_LIMITS = {
  collectiveName: NAME_MAX,
  familyName: FAMILY_NAME_MAX,
  firstName: FIRST_NAME_MAX,
  support: SUPPORT_MAX,
  lineName: LINE_NAME_MAX,
  stopName: STOP_NAME_MAX,
  accessNote: ACCESS_NOTE_MAX,
  absenceNote: ABSENCE_NOTE_MAX,
  calendarNote: NOTE_MAX,
  walkNote: WALK_NOTE_MAX,
  handoverNote: HANDOVER_NOTE_MAX,
  associationName: ASSOCIATION_NAME_MAX,
  associationContact: ASSOCIATION_CONTACT_MAX,
  charter: CHARTER_MAX,
} as const

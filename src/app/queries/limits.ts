// The bounds and fixed choices the forms offer and quote in their messages ("14 au plus"), as the domain's schemas enforce them.
export { MIN_ADULTS_FLOOR } from '../../domain/settings.ts'
export { PLAN_MAX_DAYS } from '../../domain/planning/problem.ts'
export { COORDINATOR_CREDIT_MAX, EXEMPTION_RANGE_MAX_DAYS, EXEMPTION_SHARES, WEEKLY_MAX_LIMIT } from '../../domain/planning/records.ts'
export { ABSENCE_NOTE_MAX, ABSENCE_RANGE_MAX_DAYS } from '../../domain/walk-log/records.ts'

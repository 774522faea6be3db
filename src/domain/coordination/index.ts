// The rotating coordinator in one import: records, periods, rotation, period offers, schedule, handover, attention list.
export * from './records.ts'
export * from './periods.ts'
export * from './roster.ts'
export * from './period-swaps.ts'
export * from './schedule.ts'
export * from './handover.ts'
export * from './attention.ts'

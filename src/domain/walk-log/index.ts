// The walk log in one import: stored records, derived shapes, absences, check-in merge, progress, arrival notices, walks done.
export * from './records.ts'
export * from './types.ts'
export * from './absences.ts'
export * from './check-in.ts'
export * from './progress.ts'
export * from './notices.ts'
export * from './history.ts'
export * from './guests.ts'

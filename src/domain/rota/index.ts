// The rota rules in one import: walk derivation, slots, absences counted, resolution, checks on routes, a family's walks.
export * from './walks.ts'
export * from './slots.ts'
export * from './absences.ts'
export * from './resolve.ts'
export * from './checks.ts'
export * from './my-walks.ts'

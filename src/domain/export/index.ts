// Exports in one import: the collective and family JSON files, the rota CSV.
export * from './format.ts'
export * from './collective-export.ts'
export * from './family-export.ts'
export * from './csv.ts'
export * from './rota-csv.ts'

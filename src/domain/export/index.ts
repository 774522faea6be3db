// Exports in one import: the collective and family JSON files, the rota CSV, a family's agenda (what its .ics holds).
export * from './format.ts'
export * from './collective-export.ts'
export * from './family-export.ts'
export * from './csv.ts'
export * from './rota-csv.ts'
export * from './family-calendar.ts'

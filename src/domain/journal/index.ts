// The collective's journal in one import: event shape, logical order, filters, derivation from records.
export * from './events.ts'
export * from './derive.ts'

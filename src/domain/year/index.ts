// The end of a school year in one import: which records are past, the summary before confirming, the next rentrée.
export * from './past-records.ts'
export * from './summary.ts'
export * from './archive.ts'

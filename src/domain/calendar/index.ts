// The school calendar in one import: school years, public holidays, shipped and imported school holidays, ICS import, Paris time.
export * from './public-holidays.ts'
export * from './school-holidays-data.ts'
export * from './school-calendar.ts'
export * from './school-year.ts'
export * from './paris-time.ts'
export * from './ics.ts'

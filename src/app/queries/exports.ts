// Files the phone builds from the rota for other tools: my family's agenda (.ics) and its name, the rota CSV's name.
export { familyCalendarOf } from '../../domain/export/family-calendar.ts'
export { exportedCalendarOf } from '../../domain/export/calendar-history.ts'
export { familyCalendarIcs, icsFileName } from '../../domain/calendar/ics-export.ts'
export { rotaCsvFileName } from '../../domain/export/rota-csv.ts'

// What the create form shows as the parent types the school's postcode: its académie and zone, or its own calendar.
// The one query of the first visit's code (the create form): a table, no document (tests/unit/ui/first-visit-code).
export { HOLIDAY_ZONES, schoolPlaceOf, type HolidayZone, type SchoolPlace } from '../../domain/school-place.ts'

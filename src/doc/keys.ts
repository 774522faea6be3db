// Names of the shared document's top-level maps, its schema version, and the origins that tag local transactions.
import type * as Y from 'yjs'

/**
 * Version of the document layout a new collective is created with, written in `meta`. 2: sign-ups in the compact
 * layout (src/doc/signup-layout.ts). Documents of version 1 stay version 1 (their sign-ups keep the first layout) until
 * a new document generation; every version up to this one is read and written.
 */
export const SCHEMA_VERSION = 2
/** Oldest app version able to edit this layout safely. */
export const MIN_APP_VERSION = '0.2.0'

export const MAP_META = 'meta'
export const MAP_PROFILE = 'profile'
export const MAP_FAMILIES = 'families'
/** One map of fields (no nested records): readers fall back to DEFAULT_SETTINGS per missing field. */
export const MAP_SETTINGS = 'settings'
/** Nested Y.Map per record, keyed by the record's random UUID and created together with it. */
export const MAP_LINES = 'lines'
export const MAP_STOPS = 'stops'
export const MAP_ADULTS = 'adults'
export const MAP_CHILDREN = 'children'
export const MAP_EXCEPTIONS = 'exceptions'
export const MAP_HOLIDAYS = 'holidays'
/** One entry per device per place (see mutations-signups.ts), in the first layout of src/doc/signup-layout.ts. */
export const MAP_SIGNUPS = 'signups'
/**
 * The compact sign-up entries of schema-2 collectives (signup-layout.ts). Their own map, with a short name (written
 * once per entry): an app that knows only the first layout does not see them, where in `signups` it would list each
 * one "to check" and offer to delete it.
 */
export const MAP_COMPACT_SIGNUPS = 'su'
/** The short ids of compact sign-up keys (first 8 hex digits of a UUID) -> the full id, set once (signup-layout.ts). */
export const MAP_SHORT_IDS = 'ids'
/** Flat entries keyed by a shipped period id ('2027-2028/A/hiver'), each a plain `{ ignored }` object, last writer wins. */
export const MAP_HOLIDAY_OVERRIDES = 'holidayOverrides'

/**
 * Swap and coordinator records: flat entries, plain JSON values written whole, keyed by the
 * domain's key functions (offers[id], responses[responseKeyOf], releases[releaseKeyOf],
 * roster[rosterEntryKeyOf], periodOffers[id], periodResponses[periodResponseKeyOf],
 * handoverNotes / handoverAcks[handoverKeyOf]); see mutations-swaps.ts.
 */
export const MAP_OFFERS = 'offers'
export const MAP_RESPONSES = 'responses'
export const MAP_RELEASES = 'releases'
export const MAP_ROSTER = 'roster'
export const MAP_PERIOD_OFFERS = 'periodOffers'
export const MAP_PERIOD_RESPONSES = 'periodResponses'
export const MAP_HANDOVER_NOTES = 'handoverNotes'
export const MAP_HANDOVER_ACKS = 'handoverAcks'
/**
 * Walk-log records (src/domain/walk-log/records.ts): flat entries, plain JSON values written whole,
 * keyed by absenceKeyOf, checkInKeyOf (walk|child|actor), walkEventKeyOf (walk|kind|stop|actor),
 * walkNoteKeyOf; see mutations-walk-log.ts.
 */
export const MAP_ABSENCES = 'absences'
export const MAP_CHECK_INS = 'checkIns'
export const MAP_WALK_EVENTS = 'walkEvents'
export const MAP_WALK_NOTES = 'walkNotes'
/** Guests' first names, one flat entry per walk and guest (guestNameKeyOf), deleted once the walk's day is over. */
export const MAP_GUEST_NAMES = 'guestNames'
/** The coordinator roster setting: one field of MAP_SETTINGS, DEFAULT_ROSTER_SETTING when absent. */
export const SETTINGS_ROSTER_FIELD = 'coordinatorRoster'
/**
 * Planning records (src/domain/planning/records.ts): flat entries, plain JSON values written whole,
 * keyed by availabilityKeyOf (the adult id) and exemptionKeyOf (a random id); see mutations-planning.ts.
 */
export const MAP_AVAILABILITY = 'availability'
export const MAP_EXEMPTIONS = 'exemptions'
/** The fairness setting: one field of MAP_SETTINGS, DEFAULT_FAIRNESS_SETTING when absent. */
export const SETTINGS_FAIRNESS_FIELD = 'fairness'
/**
 * The first day of the current school year (a LocalDate), written by the new-school-year request; absent
 * until the first one. Phones delete the past records an offline phone brings back (src/doc/year-cleanup.ts).
 */
export const SETTINGS_YEAR_START_FIELD = 'yearStartedOn'

export const META_SCHEMA_VERSION = 'schemaVersion'
export const META_MIN_APP_VERSION = 'minAppVersion'
/**
 * Written into a collective's document just before its room is archived (src/app/generation.ts): what its
 * successor keeps (src/domain/year/next-generation.ts). Read from the frozen room by every phone that follows.
 */
export const META_NEXT_GENERATION = 'nextGeneration'
/**
 * Written into the copy a renewal makes (src/app/renew.ts): the room id it was copied from (never its secret). A phone
 * that still holds that room writes its waiting changes onto the copy when it joins it (src/app/renewal-carry.ts).
 */
export const META_RENEWED_FROM = 'renewedFrom'
/** The last day a member asked the relay to keep the collective (its retention clock, server/retention.ts). */
export const META_KEPT_ON = 'keptOn'
/**
 * Written into a successor document by its builder in a transaction after the build: the build is whole. Parts of a
 * large state reach the relay in causal order, so a phone that finds it on the relay joins a complete successor.
 */
export const META_GENERATION_COMPLETE = 'generationComplete'

/**
 * Tags every transaction this app makes, so listeners (sync outbox, persistence) can tell our own
 * changes from the ones that arrived from the relay or the disk.
 */
export class ChangeOrigin {
  constructor(readonly name: string) {}
}

export const Origin = {
  init: new ChangeOrigin('init'),
  migrate: new ChangeOrigin('migrate'),
  updateProfile: new ChangeOrigin('updateProfile'),
  addFamily: new ChangeOrigin('addFamily'),
  renameFamily: new ChangeOrigin('renameFamily'),
  removeFamily: new ChangeOrigin('removeFamily'),
  deleteToCheck: new ChangeOrigin('deleteToCheck'),
  updateSettings: new ChangeOrigin('updateSettings'),
  addLine: new ChangeOrigin('addLine'),
  updateLine: new ChangeOrigin('updateLine'),
  removeLine: new ChangeOrigin('removeLine'),
  addStop: new ChangeOrigin('addStop'),
  updateStop: new ChangeOrigin('updateStop'),
  moveStop: new ChangeOrigin('moveStop'),
  removeStop: new ChangeOrigin('removeStop'),
  addAdult: new ChangeOrigin('addAdult'),
  updateAdult: new ChangeOrigin('updateAdult'),
  removeAdult: new ChangeOrigin('removeAdult'),
  addChild: new ChangeOrigin('addChild'),
  updateChild: new ChangeOrigin('updateChild'),
  removeChild: new ChangeOrigin('removeChild'),
  /** The family withdraws its agreement to a child's support note: the note and the flag are erased. */
  withdrawSupportConsent: new ChangeOrigin('withdrawSupportConsent'),
  addException: new ChangeOrigin('addException'),
  removeException: new ChangeOrigin('removeException'),
  importHolidays: new ChangeOrigin('importHolidays'),
  addHoliday: new ChangeOrigin('addHoliday'),
  removeHoliday: new ChangeOrigin('removeHoliday'),
  setHolidayOverride: new ChangeOrigin('setHolidayOverride'),
  signUp: new ChangeOrigin('signUp'),
  withdraw: new ChangeOrigin('withdraw'),
  offerSlot: new ChangeOrigin('offerSlot'),
  proposeTrade: new ChangeOrigin('proposeTrade'),
  withdrawOffer: new ChangeOrigin('withdrawOffer'),
  takeOffer: new ChangeOrigin('takeOffer'),
  answerTrade: new ChangeOrigin('answerTrade'),
  releaseSlot: new ChangeOrigin('releaseSlot'),
  setRoster: new ChangeOrigin('setRoster'),
  setRosterMembership: new ChangeOrigin('setRosterMembership'),
  offerPeriod: new ChangeOrigin('offerPeriod'),
  withdrawPeriodOffer: new ChangeOrigin('withdrawPeriodOffer'),
  answerPeriodOffer: new ChangeOrigin('answerPeriodOffer'),
  addHandoverNote: new ChangeOrigin('addHandoverNote'),
  acknowledgeHandover: new ChangeOrigin('acknowledgeHandover'),
  declareAbsence: new ChangeOrigin('declareAbsence'),
  withdrawAbsence: new ChangeOrigin('withdrawAbsence'),
  markChild: new ChangeOrigin('markChild'),
  addGuest: new ChangeOrigin('addGuest'),
  /** Guests' first names taken out of the marks once the walk's day is over (guest-erasure.ts). */
  eraseGuests: new ChangeOrigin('eraseGuests'),
  markDeparture: new ChangeOrigin('markDeparture'),
  markArrival: new ChangeOrigin('markArrival'),
  undoWalkEvent: new ChangeOrigin('undoWalkEvent'),
  addWalkNote: new ChangeOrigin('addWalkNote'),
  removeWalkNote: new ChangeOrigin('removeWalkNote'),
  startNewSchoolYear: new ChangeOrigin('startNewSchoolYear'),
  nextGeneration: new ChangeOrigin('nextGeneration'),
  keepOnRelay: new ChangeOrigin('keepOnRelay'),
  /** The self-healing deletion of past records brought back after a new school year (year-cleanup.ts). */
  yearCleanUp: new ChangeOrigin('yearCleanUp'),
  setAvailability: new ChangeOrigin('setAvailability'),
  declareExemption: new ChangeOrigin('declareExemption'),
  withdrawExemption: new ChangeOrigin('withdrawExemption'),
  setFairness: new ChangeOrigin('setFairness'),
  publishPlan: new ChangeOrigin('publishPlan'),
  demo: new ChangeOrigin('demo'),
  /** This phone's waiting changes written again on a copy rebuilt from the relay's (src/doc/rebuild.ts). */
  rebuild: new ChangeOrigin('rebuild'),
} as const

/**
 * Top-level maps, or null when a (corrupt or foreign) update defined the name with another type:
 * Yjs throws in that case, and a reader must never throw.
 */
export const safeMap = (doc: Y.Doc, name: string): Y.Map<unknown> | null => {
  try {
    return doc.getMap<unknown>(name)
  } catch {
    return null
  }
}

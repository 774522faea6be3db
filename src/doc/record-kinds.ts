// The record-kind registry: one descriptor per kind of the shared document, and every per-kind table derived from it.
//
// A kind says where it lives (its top-level map), how (nested records keyed by id, flat entries written whole, or
// one map of fields), what validates it (the domain's stored schema) and under which key, which fields are sealed,
// whether it carries the shared logical clock, which record owns it (removal cascades), which list of the new school
// year's plan deletes it, and where it sits in the collective export. tests/unit/doc/record-kinds.test.ts checks
// that every map of the document is described once and that the tables below agree with this list.
//
// Not derived from here (each needs a redesign, see docs/architecture.md "The shared document"):
// - the readers' snapshot shape (read.ts, CollectiveSnapshot) and the export format (src/domain/export): nested by
//   feature and versioned; descriptors point into the export (`fromExport`) and a test checks every list is claimed;
// - which records the new school year deletes (src/domain/year/past-records.ts: per-kind rules, e.g. a swap kept
//   whole); descriptors name the plan's list (`year`), and MAP_OF_YEAR_KIND derives from that;
// - which kinds are repairable (src/ui/components/manage/repair.ts: ui may not import doc). Their names are the
//   messages `manage.kind.<kind>` in both languages: a kind without them fails the type check there;
// - the readers of sign-ups and holiday overrides (read-rota.ts: keys in two forms, the key injected in the value).
import type * as Y from 'yjs'
import type { z } from 'zod/mini'
import { CHARTER_KEY, StoredCharterSchema } from '../domain/charter.ts'
import { StoredExceptionSchema, StoredHolidayOverrideSchema, StoredHolidaySchema } from '../domain/calendar-records.ts'
import {
  StoredHandoverAckSchema, StoredHandoverNoteSchema, StoredPeriodOfferSchema, StoredPeriodResponseSchema, StoredRosterEntrySchema,
  handoverKeyOf, periodResponseKeyOf, rosterEntryKeyOf,
} from '../domain/coordination/records.ts'
import type { CollectiveExport } from '../domain/export/format.ts'
import { StoredFamilySchema } from '../domain/family.ts'
import { StoredHelpKindSchema } from '../domain/help/kinds.ts'
import { StoredHelpAnswerSchema, StoredHelpRequestSchema, helpAnswerKeyOf, helpRequestKeyOf } from '../domain/help/records.ts'
import { StoredLineSchema, StoredStopSchema } from '../domain/line.ts'
import { StoredPairSchema, pairKeyOf } from '../domain/pairs.ts'
import { StoredMeetingReplySchema, StoredMeetingSchema, meetingKeyOf, meetingReplyKeyOf } from '../domain/meeting.ts'
import { StoredAdultSchema, StoredChildSchema } from '../domain/people.ts'
import { StoredAvailabilitySchema, StoredExemptionSchema, availabilityKeyOf, exemptionKeyOf } from '../domain/planning/records.ts'
import { StoredSignUpSchema, signUpKeyOf } from '../domain/signup.ts'
import {
  StoredOfferSchema, StoredReleaseSchema, StoredResponseSchema, offerKeyOf, releaseKeyOf, responseKeyOf,
} from '../domain/swaps/records.ts'
import {
  StoredAbsenceSchema, StoredCheckInSchema, StoredGuestNameSchema, StoredWalkEventSchema, StoredWalkNoteSchema, absenceKeyOf, checkInKeyOf,
  guestNameKeyOf, walkEventKeyOf, walkNoteKeyOf,
} from '../domain/walk-log/records.ts'
import type { YearRecordKind } from '../domain/year/past-records.ts'
import {
  MAP_ABSENCES, MAP_ADULTS, MAP_AVAILABILITY, MAP_CHECK_INS, MAP_CHILDREN, MAP_EXCEPTIONS, MAP_EXEMPTIONS, MAP_FAMILIES,
  MAP_HANDOVER_ACKS, MAP_HANDOVER_NOTES, MAP_HOLIDAY_OVERRIDES, MAP_HOLIDAYS, MAP_LINES, MAP_META, MAP_OFFERS, MAP_PERIOD_OFFERS,
  MAP_PERIOD_RESPONSES, MAP_PROFILE, MAP_RELEASES, MAP_RESPONSES, MAP_ROSTER, MAP_SETTINGS, MAP_SHORT_IDS, MAP_SIGNUPS, MAP_STOPS,
  MAP_WALK_EVENTS, MAP_WALK_NOTES, MAP_COMPACT_SIGNUPS, MAP_GUEST_NAMES,
} from './keys.ts'
import { adultOfStoredKey, entryToWrite } from './signup-layout.ts'

/**
 * How a removal of the owner reaches a record: a field naming it (nested or flat alike), a part of the record's
 * key split on '|', what a key decodes to (a compact sign-up key's adult), or the whole key.
 */
export type OwnedBy =
  | { readonly field: string }
  | { readonly keyPart: number }
  | { readonly fromKey: (doc: Y.Doc, key: string) => string | null }
  | 'key'

export interface Owner {
  readonly kind: string
  readonly by: OwnedBy
}

interface KindBase<K extends string> {
  readonly kind: K
  /** The document's top-level map. */
  readonly mapName: string
  /**
   * Other maps holding records of this kind, in another layout (the compact sign-ups of schema 2): read, cleaned,
   * cascaded and deleted "to check" like the main one. Their keys never take a main map key's shape.
   */
  readonly alsoIn: readonly string[]
  /** Fields sealed by codec.ts (names, phone numbers, free text): never in clear in the document. */
  readonly personal: readonly string[]
  /**
   * The shared logical clock (clock.ts): 'entry' when each flat entry carries `clock` (and maybe `withdrawn.clock`),
   * 'field' when each nested record may carry a `clock` field, null when the kind is not ordered by it.
   */
  readonly clock: 'entry' | 'field' | null
  /** Removing one of these owners removes the record too, in the same transaction (removal.ts). */
  readonly owners: readonly Owner[]
  /** The list of the new school year's plan that deletes past records of this kind (past-records.ts), if any. */
  readonly year: YearRecordKind | null
}

/** One map of named fields, not keyed by record (profile, settings): read and restored field by field. */
export interface FieldsKind<K extends string> extends KindBase<K> {
  readonly shape: 'fields'
}

/** A nested Y.Map per record, keyed by the record's random id and created together with it. */
export interface RecordsKind<K extends string, T extends { readonly id: string }> extends KindBase<K> {
  readonly shape: 'records'
  readonly schema: z.ZodMiniType<T>
  /** The records of this kind in a collective export (restore writes them back). */
  readonly fromExport: (file: CollectiveExport) => readonly T[]
}

/** Flat entries: a plain JSON value written whole under `keyOf(record)`. */
export interface EntriesKind<K extends string, T> extends KindBase<K> {
  readonly shape: 'entries'
  readonly schema: z.ZodMiniType<T>
  readonly keyOf: (record: T) => string
  /**
   * The map, key and value stored, when not the record itself under `keyOf` in `mapName`: a sign-up's key holds its
   * walk, adult and writing device, and in a schema-2 document it is compact, in its own map (signup-layout.ts).
   */
  readonly storedEntry?: (doc: Y.Doc, record: T) => readonly [map: string, key: string, value: unknown]
  /** The records of this kind in a collective export; null while the export format has no section for it. */
  readonly fromExport: ((file: CollectiveExport) => readonly T[]) | null
}

const NO_OWNER: readonly Owner[] = []
const base = { personal: [], clock: null, owners: NO_OWNER, year: null, alsoIn: [] } as const
const ofFamily: Owner = { kind: 'family', by: { field: 'familyId' } }

const fields = <K extends string>(d: Omit<FieldsKind<K>, 'shape' | keyof typeof base> & Partial<KindBase<K>>): FieldsKind<K> =>
  ({ ...base, ...d, shape: 'fields' })
const records = <K extends string, T extends { readonly id: string }>(
  d: Omit<RecordsKind<K, T>, 'shape' | keyof typeof base> & Partial<KindBase<K>>,
): RecordsKind<K, T> => ({ ...base, ...d, shape: 'records' })
const entries = <K extends string, T>(
  d: Omit<EntriesKind<K, T>, 'shape' | keyof typeof base> & Partial<KindBase<K>>,
): EntriesKind<K, T> => ({ ...base, ...d, shape: 'entries' })

export const profileKind = fields({ kind: 'profile', mapName: MAP_PROFILE })
/** Settings fields beyond the form's (coordinatorRoster, fairness, yearStartedOn) are read by their own readers. */
export const settingsKind = fields({ kind: 'settings', mapName: MAP_SETTINGS })

export const lineKind = records({ kind: 'line', mapName: MAP_LINES, schema: StoredLineSchema, fromExport: (f) => f.lines })
export const stopKind = records({
  kind: 'stop', mapName: MAP_STOPS, schema: StoredStopSchema, fromExport: (f) => f.stops,
  owners: [{ kind: 'line', by: { field: 'lineId' } }],
})
export const familyKind = records({
  kind: 'family', mapName: MAP_FAMILIES, schema: StoredFamilySchema, fromExport: (f) => f.families, personal: ['displayName'],
})
export const adultKind = records({
  kind: 'adult', mapName: MAP_ADULTS, schema: StoredAdultSchema, fromExport: (f) => f.adults, personal: ['firstName', 'phone'],
  owners: [ofFamily],
})
export const childKind = records({
  kind: 'child', mapName: MAP_CHILDREN, schema: StoredChildSchema, fromExport: (f) => f.children,
  personal: ['firstName', 'initial', 'support'], owners: [ofFamily], year: 'children',
})
/** Cancellations: nested records, the newer ones with a clock field. */
export const exceptionKind = records({
  kind: 'exception', mapName: MAP_EXCEPTIONS, schema: StoredExceptionSchema, fromExport: (f) => f.exceptions, personal: ['note'],
  clock: 'field', year: 'exceptions',
})
export const holidayKind = records({ kind: 'holiday', mapName: MAP_HOLIDAYS, schema: StoredHolidaySchema, fromExport: (f) => f.holidays })

export const holidayOverrideKind = entries({
  kind: 'holidayOverride', mapName: MAP_HOLIDAY_OVERRIDES, schema: StoredHolidayOverrideSchema, keyOf: (o) => o.periodId,
  fromExport: (f) => f.holidayOverrides,
})
export const signUpKind = entries({
  kind: 'signUp', mapName: MAP_SIGNUPS, alsoIn: [MAP_COMPACT_SIGNUPS], schema: StoredSignUpSchema,
  keyOf: (s) => signUpKeyOf(s, s.adultId),
  // The walk, the adult and the device are in the key: the value does not repeat them.
  storedEntry: (doc, { lineId, date, direction, adultId, ...value }) => entryToWrite(doc, { lineId, date, direction }, adultId, value.actor, value),
  fromExport: (f) => f.signUps, clock: 'entry', owners: [{ kind: 'adult', by: { fromKey: adultOfStoredKey } }], year: 'signUps',
})

export const offerKind = entries({
  kind: 'offer', mapName: MAP_OFFERS, schema: StoredOfferSchema, keyOf: offerKeyOf, fromExport: (f) => f.swaps.offers,
  clock: 'entry', year: 'offers',
})
export const swapResponseKind = entries({
  kind: 'swapResponse', mapName: MAP_RESPONSES, schema: StoredResponseSchema, keyOf: responseKeyOf,
  fromExport: (f) => f.swaps.responses, clock: 'entry', year: 'responses',
})
export const releaseKind = entries({
  kind: 'release', mapName: MAP_RELEASES, schema: StoredReleaseSchema, keyOf: releaseKeyOf, fromExport: (f) => f.swaps.releases,
  clock: 'entry', year: 'releases',
})

export const rosterEntryKind = entries({
  kind: 'rosterEntry', mapName: MAP_ROSTER, schema: StoredRosterEntrySchema, keyOf: rosterEntryKeyOf,
  fromExport: (f) => f.coordination.roster, clock: 'entry', owners: [ofFamily],
})
export const periodOfferKind = entries({
  kind: 'periodOffer', mapName: MAP_PERIOD_OFFERS, schema: StoredPeriodOfferSchema, keyOf: (offer) => offer.id,
  fromExport: (f) => f.coordination.offers, clock: 'entry', year: 'periodOffers',
})
export const periodResponseKind = entries({
  kind: 'periodResponse', mapName: MAP_PERIOD_RESPONSES, schema: StoredPeriodResponseSchema, keyOf: periodResponseKeyOf,
  fromExport: (f) => f.coordination.responses, clock: 'entry', year: 'periodResponses',
})
export const handoverNoteKind = entries({
  kind: 'handoverNote', mapName: MAP_HANDOVER_NOTES, schema: StoredHandoverNoteSchema, keyOf: handoverKeyOf,
  fromExport: (f) => f.coordination.notes, personal: ['text'], clock: 'entry', year: 'handoverNotes',
})
export const handoverAckKind = entries({
  kind: 'handoverAck', mapName: MAP_HANDOVER_ACKS, schema: StoredHandoverAckSchema, keyOf: handoverKeyOf,
  fromExport: (f) => f.coordination.acks, clock: 'entry', year: 'handoverAcks',
})

export const absenceKind = entries({
  kind: 'absence', mapName: MAP_ABSENCES, schema: StoredAbsenceSchema, keyOf: absenceKeyOf, fromExport: (f) => f.walkLog.absences,
  personal: ['note'], clock: 'entry', year: 'absences',
})
export const checkInKind = entries({
  kind: 'checkIn', mapName: MAP_CHECK_INS, schema: StoredCheckInSchema, keyOf: checkInKeyOf, fromExport: (f) => f.walkLog.checkIns,
  personal: ['guestName'], clock: 'entry', year: 'checkIns',
})
export const walkEventKind = entries({
  kind: 'walkEvent', mapName: MAP_WALK_EVENTS, schema: StoredWalkEventSchema, keyOf: walkEventKeyOf,
  fromExport: (f) => f.walkLog.events, clock: 'entry', year: 'walkEvents',
})
export const walkNoteKind = entries({
  kind: 'walkNote', mapName: MAP_WALK_NOTES, schema: StoredWalkNoteSchema, keyOf: walkNoteKeyOf, fromExport: (f) => f.walkLog.notes,
  personal: ['text'], clock: 'entry', year: 'walkNotes',
})

/**
 * A guest's first name for one walk (issue 16): deleted once the walk's day is over (guest-erasure.ts), so neither
 * exported (it does not outlive the day) nor cleaned by the new school year, and outside the clock.
 */
export const guestNameKind = entries({
  kind: 'guestName', mapName: MAP_GUEST_NAMES, schema: StoredGuestNameSchema, keyOf: guestNameKeyOf, fromExport: null,
  personal: ['name'],
})

// No personal field in planning records: ids, dates, weekdays and percentages only (no reason is stored for an exemption).
export const availabilityKind = entries({
  kind: 'availability', mapName: MAP_AVAILABILITY, schema: StoredAvailabilitySchema, keyOf: availabilityKeyOf,
  fromExport: (f) => f.planning.availability, owners: [ofFamily, { kind: 'adult', by: 'key' }],
})
export const exemptionKind = entries({
  kind: 'exemption', mapName: MAP_EXEMPTIONS, schema: StoredExemptionSchema, keyOf: exemptionKeyOf,
  fromExport: (f) => f.planning.exemptions, owners: [ofFamily], year: 'exemptions',
})

/**
 * A meeting of the collective (issue 17: src/app/commands-meetings.ts). Place, agenda and decisions are sealed. Not
 * cleaned by the new school year (a year's decisions stay readable), owned by nobody; written whole (last writer
 * wins), its `clock` the latest step's (planned, cancelled, decided).
 */
export const meetingKind = entries({
  kind: 'meeting', mapName: 'meetings', schema: StoredMeetingSchema, keyOf: meetingKeyOf, fromExport: (f) => f.meetings.meetings,
  personal: ['place', 'agenda', 'decisions'], clock: 'entry',
})

/** A family's answer from one device (key meeting|family|actor): removed with the meeting or the family. */
export const meetingReplyKind = entries({
  kind: 'meetingReply', mapName: 'meetingReplies', schema: StoredMeetingReplySchema, keyOf: meetingReplyKeyOf,
  fromExport: (f) => f.meetings.replies,
  clock: 'entry', owners: [{ kind: 'meeting', by: { keyPart: 0 } }, ofFamily],
})

/** Coups de main (issue 17): a family's request or offer, note sealed, removed with its family. */
export const helpRequestKind = entries({
  kind: 'helpRequest', mapName: 'helpRequests', schema: StoredHelpRequestSchema, keyOf: helpRequestKeyOf,
  fromExport: (f) => f.help.requests,
  personal: ['note'], clock: 'entry', owners: [ofFamily],
})
/** "Je peux": one answer per family and request (the key), removed with the request or the family. */
export const helpAnswerKind = entries({
  kind: 'helpAnswer', mapName: 'helpAnswers', schema: StoredHelpAnswerSchema, keyOf: helpAnswerKeyOf, fromExport: (f) => f.help.answers,
  clock: 'entry', owners: [{ kind: 'helpRequest', by: { keyPart: 0 } }, ofFamily],
})
/** The collective's edits of the kinds list (a shipped kind hidden, a kind added): a collective label, not personal. */
export const helpKindKind = entries({
  kind: 'helpKind', mapName: 'helpKinds', schema: StoredHelpKindSchema, keyOf: (kind) => kind.id, fromExport: (f) => f.help.kinds,
})

/**
 * "Trajet en binôme" and "passer le témoin" (issue 17, src/domain/pairs.ts): one entry per walk and newcomer (key
 * line|date|direction|adult), removed with the line, the newcomer or the experienced adult.
 */
export const pairKind = entries({
  kind: 'pair', mapName: 'pairs', schema: StoredPairSchema, keyOf: pairKeyOf, fromExport: (f) => f.pairs,
  clock: 'entry',
  owners: [{ kind: 'line', by: { keyPart: 0 } }, { kind: 'adult', by: { keyPart: 3 } }, { kind: 'adult', by: { field: 'withAdultId' } }],
})

/**
 * The collective's charter (issue 18, src/domain/charter.ts): one entry under CHARTER_KEY, its text sealed (a member
 * may name a contact in it); kept by the new school year, owned by nobody.
 */
export const charterKind = entries({
  kind: 'charter', mapName: 'charter', schema: StoredCharterSchema, keyOf: () => CHARTER_KEY,
  fromExport: (f) => f.charter, personal: ['text'],
})

/** Every kind, in the order restore writes them. Add a kind here and the tables below follow. */
export const RECORD_KINDS = [
  profileKind, settingsKind, lineKind, stopKind, familyKind, adultKind, childKind, exceptionKind, holidayKind, holidayOverrideKind,
  signUpKind, offerKind, swapResponseKind, releaseKind, rosterEntryKind, periodOfferKind, periodResponseKind, handoverNoteKind,
  handoverAckKind, absenceKind, checkInKind, walkEventKind, walkNoteKind, availabilityKind, exemptionKind, meetingKind,
  meetingReplyKind, guestNameKind, helpRequestKind, helpAnswerKind, helpKindKind, pairKind, charterKind,
] as const

export type RecordKindDescriptor = (typeof RECORD_KINDS)[number]
/** The kinds of record a "to check" entry names (src/app/api.ts re-exports it for the screens). */
export type RecordKind = RecordKindDescriptor['kind']

/**
 * Every top-level map of the document: meta (schema version) and ids (the short ids of compact sign-up keys,
 * signup-layout.ts), never "to check", and one per kind.
 */
export const DOCUMENT_MAPS: readonly string[] = [MAP_META, MAP_SHORT_IDS, ...RECORD_KINDS.flatMap((kind) => mapsOf(kind))]

const byKind: ReadonlyMap<string, RecordKindDescriptor> = new Map(RECORD_KINDS.map((kind) => [kind.kind, kind]))

export const kindOf = (kind: RecordKind): RecordKindDescriptor => byKind.get(kind) as RecordKindDescriptor

/** Every map holding records of the kind: its own, then those of another layout. */
export const mapsOfKind = (kind: RecordKind): readonly string[] => mapsOf(kindOf(kind))

/** Where personal values live: map name -> fields of its records (nested maps or flat entries alike). */
export const PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  RECORD_KINDS.filter((kind) => kind.personal.length > 0).map((kind) => [kind.mapName, kind.personal]),
)

/** Maps of flat entries holding personal values: deleting one asks for compaction (src/storage/doc-compaction.ts). */
export const FLAT_PERSONAL_MAPS: ReadonlySet<string> = new Set(
  RECORD_KINDS.filter((kind) => kind.shape === 'entries' && kind.personal.length > 0).map((kind) => kind.mapName),
)

/** Maps whose flat entries carry the shared clock (clock.ts reads them raw, never validated). */
export const CLOCKED_ENTRY_MAPS: readonly string[] =
  RECORD_KINDS.filter((kind) => kind.clock === 'entry').flatMap((kind) => mapsOf(kind))
/** Maps of nested records that may carry a `clock` field (cancellations; older ones carry none). */
export const CLOCKED_RECORD_MAPS: readonly string[] = RECORD_KINDS.filter((kind) => kind.clock === 'field').map((kind) => kind.mapName)

/** The maps a kind's records live in: its own, then those of another layout. */
function mapsOf(kind: Pick<KindBase<string>, 'mapName' | 'alsoIn'>): readonly string[] {
  return [kind.mapName, ...kind.alsoIn]
}

/** The document map of each list the new school year's plan deletes from (the test checks that every list has one). */
export const MAP_OF_YEAR_KIND = Object.fromEntries(
  RECORD_KINDS.flatMap((kind) => (kind.year === null ? [] : [[kind.year, kind.mapName] as const])),
) as Readonly<Record<YearRecordKind, string>>

/** Every map of each list the new school year's plan deletes from: its kind's own, then those of another layout. */
export const MAPS_OF_YEAR_KIND = Object.fromEntries(
  RECORD_KINDS.flatMap((kind) => (kind.year === null ? [] : [[kind.year, mapsOf(kind)] as const])),
) as Readonly<Record<YearRecordKind, readonly string[]>>

/** The kinds a removal of `owner` reaches directly, each with how it names the owner. */
export const ownedBy = (owner: RecordKind): readonly { readonly kind: RecordKindDescriptor; readonly by: OwnedBy }[] =>
  RECORD_KINDS.flatMap((kind) => kind.owners.filter((o) => o.kind === owner).map((o) => ({ kind, by: o.by })))

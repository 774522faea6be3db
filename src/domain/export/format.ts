// The versioned export files: Zod schemas of the whole-collective file (restorable) and of one family's file.
//
// Both hold opened values (readable JSON): the file is personal data in clear, kept by the person
// who downloads it. The schemas reuse the document's stored-record schemas, so a file is valid
// exactly when every record in it would be valid in a document.
import { z } from 'zod/mini'
import { StoredExceptionSchema, StoredHolidayOverrideSchema, StoredHolidaySchema } from '../calendar-records.ts'
import { StoredCharterSchema } from '../charter.ts'
import { StoredCollectiveProfileSchema } from '../collective.ts'
import {
  CoordinatorRosterSettingSchema, StoredHandoverAckSchema, StoredHandoverNoteSchema, StoredPeriodOfferSchema, StoredPeriodResponseSchema,
  StoredRosterEntrySchema,
} from '../coordination/records.ts'
import { StoredFamilySchema } from '../family.ts'
import { StoredHelpKindSchema } from '../help/kinds.ts'
import { StoredHelpAnswerSchema, StoredHelpRequestSchema } from '../help/records.ts'
import { StoredLineSchema, StoredStopSchema } from '../line.ts'
import { StoredMeetingReplySchema, StoredMeetingSchema } from '../meeting.ts'
import { StoredPairSchema } from '../pairs.ts'
import { StoredAdultSchema, StoredChildSchema } from '../people.ts'
import { EMPTY_PLANNING, FairnessSettingSchema, StoredAvailabilitySchema, StoredExemptionSchema } from '../planning/records.ts'
import { SettingsSchema } from '../settings.ts'
import { StoredSignUpSchema } from '../signup.ts'
import { StoredOfferSchema, StoredReleaseSchema, StoredResponseSchema } from '../swaps/records.ts'
import { StoredAbsenceSchema, StoredCheckInSchema, StoredWalkEventSchema, StoredWalkNoteSchema } from '../walk-log/records.ts'

export const COLLECTIVE_EXPORT_FORMAT = 'pedibus-coop/collective'
export const FAMILY_EXPORT_FORMAT = 'pedibus-coop/family'
/** Bumped on any change a reader of version 1 could misread; a restore refuses other versions. */
export const EXPORT_VERSION = 1

/** Far above a real collective (a few hundred records a year), far below what would freeze a phone. */
const MAX_RECORDS = 200_000
const list = <S extends z.core.SomeType>(schema: S) => z.array(schema).check(z.maxLength(MAX_RECORDS))

/**
 * Availability, reduced-share periods and the fairness setting. Files written before planning
 * existed have none: they read as no planning records and the default setting.
 */
const PlanningExportSchema = z._default(
  z.object({
    fairness: FairnessSettingSchema,
    availability: list(StoredAvailabilitySchema),
    exemptions: list(StoredExemptionSchema),
  }),
  () => ({ ...EMPTY_PLANNING, availability: [], exemptions: [] }),
)

/** Meetings and their replies (issue 17); files written before have none. */
const MeetingsExportSchema = z._default(
  z.object({ meetings: list(StoredMeetingSchema), replies: list(StoredMeetingReplySchema) }),
  () => ({ meetings: [], replies: [] }),
)

/** Coups de main: requests and offers, answers, the kinds list's edits (issue 17); files written before have none. */
const HelpExportSchema = z._default(
  z.object({ requests: list(StoredHelpRequestSchema), answers: list(StoredHelpAnswerSchema), kinds: list(StoredHelpKindSchema) }),
  () => ({ requests: [], answers: [], kinds: [] }),
)

export const CollectiveExportSchema = z.object({
  format: z.literal(COLLECTIVE_EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  profile: z.nullable(StoredCollectiveProfileSchema),
  settings: SettingsSchema,
  lines: list(StoredLineSchema),
  stops: list(StoredStopSchema),
  families: list(StoredFamilySchema),
  adults: list(StoredAdultSchema),
  children: list(StoredChildSchema),
  exceptions: list(StoredExceptionSchema),
  holidays: list(StoredHolidaySchema),
  holidayOverrides: list(StoredHolidayOverrideSchema),
  signUps: list(StoredSignUpSchema),
  swaps: z.object({ offers: list(StoredOfferSchema), responses: list(StoredResponseSchema), releases: list(StoredReleaseSchema) }),
  coordination: z.object({
    setting: CoordinatorRosterSettingSchema,
    roster: list(StoredRosterEntrySchema),
    offers: list(StoredPeriodOfferSchema),
    responses: list(StoredPeriodResponseSchema),
    notes: list(StoredHandoverNoteSchema),
    acks: list(StoredHandoverAckSchema),
  }),
  walkLog: z.object({
    absences: list(StoredAbsenceSchema),
    checkIns: list(StoredCheckInSchema),
    events: list(StoredWalkEventSchema),
    notes: list(StoredWalkNoteSchema),
  }),
  planning: PlanningExportSchema,
  meetings: MeetingsExportSchema,
  help: HelpExportSchema,
  /** "Trajet en binôme" and "passer le témoin" (issue 17); files written before have none. */
  pairs: z._default(list(StoredPairSchema), () => []),
  /** The collective's charter (issue 18), opened: one record at most (a list, like every record kind); files written before have none. */
  charter: z._default(list(StoredCharterSchema).check(z.maxLength(1)), () => []),
})
export type CollectiveExport = z.output<typeof CollectiveExportSchema>

/** Lines and stops a family's records name, reduced to what makes the file readable (no other family in them). */
const PlaceSchema = z.object({ id: z.string(), name: z.string() })

export const FamilyExportSchema = z.object({
  format: z.literal(FAMILY_EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  collective: z.nullable(StoredCollectiveProfileSchema),
  family: StoredFamilySchema,
  adults: list(StoredAdultSchema),
  children: list(StoredChildSchema),
  signUps: list(StoredSignUpSchema),
  absences: list(StoredAbsenceSchema),
  walkNotes: list(StoredWalkNoteSchema),
  handoverNotes: list(StoredHandoverNoteSchema),
  /** Its adults' availability and its reduced-share periods (ids and dates only). */
  availability: list(StoredAvailabilitySchema),
  exemptions: list(StoredExemptionSchema),
  /** Its coups de main (requests and offers with their answers) and its answers to others' (issue 17). */
  helpRequests: z._default(list(StoredHelpRequestSchema), () => []),
  helpAnswers: z._default(list(StoredHelpAnswerSchema), () => []),
  /** Its answers to meetings, with the meetings they answer. */
  meetings: z._default(list(StoredMeetingSchema), () => []),
  meetingReplies: z._default(list(StoredMeetingReplySchema), () => []),
  /** Its adults' binôme walks (as the newcomer or as the adult walked with). */
  pairs: z._default(list(StoredPairSchema), () => []),
  lines: list(PlaceSchema),
  stops: list(z.extend(PlaceSchema, { lineId: z.string() })),
})
export type FamilyExport = z.output<typeof FamilyExportSchema>

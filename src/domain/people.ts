// Adults and children of a family: the minimum the walk needs (first names, phones, stops), nothing more.
import { z } from 'zod/mini'
import { LocalDateSchema, WeekdaySchema } from './dates.ts'
import { AdultIdSchema, ChildIdSchema, FamilyIdSchema, LineIdSchema, StopIdSchema } from './ids.ts'
import { SupportConsentSchema, supportConsentProblem, withheldSupport } from './support-consent.ts'
import { shortText, storedShortText } from './text.ts'

export const FIRST_NAME_MAX = 40
export const SUPPORT_MAX = 500

const PHONE = /^\+?[0-9][0-9 .-]{7,18}[0-9]$/

/**
 * French phone numbers as typed by parents: digits, spaces, dots, dashes, an optional leading +. Optional: empty
 * means the adult gave none (a parent may walk without sharing a number); screens then show no call link.
 */
const PhoneSchema = z.pipe(
  z.pipe(z.string(), z.transform((text: string) => text.trim())),
  z.string().check(z.refine((text) => text === '' || PHONE.test(text), { message: 'invalidPhone' })),
)

/** Whether an adult gave a phone number to call (stored records may hold '' for none). */
export const hasPhone = (phone: string): boolean => /[0-9]/.test(phone)

export const AdultInputSchema = z.object({
  firstName: shortText(FIRST_NAME_MAX),
  phone: PhoneSchema,
  /** The date the adult accepted the collective's charter, or null if not yet. */
  charterAcceptedOn: z.nullable(LocalDateSchema),
  insured: z.boolean(),
})
export type AdultInput = z.input<typeof AdultInputSchema>

export const StoredAdultSchema = z.looseObject({
  id: AdultIdSchema,
  familyId: FamilyIdSchema,
  firstName: storedShortText(FIRST_NAME_MAX),
  phone: z.string().check(z.maxLength(25)),
  charterAcceptedOn: z.nullable(LocalDateSchema),
  insured: z.boolean(),
})
export type Adult = z.output<typeof StoredAdultSchema>

/** Where a child joins the line in one direction. */
export const ChildRouteSchema = z.object({ lineId: LineIdSchema, stopId: StopIdSchema })
export type ChildRoute = z.infer<typeof ChildRouteSchema>

/** An initial as typed ("d.", " D ") the way it is stored: "D". The dot belongs to the label (childLabel). */
export const initialOf = (text: string): string => text.trim().replace(/\.+$/, '').trim().toUpperCase()

const InitialSchema = z.pipe(
  z.pipe(z.string(), z.transform(initialOf)),
  z.string().check(z.regex(/^\p{Lu}$/u, { message: 'invalidInitial' })),
)

export const ChildInputSchema = z.object({
  firstName: shortText(FIRST_NAME_MAX),
  /** Initial of the family name only: no full name, no birth date, no address. */
  initial: InitialSchema,
  routes: z.object({ aller: z.optional(ChildRouteSchema), retour: z.optional(ChildRouteSchema) }),
  days: z.array(WeekdaySchema),
  /** What the adult should do, e.g. "tenir la main aux traversées". Empty when none. */
  support: z.string().check(z.trim(), z.maxLength(SUPPORT_MAX, { message: 'tooLong' })),
  /** Counts as two children in the adult-to-child ratio (young child, child needing support). */
  countsExtra: z.boolean(),
  /** The planner proposes a walk with this child only with an adult who already walked with them (a "habitué·e"). */
  needsHabitue: z.optional(z.boolean()),
  /**
   * The family's adult who agrees now that the note and the flag are shared with the walkers (support-consent.ts):
   * needed with either, unless an agreement stands. Absent: the stored agreement, if any, is kept.
   */
  consentBy: z.optional(AdultIdSchema),
  /** Written by a member of another family at the child's family's request ("à sa demande"). */
  onRequest: z.optional(z.boolean()),
})
export type ChildInput = z.input<typeof ChildInputSchema>

const StoredChildFieldsSchema = z.looseObject({
  id: ChildIdSchema,
  familyId: FamilyIdSchema,
  firstName: storedShortText(FIRST_NAME_MAX),
  initial: z.string().check(z.regex(/^\p{Lu}$/u)),
  routes: z.object({ aller: z.optional(ChildRouteSchema), retour: z.optional(ChildRouteSchema) }),
  days: z.array(WeekdaySchema),
  support: z.string().check(z.maxLength(SUPPORT_MAX)),
  countsExtra: z.boolean(),
  /** See ChildInputSchema; not personal, never sealed; absent in older records: false. */
  needsHabitue: z.optional(z.boolean()),
  /**
   * The day (Paris) the child was added: it counts in its family's fair share from then, so a child
   * arriving in March adds nothing to the autumn. Not personal, never sealed; absent in records
   * written before it existed: the whole year counts.
   */
  joinedOn: z.optional(LocalDateSchema),
  /** The family's agreement to share the note and the flag with the walkers (support-consent.ts); absent before it was asked. */
  supportConsent: z.optional(SupportConsentSchema),
}).check(
  // A note or flag its family did not agree to (an older app on another phone, another family unasked) is to check.
  z.refine((child) => supportConsentProblem(child) === null, { message: 'supportConsent', path: ['supportConsent'] }),
)

/** A stored child; a note or flag under a withdrawn agreement is read empty (the withdrawal wins, support-consent.ts). */
export const StoredChildSchema = z.pipe(
  StoredChildFieldsSchema,
  z.transform((child) => (withheldSupport(child) ? { ...child, support: '', countsExtra: false } : child)),
)
export type Child = z.output<typeof StoredChildSchema>

/**
 * "Léa D.": the first name and the initial with its one full stop. Normalises as the schemas do, so a label built
 * from what was just typed ("Léa", "d.") reads as the stored child will.
 */
export const childLabel = (child: Pick<Child, 'firstName' | 'initial'>): string =>
  `${child.firstName.trim()} ${initialOf(child.initial)}.`

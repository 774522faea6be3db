// A child's support note and "counts extra" flag: the family's consent record, and who may write them (the family).
//
// Both can say something about a child's health (a wheelchair, an allergy: art. 9 GDPR), so they are shared with the
// adults who walk with the child only with the explicit agreement of the child's family, recorded in the child's
// record: who agreed for the family, when, under which text, and who recorded it (a member of another family may,
// "à sa demande", for a family without a smartphone). The family can withdraw it; the note and the flag are then
// erased. Only ids, dates and a version are in the record: it holds no text, so it stays in clear (like countsExtra).
//
// A stored child whose note breaks the rule (written by an older app on another phone, or by another family unasked)
// is "to check", as any invalid record. A note under a withdrawn agreement (an edit that did not see the withdrawal,
// an older app) is withheld: the withdrawal wins, as a family's removal wins over concurrent additions, and any phone
// erases it (src/doc/support-erasure.ts). Notes written before the app asked for consent carry no record: they are
// "à confirmer" (still read by the walkers) until the family confirms or withdraws. docs/architecture.md says why.
import { z } from 'zod/mini'
import { err, ok, type Result } from '../lib/result.ts'
import { LocalDateSchema, type LocalDate } from './dates.ts'
import { ActorIdSchema, AdultIdSchema, FamilyIdSchema, type ActorId, type AdultId, type FamilyId } from './ids.ts'
import { AuthorTimeSchema } from './record-order.ts'

/** The version of the consent text the form shows (fr/en `manage.consent.text`): raise it when that text changes. */
export const SUPPORT_CONSENT_VERSION = 1

/**
 * From this day (a child's `joinedOn`), a note or the flag without a consent record is to check: the apps that ask for
 * consent were out before it, so only an older app writes one. A child added earlier, or before `joinedOn` existed,
 * may hold a note from before: "à confirmer".
 */
export const SUPPORT_CONSENT_REQUIRED_FROM: LocalDate = LocalDateSchema.parse('2027-01-01')

/** Who recorded an agreement, a write or a withdrawal, from which phone, when. */
export const ConsentStampSchema = z.object({
  /** The adult on that phone (null: the phone had not said who it was). */
  by: z.nullable(AdultIdSchema),
  /** Their family (null: not said): the child's own, unless `onRequest`. */
  byFamily: z.nullable(FamilyIdSchema),
  /** A member of another family recorded it at the family's request ("à sa demande"). */
  onRequest: z.boolean(),
  actor: ActorIdSchema,
  /** The author's local time with its offset. */
  at: AuthorTimeSchema,
})
export type ConsentStamp = z.output<typeof ConsentStampSchema>

export const SupportConsentSchema = z.looseObject({
  /** The family it is about: the child's (a record copied onto another family's child does not hold). */
  familyId: FamilyIdSchema,
  /** The family's adult who agreed; null when nobody did (a note from before consent was asked, then withdrawn). */
  adultId: z.nullable(AdultIdSchema),
  /** The consent text agreed to (SUPPORT_CONSENT_VERSION then); 0 when nobody agreed. */
  version: z.number().check(z.int(), z.nonnegative()),
  /** Who recorded the agreement, when; null with `adultId`. */
  given: z.nullable(ConsentStampSchema),
  /** The latest write of the note or the flag under this agreement. */
  written: z.nullable(ConsentStampSchema),
  /** The family withdrew it: the note and the flag were erased then, and stay empty until it agrees again. */
  withdrawn: z.optional(ConsentStampSchema),
})
export type SupportConsent = z.output<typeof SupportConsentSchema>

/** What the consent rule reads of a child (stored or about to be written). */
export interface SupportFields {
  readonly familyId: FamilyId
  readonly support: string
  readonly countsExtra: boolean
  readonly joinedOn?: LocalDate | undefined
  readonly supportConsent?: SupportConsent | undefined
}

/** The note and the flag a write sets. */
export interface SupportValues {
  readonly support: string
  readonly countsExtra: boolean
}

/** Who writes, from this phone: its family and adult as the phone says, and whether at the child's family's request. */
export interface SupportWriter {
  readonly familyId: FamilyId | null
  readonly adultId: AdultId | null
  readonly actor: ActorId
  readonly at: string
  readonly onRequest: boolean
}

export type SupportConsentState = 'none' | 'given' | 'toConfirm' | 'withdrawn'
export type SupportConsentProblem = 'missing' | 'otherFamily' | 'notFamily' | 'incomplete'
export type SupportWriteError = 'notYourFamily' | 'consentRequired' | 'consentNotOfFamily'
export type SupportWithdrawalError = 'notYourFamily' | 'nothingToWithdraw'

/** The child has something covered by the consent: a note (not only spaces) or the flag. */
export const hasSupport = (child: SupportValues): boolean => child.support.trim() !== '' || child.countsExtra

/** An agreement given and not withdrawn. */
export const isConsentActive = (consent: SupportConsent | undefined): consent is SupportConsent & { adultId: AdultId } =>
  consent !== undefined && consent.adultId !== null && consent.given !== null && consent.withdrawn === undefined

const stampOf = (childFamilyId: FamilyId, writer: SupportWriter): ConsentStamp => ({
  by: writer.adultId,
  byFamily: writer.familyId,
  onRequest: writer.familyId !== childFamilyId,
  actor: writer.actor,
  at: writer.at,
})

const mayWrite = (childFamilyId: FamilyId, writer: SupportWriter): boolean => writer.familyId === childFamilyId || writer.onRequest

/**
 * Why a stored child's note or flag cannot be trusted, or null. The domain's validation of a child (StoredChildSchema
 * refuses what this refuses): a problem makes the record "to check".
 */
export const supportConsentProblem = (child: SupportFields): SupportConsentProblem | null => {
  const consent = child.supportConsent
  if (consent === undefined) {
    const since = child.joinedOn !== undefined && child.joinedOn >= SUPPORT_CONSENT_REQUIRED_FROM
    return since && hasSupport(child) ? 'missing' : null
  }
  if (consent.familyId !== child.familyId) return 'otherFamily'
  const stamps = [consent.given, consent.written, consent.withdrawn]
  if (stamps.some((stamp) => stamp != null && !stamp.onRequest && stamp.byFamily !== child.familyId)) return 'notFamily'
  // Nobody agreed and nothing was withdrawn: a record no version writes.
  if ((consent.adultId === null) !== (consent.given === null) || (consent.adultId === null && consent.withdrawn === undefined)) {
    return 'incomplete'
  }
  return null
}

/**
 * A note or the flag under a withdrawn agreement: the withdrawal wins. The reader shows neither (StoredChildSchema
 * empties them) and the next phone that sees it erases them from the document. Two family phones, one withdrawing
 * while the other edits, can merge into this (each field keeps its latest write): never into a note shown unagreed.
 */
export const withheldSupport = (child: SupportFields): boolean => child.supportConsent?.withdrawn !== undefined && hasSupport(child)

/** How a valid child's note stands: agreed, "à confirmer" (from before consent was asked), withdrawn, or nothing to agree to. */
export const supportConsentState = (child: SupportFields): SupportConsentState => {
  if (isConsentActive(child.supportConsent)) return 'given'
  if (hasSupport(child)) return 'toConfirm'
  return child.supportConsent?.withdrawn === undefined ? 'none' : 'withdrawn'
}

/**
 * The consent record a write of the child stores (undefined: leave it as it is), or why the write is refused.
 * `stored`: the child as stored, null for a new one; `next`: the note and the flag written; `consentBy`: the family's
 * adult who agrees now (a first or renewed agreement), undefined to keep the one stored; `familyAdults`: the child's
 * family's adults. Only the family (or a member at its request) changes the note or the flag, and a note or the flag
 * needs an agreement. An edit of other fields (days, stops) touches neither and needs nothing.
 */
export const supportWrite = (args: {
  readonly childFamilyId: FamilyId
  readonly stored: SupportFields | null
  readonly next: SupportValues
  readonly consentBy: AdultId | undefined
  readonly familyAdults: readonly AdultId[]
  readonly writer: SupportWriter
}): Result<SupportConsent | undefined, Record<string, SupportWriteError>> => {
  const { childFamilyId, stored, next, consentBy, writer } = args
  const changes = stored === null
    ? hasSupport(next)
    : stored.support.trim() !== next.support.trim() || stored.countsExtra !== next.countsExtra
  if (!changes && consentBy === undefined) return ok(undefined)
  if (!mayWrite(childFamilyId, writer)) return err({ support: 'notYourFamily' })
  if (consentBy !== undefined && !args.familyAdults.includes(consentBy)) return err({ consentBy: 'consentNotOfFamily' })
  const current = stored?.supportConsent
  const active = isConsentActive(current) && current.familyId === childFamilyId
  const stamp = stampOf(childFamilyId, writer)
  if (consentBy !== undefined) {
    return ok({
      familyId: childFamilyId, adultId: consentBy, version: SUPPORT_CONSENT_VERSION, given: stamp,
      written: changes ? stamp : active ? current.written : null,
    })
  }
  if (active) return ok({ ...current, written: stamp })
  return hasSupport(next) ? err({ consentBy: 'consentRequired' }) : ok(undefined)
}

/**
 * The consent record after the family withdraws its agreement (the caller erases the note and the flag in the same
 * write), or why not. Who had agreed stays recorded, with who withdrew and when.
 */
export const supportWithdrawal = (args: {
  readonly childFamilyId: FamilyId
  readonly stored: SupportFields
  readonly writer: SupportWriter
}): Result<SupportConsent, SupportWithdrawalError> => {
  const { childFamilyId, stored, writer } = args
  if (!mayWrite(childFamilyId, writer)) return err('notYourFamily')
  const current = stored.supportConsent
  if (!hasSupport(stored) && !isConsentActive(current)) return err('nothingToWithdraw')
  const base: SupportConsent = current?.familyId === childFamilyId
    ? current
    : { familyId: childFamilyId, adultId: null, version: 0, given: null, written: null }
  return ok({ ...base, withdrawn: stampOf(childFamilyId, writer) })
}

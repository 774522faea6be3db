// Random edits of children's support notes on one replica, as the app writes them (issue 16): the note and the flag by
// the child's family with an agreement of one of its adults (src/domain/support-consent.ts), withdrawals, and any
// phone's erasure of a note left under a withdrawn agreement. Two phones of a family editing and withdrawing offline
// merge field by field: the invariants check the withdrawal wins and no such merge is "to check".
import * as Y from 'yjs'
import { CANNOT_OPEN, openPersonal, personalContext } from '../../src/doc/codec.ts'
import { MAP_ADULTS, MAP_CHILDREN } from '../../src/doc/keys.ts'
import * as edit from '../../src/doc/mutations.ts'
import { eraseWithheldSupport } from '../../src/doc/support-erasure.ts'
import type { AdultId, ChildId, FamilyId } from '../../src/domain/ids.ts'
import type { ChildInput } from '../../src/domain/people.ts'
import {
  SupportConsentSchema, hasSupport, supportWithdrawal, supportWrite, type SupportConsent, type SupportFields, type SupportWriter,
} from '../../src/domain/support-consent.ts'
import type { OpContext, Replica } from './operations.ts'

type Op = (replica: Replica, context: OpContext) => void

const AT = '2027-03-12T19:00:00+01:00'
const pick = <T>(random: () => number, items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
const recordOf = (doc: Y.Doc, name: string, key: string): Y.Map<unknown> | null => {
  const record = doc.getMap(name).get(key)
  return record instanceof Y.Map ? record : null
}
const adultsOf = (doc: Y.Doc, familyId: string): AdultId[] =>
  [...doc.getMap(MAP_ADULTS).keys()].filter((id) => recordOf(doc, MAP_ADULTS, id)?.get('familyId') === familyId) as AdultId[]

/** This replica as a phone of the child's family: its first adult (by id), if it has one. */
const familyWriter = (replica: Replica, familyId: FamilyId): SupportWriter | null => {
  const adultId = adultsOf(replica.doc, familyId).sort()[0]
  return adultId === undefined ? null : { familyId, adultId, actor: replica.actor, at: AT, onRequest: false }
}

/** The child as stored on this replica, for the consent rule (its note opened). */
export const storedSupport = (doc: Y.Doc, childId: string): SupportFields | null => {
  const record = recordOf(doc, MAP_CHILDREN, childId)
  if (record === null) return null
  const note = openPersonal(doc, personalContext(MAP_CHILDREN, childId, 'support'), record.get('support'))
  const consent = SupportConsentSchema.safeParse(record.get('supportConsent'))
  return {
    familyId: record.get('familyId') as FamilyId,
    support: note === CANNOT_OPEN || typeof note !== 'string' ? '' : note,
    countsExtra: record.get('countsExtra') === true,
    ...(consent.success ? { supportConsent: consent.data } : {}),
  }
}

/**
 * The input and consent record the app's command would write for this family phone: a note or the flag with the
 * agreement of the family's adult; without an adult in the family, neither is written.
 */
const asTheFamily = (
  replica: Replica, familyId: FamilyId, stored: SupportFields | null, input: ChildInput,
): { input: ChildInput; consent: SupportConsent | undefined } => {
  const writer = familyWriter(replica, familyId)
  const next = { support: input.support, countsExtra: input.countsExtra }
  if (writer === null) return { input: { ...input, support: '', countsExtra: false }, consent: undefined }
  const agreeing = hasSupport(next) ? writer.adultId ?? undefined : undefined
  const rule = supportWrite({ childFamilyId: familyId, stored, next, consentBy: agreeing, familyAdults: adultsOf(replica.doc, familyId), writer })
  if (!rule.ok) throw new Error(`the family's own write was refused: ${JSON.stringify(rule.error)}`)
  return { input, consent: rule.value }
}

/** edit.addChild as the family's phone writes it (with its agreement when there is a note). */
export const addChildAsFamily = (replica: Replica, familyId: FamilyId, input: ChildInput): void => {
  const write = asTheFamily(replica, familyId, null, input)
  edit.addChild(replica.doc, familyId, write.input, undefined, write.consent)
}

/** edit.updateChild as the family's phone writes it. */
export const updateChildAsFamily = (replica: Replica, childId: ChildId, input: ChildInput): void => {
  const stored = storedSupport(replica.doc, childId)
  if (stored === null) return
  const write = asTheFamily(replica, stored.familyId, stored, input)
  edit.updateChild(replica.doc, childId, write.input, write.consent)
}

const randomChild = (replica: Replica, random: () => number): ChildId | undefined =>
  pick(random, [...replica.doc.getMap(MAP_CHILDREN).keys()]) as ChildId | undefined

/** The family withdraws its agreement: the note and the flag are erased in the same change. */
const withdrawConsent: Op = (replica, { random }) => {
  const childId = randomChild(replica, random)
  const stored = childId === undefined ? null : storedSupport(replica.doc, childId)
  const writer = stored === null ? null : familyWriter(replica, stored.familyId)
  if (childId === undefined || stored === null || writer === null) return
  const consent = supportWithdrawal({ childFamilyId: stored.familyId, stored, writer })
  if (consent.ok) edit.withdrawSupportConsent(replica.doc, childId, consent.value)
}

/** The family writes (or rewrites) a child's note, agreeing again when its agreement was withdrawn or never given. */
const writeNote: Op = (replica, { random, next }) => {
  const childId = randomChild(replica, random)
  const stored = childId === undefined ? null : storedSupport(replica.doc, childId)
  const record = childId === undefined ? null : recordOf(replica.doc, MAP_CHILDREN, childId)
  if (childId === undefined || stored === null || record === null) return
  // The child's other fields as stored (opened): only the note and the flag change.
  const opened = (field: string): string => {
    const value = openPersonal(replica.doc, personalContext(MAP_CHILDREN, childId, field), record.get(field))
    return typeof value === 'string' ? value : 'X'
  }
  updateChildAsFamily(replica, childId, {
    firstName: opened('firstName'), initial: opened('initial'), routes: record.get('routes') as ChildInput['routes'],
    days: record.get('days') as ChildInput['days'], support: `Tenir la main ${next()}`, countsExtra: random() < 0.5,
  })
}

/** A phone that sees a note left under a withdrawn agreement erases it (the session does it after each change from outside). */
const eraseWithheld: Op = (replica) => {
  eraseWithheldSupport(replica.doc)
}

/** [weight, operation], with the other operations' weights. */
export const CONSENT_OPERATIONS: readonly (readonly [number, Op])[] = [
  [3, writeNote],
  [3, withdrawConsent],
  [1, eraseWithheld],
]

// A child's support note and "counts extra": only its family writes them (or a member at its request), under a consent
// record it can withdraw; a stored record that breaks the rule is "to check"; notes from before consent was asked are
// "à confirmer". Issue 16.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { StoredChildSchema, type Child } from '../../../src/domain/people.ts'
import {
  SUPPORT_CONSENT_REQUIRED_FROM, SUPPORT_CONSENT_VERSION, supportConsentProblem, supportConsentState, supportWithdrawal, supportWrite,
  withheldSupport, type ConsentStamp, type SupportConsent, type SupportWriter,
} from '../../../src/domain/support-consent.ts'
import { actorId, adultId, createChild, familyId } from './rota-fixtures.ts'

const AT = '2027-03-02T19:00:00+01:00'
/** Adult 1 of family 1 (the child's), adult 2 of family 2 (another family). */
const family: SupportWriter = { familyId: familyId(1), adultId: adultId(1), actor: actorId(1), at: AT, onRequest: false }
const other: SupportWriter = { familyId: familyId(2), adultId: adultId(2), actor: actorId(2), at: AT, onRequest: false }
const stampOf = (writer: SupportWriter): ConsentStamp =>
  ({ by: writer.adultId, byFamily: writer.familyId, onRequest: writer.familyId !== familyId(1), actor: writer.actor, at: writer.at })
const given = (writer: SupportWriter = family, overrides: Partial<SupportConsent> = {}): SupportConsent => ({
  familyId: familyId(1), adultId: adultId(1), version: SUPPORT_CONSENT_VERSION, given: stampOf(writer), written: stampOf(writer), ...overrides,
})
const child = (overrides: Partial<Child> = {}): Child => createChild(1, 1, { joinedOn: localDate('2027-03-01'), ...overrides })
const note = { support: 'Fauteuil : passer par la rampe', countsExtra: true }
const FAMILY_ADULTS = [adultId(1), adultId(3)]

describe('writing a child’s support note or "counts extra"', () => {
  it('its family writes it with the agreement of one of its adults: the consent record says who, when, which text', () => {
    const result = supportWrite({ childFamilyId: familyId(1), stored: null, next: note, consentBy: adultId(3), familyAdults: FAMILY_ADULTS, writer: family })
    expect(result).toEqual({ ok: true, value: {
      familyId: familyId(1), adultId: adultId(3), version: SUPPORT_CONSENT_VERSION, given: stampOf(family), written: stampOf(family),
    } })
  })

  it('a member of another family cannot write it, even with an agreement, unless at the family’s request', () => {
    const args = { childFamilyId: familyId(1), stored: null, next: note, consentBy: adultId(1), familyAdults: FAMILY_ADULTS }
    expect(supportWrite({ ...args, writer: other })).toEqual({ ok: false, error: { support: 'notYourFamily' } })
    expect(supportWrite({ ...args, writer: { ...other, familyId: null } })).toEqual({ ok: false, error: { support: 'notYourFamily' } })
    const atRequest = supportWrite({ ...args, writer: { ...other, onRequest: true } })
    expect(atRequest.ok && atRequest.value?.given).toEqual({ by: adultId(2), byFamily: familyId(2), onRequest: true, actor: actorId(2), at: AT })
  })

  it('a note or the flag needs an agreement, of an adult of the child’s family', () => {
    const args = { childFamilyId: familyId(1), stored: null, familyAdults: FAMILY_ADULTS, writer: family }
    expect(supportWrite({ ...args, next: note, consentBy: undefined })).toEqual({ ok: false, error: { consentBy: 'consentRequired' } })
    expect(supportWrite({ ...args, next: { support: '', countsExtra: true }, consentBy: undefined }))
      .toEqual({ ok: false, error: { consentBy: 'consentRequired' } })
    expect(supportWrite({ ...args, next: note, consentBy: adultId(2) })).toEqual({ ok: false, error: { consentBy: 'consentNotOfFamily' } })
  })

  it('an edit that leaves the note and the flag alone needs nothing, whoever makes it', () => {
    const stored = child({ ...note, supportConsent: given() })
    expect(supportWrite({ childFamilyId: familyId(1), stored, next: { support: ` ${note.support} `, countsExtra: true }, consentBy: undefined, familyAdults: FAMILY_ADULTS, writer: other }))
      .toEqual({ ok: true, value: undefined })
    expect(supportWrite({ childFamilyId: familyId(1), stored: null, next: { support: '', countsExtra: false }, consentBy: undefined, familyAdults: [], writer: other }))
      .toEqual({ ok: true, value: undefined })
  })

  it('under an agreement given, the family changes its note without agreeing again: the latest write is recorded', () => {
    const stored = child({ ...note, supportConsent: given() })
    const later = { ...family, adultId: adultId(3), at: '2027-03-09T08:00:00+01:00' }
    const result = supportWrite({ childFamilyId: familyId(1), stored, next: { ...note, support: 'Tenir la main' }, consentBy: undefined, familyAdults: FAMILY_ADULTS, writer: later })
    expect(result).toEqual({ ok: true, value: { ...given(), written: stampOf(later) } })
    expect(supportWrite({ childFamilyId: familyId(1), stored, next: { ...note, support: 'Tenir la main' }, consentBy: undefined, familyAdults: FAMILY_ADULTS, writer: other }))
      .toEqual({ ok: false, error: { support: 'notYourFamily' } })
  })

  it('after a withdrawal, a new note needs a new agreement, which replaces the withdrawn record', () => {
    const withdrawn = given(family, { withdrawn: stampOf(family) })
    const stored = child({ supportConsent: withdrawn })
    const args = { childFamilyId: familyId(1), stored, next: note, familyAdults: FAMILY_ADULTS, writer: family }
    expect(supportWrite({ ...args, consentBy: undefined })).toEqual({ ok: false, error: { consentBy: 'consentRequired' } })
    const again = supportWrite({ ...args, consentBy: adultId(1) })
    expect(again.ok && again.value).toEqual(given())
  })
})

describe('withdrawing the agreement', () => {
  it('records who withdrew it, when, and keeps who had agreed', () => {
    const stored = child({ ...note, supportConsent: given() })
    expect(supportWithdrawal({ childFamilyId: familyId(1), stored, writer: family })).toEqual({ ok: true, value: given(family, { withdrawn: stampOf(family) }) })
  })

  it('by its family, or by a member at its request; there must be something to withdraw', () => {
    const stored = child({ ...note, supportConsent: given() })
    expect(supportWithdrawal({ childFamilyId: familyId(1), stored, writer: other })).toEqual({ ok: false, error: 'notYourFamily' })
    expect(supportWithdrawal({ childFamilyId: familyId(1), stored, writer: { ...other, onRequest: true } }).ok).toBe(true)
    expect(supportWithdrawal({ childFamilyId: familyId(1), stored: child(), writer: family })).toEqual({ ok: false, error: 'nothingToWithdraw' })
  })

  it('a note from before consent was asked can be withdrawn too: nobody is recorded as having agreed', () => {
    const stored = child({ ...note, joinedOn: undefined })
    expect(supportWithdrawal({ childFamilyId: familyId(1), stored, writer: family })).toEqual({ ok: true, value: {
      familyId: familyId(1), adultId: null, version: 0, given: null, written: null, withdrawn: stampOf(family),
    } })
  })
})

describe('a stored child’s note: trusted, "à confirmer", or to check', () => {
  it('a note under an agreement of its family is trusted', () => {
    expect(supportConsentProblem(child({ ...note, supportConsent: given() }))).toBeNull()
    expect(supportConsentState(child({ ...note, supportConsent: given() }))).toBe('given')
    expect(supportConsentProblem(child({ ...note, supportConsent: given({ ...other, onRequest: true }) }))).toBeNull()
  })

  it('a note written before consent was asked (no record, joined before the rule or on an unknown day) is "à confirmer"', () => {
    for (const joinedOn of [undefined, localDate('2026-10-05')]) {
      expect(supportConsentProblem(child({ ...note, joinedOn }))).toBeNull()
      expect(supportConsentState(child({ ...note, joinedOn }))).toBe('toConfirm')
    }
    expect(supportConsentState(child({ joinedOn: undefined }))).toBe('none')
  })

  it('a note without agreement on a child added since the rule (an older app on another phone) is to check', () => {
    expect(supportConsentProblem(child({ ...note, joinedOn: SUPPORT_CONSENT_REQUIRED_FROM }))).toBe('missing')
    expect(supportConsentProblem(child({ support: '', countsExtra: true }))).toBe('missing')
    expect(supportConsentProblem(child())).toBeNull()
  })

  it('an agreement of another family, one written by another family unasked, or a half record is to check', () => {
    expect(supportConsentProblem(child({ ...note, supportConsent: given(family, { familyId: familyId(2) }) }))).toBe('otherFamily')
    expect(supportConsentProblem(child({ ...note, supportConsent: given(family, { written: { ...stampOf(other), onRequest: false } }) }))).toBe('notFamily')
    expect(supportConsentProblem(child({ ...note, supportConsent: given(family, { adultId: null }) }))).toBe('incomplete')
    expect(supportConsentProblem(child({ supportConsent: given(family, { adultId: null, given: null }) }))).toBe('incomplete')
  })

  it('the withdrawal wins: a note under a withdrawn agreement (an edit concurrent with it, an older app) is withheld', () => {
    const withdrawn = given(family, { withdrawn: stampOf(family) })
    expect(supportConsentProblem(child({ ...note, supportConsent: withdrawn }))).toBeNull()
    expect(withheldSupport(child({ ...note, supportConsent: withdrawn }))).toBe(true)
    expect(withheldSupport(child({ supportConsent: withdrawn }))).toBe(false)
    expect(withheldSupport(child({ ...note, supportConsent: given() }))).toBe(false)
    expect(supportConsentState(child({ supportConsent: withdrawn }))).toBe('withdrawn')
    const plain = JSON.parse(JSON.stringify(child({ ...note, supportConsent: withdrawn }))) as Record<string, unknown>
    expect(StoredChildSchema.parse(plain)).toMatchObject({ support: '', countsExtra: false, supportConsent: withdrawn })
  })

  it('the stored schema refuses what the rule refuses, so the reader lists it "to check"', () => {
    const plain = (value: Child): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>
    expect(StoredChildSchema.safeParse(plain(child({ ...note, supportConsent: given() }))).success).toBe(true)
    expect(StoredChildSchema.safeParse(plain(child({ ...note, joinedOn: undefined }))).success).toBe(true)
    const refused = StoredChildSchema.safeParse(plain(child({ ...note, supportConsent: given(family, { familyId: familyId(2) }) })))
    expect(refused.success).toBe(false)
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['supportConsent'])
    expect(StoredChildSchema.safeParse(plain(child({ ...note, supportConsent: { ...given(), version: 'v1' } as never }))).success).toBe(false)
  })
})

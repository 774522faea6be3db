// A child's consent record in the document: written with the note, read back, a withdrawal erases the note and the flag
// in one change (the sealed note is dropped: the erasure compaction runs), and a record that breaks the rule is "to check".
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { FLAT_PERSONAL_MAPS } from '../../../src/doc/record-kinds.ts'
import { MAP_CHILDREN } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { eraseWithheldSupport } from '../../../src/doc/support-erasure.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { createActorId } from '../../../src/domain/ids.ts'
import { SUPPORT_CONSENT_VERSION, type SupportConsent } from '../../../src/domain/support-consent.ts'
import { removesPersonalValue } from '../../../src/storage/doc-compaction.ts'
import { newFixture, valueOf, type Fixture } from './fixtures.ts'

const AT = '2027-03-02T19:00:00+01:00'
const consentOf = (fixture: Fixture): SupportConsent => {
  const stamp = { by: fixture.adultId, byFamily: fixture.familyId, onRequest: false, actor: createActorId(), at: AT }
  return { familyId: fixture.familyId, adultId: fixture.adultId, version: SUPPORT_CONSENT_VERSION, given: stamp, written: stamp }
}
const input = (fixture: Fixture, support: string, countsExtra = false) => {
  const route = { lineId: fixture.lineId, stopId: fixture.stops[0]! }
  return { firstName: 'Hugo', initial: 'N', routes: { aller: route }, days: [1, 2], support, countsExtra }
}
const stored = (doc: Y.Doc, id: string, field: string): unknown => (doc.getMap(MAP_CHILDREN).get(id) as Y.Map<unknown>).get(field)

describe('a child’s consent record in the document', () => {
  it('is written with the note and read back with the child', () => {
    const fixture = newFixture()
    const consent = consentOf(fixture)
    const id = valueOf(edit.addChild(fixture.doc, fixture.familyId, input(fixture, 'Fauteuil : rampe côté parc', true), localDate('2027-03-02'), consent))
    const view = readCollective(fixture.doc)
    expect(view.toCheck).toEqual([])
    expect(view.children.find((child) => child.id === id)).toMatchObject({ support: 'Fauteuil : rampe côté parc', countsExtra: true, supportConsent: consent })
    // The record holds ids, a version and times: no text, in clear like the flag; the note stays sealed.
    expect(JSON.stringify(stored(fixture.doc, id, 'supportConsent'))).not.toContain('rampe')
    expect(String(stored(fixture.doc, id, 'support'))).toMatch(/^s1\./)

    const later = { ...consent, written: { ...consent.written!, at: '2027-03-09T08:00:00+01:00' } }
    valueOf(edit.updateChild(fixture.doc, id, input(fixture, 'Tenir la main', true), later))
    expect(readCollective(fixture.doc).children.find((child) => child.id === id)?.supportConsent).toEqual(later)
    // An edit without a record leaves the stored one (an edit of the days, or a version that does not know it).
    valueOf(edit.updateChild(fixture.doc, id, { ...input(fixture, 'Tenir la main', true), days: [1] }))
    expect(readCollective(fixture.doc).children.find((child) => child.id === id)?.supportConsent).toEqual(later)
  })

  it('a withdrawal empties the note and the flag and records it, in one change that drops the sealed note', () => {
    const fixture = newFixture()
    const consent = consentOf(fixture)
    const id = valueOf(edit.addChild(fixture.doc, fixture.familyId, input(fixture, 'Allergie aux arachides', true), localDate('2027-03-02'), consent))
    const note = stored(fixture.doc, id, 'support')
    const transactions: boolean[] = []
    fixture.doc.on('beforeObserverCalls', (transaction: Y.Transaction) => transactions.push(removesPersonalValue(transaction, FLAT_PERSONAL_MAPS)))
    const withdrawn = { ...consent, withdrawn: { ...consent.given!, at: '2027-03-10T18:00:00+01:00' } }
    expect(edit.withdrawSupportConsent(fixture.doc, id, withdrawn)).toBe(true)
    expect(transactions).toEqual([true])
    expect(stored(fixture.doc, id, 'support')).not.toBe(note)
    const view = readCollective(fixture.doc)
    expect(view.toCheck).toEqual([])
    expect(view.children.find((child) => child.id === id)).toMatchObject({ support: '', countsExtra: false, supportConsent: withdrawn })
    expect(edit.withdrawSupportConsent(fixture.doc, 'a0000000-0000-4000-8000-000000000000' as typeof id, withdrawn)).toBe(false)
  })

  it('a note written over a withdrawn agreement (an older app, an edit concurrent with it) is withheld, then erased', () => {
    const fixture = newFixture()
    const consent = consentOf(fixture)
    const id = valueOf(edit.addChild(fixture.doc, fixture.familyId, input(fixture, 'Allergie', false), localDate('2027-03-02'), consent))
    edit.withdrawSupportConsent(fixture.doc, id, { ...consent, withdrawn: consent.given! })
    // What an app without consent writes: the note and nothing else.
    valueOf(edit.updateChild(fixture.doc, id, input(fixture, 'Allergie, encore', true)))
    const view = readCollective(fixture.doc)
    expect(view.toCheck).toEqual([])
    expect(view.children.find((child) => child.id === id)).toMatchObject({ support: '', countsExtra: false })
    // Any phone that sees it erases the withheld note from the document (the erasure compaction then takes it off disk).
    const seen: boolean[] = []
    fixture.doc.on('beforeObserverCalls', (transaction: Y.Transaction) => seen.push(removesPersonalValue(transaction, FLAT_PERSONAL_MAPS)))
    expect(eraseWithheldSupport(fixture.doc)).toBe(1)
    expect(seen).toEqual([true])
    expect(eraseWithheldSupport(fixture.doc)).toBe(0)
    expect(stored(fixture.doc, id, 'countsExtra')).toBe(false)
    expect(readCollective(fixture.doc).children.find((child) => child.id === fixture.childId)?.support).toBe('Tenir la main aux traversées')
  })

  it('a child of another family’s agreement, or one written by another family unasked, is "to check"', () => {
    const fixture = newFixture()
    const consent = consentOf(fixture)
    const id = valueOf(edit.addChild(fixture.doc, fixture.familyId, input(fixture, 'Allergie'), localDate('2027-03-02'), consent))
    const other = valueOf(edit.addFamily(fixture.doc, { displayName: 'Bernard' }))
    valueOf(edit.updateChild(fixture.doc, id, input(fixture, 'Allergie'), { ...consent, written: { ...consent.written!, byFamily: other } }))
    const view = readCollective(fixture.doc)
    expect(view.children.map((child) => child.id)).not.toContain(id)
    expect(view.toCheck).toEqual([expect.objectContaining({ kind: 'child', key: id, problems: ['supportConsent:custom'] })])
  })

  it('a note without agreement on a child added since the rule is "to check"; one from before is read as it was', () => {
    const fixture = newFixture()
    const recent = valueOf(edit.addChild(fixture.doc, fixture.familyId, input(fixture, 'Tenir la main'), localDate('2027-03-02')))
    const before = valueOf(edit.addChild(fixture.doc, fixture.familyId, input(fixture, 'Tenir la main'), localDate('2026-11-02')))
    const view = readCollective(fixture.doc)
    expect(view.toCheck.map((record) => record.key)).toEqual([recent])
    expect(view.children.find((child) => child.id === before)?.support).toBe('Tenir la main')
    expect(view.children.find((child) => child.id === fixture.childId)?.support).toBe('Tenir la main aux traversées') // no joinedOn: before
  })
})

// Planning records in the document: availability, reduced shares and the fairness setting round-trip; invalid ones are "to check"; removals cascade; a published plan is one transaction.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { nextSharedClock } from '../../../src/doc/clock.ts'
import { MAP_AVAILABILITY, MAP_COMPACT_SIGNUPS, MAP_EXEMPTIONS, MAP_SETTINGS, MAP_SIGNUPS, Origin, SETTINGS_FAIRNESS_FIELD } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { createActorId } from '../../../src/domain/ids.ts'
import { DEFAULT_FAIRNESS_SETTING, type AvailabilityInput, type ExemptionId } from '../../../src/domain/planning/records.ts'
import { signUpEntryKeyOf, signUpKeyOf } from '../../../src/domain/signup.ts'
import { newFirstLayoutFixture, newFixture, valueOf, walkOn, type Fixture } from './fixtures.ts'

const AT = '2027-03-15T08:12:00+01:00'
const author = (actor = createActorId()) => ({ actor, at: AT })
const OTHER_ID = '00000000-0000-4000-8000-000000000001'

const availabilityInput = (fixture: Fixture): AvailabilityInput => ({
  recurring: [{ weekday: 1, direction: 'aller', lineId: fixture.lineId }, { weekday: 4, direction: 'retour', lineId: fixture.lineId }],
  exceptions: [{ date: '2027-03-18', available: false, direction: null, lineId: null }],
  weeklyMax: 2,
  preference: 'tail',
})

const exemptionInput = (fixture: Fixture) => ({ familyId: fixture.familyId, from: '2027-03-01', to: '2027-04-30', sharePercent: 50 as const })

describe('planning records in the document', () => {
  it('availability is written whole under the adult id, with the adult family, the author and the author time', () => {
    const fixture = newFixture()
    const { doc, adultId, familyId, lineId } = fixture
    const me = createActorId()
    expect(readCollective(doc).planning).toEqual({ fairness: DEFAULT_FAIRNESS_SETTING, availability: [], exemptions: [] })
    valueOf(edit.writeAvailability(doc, { adultId, familyId }, availabilityInput(fixture), author(me)))
    const [availability] = readCollective(doc).planning.availability
    expect(availability).toEqual({ adultId, familyId, ...availabilityInput(fixture), actor: me, at: AT })
    // A second write replaces the whole entry: nothing of the first survives.
    valueOf(edit.writeAvailability(doc, { adultId, familyId }, { recurring: [{ weekday: 2, direction: 'aller', lineId }], exceptions: [], weeklyMax: null, preference: 'none' }, author(me)))
    expect(readCollective(doc).planning.availability).toEqual([
      { adultId, familyId, recurring: [{ weekday: 2, direction: 'aller', lineId }], exceptions: [], weeklyMax: null, preference: 'none', actor: me, at: AT },
    ])
    expect(readCollective(doc).toCheck).toEqual([])
  })

  it('refuses invalid availability with field errors and writes nothing', () => {
    const fixture = newFixture()
    const { doc, adultId, familyId } = fixture
    const result = edit.writeAvailability(doc, { adultId, familyId }, { ...availabilityInput(fixture), weeklyMax: 0 }, author())
    expect(result).toEqual({ ok: false, error: { weeklyMax: 'tooSmall' } })
    expect(doc.getMap(MAP_AVAILABILITY).size).toBe(0)
  })

  it('an exemption is a new entry under a fresh id; its withdrawal rewrites it whole, once, keeping unknown fields', () => {
    const fixture = newFixture()
    const { doc, familyId } = fixture
    const me = createActorId()
    const id = valueOf(edit.writeExemption(doc, exemptionInput(fixture), author(me)))
    expect(readCollective(doc).planning.exemptions).toEqual([{ id, familyId, from: '2027-03-01', to: '2027-04-30', sharePercent: 50, actor: me, at: AT }])
    const stored = doc.getMap<Record<string, unknown>>(MAP_EXEMPTIONS).get(id) ?? {}
    doc.getMap(MAP_EXEMPTIONS).set(id, { ...stored, fromNewerVersion: 'kept' })
    const other = createActorId()
    expect(edit.writeExemptionWithdrawal(doc, id, author(other))).toBe(true)
    expect(edit.writeExemptionWithdrawal(doc, id, author(other))).toBe(false)
    expect(edit.writeExemptionWithdrawal(doc, OTHER_ID as ExemptionId, author(other))).toBe(false)
    expect(readCollective(doc).planning.exemptions[0]).toMatchObject({ id, withdrawn: { actor: other, at: AT }, fromNewerVersion: 'kept' })
    expect(edit.writeExemption(doc, { ...exemptionInput(fixture), to: '2027-02-01' }, author())).toEqual({ ok: false, error: { to: 'endBeforeStart' } })
  })

  it('the fairness setting is one settings field; missing or invalid reads as the default, invalid is "to check" and can be deleted', () => {
    const { doc } = newFixture()
    expect(readCollective(doc).planning.fairness).toEqual(DEFAULT_FAIRNESS_SETTING)
    expect(edit.writeFairnessSetting(doc, { basis: 'perFamily', coordinatorCredit: 4 })).toEqual({ ok: true, value: { basis: 'perFamily', coordinatorCredit: 4 } })
    expect(readCollective(doc).planning.fairness).toEqual({ basis: 'perFamily', coordinatorCredit: 4 })
    expect(edit.writeFairnessSetting(doc, { basis: 'perFamily', coordinatorCredit: 99 })).toEqual({ ok: false, error: { coordinatorCredit: 'tooLarge' } })
    doc.getMap(MAP_SETTINGS).set(SETTINGS_FAIRNESS_FIELD, { basis: 'perHousehold', coordinatorCredit: 2 })
    const view = readCollective(doc)
    expect(view.planning.fairness).toEqual(DEFAULT_FAIRNESS_SETTING)
    expect(view.toCheck).toEqual([expect.objectContaining({ kind: 'settings', key: SETTINGS_FAIRNESS_FIELD, problems: ['fairness.basis:invalid_value'] })])
    // The other settings are untouched by a bad fairness field.
    expect(view.settings.childrenPerAdult).toBe(readCollective(newFixture().doc).settings.childrenPerAdult)
    edit.deleteRecordToCheck(doc, { kind: 'settings', key: SETTINGS_FAIRNESS_FIELD })
    expect(readCollective(doc).toCheck).toEqual([])
  })

  it('invalid entries and entries under another key are "to check" (never thrown), and can be deleted', () => {
    const fixture = newFixture()
    const { doc, adultId, familyId } = fixture
    valueOf(edit.writeAvailability(doc, { adultId, familyId }, availabilityInput(fixture), author()))
    const id = valueOf(edit.writeExemption(doc, exemptionInput(fixture), author()))
    const availability = doc.getMap<Record<string, unknown>>(MAP_AVAILABILITY)
    const exemptions = doc.getMap<Record<string, unknown>>(MAP_EXEMPTIONS)
    availability.set(OTHER_ID, { ...availability.get(adultId) })
    exemptions.set(OTHER_ID, { ...exemptions.get(id) })
    availability.set('broken', { adultId: 'broken', weeklyMax: 'a lot' })
    doc.getMap<unknown>(MAP_EXEMPTIONS).set('text', 'not a record')
    const exemption = exemptions.get(id) ?? {}
    exemptions.set(id, { ...exemption, sharePercent: 150 })
    const view = readCollective(doc)
    expect(view.planning.availability.map((entry) => entry.adultId)).toEqual([adultId])
    expect(view.planning.exemptions).toEqual([])
    const listed = view.toCheck.map((record) => [record.kind, record.key, record.problems[0]])
    expect(listed).toEqual(expect.arrayContaining([
      ['availability', OTHER_ID, 'keyMismatch'],
      ['availability', 'broken', expect.stringMatching(/:/)],
      ['exemption', OTHER_ID, 'keyMismatch'],
      ['exemption', 'text', 'notARecord'],
      ['exemption', id, 'sharePercent:too_big'],
    ]))
    expect(view.toCheck).toHaveLength(5)
    for (const record of view.toCheck) edit.deleteRecordToCheck(doc, record)
    expect(readCollective(doc).toCheck).toEqual([])
    expect(availability.has(adultId)).toBe(true)
  })

  it('a removed adult takes their availability; a removed family takes its adults availability and its reduced shares', () => {
    const fixture = newFixture()
    const { doc, adultId, familyId } = fixture
    const second = valueOf(edit.addAdult(doc, familyId, { firstName: 'Julien', phone: '06 98 76 54 32', charterAcceptedOn: null, insured: true }))
    const otherFamily = valueOf(edit.addFamily(doc, { displayName: 'Bernard' }))
    const stranger = valueOf(edit.addAdult(doc, otherFamily, { firstName: 'Sophie', phone: '06 11 22 33 44', charterAcceptedOn: null, insured: true }))
    for (const [id, family] of [[adultId, familyId], [second, familyId], [stranger, otherFamily]] as const) {
      valueOf(edit.writeAvailability(doc, { adultId: id, familyId: family }, availabilityInput(fixture), author()))
    }
    valueOf(edit.writeExemption(doc, exemptionInput(fixture), author()))
    const kept = valueOf(edit.writeExemption(doc, { ...exemptionInput(fixture), familyId: otherFamily }, author()))

    const origins: unknown[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
    edit.removeAdult(doc, second)
    expect(readCollective(doc).planning.availability.map((entry) => entry.adultId).sort()).toEqual([adultId, stranger].sort())
    edit.removeFamily(doc, familyId)
    const view = readCollective(doc)
    expect(view.planning.availability.map((entry) => entry.adultId)).toEqual([stranger])
    expect(view.planning.exemptions.map((exemption) => exemption.id)).toEqual([kept])
    expect(view.families.map((family) => family.id)).toEqual([otherFamily])
    expect(origins).toEqual([Origin.removeAdult, Origin.removeFamily])
    // Removing what is gone writes nothing.
    edit.removeAdult(doc, second)
    edit.removeFamily(doc, familyId)
    expect(origins).toHaveLength(2)
  })

  it('a removed family takes the availability naming it even of an adult another phone removed concurrently', () => {
    const fixture = newFixture()
    const { doc, adultId, familyId } = fixture
    const second = valueOf(edit.addAdult(doc, familyId, { firstName: 'Julien', phone: '06 98 76 54 32', charterAcceptedOn: null, insured: true }))
    const otherFamily = valueOf(edit.addFamily(doc, { displayName: 'Bernard' }))
    const stranger = valueOf(edit.addAdult(doc, otherFamily, { firstName: 'Sophie', phone: '06 11 22 33 44', charterAcceptedOn: null, insured: true }))
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    // Phone B removes Julien (and his availability) while phone A, offline, saves Julien's availability.
    edit.removeAdult(other, second)
    for (const [id, family] of [[adultId, familyId], [second, familyId], [stranger, otherFamily]] as const) {
      valueOf(edit.writeAvailability(doc, { adultId: id, familyId: family }, availabilityInput(fixture), author()))
    }
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    expect(doc.getMap(MAP_AVAILABILITY).has(second)).toBe(true)
    // Julien is no adult any more: removing the family still takes his availability.
    edit.removeFamily(doc, familyId)
    expect([...doc.getMap(MAP_AVAILABILITY).keys()]).toEqual([stranger])
  })

  it('each write is one transaction with its own origin', () => {
    const fixture = newFixture()
    const { doc, adultId, familyId } = fixture
    const origins: unknown[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
    valueOf(edit.writeAvailability(doc, { adultId, familyId }, availabilityInput(fixture), author()))
    const id = valueOf(edit.writeExemption(doc, exemptionInput(fixture), author()))
    edit.writeExemptionWithdrawal(doc, id, author())
    valueOf(edit.writeFairnessSetting(doc, { basis: 'perChild', coordinatorCredit: 0 }))
    expect(origins).toEqual([Origin.setAvailability, Origin.declareExemption, Origin.withdrawExemption, Origin.setFairness])
  })
})

describe('a published plan', () => {
  const dates = ['2027-03-15', '2027-03-16', '2027-03-18', '2027-03-19']

  it('writes every sign-up in one transaction (one update) with consecutive clocks from the next shared clock', () => {
    const fixture = newFixture()
    const { doc, lineId, adultId, familyId } = fixture
    const earlier = walkOn(lineId, '2027-03-11')
    expect(edit.writeSignUp(doc, { walk: earlier, adultId, familyId, slot: 'lead', actor: createActorId() })).toBe(true)
    const first = nextSharedClock(doc)
    const updates: Uint8Array[] = []
    const origins: unknown[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
    const me = createActorId()
    const writes = dates.map((date) => ({ walk: walkOn(lineId, date), adultId, familyId, slot: 'tail' as const }))
    expect(edit.writePublishedSignUps(doc, writes, author(me))).toBe(4)
    expect(updates).toHaveLength(1)
    expect(origins).toEqual([Origin.publishPlan])
    const published = readCollective(doc).signUps.filter((signUp) => signUp.actor === me)
    expect(published.map((signUp) => [signUp.date, signUp.slot, signUp.status, signUp.clock, signUp.familyId, signUp.at])).toEqual(
      dates.map((date, index) => [date, 'tail', 'active', first + index, familyId, AT]),
    )
    expect(nextSharedClock(doc)).toBe(first + 4)
    // The value has the shape writeSignUp gives it (compact in this schema-2 collective, see signup-layout.test.ts).
    expect(doc.getMap(MAP_SIGNUPS).size).toBe(0)
    const compact = [...doc.getMap(MAP_COMPACT_SIGNUPS).values()]
    expect(compact.length).toBeGreaterThanOrEqual(4)
    expect(compact.every((value) => typeof value === 'string')).toBe(true)
  })

  it('writes a first-layout collective\'s plan in the first layout: the key holds the walk and the adult', () => {
    const { doc, lineId, adultId, familyId } = newFirstLayoutFixture()
    const me = createActorId()
    const writes = dates.map((date) => ({ walk: walkOn(lineId, date), adultId, familyId, slot: 'tail' as const }))
    expect(edit.writePublishedSignUps(doc, writes, author(me))).toBe(4)
    expect(Object.keys(doc.getMap<Record<string, unknown>>(MAP_SIGNUPS).get(signUpEntryKeyOf(writes[0]!.walk, adultId, me)) ?? {}).sort())
      .toEqual(['actor', 'at', 'clock', 'familyId', 'slot', 'status'])
  })

  it('never rewrites an active or a withdrawn entry (the adult chose to leave), rewrites an invalid one keeping its unknown fields, and writes nothing for an empty plan', () => {
    const fixture = newFirstLayoutFixture()
    const { doc, lineId, adultId, familyId } = fixture
    const held = walkOn(lineId, dates[0])
    const left = walkOn(lineId, dates[1])
    const damaged = walkOn(lineId, dates[2])
    const actor = createActorId()
    edit.writeSignUp(doc, { walk: held, adultId, familyId, slot: 'lead', actor })
    edit.writeSignUp(doc, { walk: left, adultId, familyId, slot: 'lead', actor })
    edit.writeWithdrawal(doc, left, adultId, actor)
    const signUps = doc.getMap<Record<string, unknown>>(MAP_SIGNUPS)
    signUps.set(signUpKeyOf(damaged, adultId), { fromNewerVersion: 1 })
    const before = signUps.get(signUpEntryKeyOf(held, adultId, actor))
    const withdrawn = signUps.get(signUpEntryKeyOf(left, adultId, actor))
    expect(withdrawn).toMatchObject({ status: 'withdrawn' })
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    expect(edit.writePublishedSignUps(doc, [], author())).toBe(0)
    expect(updates).toHaveLength(0)
    const publisher = author()
    const written = edit.writePublishedSignUps(doc, [
      { walk: held, adultId, familyId, slot: 'tail' },
      { walk: left, adultId, familyId, slot: 'tail' },
      { walk: damaged, adultId, familyId, slot: 'tail' },
      { walk: damaged, adultId, familyId, slot: 'extra' },
    ], publisher)
    expect(written).toBe(1)
    expect(signUps.get(signUpEntryKeyOf(held, adultId, actor))).toBe(before)
    expect(signUps.get(signUpEntryKeyOf(left, adultId, actor))).toBe(withdrawn)
    // The unreadable entry is replaced by the publisher's own entry, keeping the fields a newer version wrote.
    expect(signUps.has(signUpKeyOf(damaged, adultId))).toBe(false)
    expect(signUps.get(signUpEntryKeyOf(damaged, adultId, publisher.actor))).toMatchObject({ status: 'active', slot: 'tail', fromNewerVersion: 1 })
    expect(readCollective(doc).toCheck).toEqual([])
  })
})

// Personal fields of the shared document: stored sealed ('s1.'), read opened; unopenable values "to check"; legacy plain values read, then sealed; no key, no write.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PERSONAL_FIELDS, SealKeyMissingError, bindSealKey, openPersonal, personalContext } from '../../../src/doc/codec.ts'
import { MAP_ABSENCES, MAP_ADULTS, MAP_CHILDREN, MAP_FAMILIES, MAP_WALK_NOTES, Origin } from '../../../src/doc/keys.ts'
import { sealPlainPersonalValues } from '../../../src/doc/migrations.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { writeRestoredCollective } from '../../../src/doc/restore.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { collectiveExportJson, parseCollectiveExport } from '../../../src/domain/export/collective-export.ts'
import { createActorId } from '../../../src/domain/ids.ts'
import { createGuestId } from '../../../src/domain/walk-log/records.ts'
import { createInviteSecret, createRoomId } from '../../../src/lib/credentials.ts'
import { deriveSealKey, isSealed, sealText, type SealKey } from '../../../src/lib/seal.ts'
import { newFixture, valueOf, walkOn, type Fixture } from './fixtures.ts'

const newKey = async (): Promise<SealKey> => deriveSealKey(createRoomId(), createInviteSecret())

/** The personal strings the fixture and fillPersonal write (the child's one-letter initial is checked as sealed, not searched). */
const PERSONAL_TEXTS = [
  'Martin', 'Camille', '06 12 34 56 78', 'Léa', 'Tenir la main aux traversées', 'Bernard', 'Sacha', '07 98 76 54 32',
  'Grève des enseignants', 'Rendez-vous chez l’orthophoniste', 'Zoé', 'Bonnet perdu rue des Lilas', 'Clé dans la boîte aux lettres',
]

/** Writes one value in every other personal field: a second family, an exception, an absence, a guest, a logbook note, a handover note. */
const fillPersonal = (fixture: Fixture): void => {
  const { doc, lineId, childId, familyId, adultId } = fixture
  const author = { actor: createActorId(), at: '2027-03-15T08:12:00+01:00' }
  const other = valueOf(edit.addFamily(doc, { displayName: 'Bernard' }))
  valueOf(edit.addAdult(doc, other, { firstName: 'Sacha', phone: '07 98 76 54 32', charterAcceptedOn: '2026-09-07', insured: true }))
  valueOf(edit.addException(doc, { date: '2027-03-19', lineId: null, direction: null, reason: 'strike', note: 'Grève des enseignants' }))
  valueOf(edit.writeAbsence(doc, { childId, from: '2027-03-15', to: '2027-03-15', direction: null, note: 'Rendez-vous chez l’orthophoniste' }, familyId, author))
  const walk = walkOn(lineId)
  edit.writeCheckIn(doc, { walk, childId: createGuestId(), guestName: 'Zoé', status: 'present', stopId: null, adultId, ...author })
  edit.writeCheckIn(doc, { walk, childId, status: 'present', stopId: null, adultId, ...author })
  valueOf(edit.writeWalkNote(doc, walk, { text: 'Bonnet perdu rue des Lilas' }, { adultId, familyId }, author))
  valueOf(edit.writeHandoverNote(doc, localDate('2027-03-15'), familyId, { text: 'Clé dans la boîte aux lettres' }, author))
}

/** Every stored value of every personal field, with where it lives. */
const personalValues = (doc: Y.Doc): { map: string; key: string; field: string; value: unknown }[] => {
  const values: { map: string; key: string; field: string; value: unknown }[] = []
  for (const [map, fields] of Object.entries(PERSONAL_FIELDS)) {
    for (const [key, record] of Object.entries(doc.getMap(map).toJSON() as Record<string, Record<string, unknown>>)) {
      for (const field of fields) if (field in record) values.push({ map, key, field, value: record[field] })
    }
  }
  return values
}

/**
 * A document written before sealing (an older app version): the filled fixture's values in clear in
 * a copy with no key bound. Written field by field as that version did; the app never writes this.
 */
const legacyFixture = (): Fixture => {
  const sealed = newFixture()
  fillPersonal(sealed)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(sealed.doc))
  for (const { map, key, field, value } of personalValues(sealed.doc)) {
    setField(doc, map, key, field, openPersonal(sealed.doc, personalContext(map, key, field), value))
  }
  return { ...sealed, doc }
}

const updateBytes = (doc: Y.Doc): Buffer => Buffer.from(Y.encodeStateAsUpdate(doc))

const expectNoPersonalText = (doc: Y.Doc): void => {
  const json = JSON.stringify(doc.toJSON())
  const bytes = updateBytes(doc)
  for (const text of PERSONAL_TEXTS) {
    expect(json, text).not.toContain(text)
    expect(bytes.indexOf(Buffer.from(text, 'utf8')), text).toBe(-1)
  }
}

const setField = (doc: Y.Doc, map: string, key: string, field: string, value: unknown): void => {
  const stored = doc.getMap(map).get(key)
  if (stored instanceof Y.Map) stored.set(field, value)
  else doc.getMap(map).set(key, { ...(stored as object), [field]: value })
}

describe('sealed personal fields', () => {
  it('stores every personal field sealed and reads it back opened', async () => {
    const fixture = newFixture(await newKey())
    fillPersonal(fixture)
    const stored = personalValues(fixture.doc)
    // families 2, adults 2x2, children 3, exception 1, absence 1, guest 1, walk note 1, handover note 1
    expect(stored).toHaveLength(14)
    for (const { map, field, value } of stored) expect(isSealed(value), `${map}.${field}`).toBe(true)
    expectNoPersonalText(fixture.doc)

    const view = readCollective(fixture.doc)
    expect(view.toCheck).toEqual([])
    expect(view.families.map((family) => family.displayName)).toEqual(['Bernard', 'Martin'])
    expect(view.adults.map((adult) => [adult.firstName, adult.phone])).toEqual([['Camille', '06 12 34 56 78'], ['Sacha', '07 98 76 54 32']])
    expect(view.children.map((child) => [child.firstName, child.initial, child.support])).toEqual([['Léa', 'M', 'Tenir la main aux traversées']])
    expect(view.exceptions.map((exception) => exception.note)).toEqual(['Grève des enseignants'])
    expect(view.walkLog.absences.map((absence) => absence.note)).toEqual(['Rendez-vous chez l’orthophoniste'])
    expect(view.walkLog.checkIns.flatMap((mark) => (mark.guestName === undefined ? [] : [mark.guestName]))).toEqual(['Zoé'])
    expect(view.walkLog.notes.map((note) => note.text)).toEqual(['Bonnet perdu rue des Lilas'])
    expect(view.coordination.notes.map((note) => note.text)).toEqual(['Clé dans la boîte aux lettres'])
  })

  it('keeps the stored value of an unchanged field: an edit with the same text writes nothing', async () => {
    const { doc, adultId, childId, familyId, lineId, stops } = newFixture(await newKey())
    let updates = 0
    doc.on('update', () => updates++)
    valueOf(edit.updateAdult(doc, adultId, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: '2026-09-07', insured: true }))
    valueOf(edit.renameFamily(doc, familyId, { displayName: 'Martin' }))
    const route = { lineId, stopId: stops[1]! }
    valueOf(edit.updateChild(doc, childId, {
      firstName: 'Léa', initial: 'M', routes: { aller: route, retour: route }, days: [1, 2, 4, 5], support: 'Tenir la main aux traversées', countsExtra: false,
    }))
    expect(updates).toBe(0)
    valueOf(edit.updateAdult(doc, adultId, { firstName: 'Camille', phone: '06 00 00 00 01', charterAcceptedOn: '2026-09-07', insured: true }))
    expect(updates).toBe(1)
    expect(readCollective(doc).adults[0]?.phone).toBe('06 00 00 00 01')
    expect(updateBytes(doc).indexOf(Buffer.from('06 00 00 00 01'))).toBe(-1)
  })

  it('lists a tampered value, another collective\'s value and a misplaced value "to check" (cannotOpen) while the other records read', async () => {
    const key = await newKey()
    const fixture = newFixture(key)
    fillPersonal(fixture)
    const { doc, childId, adultId, familyId } = fixture
    // Tampered: one character of the ciphertext changed.
    const sealedName = doc.getMap<Y.Map<unknown>>(MAP_CHILDREN).get(childId)!.get('firstName') as string
    const flipped = sealedName.slice(0, 10) + (sealedName[10] === 'A' ? 'B' : 'A') + sealedName.slice(11)
    setField(doc, MAP_CHILDREN, childId, 'firstName', flipped)
    // Sealed with another collective's key, at the right place.
    const absenceId = [...doc.getMap(MAP_ABSENCES).keys()][0]!
    setField(doc, MAP_ABSENCES, absenceId, 'note', sealText(await newKey(), personalContext(MAP_ABSENCES, absenceId, 'note'), 'Angine'))
    // The right key, copied from another record: bound to its place, it does not open here.
    const otherFamilyPhone = doc.getMap<Y.Map<unknown>>(MAP_ADULTS).get(adultId)!.get('phone')
    const otherAdult = [...doc.getMap(MAP_ADULTS).keys()].find((id) => id !== adultId)!
    setField(doc, MAP_ADULTS, otherAdult, 'phone', otherFamilyPhone)

    const view = readCollective(doc)
    expect(view.toCheck.map((record) => [record.kind, record.key, record.problems])).toEqual(expect.arrayContaining([
      ['child', childId, ['firstName:cannotOpen']],
      ['absence', absenceId, ['note:cannotOpen']],
      ['adult', otherAdult, ['phone:cannotOpen']],
    ]))
    expect(view.toCheck).toHaveLength(3)
    // The preview never shows a sealed value nor the unreadable field; it keeps the readable ones.
    const childPreview = view.toCheck.find((record) => record.kind === 'child')!.preview
    expect(childPreview).not.toContain('s1.')
    expect(view.children).toEqual([])
    expect(view.adults.map((adult) => adult.firstName)).toEqual(['Camille'])
    expect(view.families.map((family) => family.id)).toContain(familyId)
    expect(view.walkLog.notes.map((note) => note.text)).toEqual(['Bonnet perdu rue des Lilas'])
  })

  it('cannot open sealed values in a doc with no key, then opens them once the key is bound (no stale cache)', async () => {
    const key = await newKey()
    const fixture = newFixture(key)
    fillPersonal(fixture)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(fixture.doc))
    const blind = readCollective(copy)
    expect(blind.families).toEqual([])
    expect(blind.walkLog.notes).toEqual([])
    expect(blind.toCheck.every((record) => record.problems.every((problem) => problem.endsWith(':cannotOpen')))).toBe(true)
    bindSealKey(copy, key)
    const view = readCollective(copy)
    expect(view.toCheck).toEqual([])
    expect(view.walkLog.notes.map((note) => note.text)).toEqual(['Bonnet perdu rue des Lilas'])
    expect(view.coordination.notes.map((note) => note.text)).toEqual(['Clé dans la boîte aux lettres'])
  })

  it('reads legacy plain values as they are, then the migration seals them in one transaction, once', async () => {
    const legacy = legacyFixture()
    expect(personalValues(legacy.doc).every(({ value }) => typeof value === 'string' && !isSealed(value))).toBe(true)
    const before = readCollective(legacy.doc)
    const key = await newKey()
    bindSealKey(legacy.doc, key)
    const { toCheck: _toCheck, ...beforeData } = before
    expect(readCollective(legacy.doc)).toMatchObject(beforeData)

    const origins: unknown[] = []
    legacy.doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
    expect(sealPlainPersonalValues(legacy.doc)).toBeGreaterThan(0)
    expect(origins).toEqual([Origin.migrate])
    for (const { map, field, value } of personalValues(legacy.doc)) expect(isSealed(value), `${map}.${field}`).toBe(true)
    expect(JSON.stringify(legacy.doc.toJSON())).not.toContain('Bonnet perdu')
    const after = readCollective(legacy.doc)
    expect(after.toCheck).toEqual([])
    expect(after.families).toEqual(before.families)
    expect(after.children).toEqual(before.children)
    expect(after.walkLog.notes).toEqual(before.walkLog.notes)
    expect(after.coordination.notes).toEqual(before.coordination.notes)

    // Idempotent: nothing left to seal, nothing written.
    expect(sealPlainPersonalValues(legacy.doc)).toBe(0)
    expect(origins).toHaveLength(1)
  })

  it('does nothing without a key, and leaves a value it cannot open as it is', async () => {
    const legacy = legacyFixture()
    expect(sealPlainPersonalValues(legacy.doc)).toBe(0)
    const key = await newKey()
    bindSealKey(legacy.doc, key)
    const foreign = sealText(await newKey(), personalContext(MAP_WALK_NOTES, 'x', 'text'), 'Ailleurs')
    setField(legacy.doc, MAP_FAMILIES, legacy.familyId, 'displayName', foreign)
    sealPlainPersonalValues(legacy.doc)
    expect(legacy.doc.getMap<Y.Map<unknown>>(MAP_FAMILIES).get(legacy.familyId)!.get('displayName')).toBe(foreign)
  })
})

describe('writing personal fields fails closed', () => {
  /** The filled fixture as a phone that has not bound the key sees it: everything synced, nothing to seal with. */
  const blindCopy = (): { fixture: Fixture; blind: Y.Doc } => {
    const fixture = newFixture()
    fillPersonal(fixture)
    const blind = new Y.Doc()
    Y.applyUpdate(blind, Y.encodeStateAsUpdate(fixture.doc))
    return { fixture, blind }
  }

  it('throws SealKeyMissingError for every personal write with no key bound, and writes nothing', () => {
    const { fixture, blind: doc } = blindCopy()
    const { lineId, stops, familyId, adultId, childId } = fixture
    const author = { actor: createActorId(), at: '2027-03-15T08:12:00+01:00' }
    const walk = walkOn(lineId)
    const route = { lineId, stopId: stops[0]! }
    const child = { firstName: 'Noé', initial: 'B', routes: { aller: route, retour: route }, days: [1, 2], support: '', countsExtra: false }
    const adult = { firstName: 'Alex', phone: '06 55 44 33 22', charterAcceptedOn: '2026-09-07', insured: true }
    const writes: Record<string, () => unknown> = {
      addFamily: () => edit.addFamily(doc, { displayName: 'Dupont' }),
      renameFamily: () => edit.renameFamily(doc, familyId, { displayName: 'Martin-Dupont' }),
      addAdult: () => edit.addAdult(doc, familyId, adult),
      updateAdult: () => edit.updateAdult(doc, adultId, adult),
      addChild: () => edit.addChild(doc, familyId, child),
      updateChild: () => edit.updateChild(doc, childId, child),
      addException: () => edit.addException(doc, { date: '2027-03-22', lineId: null, direction: null, reason: 'strike', note: 'Grève' }),
      writeAbsence: () => edit.writeAbsence(doc, { childId, from: '2027-03-16', to: '2027-03-16', direction: null, note: 'Dentiste' }, familyId, author),
      guest: () => edit.writeCheckIn(doc, { walk, childId: createGuestId(), guestName: 'Jade', status: 'present', stopId: null, adultId, ...author }),
      writeWalkNote: () => edit.writeWalkNote(doc, walk, { text: 'Pluie' }, { adultId, familyId }, author),
      writeHandoverNote: () => edit.writeHandoverNote(doc, localDate('2027-03-22'), familyId, { text: 'Code du portail' }, author),
    }
    let updates = 0
    doc.on('update', () => updates++)
    const before = Y.encodeStateVector(doc)
    for (const [name, write] of Object.entries(writes)) expect(write, name).toThrow(SealKeyMissingError)
    expect(updates).toBe(0)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    for (const text of ['Dupont', 'Alex', 'Noé', 'Grève', 'Dentiste', 'Jade', 'Pluie', 'Code du portail']) {
      expect(updateBytes(doc).indexOf(Buffer.from(text, 'utf8')), text).toBe(-1)
    }
  })

  it('a restore with no key bound throws before writing anything; with a key it round-trips, sealed', async () => {
    const { fixture } = blindCopy()
    const file = valueOf(parseCollectiveExport(collectiveExportJson(readCollective(fixture.doc), Date.parse('2027-03-15T12:00:00Z'))))
    const blind = new Y.Doc()
    expect(() => writeRestoredCollective(blind, file)).toThrow(SealKeyMissingError)
    expect(Y.encodeStateVector(blind)).toEqual(Y.encodeStateVector(new Y.Doc()))

    const key = await newKey()
    const restored = new Y.Doc()
    bindSealKey(restored, key)
    writeRestoredCollective(restored, file)
    expectNoPersonalText(restored)
    for (const { map, field, value } of personalValues(restored)) expect(isSealed(value), `${map}.${field}`).toBe(true)
    const original = readCollective(fixture.doc)
    const copy = readCollective(restored)
    expect(copy.toCheck).toEqual([])
    expect(copy.families).toEqual(original.families)
    expect(copy.adults).toEqual(original.adults)
    expect(copy.children).toEqual(original.children)
    expect(copy.walkLog).toEqual(original.walkLog)
    expect(copy.coordination.notes).toEqual(original.coordination.notes)
  })
})

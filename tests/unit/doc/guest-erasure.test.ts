// Guests' first names leave the document once the walk's day is over: each mark that holds one is rewritten without it
// (the same mark otherwise), any phone may do it, a name an offline phone brings back is erased again, and the change
// asks for the erasure compaction.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { eraseExpiredGuestNames } from '../../../src/doc/guest-erasure.ts'
import { MAP_CHECK_INS, MAP_GUEST_NAMES, Origin } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { FLAT_PERSONAL_MAPS } from '../../../src/doc/record-kinds.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { createActorId } from '../../../src/domain/ids.ts'
import { checkInKeyOf, createGuestId, type GuestId } from '../../../src/domain/walk-log/records.ts'
import { removesPersonalValue } from '../../../src/storage/doc-compaction.ts'
import { keyedDoc } from '../../helpers/seal-key.ts'
import { newFixture, walkOn, type Fixture } from './fixtures.ts'

const MONDAY = '2027-03-15'
const TUESDAY = localDate('2027-03-16')
const AT = '2027-03-15T08:12:00+01:00'
const actor = createActorId()

const addGuest = (fixture: Fixture, doc: Y.Doc, guestId: GuestId, name: string, date = MONDAY, by = actor): void => {
  if (!edit.writeCheckIn(doc, {
    walk: walkOn(fixture.lineId, date), childId: guestId, guestName: name, status: 'present', stopId: null, adultId: fixture.adultId, actor: by, at: AT,
  })) throw new Error('not written')
}
const rawMarks = (doc: Y.Doc): Record<string, unknown>[] => [...doc.getMap<Record<string, unknown>>(MAP_CHECK_INS).values()]

/** A guest as the app adds it now: a mark `guest: true` and its first name as an entry of its own. */
const addGuestNow = (fixture: Fixture, doc: Y.Doc, guestId: GuestId, name: string, by = actor): void => {
  if (!edit.writeGuest(doc, {
    walk: walkOn(fixture.lineId), childId: guestId, name, status: 'present', stopId: null, adultId: fixture.adultId, actor: by, at: AT,
  })) throw new Error('not written')
}

describe('a guest’s first name, an entry of its own, after the walk’s day', () => {
  it('is added with the guest’s first mark in one change, the name sealed and in no mark', () => {
    const fixture = newFixture()
    const seen: unknown[] = []
    fixture.doc.on('update', (_update: Uint8Array, origin: unknown) => seen.push(origin))
    const ali = createGuestId()
    addGuestNow(fixture, fixture.doc, ali, 'Ali')
    expect(seen).toEqual([Origin.addGuest])
    expect(rawMarks(fixture.doc)).toEqual([expect.objectContaining({ childId: ali, guest: true })])
    expect(rawMarks(fixture.doc).filter((mark) => 'guestName' in mark)).toEqual([])
    expect(String(fixture.doc.getMap<Record<string, unknown>>(MAP_GUEST_NAMES).values().next().value?.name)).toMatch(/^s1\./)
    expect(readCollective(fixture.doc).walkLog.guestNames).toEqual([{ walk: walkOn(fixture.lineId), guestId: ali, name: 'Ali' }])
  })

  it('is deleted the day after, in one change that asks for the compaction; the marks stay as written', () => {
    const fixture = newFixture()
    const { doc } = fixture
    const ali = createGuestId()
    addGuestNow(fixture, doc, ali, 'Ali')
    const marks = rawMarks(doc)
    const seen: { origin: unknown; removes: boolean }[] = []
    doc.on('beforeObserverCalls', (transaction: Y.Transaction) =>
      seen.push({ origin: transaction.origin, removes: removesPersonalValue(transaction, FLAT_PERSONAL_MAPS) }))
    expect(eraseExpiredGuestNames(doc, localDate(MONDAY))).toBe(0)
    expect(eraseExpiredGuestNames(doc, TUESDAY)).toBe(1)
    expect(seen).toEqual([{ origin: Origin.eraseGuests, removes: true }])
    expect(doc.getMap(MAP_GUEST_NAMES).size).toBe(0)
    expect(rawMarks(doc)).toEqual(marks)
    expect(eraseExpiredGuestNames(doc, TUESDAY)).toBe(0)
  })

  it('never loses a mark another phone wrote meanwhile (the harness found it with rewrites)', () => {
    const fixture = newFixture()
    const other = keyedDoc()
    const ali = createGuestId()
    addGuestNow(fixture, fixture.doc, ali, 'Ali')
    Y.applyUpdate(other, Y.encodeStateAsUpdate(fixture.doc))
    // Offline, the author's phone corrects its mark (absent) while another phone erases the name.
    edit.writeCheckIn(other, { walk: walkOn(fixture.lineId), childId: ali, guest: true, status: 'absent', stopId: null, adultId: fixture.adultId, actor, at: AT })
    expect(eraseExpiredGuestNames(fixture.doc, TUESDAY)).toBe(1)
    Y.applyUpdate(fixture.doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(fixture.doc)))
    Y.applyUpdate(other, Y.encodeStateAsUpdate(fixture.doc, Y.encodeStateVector(other)))
    for (const doc of [fixture.doc, other]) {
      expect(doc.getMap(MAP_GUEST_NAMES).size).toBe(0)
      expect(readCollective(doc).walkLog.checkIns.find((entry) => entry.childId === ali)).toMatchObject({ status: 'absent', guest: true })
    }
  })
})

describe('guests’ first names in marks written before 0.3, after the walk’s day', () => {
  it('are erased from every mark of a past day; today’s guests and the children’s marks stay as they are', () => {
    const fixture = newFixture()
    const { doc } = fixture
    const ali = createGuestId()
    addGuest(fixture, doc, ali, 'Ali')
    const today = createGuestId()
    addGuest(fixture, doc, today, 'Mia', '2027-03-16')
    edit.writeCheckIn(doc, { walk: walkOn(fixture.lineId), childId: fixture.childId, status: 'present', stopId: null, adultId: fixture.adultId, actor, at: AT })
    const before = readCollective(doc).walkLog.checkIns.find((entry) => entry.childId === ali)!

    expect(eraseExpiredGuestNames(doc, localDate(MONDAY))).toBe(0)
    expect(eraseExpiredGuestNames(doc, TUESDAY)).toBe(1)
    const after = readCollective(doc).walkLog.checkIns
    const { guestName: _name, ...kept } = before
    expect(after.find((entry) => entry.childId === ali)).toEqual({ ...kept, guest: true })
    expect(after.find((entry) => entry.childId === today)?.guestName).toBe('Mia')
    expect(readCollective(doc).toCheck).toEqual([])
    // The stored mark holds no sealed value any more; a second pass finds nothing and writes nothing.
    const stored = doc.getMap<Record<string, unknown>>(MAP_CHECK_INS).get(checkInKeyOf({ walk: walkOn(fixture.lineId), childId: ali, actor }))
    expect(stored).not.toHaveProperty('guestName')
    const updates: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => updates.push(origin))
    expect(eraseExpiredGuestNames(doc, TUESDAY)).toBe(0)
    expect(updates).toEqual([])
  })

  it('every mark naming the guest goes, whichever phone wrote it, in one change that asks for the compaction', () => {
    const fixture = newFixture()
    const { doc } = fixture
    const ali = createGuestId()
    addGuest(fixture, doc, ali, 'Ali')
    addGuest(fixture, doc, ali, 'Ali', MONDAY, createActorId())
    const seen: { origin: unknown; removes: boolean }[] = []
    doc.on('beforeObserverCalls', (transaction: Y.Transaction) =>
      seen.push({ origin: transaction.origin, removes: removesPersonalValue(transaction, FLAT_PERSONAL_MAPS) }))
    expect(eraseExpiredGuestNames(doc, TUESDAY)).toBe(2)
    expect(seen).toEqual([{ origin: Origin.eraseGuests, removes: true }])
    expect(rawMarks(doc).filter((mark) => 'guestName' in mark)).toEqual([])
  })

  it('a name an offline phone writes again (a late correction) is erased again by the next pass, and the phones converge', () => {
    const fixture = newFixture()
    const other = keyedDoc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(fixture.doc))
    const ali = createGuestId()
    addGuest(fixture, fixture.doc, ali, 'Ali')
    Y.applyUpdate(other, Y.encodeStateAsUpdate(fixture.doc, Y.encodeStateVector(other)))
    // Offline, the author's phone corrects its mark (absent) while another phone erases the name.
    edit.writeCheckIn(other, {
      walk: walkOn(fixture.lineId), childId: ali, guestName: 'Ali', status: 'absent', stopId: null, adultId: fixture.adultId, actor, at: AT,
    })
    expect(eraseExpiredGuestNames(fixture.doc, TUESDAY)).toBe(1)
    Y.applyUpdate(fixture.doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(fixture.doc)))
    Y.applyUpdate(other, Y.encodeStateAsUpdate(fixture.doc, Y.encodeStateVector(other)))
    eraseExpiredGuestNames(fixture.doc, TUESDAY)
    eraseExpiredGuestNames(other, TUESDAY)
    Y.applyUpdate(fixture.doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(fixture.doc)))
    Y.applyUpdate(other, Y.encodeStateAsUpdate(fixture.doc, Y.encodeStateVector(other)))
    for (const doc of [fixture.doc, other]) expect(rawMarks(doc).filter((mark) => 'guestName' in mark)).toEqual([])
    expect(readCollective(other).walkLog.checkIns).toEqual(readCollective(fixture.doc).walkLog.checkIns)
    expect(readCollective(other).walkLog.checkIns.find((entry) => entry.childId === ali)).toMatchObject({ guest: true })
  })
})

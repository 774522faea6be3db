// Walk log in the document: each record kind round-trips, invalid entries are "to check", the shared clock passes walk-log clocks, concurrent marks merge.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { nextSharedClock } from '../../../src/doc/clock.ts'
import { MAP_ABSENCES, MAP_CHECK_INS, MAP_WALK_EVENTS, MAP_WALK_NOTES, Origin } from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { ActorIdSchema, createActorId, type ActorId } from '../../../src/domain/ids.ts'
import { resolveWalk } from '../../../src/domain/rota/resolve.ts'
import { walkOf } from '../../../src/domain/rota/walks.ts'
import type { WalkRef } from '../../../src/domain/signup.ts'
import { walkCheckIns } from '../../../src/domain/walk-log/index.ts'
import { createGuestId, type CheckInStatus } from '../../../src/domain/walk-log/records.ts'
import { exchange, newFixture, valueOf, walkOn, type Fixture } from './fixtures.ts'
import { keyedDoc } from '../../helpers/seal-key.ts'

const AT = '2027-03-15T08:12:00+01:00'
const author = (actor: ActorId = createActorId()) => ({ actor, at: AT })

const listOf = (doc: Y.Doc, ref: WalkRef) => {
  const view = readCollective(doc)
  const walk = walkOf(view, ref)
  if (walk === null) throw new Error('no walk')
  return walkCheckIns(view, resolveWalk(view, walk, 0), view.walkLog)
}

const mark = (fixture: Fixture, doc: Y.Doc, actor: ActorId, status: CheckInStatus): boolean =>
  edit.writeCheckIn(doc, { walk: walkOn(fixture.lineId), childId: fixture.childId, status, stopId: fixture.stops[1] ?? null, adultId: fixture.adultId, actor, at: AT })

describe('walk-log records in the document', () => {
  it('each kind round-trips with its clock, author and author time; withdrawals and undo rewrite the entry', () => {
    const fixture = newFixture()
    const { doc, lineId, childId, familyId, adultId, stops } = fixture
    const walk = walkOn(lineId)
    const me = createActorId()
    const absenceId = valueOf(edit.writeAbsence(doc, { childId, from: '2027-03-15', to: '2027-03-19', direction: 'aller', note: 'Grippe' }, familyId, author(me)))
    expect(mark(fixture, doc, me, 'present')).toBe(true)
    const guestId = createGuestId()
    expect(edit.writeCheckIn(doc, { walk, childId: guestId, guestName: 'Zoé', status: 'present', stopId: null, adultId, ...author(me) })).toBe(true)
    expect(edit.writeWalkEvent(doc, { walk, kind: 'departed', stopId: stops[0] ?? null, adultId, ...author(me) })).toBe(true)
    expect(edit.writeWalkEvent(doc, { walk, kind: 'arrived', stopId: null, adultId, ...author(me) })).toBe(true)
    const noteId = valueOf(edit.writeWalkNote(doc, walk, { text: ' Retard de 5 min ' }, { adultId, familyId }, author(me)))

    const log = readCollective(doc).walkLog
    expect(readCollective(doc).toCheck).toEqual([])
    expect(log.absences).toEqual([{ id: absenceId, childId, familyId, from: '2027-03-15', to: '2027-03-19', direction: 'aller', note: 'Grippe', clock: 1, actor: me, at: AT }])
    expect(log.checkIns).toHaveLength(2)
    expect(log.checkIns.find((entry) => entry.childId === childId)).toEqual({
      walk, childId, status: 'present', stopId: stops[1], adultId, clock: 2, actor: me, at: AT, seen: {},
    })
    expect(log.checkIns.find((entry) => entry.childId === guestId)).toMatchObject({ guestName: 'Zoé', clock: 3 })
    expect(log.events.map((event) => [event.kind, event.stopId, event.clock, event.cancelled])).toEqual(
      expect.arrayContaining([['departed', stops[0], 4, false], ['arrived', null, 5, false]]),
    )
    expect(log.notes).toEqual([{ id: noteId, walk, text: 'Retard de 5 min', adultId, familyId, clock: 6, actor: me, at: AT }])

    const other = createActorId()
    expect(edit.writeAbsenceWithdrawal(doc, absenceId, author(other))).toBe(true)
    expect(edit.writeAbsenceWithdrawal(doc, absenceId, author(other))).toBe(false)
    expect(edit.writeWalkEventCancel(doc, walk, 'arrived', null, author(other))).toBe(false)
    expect(edit.writeWalkEventCancel(doc, walk, 'arrived', null, author(me))).toBe(true)
    expect(edit.writeWalkNoteWithdrawal(doc, noteId, author(me))).toBe(true)
    const after = readCollective(doc).walkLog
    expect(after.absences[0]?.withdrawn).toEqual({ clock: 7, actor: other, at: AT })
    expect(after.events.find((event) => event.kind === 'arrived')).toMatchObject({ cancelled: true, clock: 8 })
    expect(after.notes[0]?.withdrawn).toEqual({ clock: 9, actor: me, at: AT })
    const snapshot = readCollective(doc)
    expect(snapshot.absences).toBe(snapshot.walkLog.absences)
  })

  it('each mutation is one transaction with its own origin', () => {
    const fixture = newFixture()
    const { doc, lineId, childId, familyId, adultId } = fixture
    const origins: unknown[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
    const walk = walkOn(lineId)
    const absenceId = valueOf(edit.writeAbsence(doc, { childId, from: '2027-03-15', to: '2027-03-15', direction: null, note: '' }, familyId, author()))
    edit.writeAbsenceWithdrawal(doc, absenceId, author())
    mark(fixture, doc, createActorId(), 'present')
    const me = createActorId()
    edit.writeWalkEvent(doc, { walk, kind: 'departed', stopId: null, adultId, ...author(me) })
    edit.writeWalkEvent(doc, { walk, kind: 'arrived', stopId: null, adultId, ...author(me) })
    edit.writeWalkEventCancel(doc, walk, 'arrived', null, author(me))
    const noteId = valueOf(edit.writeWalkNote(doc, walk, { text: 'Note' }, { adultId, familyId }, author()))
    edit.writeWalkNoteWithdrawal(doc, noteId, author())
    expect(origins).toEqual([
      Origin.declareAbsence, Origin.withdrawAbsence, Origin.markChild, Origin.markDeparture, Origin.markArrival, Origin.undoWalkEvent,
      Origin.addWalkNote, Origin.removeWalkNote,
    ])
  })

  it('invalid entries are listed "to check" with their kind, never crash the reader, and can be deleted', () => {
    const { doc, lineId, childId, familyId, adultId } = newFixture()
    const walk = walkOn(lineId)
    const id = valueOf(edit.writeAbsence(doc, { childId, from: '2027-03-15', to: '2027-03-15', direction: null, note: '' }, familyId, author()))
    doc.transact(() => {
      doc.getMap(MAP_ABSENCES).set('not-an-id', { childId, from: '2027-03-16', to: '2027-03-15' })
      doc.getMap(MAP_CHECK_INS).set('k', { walk, childId, status: 'maybe', stopId: null, adultId, clock: 1, actor: createActorId(), at: AT, seen: {} })
      doc.getMap(MAP_WALK_EVENTS).set('wrong-key', { walk, kind: 'arrived', stopId: null, adultId, clock: 1, actor: createActorId(), at: AT, cancelled: false })
      doc.getMap(MAP_WALK_NOTES).set('n', 'just a string')
    })
    const view = readCollective(doc)
    expect(view.walkLog.absences.map((absence) => absence.id)).toEqual([id])
    expect(view.toCheck.map((record) => [record.kind, record.key])).toEqual([
      ['absence', 'not-an-id'], ['checkIn', 'k'], ['walkEvent', 'wrong-key'], ['walkNote', 'n'],
    ])
    expect(view.toCheck.find((record) => record.kind === 'walkEvent')?.problems).toEqual(['keyMismatch'])
    expect(view.toCheck.find((record) => record.kind === 'walkNote')?.problems).toEqual(['notARecord'])
    for (const record of view.toCheck) edit.deleteRecordToCheck(doc, record)
    expect(readCollective(doc).toCheck).toEqual([])
    expect(readCollective(doc).walkLog.absences).toHaveLength(1)
  })

  it('a map of the wrong type is "to check" for its kind and a write to it reports the damage', () => {
    const { doc, lineId, childId, familyId, adultId } = newFixture()
    doc.getArray(MAP_ABSENCES)
    doc.getArray(MAP_CHECK_INS)
    expect(readCollective(doc).toCheck.map((record) => [record.kind, record.problems])).toEqual([['absence', ['notAMap']], ['checkIn', ['notAMap']]])
    expect(edit.writeAbsence(doc, { childId, from: '2027-03-15', to: '2027-03-15', direction: null, note: '' }, familyId, author()))
      .toEqual({ ok: false, error: { _: 'documentDamaged' } })
    expect(edit.writeCheckIn(doc, { walk: walkOn(lineId), childId, status: 'present', stopId: null, adultId, ...author() })).toBe(false)
  })

  it('the shared clock passes walk-log clocks (withdrawals included), so a sign-up after a mark comes later', () => {
    const fixture = newFixture()
    const { doc, lineId, childId, familyId, adultId } = fixture
    const walk = walkOn(lineId)
    const actor = ActorIdSchema.parse('0000000a-0000-4000-8000-000000000000')
    const key = `${lineId}|2027-03-15|aller|${childId}|${actor}`
    doc.getMap(MAP_CHECK_INS).set(key, { walk, childId, status: 'present', stopId: null, adultId, clock: 40, actor, at: AT, seen: {} })
    expect(nextSharedClock(doc)).toBe(41)
    const absenceId = valueOf(edit.writeAbsence(doc, { childId, from: '2027-03-15', to: '2027-03-15', direction: null, note: '' }, familyId, author()))
    expect(nextSharedClock(doc)).toBe(42)
    doc.getMap(MAP_ABSENCES).set(absenceId, { ...(doc.getMap(MAP_ABSENCES).get(absenceId) as object), withdrawn: { clock: 90, actor, at: AT } })
    expect(nextSharedClock(doc)).toBe(91)
    doc.getMap(MAP_WALK_EVENTS).set(`${lineId}|2027-03-15|aller|arrived|school|${actor}`, {
      walk, kind: 'arrived', stopId: null, adultId, clock: 120, actor, at: AT, cancelled: false,
    })
    valueOf(edit.writeWalkNote(doc, walk, { text: 'x' }, { adultId, familyId }, author()))
    expect(readCollective(doc).walkLog.notes[0]?.clock).toBe(121)
    edit.writeSignUp(doc, { walk: { ...walk }, adultId, familyId, slot: 'lead', actor: createActorId(), at: AT })
    expect(readCollective(doc).signUps.map((signUp) => signUp.clock)).toEqual([122])
  })
})

describe('concurrent check-ins on two documents', () => {
  it('two phones mark the same child without syncing: the same list with a disagreement; a mark that had seen the other settles it', () => {
    const fixture = newFixture()
    const a = fixture.doc
    const b = keyedDoc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const [actorA, actorB] = [createActorId(), createActorId()]
    const walk = walkOn(fixture.lineId)
    mark(fixture, a, actorA, 'present')
    mark(fixture, b, actorB, 'absent')
    exchange(a, b, 'ab')
    const line = (doc: Y.Doc) => listOf(doc, walk).find((candidate) => candidate.id === fixture.childId)
    expect(listOf(a, walk)).toEqual(listOf(b, walk))
    expect(line(a)?.disagreement).toBe(true)
    expect(line(a)?.marks.map((current) => current.status)).toEqual(expect.arrayContaining(['present', 'absent']))

    // B marks again having seen A's mark: both phones agree, without a disagreement.
    mark(fixture, b, actorB, 'present')
    expect(readCollective(b).walkLog.checkIns.find((entry) => entry.actor === actorB)?.seen).toEqual({ [actorA]: 1 })
    exchange(a, b, 'ba')
    expect(listOf(a, walk)).toEqual(listOf(b, walk))
    expect(line(a)).toMatchObject({ status: 'present', disagreement: false })
    expect(line(a)?.marks).toHaveLength(1)
  })
})

// Swap and coordinator maps of the document: writes read back, invalid entries "to check", concurrent writes merged, one shared clock.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  MAP_HANDOVER_ACKS, MAP_HANDOVER_NOTES, MAP_OFFERS, MAP_PERIOD_OFFERS, MAP_PERIOD_RESPONSES, MAP_RELEASES, MAP_RESPONSES, MAP_ROSTER,
  MAP_SETTINGS, Origin, SETTINGS_ROSTER_FIELD,
} from '../../../src/doc/keys.ts'
import * as edit from '../../../src/doc/mutations.ts'
import { readCollective } from '../../../src/doc/read.ts'
import { DEFAULT_ROSTER_SETTING } from '../../../src/domain/coordination/records.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { createActorId, type AdultId, type FamilyId } from '../../../src/domain/ids.ts'
import { walkKeyOf } from '../../../src/domain/signup.ts'
import { resolveSwaps } from '../../../src/domain/swaps/resolve.ts'
import { exchange, newFixture, valueOf, walkOn } from './fixtures.ts'
import { keyedDoc } from '../../helpers/seal-key.ts'

const actor = createActorId()
const at = '2027-03-13T10:00:00+01:00'
const NEXT = localDate('2027-03-15')

const origins = (doc: Y.Doc): string[] => {
  const names: string[] = []
  doc.on('afterTransaction', (transaction: Y.Transaction) => names.push((transaction.origin as { name?: string } | null)?.name ?? '?'))
  return names
}

/** One of each record kind, written on `doc`. */
const writeAll = (doc: Y.Doc, lineId: Parameters<typeof walkOn>[0], familyId: FamilyId, adultId: AdultId) => {
  const walk = walkOn(lineId)
  const offerId = edit.writeOffer(doc, { kind: 'replacement', walk, adultId, familyId, actor, at })
  if (offerId === null) throw new Error('not written')
  edit.writeResponse(doc, { offerId, adultId, familyId, kind: 'take', actor, at })
  edit.writeRelease(doc, { offerId, adultId, familyId, walk, actor, at })
  edit.writeRosterEntry(doc, { familyId, accepted: true, position: 1, from: NEXT, actor, at })
  const periodOfferId = edit.writePeriodOffer(doc, { periodStart: NEXT, familyId, actor, at })
  if (periodOfferId === null) throw new Error('not written')
  edit.writePeriodResponse(doc, { offerId: periodOfferId, familyId, kind: 'take', actor, at })
  valueOf(edit.writeHandoverNote(doc, NEXT, familyId, { text: ' Clé chez les Bernard ' }, { actor, at }))
  edit.writeHandoverAck(doc, NEXT, familyId, { actor, at })
  return { offerId, periodOfferId }
}

describe('swap and coordinator records in the document', () => {
  it('each kind is written in one named transaction and read back valid, with rising clocks and the author time', () => {
    const { doc, lineId, familyId, adultId } = newFixture()
    const names = origins(doc)
    const { offerId, periodOfferId } = writeAll(doc, lineId, familyId, adultId)
    expect(names).toEqual([
      Origin.offerSlot, Origin.takeOffer, Origin.releaseSlot, Origin.setRosterMembership, Origin.offerPeriod, Origin.answerPeriodOffer,
      Origin.addHandoverNote, Origin.acknowledgeHandover,
    ].map((origin) => origin.name))
    const view = readCollective(doc)
    expect(view.toCheck).toEqual([])
    expect(view.swaps.offers.map((offer) => offer.id)).toEqual([offerId])
    expect(view.swaps.responses).toHaveLength(1)
    expect(view.swaps.releases).toHaveLength(1)
    expect(view.coordination.offers.map((offer) => [offer.id, offer.kind])).toEqual([[periodOfferId, 'replacement']])
    expect(view.coordination.notes.map((note) => note.text)).toEqual(['Clé chez les Bernard'])
    const clocks = [
      ...view.swaps.offers, ...view.swaps.responses, ...view.swaps.releases, ...view.coordination.roster, ...view.coordination.offers,
      ...view.coordination.responses, ...view.coordination.notes, ...view.coordination.acks,
    ].map((record) => record.clock)
    expect(clocks).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect([...view.swaps.offers, ...view.coordination.acks].every((record) => record.at === at)).toBe(true)
    // Sign-ups share the clock, and carry the author time too.
    edit.writeSignUp(doc, { walk: walkOn(lineId), adultId, familyId, slot: 'lead', actor, at })
    expect(readCollective(doc).signUps[0]).toMatchObject({ clock: 9, at })
    expect(edit.writeOfferWithdrawal(doc, offerId, { actor, at })).toBe(true)
    expect(readCollective(doc).swaps.offers[0]?.withdrawn?.clock).toBe(10)
    expect(edit.writeOfferWithdrawal(doc, offerId, { actor, at })).toBe(false)
    expect(edit.writePeriodOfferWithdrawal(doc, periodOfferId, { actor, at })).toBe(true)
    expect(readCollective(doc).coordination.offers[0]?.withdrawn?.clock).toBe(11)
  })

  it('a sign-up written without `at` gets this device’s local time with its offset', () => {
    const { doc, lineId, familyId, adultId } = newFixture()
    edit.writeSignUp(doc, { walk: walkOn(lineId), adultId, familyId, slot: 'lead', actor })
    expect(readCollective(doc).signUps[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
  })

  it('invalid entries, wrong keys and non-objects are listed "to check", never thrown', () => {
    const { doc, lineId, familyId, adultId } = newFixture()
    const { offerId } = writeAll(doc, lineId, familyId, adultId)
    const sneaky = crypto.randomUUID()
    doc.transact(() => {
      doc.getMap(MAP_OFFERS).set(sneaky, { ...(doc.getMap(MAP_OFFERS).get(offerId) as object) }) // id of another key
      doc.getMap(MAP_RESPONSES).set('x|y', 'not an object')
      doc.getMap(MAP_RELEASES).set(`${offerId}|${adultId}`, { clock: -1 })
      doc.getMap(MAP_ROSTER).set(`${familyId}|2027-03-22`, { familyId, accepted: true, position: 1, from: NEXT, clock: 1, actor })
      doc.getMap(MAP_PERIOD_OFFERS).set('p', new Y.Map())
      doc.getMap(MAP_PERIOD_RESPONSES).set('q', { kind: 'take' })
      doc.getMap(MAP_HANDOVER_NOTES).set(`${NEXT}|${familyId}`, { text: '', clock: 1, actor })
      doc.getMap(MAP_HANDOVER_ACKS).set(`${NEXT}|x`, { periodStart: NEXT, familyId, clock: 1, actor, at })
      doc.getMap(MAP_SETTINGS).set(SETTINGS_ROSTER_FIELD, { periodLength: 'week', startsOn: '2027-03-16' })
    })
    const view = readCollective(doc)
    expect(view.toCheck.map((record) => [record.kind, record.key]).sort()).toEqual([
      ['handoverAck', `${NEXT}|x`], ['handoverNote', `${NEXT}|${familyId}`], ['offer', sneaky], ['periodOffer', 'p'], ['periodResponse', 'q'],
      ['release', `${offerId}|${adultId}`], ['rosterEntry', `${familyId}|2027-03-22`], ['settings', SETTINGS_ROSTER_FIELD], ['swapResponse', 'x|y'],
    ].sort())
    expect(view.toCheck.find((record) => record.kind === 'offer')?.problems).toEqual(['keyMismatch'])
    expect(view.coordination.setting).toEqual(DEFAULT_ROSTER_SETTING)
    expect(view.swaps.offers.map((offer) => offer.id)).toEqual([offerId])
    // Deleting a record to check removes it.
    for (const record of view.toCheck) edit.deleteRecordToCheck(doc, record)
    expect(readCollective(doc).toCheck).toEqual([])
  })

  it('a damaged map (another Yjs type under the name) is reported, the rest still reads', () => {
    const { doc } = newFixture()
    doc.getArray(MAP_OFFERS)
    const view = readCollective(doc)
    expect(view.toCheck).toEqual([{ kind: 'offer', key: MAP_OFFERS, preview: '', problems: ['notAMap'] }])
    expect(view.swaps.offers).toEqual([])
  })

  for (const order of ['ab', 'ba'] as const) {
    it(`concurrent writes on two phones merge in either order (${order})`, () => {
      const { doc: a, lineId, familyId, adultId } = newFixture()
      const b = keyedDoc()
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
      const other = valueOf(edit.addFamily(b, { displayName: 'Bernard' }))
      const otherAdult = valueOf(edit.addAdult(b, other, { firstName: 'Sophie', phone: '06 11 22 33 44', charterAcceptedOn: null, insured: true }))
      exchange(a, b, 'ab')
      const walk = walkOn(lineId)
      const offerId = edit.writeOffer(a, { kind: 'replacement', walk, adultId, familyId, actor, at })!
      exchange(a, b, 'ab')
      edit.writeResponse(b, { offerId, adultId: otherAdult, familyId: other, kind: 'take', actor: createActorId(), at })
      edit.writeOfferWithdrawal(a, offerId, { actor, at })
      edit.writeRosterEntry(a, { familyId, accepted: true, position: 1, from: NEXT, actor, at })
      edit.writeRosterEntry(b, { familyId: other, accepted: true, position: 1, from: NEXT, actor: createActorId(), at })
      edit.writeHandoverAck(a, NEXT, familyId, { actor, at })
      edit.writeHandoverAck(b, NEXT, familyId, { actor: createActorId(), at })
      exchange(a, b, order)
      const [viewA, viewB] = [readCollective(a), readCollective(b)]
      expect(viewA.swaps).toEqual(viewB.swaps)
      expect(viewA.coordination).toEqual(viewB.coordination)
      expect(viewA.swaps.responses).toHaveLength(1)
      expect(viewA.swaps.offers[0]?.withdrawn).toBeDefined()
      expect(viewA.coordination.roster).toHaveLength(2)
      expect(viewA.coordination.acks).toHaveLength(1)
    })
  }
})

describe('an offer is tied to the sign-up it gives away', () => {
  const second = (doc: Y.Doc): { familyId: FamilyId; adultId: AdultId } => {
    const familyId = valueOf(edit.addFamily(doc, { displayName: 'Bernard' }))
    const adultId = valueOf(edit.addAdult(doc, familyId, { firstName: 'Inès', phone: '06 11 11 11 11', charterAcceptedOn: '2026-09-07', insured: true }))
    return { familyId, adultId }
  }

  it('records the seat; the author signing up for the tail after the take keeps the taker on the lead', () => {
    const { doc, lineId, familyId, adultId } = newFixture()
    const taker = second(doc)
    const walk = walkOn(lineId)
    edit.writeSignUp(doc, { walk, adultId, familyId, slot: 'lead', actor, at })
    const offerId = edit.writeOffer(doc, { kind: 'replacement', walk, adultId, familyId, actor, at })
    if (offerId === null) throw new Error('not written')
    const signUp = readCollective(doc).signUps[0]
    expect(readCollective(doc).swaps.offers[0]?.seat).toEqual({ slot: 'lead', clock: signUp?.clock, actor })
    edit.writeResponse(doc, { offerId, ...taker, kind: 'take', actor, at })
    edit.writeSignUp(doc, { walk, adultId, familyId, slot: 'tail', actor, at })
    const view = readCollective(doc)
    const rota = resolveSwaps(view, view.swaps, 0).walks.get(walkKeyOf(walk))
    expect([rota?.lead?.adultId, rota?.tail?.adultId]).toEqual([taker.adultId, adultId])
  })
})

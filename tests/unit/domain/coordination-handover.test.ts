// Handover and the coordinator's attention list: uncovered walks of the next period, pending requests, notes, acknowledgement, charter.
import { describe, expect, it } from 'vitest'
import { coordinatorAttention, familiesWithoutCharter } from '../../../src/domain/coordination/attention.ts'
import { handoverFor, type HandoverRecords } from '../../../src/domain/coordination/handover.ts'
import { StoredHandoverNoteSchema, type HandoverAck, type HandoverNote, type PeriodOffer, type PeriodResponse } from '../../../src/domain/coordination/records.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { adultId, createAdult, createModel, createSignUp, familyId } from './rota-fixtures.ts'
import { ack, join, note, offerId, orders, records, replacementOffer, respond, weekStart } from './coordination-fixtures.ts'

// A B C D take turns; period 12 (23-29 Nov 2026) is A's, period 13 (30 Nov-6 Dec) is B's.
const ABCD = [join(1, 1, 1), join(2, 2, 2), join(3, 3, 3), join(4, 4, 4)]
const SUNDAY = localDate('2026-11-29')
const SUNDAY_NOON = parisToInstant(SUNDAY, '12:00' as TimeOfDay)
// Thursday 3 Dec aller is fully covered; the other seven walks of the week are not.
const model = createModel({ signUps: [createSignUp(1, 'lead', 1, 1), createSignUp(2, 'tail', 2, 2)] })

const handoverRecords = (extra: { notes?: HandoverNote[]; acks?: HandoverAck[]; offers?: PeriodOffer[]; responses?: PeriodResponse[] } = {}): HandoverRecords => ({
  ...records({ roster: ABCD, offers: extra.offers ?? [], responses: extra.responses ?? [] }),
  notes: extra.notes ?? [],
  acks: extra.acks ?? [],
})

describe('handover to the next coordinator', () => {
  it('lists the uncovered walks of the next period, urgent ones first', () => {
    const handover = handoverFor(model, handoverRecords(), SUNDAY, SUNDAY_NOON)
    expect(handover.outgoing?.coordinator).toBe(familyId(1))
    expect(handover.incoming).toMatchObject({ coordinator: familyId(2), start: weekStart(13), end: '2026-12-06' })
    // Within 48 h of Sunday noon: Monday aller and retour, Tuesday aller (08:10).
    expect(handover.uncoveredWalks.map((walk) => `${walk.date} ${walk.direction} ${walk.state}`)).toEqual([
      '2026-11-30 aller urgent',
      '2026-11-30 retour urgent',
      '2026-12-01 aller urgent',
      '2026-12-01 retour toFill',
      '2026-12-03 retour toFill',
      '2026-12-04 aller toFill',
      '2026-12-04 retour toFill',
    ])
  })

  it('gathers pending requests given by the caller and open period offers', () => {
    const open = replacementOffer(1, 3, weekStart(14), 10)
    const taken = replacementOffer(2, 4, weekStart(15), 10)
    const handover = handoverFor(model, handoverRecords({ offers: [open, taken], responses: [respond(2, 1, 'take', 11)] }), SUNDAY, SUNDAY_NOON, [
      { kind: 'slotOffer', id: 'slot-offer-1' },
    ])
    expect(handover.pending).toEqual([
      { kind: 'slotOffer', id: 'slot-offer-1' },
      { kind: 'periodOffer', id: offerId(1), familyId: familyId(3), periodStart: weekStart(14) },
    ])
  })

  it('shows the notes left for the incoming period, in logical order whatever the input order', () => {
    const notes = [note(3, weekStart(13), 'Clés du local chez Mme B.', 7), note(1, weekStart(13), 'Relancer la famille D', 5), note(1, weekStart(14), 'pas pour cette fois', 6)]
    for (const order of orders(notes)) {
      expect(handoverFor(model, handoverRecords({ notes: order }), SUNDAY, SUNDAY_NOON).notes.map((n) => n.text)).toEqual([
        'Relancer la famille D',
        'Clés du local chez Mme B.',
      ])
    }
  })

  it.each([
    ['no acknowledgement', 'pending', []],
    ['the incoming family acknowledged', 'acknowledged', [ack(2, weekStart(13), 20)]],
    ['only another family acknowledged', 'pending', [ack(1, weekStart(13), 20)]],
    ['the incoming family acknowledged another period', 'pending', [ack(2, weekStart(9), 20)]],
  ] as const)('%s: handover %s', (_name, status, acks) => {
    expect(handoverFor(model, handoverRecords({ acks: [...acks] }), SUNDAY, SUNDAY_NOON).status).toBe(status)
  })

  it('asks the new holder to acknowledge again after the period is swapped', () => {
    const swapped = handoverRecords({ acks: [ack(2, weekStart(13), 20)], offers: [replacementOffer(1, 2, weekStart(13), 21)], responses: [respond(1, 3, 'take', 22)] })
    const handover = handoverFor(model, swapped, SUNDAY, SUNDAY_NOON)
    expect(handover.incoming.coordinator).toBe(familyId(3))
    expect(handover.status).toBe('pending')
  })

  it('uses the walks the caller resolved (effective walks after slot swaps)', () => {
    const calls: string[] = []
    const handover = handoverFor(model, handoverRecords(), SUNDAY, SUNDAY_NOON, [], (from, to) => {
      calls.push(`${from}..${to}`)
      return []
    })
    expect(calls).toEqual(['2026-11-30..2026-12-06'])
    expect(handover.uncoveredWalks).toEqual([])
  })

  it('has no coordinator to hand over to when the roster is empty', () => {
    expect(handoverFor(model, { ...handoverRecords(), roster: [] }, SUNDAY, SUNDAY_NOON).status).toBe('noCoordinator')
  })

  it('bounds notes to 500 characters', () => {
    expect(StoredHandoverNoteSchema.safeParse(note(1, weekStart(13), 'x'.repeat(500), 1)).success).toBe(true)
    expect(StoredHandoverNoteSchema.safeParse(note(1, weekStart(13), 'x'.repeat(501), 1)).success).toBe(false)
  })
})

describe("the coordinator's attention list", () => {
  const adults = [
    { ...createAdult(1, 1), charterAcceptedOn: localDate('2026-09-01') },
    createAdult(2, 2),
    { ...createAdult(3, 2), familyId: familyId(2) },
    { ...createAdult(4, 1), familyId: familyId(1) },
    { ...createAdult(5, 3), charterAcceptedOn: localDate('2026-09-02') },
  ]
  const families = [2, 1, 3].map((n) => ({ id: familyId(n), displayName: `Famille ${n}` }))

  it('groups adults without the charter by family, in family order', () => {
    expect(familiesWithoutCharter({ families, adults }).map((f) => [f.familyId, f.adults.map((a) => a.id)])).toEqual([
      [familyId(2), [adultId(2), adultId(3)]],
      [familyId(1), [adultId(4)]],
    ])
  })

  it('gathers walks to cover, pending swaps and the "to check" count', () => {
    const attention = coordinatorAttention({
      model,
      from: weekStart(13),
      to: localDate('2026-12-06'),
      now: SUNDAY_NOON,
      pendingSwaps: [{ kind: 'slotOffer', id: 'o1' }],
      toCheckCount: 2,
    })
    expect(attention.walksToCover).toHaveLength(7)
    expect(attention.walksToCover[0]?.state).toBe('urgent')
    expect(attention.pendingSwaps).toEqual([{ kind: 'slotOffer', id: 'o1' }])
    expect(attention.toCheckCount).toBe(2)
    // The fixture's ten adults have not accepted the charter: one family each.
    expect(attention.familiesWithoutCharter).toHaveLength(10)
  })
})

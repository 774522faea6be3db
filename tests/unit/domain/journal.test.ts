// The journal: derived from records, in logical order (never by the author's time), filterable by family and line, with hooks for slot swaps and the walk log.
import { describe, expect, it } from 'vitest'
import type { HandoverRecords } from '../../../src/domain/coordination/handover.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { deriveJournal, type JournalInput } from '../../../src/domain/journal/derive.ts'
import { filterJournal, type SlotSwapJournalEvent } from '../../../src/domain/journal/events.ts'
import { StoredSignUpSchema, type SignUp, type WalkRef } from '../../../src/domain/signup.ts'
import { actorId, adultId, createAdult, createChild, createSignUp, familyId, lineId } from './rota-fixtures.ts'
import { mark, noteId, RETOUR, walkEvent, walkNote, walkRef } from './walk-log-fixtures.ts'
import { ack, join, leave, note, orders, records, replacementOffer, respond, weekStart } from './coordination-fixtures.ts'

// `at` deliberately disagrees with the logical order: phone clocks drift.
const signUps: SignUp[] = [
  { ...createSignUp(1, 'lead', 3, 1), at: '2026-11-28T09:00:00+01:00' },
  { ...createSignUp(2, 'tail', 1, 2, { line: 2 }), at: '2026-11-28T11:00:00+01:00' },
  createSignUp(3, 'lead', 2, 3, {}, 'withdrawn'),
]

const coordination: HandoverRecords = {
  ...records({
    roster: [join(1, 1, 4), join(2, 2, 5), leave(2, 2, 12, '2026-10-05')],
    offers: [replacementOffer(1, 1, weekStart(4), 6)],
    responses: [respond(1, 2, 'take', 7), respond(1, 3, 'take', 8)],
  }),
  notes: [note(1, weekStart(4), 'Clés chez B', 9)],
  acks: [ack(2, weekStart(4), 10)],
}

const slotSwaps: SlotSwapJournalEvent[] = [
  { kind: 'slotOffered', familyId: familyId(4), lineId: lineId(2), walk: { lineId: lineId(2), date: localDate('2026-12-04'), direction: 'aller' }, ref: 'offer|x', clock: 11, actor: actorId(4) },
]

const input: JournalInput = { signUps, coordination, slotSwaps }
const kinds = (events: readonly { kind: string }[]) => events.map((event) => event.kind)

describe('journal', () => {
  it('lists every event in logical order (clock, then actor), not by author time', () => {
    expect(deriveJournal(input).map((event) => [event.clock, event.kind])).toEqual([
      [1, 'signedUp'],
      [2, 'withdrew'],
      [3, 'signedUp'],
      [4, 'coordinatorJoined'],
      [5, 'coordinatorJoined'],
      [6, 'periodOffered'],
      [7, 'periodTaken'],
      [8, 'periodTakeLost'],
      [9, 'handoverNote'],
      [10, 'handoverAcknowledged'],
      [11, 'slotOffered'],
      [12, 'coordinatorLeft'],
    ])
  })

  it('is the same whatever order the records come in', () => {
    const reference = deriveJournal(input)
    for (const order of orders(signUps)) {
      for (const responses of orders(coordination.responses)) {
        expect(deriveJournal({ ...input, signUps: order, coordination: { ...coordination, responses, roster: [...coordination.roster].reverse() } })).toEqual(reference)
      }
    }
  })

  it('orders equal clocks by author id', () => {
    const a = createSignUp(1, 'lead', 5, 9)
    const b = createSignUp(2, 'tail', 5, 1)
    expect(deriveJournal({ signUps: [a, b] }).map((event) => event.actor)).toEqual([actorId(1), actorId(9)])
  })

  it('carries the author time for display when present, and the walk and line of sign-ups', () => {
    const [first] = deriveJournal({ signUps })
    expect(first).toMatchObject({ kind: 'signedUp', familyId: familyId(2), lineId: lineId(2), slot: 'tail', at: '2026-11-28T11:00:00+01:00' })
    expect(deriveJournal({ signUps: [signUps[2] as SignUp] })[0]).not.toHaveProperty('at')
  })

  it('filters by family, including events where the family is the other party', () => {
    const events = deriveJournal(input)
    expect(kinds(filterJournal(events, { familyId: familyId(1) }))).toEqual(['signedUp', 'coordinatorJoined', 'periodOffered', 'periodTaken', 'periodTakeLost', 'handoverNote'])
    expect(kinds(filterJournal(events, { familyId: familyId(3) }))).toEqual(['withdrew', 'periodTakeLost'])
  })

  it('filters by line: walk events only', () => {
    const events = deriveJournal(input)
    expect(kinds(filterJournal(events, { lineId: lineId(2) }))).toEqual(['signedUp', 'slotOffered'])
    expect(kinds(filterJournal(events, { lineId: lineId(1), familyId: familyId(3) }))).toEqual(['withdrew'])
    expect(kinds(filterJournal(events, { kinds: ['periodTaken', 'periodTakeLost'] }))).toEqual(['periodTaken', 'periodTakeLost'])
  })

  it('gives every event a distinct ref (stable list key)', () => {
    const refs = deriveJournal(input).map((event) => event.ref)
    expect(new Set(refs).size).toBe(refs.length)
  })

  it('accepts an optional author time on stored sign-ups (older entries have none)', () => {
    const { at: _at, ...older } = signUps[0] as SignUp
    expect(StoredSignUpSchema.safeParse(older).success).toBe(true)
    expect(StoredSignUpSchema.parse(signUps[0]).at).toBe('2026-11-28T09:00:00+01:00')
    expect(StoredSignUpSchema.safeParse({ ...older, at: 42 }).success).toBe(false)
  })

  it('adds walks done (their arrival, by its author) and logbook notes (by reference, never their text)', () => {
    const walkLog = {
      events: [
        walkEvent('arrived', null, 3, 14, '2026-12-03T08:29:00+01:00'),
        // The earliest arrival (logical order) is the one the journal shows; undone ones are forgotten.
        walkEvent('arrived', null, 2, 13, '2026-12-03T08:27:00+01:00'),
        walkEvent('arrived', null, 4, 15, '2026-12-03T16:52:00+01:00', { walk: RETOUR, cancelled: true }),
        walkEvent('departed', 1, 2, 12, '2026-12-03T08:10:00+01:00'),
      ],
      notes: [walkNote(1, 'Léa a oublié son cartable', 16, { adult: 5 }), walkNote(2, 'Effacée', 17, { withdrawn: true })],
    }
    const events = deriveJournal({ signUps: [], walkLog, adults: [createAdult(2, 7)] })
    expect(events).toEqual([
      { kind: 'walkDone', familyId: familyId(7), adultId: adultId(2), lineId: lineId(1), walk: walkRef(), ref: `walkDone|${lineId(1)}|2026-12-03|aller`, clock: 13, actor: actorId(2), at: '2026-12-03T08:27:00+01:00' },
      { kind: 'walkNote', familyId: familyId(5), adultId: adultId(5), lineId: lineId(1), walk: walkRef(), ref: noteId(1), clock: 16, actor: actorId(5), at: '2026-12-03T08:40:00+01:00' },
    ])
    expect(JSON.stringify(events)).not.toContain('cartable')
    expect(kinds(filterJournal(events, { familyId: familyId(5) }))).toEqual(['walkNote'])
    // Without adults the arrival's family is unknown ("quelqu'un"), the event stays.
    expect(deriveJournal({ signUps: [], walkLog })[0]).not.toHaveProperty('familyId')
    expect(deriveJournal({ ...input, walkLog }).map((event) => event.clock)).toEqual([...deriveJournal(input).map((event) => event.clock), 13, 16].sort((a, b) => a - b))
  })

  it('given the rota, a walk done names who was on duty (holders and whoever marked) and the children present', () => {
    const walkLog = {
      // Children 1 and 2 present; child 3 disputed (not counted); a departure by adult 6.
      checkIns: [mark(2, 1, 'present', 3), mark(2, 2, 'present', 4), mark(2, 3, 'present', 5), mark(8, 3, 'absent', 6)],
      events: [walkEvent('departed', 1, 6, 10, '2026-12-03T08:10:00+01:00'), walkEvent('arrived', null, 2, 13, '2026-12-03T08:27:00+01:00')],
      notes: [],
    }
    const holdersOf = (walk: WalkRef) => (walk.date === '2026-12-03' && walk.direction === 'aller' ? [adultId(9), adultId(2)] : [])
    const children = [createChild(1, 1), createChild(2, 1), createChild(3, 2)]
    const [done] = deriveJournal({ signUps: [], walkLog, walkDuty: { children, holdersOf } })
    expect(done).toMatchObject({ kind: 'walkDone', clock: 13, dutyAdultIds: [adultId(2), adultId(6), adultId(8), adultId(9)], presentCount: 2 })
    // Without the rota the event keeps its shape of before.
    expect(deriveJournal({ signUps: [], walkLog })[0]).not.toHaveProperty('dutyAdultIds')
    expect(deriveJournal({ signUps: [], walkLog })[0]).not.toHaveProperty('presentCount')
  })
})

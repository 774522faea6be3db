// Rota selections for the screens: whose sign-up is mine, the waiting notices and the notices of walks that no longer run (never dropped silently).
import { describe, expect, it } from 'vitest'
import { localDate, type LocalDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { ActorIdSchema, AdultIdSchema, FamilyIdSchema, LineIdSchema } from '../../../src/domain/ids.ts'
import type { Adult } from '../../../src/domain/people.ts'
import type { WalkRota } from '../../../src/domain/rota-types.ts'
import { walkKeyOf, type SignUp, type Slot } from '../../../src/domain/signup.ts'
import { goneNotices, walksWithSignUpsOf } from '../../../src/app/queries/rota.ts'
import { adultsById, isMine, waitingNotices } from '../../../src/app/queries/rota-view.ts'

const noon = (date: LocalDate): number => parisToInstant(date, '12:00' as TimeOfDay)
import { actorId as fixtureActor, adultId as fixtureAdult, createChild, createHoliday, createLine, createModel, createSignUp, familyId as fixtureFamily, lineId as fixtureLine } from '../domain/rota-fixtures.ts'

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const line = LineIdSchema.parse(uuid(1))
const famA = FamilyIdSchema.parse(uuid(10))
const famB = FamilyIdSchema.parse(uuid(11))
const lea = AdultIdSchema.parse(uuid(20))
const paul = AdultIdSchema.parse(uuid(21))
const actorA = ActorIdSchema.parse(uuid(30))
const actorB = ActorIdSchema.parse(uuid(31))

const adults: Adult[] = [
  { id: lea, familyId: famA, firstName: 'Léa', phone: '0600000000', charterAcceptedOn: null, insured: true },
  { id: paul, familyId: famB, firstName: 'Paul', phone: '0600000001', charterAcceptedOn: null, insured: true },
]

const signUp = (adultId: typeof lea, familyId: typeof famA, actor: typeof actorA, slot: Slot, clock: number, date = '2027-03-04'): SignUp => ({
  lineId: line, date: localDate(date), direction: 'aller', adultId, familyId, slot, status: 'active', clock, actor,
})

const walk = (date: string, part: Partial<WalkRota>): WalkRota => {
  const ref = { lineId: line, date: localDate(date), direction: 'aller' as const }
  return {
    ...ref, key: walkKeyOf(ref), startTime: null, cancellation: null, expectedChildIds: [], ratioCount: 0, requiredAdults: 2,
    lead: null, tail: null, extras: [], waiting: [], state: 'toFill', ...part,
  }
}

describe('rota selections', () => {
  const today = localDate('2027-03-01')
  const meB = { actorId: actorB, familyId: famB }

  it('a sign-up is mine by family or by this phone', () => {
    expect(isMine({ familyId: famB, actor: actorA }, meB)).toBe(true)
    expect(isMine({ familyId: famA, actor: actorB }, meB)).toBe(true)
    expect(isMine({ familyId: famA, actor: actorA }, meB)).toBe(false)
    expect(isMine({ familyId: famA, actor: actorB }, { actorId: actorB, familyId: null })).toBe(true)
  })

  it('tells the loser of a concurrent sign-up who holds the slot, and nobody else', () => {
    const held = signUp(lea, famA, actorA, 'lead', 3)
    const lost = signUp(paul, famB, actorB, 'lead', 3)
    const walks = [walk('2027-03-04', { lead: held, waiting: [lost] })]
    expect(waitingNotices(walks, meB, adultsById({ adults }), today)).toEqual([
      { key: `waiting|${line}|2027-03-04|aller|${paul}|3|${actorB}|taken`, date: '2027-03-04', direction: 'aller', reason: 'taken', holders: ['Léa'] },
    ])
    expect(waitingNotices(walks, { actorId: actorA, familyId: famA }, adultsById({ adults }), today)).toEqual([])
  })

  it('names each notice by its sign-up: a new sign-up lost again is a new notice (shown even if the last was dismissed)', () => {
    const held = signUp(lea, famA, actorA, 'lead', 3)
    const keyOf = (clock: number) =>
      waitingNotices([walk('2027-03-04', { lead: held, waiting: [signUp(paul, famB, actorB, 'lead', clock)] })], meB, adultsById({ adults }), today)[0]?.key
    expect(keyOf(4)).toBe(keyOf(4))
    expect(keyOf(4)).not.toBe(keyOf(7))
  })

  it('drops notices of past or cancelled walks only', () => {
    const lost = signUp(paul, famB, actorB, 'tail', 5)
    const walks = [
      walk('2027-02-26', { tail: signUp(lea, famA, actorA, 'tail', 1, '2027-02-26'), waiting: [lost] }),
      walk('2027-03-05', { cancellation: { kind: 'exception', reason: 'strike', note: '' }, waiting: [lost] }),
      walk('2027-03-08', { waiting: [lost] }),
    ]
    expect(waitingNotices(walks, meB, adultsById({ adults }), today)).toMatchObject([{ date: '2027-03-08', direction: 'aller', reason: 'taken', holders: [] }])
  })
})

describe('notices over the real rota rules', () => {
  const today = localDate('2027-03-01')
  const at = Date.UTC(2027, 2, 1, 8)

  it('the loser of two concurrent sign-ups is told, whichever order they arrive in, however far ahead', () => {
    const first = createSignUp(1, 'lead', 4, 1, { date: '2027-06-03' })
    const second = createSignUp(2, 'lead', 4, 2, { date: '2027-06-03' })
    for (const signUps of [[first, second], [second, first]]) {
      const model = createModel({ signUps })
      const loser = { actorId: fixtureActor(2), familyId: fixtureFamily(2) }
      const notices = waitingNotices(walksWithSignUpsOf(model, (s) => isMine(s, loser), today, at), loser, adultsById(model), today)
      expect(notices).toMatchObject([{ date: '2027-06-03', direction: 'aller', reason: 'taken', holders: ['Adulte1'] }])
      const winner = { actorId: fixtureActor(1), familyId: fixtureFamily(1) }
      expect(waitingNotices(walksWithSignUpsOf(model, (s) => isMine(s, winner), today, at), winner, adultsById(model), today)).toEqual([])
    }
  })

  it('a withdrawn holder frees the slot: no notice any more', () => {
    const model = createModel({
      signUps: [createSignUp(1, 'lead', 4, 1, { date: '2027-06-03' }, 'withdrawn'), createSignUp(2, 'lead', 5, 2, { date: '2027-06-03' })],
    })
    const me = { actorId: fixtureActor(2), familyId: fixtureFamily(2) }
    expect(waitingNotices(walksWithSignUpsOf(model, (s) => isMine(s, me), today, at), me, adultsById(model), today)).toEqual([])
  })
})

describe('an extra adult waiting because the walk needs fewer adults now', () => {
  const today = localDate('2027-03-01')
  const at = Date.UTC(2027, 2, 1, 8)
  const date = { date: '2027-06-03' }
  // Nine children on the walk: 2 adults minimum, ceil(9 / 8) = 2, so no extra place.
  const children = Array.from({ length: 9 }, (_, i) => createChild(i + 1, 9))

  it('is told the place is not needed for now, not that someone signed up before', () => {
    const model = createModel({
      children,
      signUps: [createSignUp(1, 'lead', 1, 1, date), createSignUp(2, 'tail', 2, 2, date), createSignUp(3, 'extra', 3, 3, date)],
    })
    const me = { actorId: fixtureActor(3), familyId: fixtureFamily(3) }
    expect(waitingNotices(walksWithSignUpsOf(model, (s) => isMine(s, me), today, at), me, adultsById(model), today)).toMatchObject([
      { date: '2027-06-03', direction: 'aller', reason: 'fewerNeeded', holders: [] },
    ])
  })

  it('a lead or tail who lost a race is still told who held the place', () => {
    const model = createModel({ children, signUps: [createSignUp(1, 'tail', 4, 1, date), createSignUp(2, 'tail', 4, 2, date)] })
    const me = { actorId: fixtureActor(2), familyId: fixtureFamily(2) }
    expect(waitingNotices(walksWithSignUpsOf(model, (s) => isMine(s, me), today, at), me, adultsById(model), today)).toMatchObject([
      { date: '2027-06-03', direction: 'aller', reason: 'taken', holders: ['Adulte1'] },
    ])
  })
})

describe('my sign-ups on walks that no longer run', () => {
  const today = localDate('2027-03-01')
  const me = { actorId: fixtureActor(9), familyId: fixtureFamily(2) }
  const mine = (s: SignUp) => isMine(s, me)
  // 2027-06-03 is a Thursday, 2027-06-04 a Friday.
  const thursday = createSignUp(2, 'lead', 1, 2, { date: '2027-06-03' })
  const fridayRetour = createSignUp(2, 'tail', 2, 2, { date: '2027-06-04', direction: 'retour' })
  const others = createSignUp(1, 'lead', 3, 1, { date: '2027-06-03' })
  const past = createSignUp(2, 'lead', 4, 2, { date: '2027-02-25' })
  const withdrawn = createSignUp(2, 'extra', 5, 2, { date: '2027-06-03', direction: 'retour' }, 'withdrawn')
  const signUps = [thursday, fridayRetour, others, past, withdrawn]

  it('lists nothing while every walk still runs', () => {
    expect(goneNotices(createModel({ signUps }), mine, noon(today))).toEqual([])
  })

  it('lists my family’s active sign-ups once the line’s days or directions no longer include their walk', () => {
    const model = createModel({ signUps, lines: [createLine(1, { name: 'Ligne des Pins', days: [1, 2, 5], directions: ['aller'] })] })
    expect(goneNotices(model, mine, noon(today))).toEqual([
      { walk: { lineId: fixtureLine(1), date: '2027-06-03', direction: 'aller' }, adultId: fixtureAdult(2), adultName: 'Adulte2', lineName: 'Ligne des Pins' },
      { walk: { lineId: fixtureLine(1), date: '2027-06-04', direction: 'retour' }, adultId: fixtureAdult(2), adultName: 'Adulte2', lineName: 'Ligne des Pins' },
    ])
  })

  it('lists them when the line is deleted, without a line name', () => {
    const notices = goneNotices(createModel({ signUps, lines: [] }), mine, noon(today))
    expect(notices.map((n) => [n.walk.date, n.lineName])).toEqual([['2027-06-03', null], ['2027-06-04', null]])
  })

  it('does not list a walk that is only cancelled (it still exists, with its reason)', () => {
    const model = createModel({ signUps, holidays: [createHoliday(1, '2027-06-01', '2027-06-10', 'Fermeture')] })
    expect(goneNotices(model, mine, noon(today))).toEqual([])
  })
})

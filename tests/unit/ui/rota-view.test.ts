// Rota selections for the screens: whose sign-up is mine, and the waiting notices (never dropped silently), alone and over the real rules.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { ActorIdSchema, AdultIdSchema, FamilyIdSchema, LineIdSchema } from '../../../src/domain/ids.ts'
import type { Adult } from '../../../src/domain/people.ts'
import type { WalkRota } from '../../../src/domain/rota-types.ts'
import { walkKeyOf, type SignUp, type Slot } from '../../../src/domain/signup.ts'
import { walksWithSignUpsOf } from '../../../src/ui/components/rota/rota-source.ts'
import { adultsById, isMine, waitingNotices } from '../../../src/ui/components/rota/rota-view.ts'
import { actorId as fixtureActor, createModel, createSignUp, familyId as fixtureFamily } from '../domain/rota-fixtures.ts'

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
      { date: '2027-03-04', direction: 'aller', holders: ['Léa'] },
    ])
    expect(waitingNotices(walks, { actorId: actorA, familyId: famA }, adultsById({ adults }), today)).toEqual([])
  })

  it('drops notices of past or cancelled walks only', () => {
    const lost = signUp(paul, famB, actorB, 'tail', 5)
    const walks = [
      walk('2027-02-26', { tail: signUp(lea, famA, actorA, 'tail', 1, '2027-02-26'), waiting: [lost] }),
      walk('2027-03-05', { cancellation: { kind: 'exception', reason: 'strike', note: '' }, waiting: [lost] }),
      walk('2027-03-08', { waiting: [lost] }),
    ]
    expect(waitingNotices(walks, meB, adultsById({ adults }), today)).toEqual([{ date: '2027-03-08', direction: 'aller', holders: [] }])
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
      expect(notices).toEqual([{ date: '2027-06-03', direction: 'aller', holders: ['Adulte1'] }])
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

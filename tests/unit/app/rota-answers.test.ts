// Every command that answers the user decides on the rota the screens show: each swap path, then each command; the answer against the rota read back.
import { describe, expect, it } from 'vitest'
import { upcomingPeriods } from '../../../src/app/queries/coordination.ts'
import { weekOf, type RotaModel } from '../../../src/app/queries/rota.ts'
import { checkInsOf, walkRotaOf } from '../../../src/app/queries/walk.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { coordinatorOn } from '../../../src/domain/coordination/index.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { AdultId, FamilyId } from '../../../src/domain/ids.ts'
import { walkKeyOf, type Slot, type WalkRef } from '../../../src/domain/signup.ts'
import type { EffectiveWalk } from '../../../src/domain/swaps/index.ts'
import type { OfferId } from '../../../src/domain/swaps/records.ts'
import { newWorld, syncAll, valueOf, walkOn, type Phone, type World } from './swap-phones.ts'

/** Monday 15 March 2027, 07:00 in Paris: the walk (08:10) has not started, and children can be checked in. */
const MORNING = parisToInstant(localDate('2027-03-15'), '07:00' as TimeOfDay)

interface Scene {
  readonly world: World
  readonly phones: readonly [Phone, Phone, Phone]
  /** Adults 1, 2, 3 (one per family and phone). */
  readonly adults: readonly [AdultId, AdultId, AdultId]
  /** The walk every path and command is about (Monday aller), and another one (Monday retour). */
  readonly walk: WalkRef
  readonly other: WalkRef
  /** The offer the path made, if any. */
  offerId?: OfferId
}

const scene = (): Scene => {
  const world = newWorld()
  for (const phone of world.phones) phone.clock = MORNING
  return {
    world,
    phones: world.phones as unknown as Scene['phones'],
    adults: world.adults as unknown as Scene['adults'],
    walk: walkOn(world.lineId),
    other: walkOn(world.lineId, '2027-03-15', 'retour'),
  }
}

/** Runs one command on the adult's own phone, then lets every phone see it. */
const on = <T>(s: Scene, adult: 0 | 1 | 2, run: (phone: Phone, adultId: AdultId) => T): T => {
  const phone = s.phones[adult]
  const result = run(phone, s.adults[adult])
  syncAll(s.phones)
  return result
}

/** The walk as the week screen shows it on phone 1 (the rota "Cette semaine" reads). */
const shown = (s: Scene, ref: WalkRef = s.walk): EffectiveWalk => {
  const view = s.phones[0].view.get() as RotaModel
  const walk = weekOf(view, ref.date, MORNING).flatMap((day) => day.walks).find((candidate) => candidate.key === walkKeyOf(ref))
  if (walk === undefined) throw new Error('walk not shown')
  return walk as EffectiveWalk
}

const holderOf = (walk: EffectiveWalk, slot: Slot): AdultId | null =>
  (slot === 'lead' ? walk.lead?.adultId : slot === 'tail' ? walk.tail?.adultId : walk.extras[0]?.adultId) ?? null
const holdsAny = (walk: EffectiveWalk, adultId: AdultId): boolean =>
  [walk.lead, walk.tail, ...walk.extras].some((signUp) => signUp?.adultId === adultId)
const waits = (walk: EffectiveWalk, adultId: AdultId): boolean => walk.waiting.some((signUp) => signUp.adultId === adultId)
const isOn = (walk: EffectiveWalk, adultId: AdultId): boolean => holdsAny(walk, adultId) || waits(walk, adultId)

/** The swap paths the walk goes through before the command (adult 1 always signs up for the lead first). */
const PATHS: Readonly<Record<string, (s: Scene) => void>> = {
  'adult 1 holds the lead': () => undefined,
  'adult 1 offers the lead': (s) => {
    s.offerId = on(s, 0, (phone, id) => valueOf(phone.commands.offerSlot(s.walk, id)))
  },
  'adult 2 takes adult 1’s offer': (s) => {
    s.offerId = on(s, 0, (phone, id) => valueOf(phone.commands.offerSlot(s.walk, id)))
    expect(on(s, 1, (phone, id) => phone.commands.takeOffer(s.offerId as OfferId, id))).toEqual({ ok: true, value: 'taken' })
  },
  'adult 2 takes adult 1’s offer, then releases it': (s) => {
    s.offerId = on(s, 0, (phone, id) => valueOf(phone.commands.offerSlot(s.walk, id)))
    valueOf(on(s, 1, (phone, id) => phone.commands.takeOffer(s.offerId as OfferId, id)))
    expect(on(s, 1, (phone, id) => phone.commands.releaseSlot(s.offerId as OfferId, id))).toEqual({ ok: true, value: undefined })
  },
  'adult 1 offers, then withdraws the offer': (s) => {
    s.offerId = on(s, 0, (phone, id) => valueOf(phone.commands.offerSlot(s.walk, id)))
    valueOf(on(s, 0, (phone) => phone.commands.withdrawOffer(s.offerId as OfferId)))
  },
  'adult 1 trades the lead for adult 2’s retour lead': (s) => {
    valueOf(on(s, 1, (phone, id) => phone.commands.signUp(s.other, 'lead', id)))
    s.offerId = on(s, 0, (phone, id) => valueOf(phone.commands.proposeTrade(s.walk, id, { familyId: s.world.families[1] as FamilyId, walk: s.other })))
    expect(on(s, 1, (phone, id) => phone.commands.answerTrade(s.offerId as OfferId, id, { accept: true }))).toEqual({ ok: true, value: 'traded' })
  },
}

/** Each command after a path: its answer, checked against the walk the screen shows afterwards. */
const COMMANDS: Readonly<Record<string, (s: Scene) => void>> = {
  'adult 3 signs up for the lead': (s) => signUpChecked(s, 2, 'lead'),
  'adult 3 signs up for the tail': (s) => signUpChecked(s, 2, 'tail'),
  'adult 1 signs up for the tail': (s) => signUpChecked(s, 0, 'tail'),
  'adult 2 signs up for the tail': (s) => signUpChecked(s, 1, 'tail'),
  'adult 1 withdraws': (s) => withdrawChecked(s, 0),
  'adult 2 withdraws': (s) => withdrawChecked(s, 1),
  'adult 1 offers the lead, adult 3 takes it': (s) => {
    const holder = holderOf(shown(s), 'lead') === s.adults[0]
    const offered = on(s, 0, (phone, id) => phone.commands.offerSlot(s.walk, id))
    // An offer is accepted exactly when the screen shows adult 1 holding a place.
    expect(offered.ok).toBe(holder)
    if (!offered.ok) return expect(offered.error).toBe('notHolder')
    const taken = on(s, 2, (phone, id) => phone.commands.takeOffer(offered.value, id))
    expect(taken).toEqual({ ok: true, value: 'taken' })
    expect(holderOf(shown(s), 'lead')).toBe(s.adults[2])
    expect(isOn(shown(s), s.adults[0])).toBe(false)
  },
  'adult 2 releases the place received through the path’s offer': (s) => {
    if (s.offerId === undefined) return
    const held = holdsAny(shown(s), s.adults[1]) && shown(s).viaSwap.some((via) => via.adultId === s.adults[1] && via.offerId === s.offerId)
    const released = on(s, 1, (phone, id) => phone.commands.releaseSlot(s.offerId as OfferId, id))
    expect(released.ok).toBe(held)
    expect(holdsAny(shown(s), s.adults[1])).toBe(false)
  },
  'adult 1 proposes a trade to family 3': (s) => {
    const holder = holdsAny(shown(s), s.adults[0])
    const proposed = on(s, 0, (phone, id) => phone.commands.proposeTrade(s.walk, id, { familyId: s.world.families[2] as FamilyId }))
    expect(proposed.ok).toBe(holder)
  },
  'the lead shown checks Léa in': (s) => {
    const lead = holderOf(shown(s), 'lead')
    if (lead === null) return
    const index = s.adults.indexOf(lead) as 0 | 1 | 2
    const marked = on(s, index, (phone, id) => phone.commands.markChild(s.walk, s.world.childId, 'present', s.world.stops[1] ?? null, id))
    expect(marked).toEqual({ ok: true, value: undefined })
    const view = s.phones[0].view.get()
    const rota = walkRotaOf(view, s.walk, MORNING)
    expect(rota && checkInsOf(view, rota).find((entry) => entry.id === s.world.childId)?.status).toBe('present')
  },
}

const signUpChecked = (s: Scene, adult: 0 | 1 | 2, slot: Slot): void => {
  const answer = on(s, adult, (phone, id) => phone.commands.signUp(s.walk, slot, id))
  const walk = shown(s)
  const adultId = s.adults[adult]
  if (!answer.ok) {
    // Refused: only because the adult already holds a place there through a swap (nothing written).
    expect(answer.error).toBe('alreadyOnWalk')
    expect(walk.viaSwap.some((via) => via.adultId === adultId)).toBe(true)
    return
  }
  if (answer.value === 'held') expect(holderOf(walk, slot)).toBe(adultId)
  else {
    expect(waits(walk, adultId)).toBe(true)
    expect(holdsAny(walk, adultId)).toBe(false)
  }
}

const withdrawChecked = (s: Scene, adult: 0 | 1 | 2): void => {
  const adultId = s.adults[adult]
  const before = shown(s)
  const wasOn = isOn(before, adultId)
  const answer = on(s, adult, (phone, id) => phone.commands.withdraw(s.walk, id))
  expect(answer.ok).toBe(wasOn)
  if (!answer.ok) {
    expect(answer.error).toBe('nothingToWithdraw')
    expect(shown(s)).toEqual(before)
  } else {
    expect(answer.value).toBe(before.viaSwap.some((via) => via.adultId === adultId) ? 'released' : 'withdrawn')
  }
  expect(isOn(shown(s), adultId)).toBe(false)
}

describe('commands answer from the rota the screens show', () => {
  for (const [path, setUp] of Object.entries(PATHS)) {
    for (const [command, run] of Object.entries(COMMANDS)) {
      it(`${path}; ${command}`, () => {
        const s = scene()
        expect(on(s, 0, (phone, id) => phone.commands.signUp(s.walk, 'lead', id))).toEqual({ ok: true, value: 'held' })
        setUp(s)
        run(s)
      })
    }
  }

  it('issue 13, case 1: adult 2 releases the lead taken from adult 1; adult 3 signs up for it and is told "held", as shown', () => {
    const s = scene()
    valueOf(on(s, 0, (phone, id) => phone.commands.signUp(s.walk, 'lead', id)))
    PATHS['adult 2 takes adult 1’s offer, then releases it']?.(s)
    expect(holderOf(shown(s), 'lead')).toBeNull()
    expect(on(s, 2, (phone, id) => phone.commands.signUp(s.walk, 'lead', id))).toEqual({ ok: true, value: 'held' })
    expect(holderOf(shown(s), 'lead')).toBe(s.adults[2])
  })

  it('issue 13, case 2: adult 1 gave the lead away, then signs up for the tail: "held", adult 2 keeps the lead', () => {
    const s = scene()
    valueOf(on(s, 0, (phone, id) => phone.commands.signUp(s.walk, 'lead', id)))
    PATHS['adult 2 takes adult 1’s offer']?.(s)
    expect(on(s, 0, (phone, id) => phone.commands.signUp(s.walk, 'tail', id))).toEqual({ ok: true, value: 'held' })
    expect(holderOf(shown(s), 'lead')).toBe(s.adults[1])
    expect(holderOf(shown(s), 'tail')).toBe(s.adults[0])
  })

  it('withdrawing when not on the walk says so and writes nothing', () => {
    const s = scene()
    const before = s.phones[2].view.get().signUps
    expect(on(s, 2, (phone, id) => phone.commands.withdraw(s.walk, id))).toEqual({ ok: false, error: 'nothingToWithdraw' })
    expect(s.phones[2].view.get().signUps).toEqual(before)
  })
})

describe('period offers answer from the schedule the coordination screen shows', () => {
  const NEXT_PERIOD = localDate('2027-03-22')
  const withRoster = (): Scene => {
    const s = scene()
    for (const familyId of s.world.families) s.phones[0].commands.setRosterMembership(familyId, true)
    syncAll(s.phones)
    return s
  }
  const shownCoordinator = (s: Scene, phone: Phone, start: string): FamilyId | null | undefined =>
    upcomingPeriods(phone.view.get().coordination, localDate('2027-03-15')).periods.find((period) => period.start === start)?.coordinator

  for (const path of ['none', 'offered', 'taken'] as const) {
    it(`period ${path}; another family takes it: the answer matches the coordinator shown`, () => {
      const s = withRoster()
      const [a] = s.phones
      const holder = coordinatorOn(a.view.get().coordination, NEXT_PERIOD) as FamilyId
      const owner = s.phones[s.world.families.indexOf(holder)] as Phone
      const [first, second] = s.phones.filter((phone) => phone !== owner) as [Phone, Phone]
      expect(shownCoordinator(s, a, NEXT_PERIOD)).toBe(holder)
      const offered = path === 'none' ? null : valueOf(owner.commands.offerPeriod(NEXT_PERIOD, holder))
      syncAll(s.phones)
      if (path === 'taken') valueOf(first.commands.answerPeriodOffer(offered as never, first.me.get().familyId as FamilyId, 'take'))
      syncAll(s.phones)
      const offerId = offered ?? valueOf(owner.commands.offerPeriod(NEXT_PERIOD, holder))
      syncAll(s.phones)
      const answer = second.commands.answerPeriodOffer(offerId, second.me.get().familyId as FamilyId, 'take')
      syncAll(s.phones)
      const coordinator = shownCoordinator(s, a, NEXT_PERIOD)
      if (answer.ok && answer.value === 'taken') expect(coordinator).toBe(second.me.get().familyId)
      else expect(coordinator).not.toBe(second.me.get().familyId)
      // A period given away can no longer be offered by its former holder: the screen no longer shows it as theirs.
      const again = owner.commands.offerPeriod(NEXT_PERIOD, holder)
      expect(again.ok).toBe(shownCoordinator(s, a, NEXT_PERIOD) === holder)
    })
  }
})

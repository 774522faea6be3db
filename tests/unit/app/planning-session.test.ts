// Planning commands of a session: availability, reduced shares, the fairness setting, and publishing a plan as ordinary sign-ups.
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { PublishOutcome } from '../../../src/app/api.ts'
import { openDemoSession } from '../../../src/app/demo.ts'
import { effectiveWalkOf } from '../../../src/app/queries/rota.ts'
import { nextSharedClock } from '../../../src/doc/clock.ts'
import { MAP_AVAILABILITY, MAP_SIGNUPS, Origin } from '../../../src/doc/keys.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { AdultId, FamilyId, LineId } from '../../../src/domain/ids.ts'
import { DEFAULT_FAIRNESS_SETTING, type AvailabilityInput, type ExemptionId } from '../../../src/domain/planning/records.ts'
import type { PlannedSlot } from '../../../src/domain/planning/types.ts'
import { signUpKeyOf, walkKeyOf, type Slot, type WalkRef } from '../../../src/domain/signup.ts'
import { stopInput } from '../doc/fixtures.ts'
import { NOW, newWorld, syncAll, valueOf, walkOn, type Phone, type World } from './swap-phones.ts'
import { useSessionPhones } from './session-phones.ts'

const UNKNOWN = '00000000-0000-4000-8000-000000000000'

const availability = (lineId: LineId): AvailabilityInput => ({
  recurring: [{ weekday: 1, direction: 'aller', lineId }],
  exceptions: [{ date: '2027-03-22', available: false, direction: null, lineId }],
  weeklyMax: 3,
  preference: 'lead',
})

const planned = (world: World, walk: WalkRef, slot: Slot, adultId: AdultId): PlannedSlot => {
  const index = world.adults.indexOf(adultId)
  return { walk, key: walkKeyOf(walk), slot, adultId, familyId: (world.families[index] ?? world.familyId) as FamilyId }
}

/** Every adult can walk every weekday, both ways, on these lines (publication only places adults the planner would propose). */
const everyoneAvailable = (world: World, phone: Phone, lineIds: readonly LineId[] = [world.lineId], weeklyMax: number | null = null): void => {
  const recurring = lineIds.flatMap((lineId) => [1, 2, 3, 4, 5].flatMap((weekday) => (['aller', 'retour'] as const).map((direction) => ({ weekday, direction, lineId }))))
  for (const adultId of world.adults) valueOf(phone.commands.setAvailability(adultId, { recurring, exceptions: [], weeklyMax, preference: 'none' }))
}

const effective = (phone: Phone, walk: WalkRef) => effectiveWalkOf(phone.view.get(), walk, phone.clock)

/** Local updates the phone's doc emits while `run` runs. */
const updatesDuring = (phone: Phone, run: () => void): { updates: number; origins: unknown[] } => {
  let updates = 0
  const origins: unknown[] = []
  const onUpdate = (): void => void (updates += 1)
  const onTransaction = (transaction: Y.Transaction): void => void origins.push(transaction.origin)
  phone.doc.on('update', onUpdate)
  phone.doc.on('afterTransaction', onTransaction)
  run()
  phone.doc.off('update', onUpdate)
  phone.doc.off('afterTransaction', onTransaction)
  return { updates, origins }
}

describe('availability', () => {
  it('is written whole for the adult, with the adult family, this phone as author and its local time', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    const [, sophie] = world.adults as [AdultId, AdultId]
    expect(a.commands.setAvailability(sophie, availability(world.lineId))).toEqual({ ok: true, value: undefined })
    const [entry] = a.view.get().planning.availability
    expect(entry).toMatchObject({ adultId: sophie, familyId: world.families[1], ...availability(world.lineId), actor: a.me.get().actorId })
    expect(entry?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
    // Replaced whole: the date exception is gone.
    valueOf(a.commands.setAvailability(sophie, { ...availability(world.lineId), exceptions: [], weeklyMax: null }))
    expect(a.view.get().planning.availability).toEqual([expect.objectContaining({ adultId: sophie, exceptions: [], weeklyMax: null })])
  })

  it('refuses an unknown adult and invalid fields with field errors, and writes nothing', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    const [camille] = world.adults as [AdultId]
    const input = availability(world.lineId)
    expect(a.commands.setAvailability(UNKNOWN as AdultId, input)).toEqual({ ok: false, error: { _: 'unknownAdult' } })
    expect(a.commands.setAvailability(camille, { ...input, weeklyMax: 15 })).toEqual({ ok: false, error: { weeklyMax: 'tooLarge' } })
    expect(a.commands.setAvailability(UNKNOWN as AdultId, { ...input, weeklyMax: 0 })).toEqual({ ok: false, error: { weeklyMax: 'tooSmall', _: 'unknownAdult' } })
    expect(a.view.get().planning.availability).toEqual([])
  })

  it('drops slots and exceptions of lines that no longer exist instead of refusing the save', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille] = world.adults as [AdultId]
    const input = availability(world.lineId)
    const otherLine = UNKNOWN as LineId
    expect(a.commands.setAvailability(camille, {
      ...input,
      recurring: [...input.recurring, { weekday: 2, direction: 'retour', lineId: otherLine }],
      exceptions: [{ date: '2027-03-22', available: true, direction: null, lineId: otherLine }, { date: '2027-03-23', available: true, direction: null, lineId: null }],
    })).toEqual({ ok: true, value: undefined })
    expect(a.view.get().planning.availability).toEqual([expect.objectContaining({
      adultId: camille, recurring: input.recurring, exceptions: [{ date: '2027-03-23', available: true, direction: null, lineId: null }],
    })])
    // A line another member removed: the adult's next save keeps the rest.
    const lineB = valueOf(b.commands.addLine({ name: 'Ligne des Chênes', colour: '#1565c0', directions: ['aller'], days: [1] }))
    syncAll([a, b])
    b.commands.removeLine(lineB)
    syncAll([b, a])
    const saved = { ...input, recurring: [...input.recurring, { weekday: 1, direction: 'aller' as const, lineId: lineB }] }
    expect(a.commands.setAvailability(camille, saved)).toEqual({ ok: true, value: undefined })
    expect(a.view.get().planning.availability[0]?.recurring).toEqual(input.recurring)
  })

  it('drops date exceptions dated before today (Paris) and keeps today and later ones', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    const [camille] = world.adults as [AdultId]
    // Saturday 13 March 2027, 00:30 in Paris (still the 12th in UTC).
    a.clock = parisToInstant(localDate('2027-03-13'), '00:30' as TimeOfDay)
    const exception = (date: string) => ({ date, available: false, direction: null, lineId: null })
    valueOf(a.commands.setAvailability(camille, {
      ...availability(world.lineId), exceptions: [exception('2027-03-01'), exception('2027-03-12'), exception('2027-03-13'), exception('2027-04-02')],
    }))
    expect(a.view.get().planning.availability[0]?.exceptions.map((entry) => entry.date)).toEqual(['2027-03-13', '2027-04-02'])
  })
})

describe('reduced shares and the fairness setting', () => {
  it('declares a reduced share for a family (no reason asked), withdraws it once, and refuses bad input', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const bernard = world.families[1] as FamilyId
    const input = { familyId: bernard, from: '2027-03-15', to: '2027-04-15', sharePercent: 25 as const }
    const id = valueOf(a.commands.declareExemption(input))
    expect(a.view.get().planning.exemptions).toEqual([{ id, ...input, actor: a.me.get().actorId, at: expect.any(String) }])
    syncAll([a, b])
    // Any member may withdraw (here another family's phone); a second withdrawal changes nothing.
    expect(b.commands.withdrawExemption(id)).toEqual({ ok: true, value: undefined })
    expect(b.view.get().planning.exemptions[0]?.withdrawn).toMatchObject({ actor: b.me.get().actorId })
    const { updates } = updatesDuring(b, () => expect(b.commands.withdrawExemption(id)).toEqual({ ok: true, value: undefined }))
    expect(updates).toBe(0)
    expect(b.commands.withdrawExemption(UNKNOWN as ExemptionId)).toEqual({ ok: false, error: 'notFound' })

    expect(a.commands.declareExemption({ ...input, familyId: UNKNOWN as FamilyId })).toEqual({ ok: false, error: { familyId: 'unknownFamily' } })
    expect(a.commands.declareExemption({ ...input, to: '2027-03-01' })).toEqual({ ok: false, error: { to: 'endBeforeStart' } })
    expect(a.commands.declareExemption({ ...input, to: '2028-06-01' })).toEqual({ ok: false, error: { to: 'rangeTooLong' } })
    expect(a.commands.declareExemption({ ...input, sharePercent: 60 as 50 })).toEqual({ ok: false, error: { sharePercent: 'invalidShare' } })
    expect(a.commands.declareExemption({ ...input, familyId: UNKNOWN as FamilyId, to: '2027-03-01' }))
      .toEqual({ ok: false, error: { to: 'endBeforeStart', familyId: 'unknownFamily' } })
    expect(a.view.get().planning.exemptions).toHaveLength(1)
  })

  it('sets the fairness setting, which every phone reads after sync; invalid input changes nothing', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    expect(b.view.get().planning.fairness).toEqual(DEFAULT_FAIRNESS_SETTING)
    expect(a.commands.setFairness({ basis: 'perFamily', coordinatorCredit: 5 })).toEqual({ ok: true, value: { basis: 'perFamily', coordinatorCredit: 5 } })
    expect(a.commands.setFairness({ basis: 'perFamily', coordinatorCredit: -1 })).toEqual({ ok: false, error: { coordinatorCredit: 'tooSmall' } })
    syncAll([a, b])
    expect(b.view.get().planning.fairness).toEqual({ basis: 'perFamily', coordinatorCredit: 5 })
  })
})

describe('a new school year', () => {
  it('deletes the reduced shares that ended before it starts, keeps those running into it and every availability', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    const [camille] = world.adults as [AdultId]
    valueOf(a.commands.setAvailability(camille, availability(world.lineId)))
    const ended = valueOf(a.commands.declareExemption({ familyId: world.familyId, from: '2027-05-01', to: '2027-06-30', sharePercent: 0 }))
    const running = valueOf(a.commands.declareExemption({ familyId: world.familyId, from: '2027-08-01', to: '2027-09-30', sharePercent: 50 }))
    const lastDay = valueOf(a.commands.declareExemption({ familyId: world.familyId, from: '2027-08-01', to: '2027-09-01', sharePercent: 75 }))
    valueOf(a.commands.startNewSchoolYear({ before: localDate('2027-09-01'), removeChildIds: [] }))
    expect(a.view.get().planning.exemptions.map((exemption) => exemption.id).sort()).toEqual([running, lastDay].sort())
    expect(a.view.get().planning.exemptions.map((exemption) => exemption.id)).not.toContain(ended)
    expect(a.view.get().planning.availability.map((entry) => entry.adultId)).toEqual([camille])
  })
})

describe('a new school year leaves availability alone', () => {
  it('never rewrites an availability (a rewrite could undo a concurrent offline save); deletes in one change', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    const exception = (date: string) => ({ date, available: false, direction: null, lineId: null })
    a.clock = parisToInstant(localDate('2027-06-01'), '10:00' as TimeOfDay)
    valueOf(a.commands.setAvailability(camille, { ...availability(world.lineId), exceptions: [exception('2027-06-10'), exception('2027-09-14')] }))
    valueOf(a.commands.declareExemption({ familyId: world.familyId, from: '2027-05-01', to: '2027-06-30', sharePercent: 0 }))
    syncAll([a, b])
    const before = JSON.stringify(a.doc.getMap(MAP_AVAILABILITY).toJSON())
    // Sophie's phone saves her availability offline while the new year starts on Camille's phone.
    valueOf(b.commands.setAvailability(sophie, availability(world.lineId)))
    valueOf(b.commands.setAvailability(camille, { ...availability(world.lineId), exceptions: [exception('2027-09-20')] }))
    let outcome: unknown
    const { updates, origins } = updatesDuring(a, () => {
      outcome = a.commands.startNewSchoolYear({ before: localDate('2027-09-01'), removeChildIds: [] })
    })
    expect(outcome).toMatchObject({ ok: true, value: { removed: { exemptions: 1 } } })
    expect(updates).toBe(1)
    expect(origins).toEqual([Origin.startNewSchoolYear])
    expect(JSON.stringify(a.doc.getMap(MAP_AVAILABILITY).toJSON())).toBe(before)
    syncAll([a, b])
    for (const phone of [a, b]) {
      expect(phone.view.get().planning.availability.map((entry) => [entry.adultId, entry.exceptions.map((e) => e.date)]).sort())
        .toEqual([[camille, ['2027-09-20']], [sophie, ['2027-03-22']]].sort())
      expect(phone.view.get().toCheck).toEqual([])
    }
  })
})

describe('publishing a plan', () => {
  const MONDAY = '2027-03-15'
  const TUESDAY = '2027-03-16'
  const THURSDAY = '2027-03-18'

  it('writes every open place as an active sign-up in one transaction, with consecutive clocks, and the rota shows them', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    const [camille, sophie, minh] = world.adults as [AdultId, AdultId, AdultId]
    everyoneAvailable(world, a)
    const walks = [MONDAY, TUESDAY, THURSDAY].flatMap((date) => [walkOn(world.lineId, date, 'aller'), walkOn(world.lineId, date, 'retour')])
    const plan = walks.flatMap((walk, index) => [
      planned(world, walk, 'lead', [camille, sophie, minh][index % 3] as AdultId),
      planned(world, walk, 'tail', [sophie, minh, camille][index % 3] as AdultId),
    ])
    const first = nextSharedClock(a.doc)
    let outcome: unknown
    const { updates, origins } = updatesDuring(a, () => {
      outcome = a.commands.publishPlan(plan)
    })
    expect(outcome).toEqual({ ok: true, value: { written: 12, skipped: 0 } satisfies PublishOutcome })
    expect(updates).toBe(1)
    expect(origins).toEqual([Origin.publishPlan])
    const mine = a.view.get().signUps.filter((signUp) => signUp.actor === a.me.get().actorId)
    expect(mine.map((signUp) => signUp.clock).sort((x, y) => x - y)).toEqual(plan.map((_, index) => first + index))
    for (const place of plan) {
      const walk = effective(a, place.walk)
      expect(walk?.[place.slot === 'lead' ? 'lead' : 'tail']).toMatchObject({ adultId: place.adultId, familyId: place.familyId, status: 'active' })
      expect(walk?.state).toBe('covered')
    }
  })

  it('skips places no longer open and never rewrites an active entry', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie, minh] = world.adults as [AdultId, AdultId, AdultId]
    valueOf(a.commands.updateSettings({ minAdults: 3 }))
    everyoneAvailable(world, a)
    const monday = walkOn(world.lineId, MONDAY)
    const tuesday = walkOn(world.lineId, TUESDAY)
    const thursday = walkOn(world.lineId, THURSDAY)
    // Sophie holds Monday's lead; Camille waits for it (an active entry too).
    valueOf(a.commands.signUp(monday, 'lead', sophie))
    expect(a.commands.signUp(monday, 'lead', camille)).toEqual({ ok: true, value: 'waiting' })
    valueOf(a.commands.addException({ date: THURSDAY, lineId: null, direction: null, reason: 'strike', note: '' }))
    syncAll([a, b])
    const before = a.doc.getMap(MAP_SIGNUPS).get(signUpKeyOf(monday, camille))

    const plan = [
      planned(world, monday, 'lead', minh), // lead held by Sophie
      planned(world, monday, 'tail', camille), // Camille is on this walk already (waiting)
      planned(world, monday, 'tail', minh), // open: written
      planned(world, monday, 'extra', minh), // Minh is now on this walk through this plan
      planned(world, monday, 'extra', UNKNOWN as AdultId), // no such adult
      planned(world, tuesday, 'extra', camille), // one extra needed (3 adults): written
      planned(world, tuesday, 'extra', sophie), // beyond the places needed
      planned(world, tuesday, 'lead', sophie), // open: written
      planned(world, tuesday, 'lead', minh), // taken by this plan's previous place
      planned(world, thursday, 'lead', camille), // cancelled (strike)
      planned(world, walkOn(world.lineId, '2027-03-17'), 'lead', camille), // Wednesday: the line does not run
      { ...planned(world, tuesday, 'tail', minh), slot: 'middle' as Slot }, // not a slot
    ]
    expect(a.commands.publishPlan(plan)).toEqual({ ok: true, value: { written: 3, skipped: 9 } })
    expect(a.doc.getMap(MAP_SIGNUPS).get(signUpKeyOf(monday, camille))).toBe(before)
    expect(effective(a, monday)).toMatchObject({ lead: { adultId: sophie }, tail: { adultId: minh }, waiting: [{ adultId: camille }] })
    expect(effective(a, tuesday)).toMatchObject({ lead: { adultId: sophie }, tail: null, extras: [{ adultId: camille }] })
    // Publishing the same plan again writes nothing more.
    const { updates } = updatesDuring(a, () => expect(a.commands.publishPlan(plan)).toEqual({ ok: true, value: { written: 0, skipped: 12 } }))
    expect(updates).toBe(0)
  })

  it('skips walks that have started and places of adults or families removed meanwhile', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    const [camille, sophie, minh] = world.adults as [AdultId, AdultId, AdultId]
    everyoneAvailable(world, a)
    const monday = walkOn(world.lineId, MONDAY)
    const retour = walkOn(world.lineId, MONDAY, 'retour')
    const plan = [planned(world, monday, 'lead', camille), planned(world, retour, 'lead', camille), planned(world, retour, 'tail', sophie), planned(world, retour, 'extra', minh)]
    a.commands.removeAdult(minh)
    a.commands.removeFamily(world.families[1] as FamilyId)
    // Monday 08:10 in Paris: the aller walk has started, the retour has not.
    a.clock = parisToInstant(localDate(MONDAY), '08:10' as TimeOfDay)
    expect(a.commands.publishPlan(plan)).toEqual({ ok: true, value: { written: 1, skipped: 3 } })
    expect(effective(a, retour)?.lead?.adultId).toBe(camille)
    expect(effective(a, monday)?.lead).toBeNull()
  })

  it('a published sign-up is an ordinary one: its holder can offer it and another family take it; a holder by swap gets no second place', () => {
    const world = newWorld()
    const [a, b, c] = world.phones as [Phone, Phone, Phone]
    const [, sophie, minh] = world.adults as [AdultId, AdultId, AdultId]
    everyoneAvailable(world, a)
    syncAll([a, b, c])
    const monday = walkOn(world.lineId, MONDAY)
    valueOf(a.commands.publishPlan([planned(world, monday, 'lead', sophie)]))
    syncAll([a, b, c])
    const offerId = valueOf(b.commands.offerSlot(monday, sophie))
    syncAll([a, b, c])
    expect(c.commands.takeOffer(offerId, minh)).toEqual({ ok: true, value: 'taken' })
    syncAll([a, b, c])
    for (const phone of [a, b, c]) expect(effective(phone, monday)?.lead?.adultId).toBe(minh)
    // Minh is on the walk through the swap (no sign-up of his own): no second place. Sophie's entry stays active
    // after she gave her place away: it is never rewritten. Camille takes the tail.
    const [camille] = world.adults as [AdultId]
    const plan = [planned(world, monday, 'tail', minh), planned(world, monday, 'tail', sophie), planned(world, monday, 'tail', camille)]
    expect(a.commands.publishPlan(plan)).toEqual({ ok: true, value: { written: 1, skipped: 2 } })
    expect(effective(a, monday)).toMatchObject({ lead: { adultId: minh }, tail: { adultId: camille } })
  })

  for (const order of ['ab', 'ba'] as const) {
    it(`a publication and a concurrent sign-up for the same slot converge on every phone (exchange ${order})`, () => {
      const world = newWorld()
      const [a, b] = world.phones as [Phone, Phone]
      const [camille, sophie] = world.adults as [AdultId, AdultId]
      everyoneAvailable(world, a)
      syncAll([a, b])
      const monday = walkOn(world.lineId, MONDAY)
      const tuesday = walkOn(world.lineId, TUESDAY)
      // Offline: the coordinator (phone A) publishes Camille as Monday's lead; Sophie signs up for it on phone B.
      expect(a.commands.publishPlan([planned(world, monday, 'lead', camille), planned(world, tuesday, 'tail', camille)]))
        .toEqual({ ok: true, value: { written: 2, skipped: 0 } })
      expect(b.commands.signUp(monday, 'lead', sophie)).toEqual({ ok: true, value: 'held' })
      syncAll(order === 'ab' ? [a, b] : [b, a])
      expect(a.doc.getMap(MAP_SIGNUPS).toJSON()).toEqual(b.doc.getMap(MAP_SIGNUPS).toJSON())
      const [onA, onB] = [effective(a, monday), effective(b, monday)]
      expect(onA?.lead?.adultId).toBe(onB?.lead?.adultId)
      expect([camille, sophie]).toContain(onA?.lead?.adultId)
      // The other one waits: nobody's entry is lost.
      expect(onA?.waiting.map((signUp) => signUp.adultId)).toEqual([onA?.lead?.adultId === camille ? sophie : camille])
      expect(onB?.waiting).toEqual(onA?.waiting)
      expect(effective(b, tuesday)?.tail?.adultId).toBe(camille)
    })
  }
})

describe('publishing checks the planner rules again (the proposal may be old)', () => {
  const MONDAY = '2027-03-15'
  const TUESDAY = '2027-03-16'
  const THURSDAY = '2027-03-18'

  const secondLine = (phone: Phone): LineId => {
    const lineId = valueOf(phone.commands.addLine({ name: 'Ligne des Chênes', colour: '#1565c0', directions: ['aller', 'retour'], days: [1, 2, 4, 5] }))
    valueOf(phone.commands.addStop(lineId, stopInput('Mairie')))
    return lineId
  }

  const entriesOf = (phone: Phone, adultId: AdultId) =>
    phone.view.get().signUps.filter((signUp) => signUp.adultId === adultId && signUp.status === 'active').map((signUp) => `${signUp.lineId}|${signUp.date}|${signUp.direction}`).sort()

  it('skips an adult who signed up meanwhile on another line at the same time, and two places at once in one plan', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    const line2 = secondLine(a)
    everyoneAvailable(world, a, [world.lineId, line2])
    const plan = [planned(world, walkOn(world.lineId, MONDAY), 'lead', camille), planned(world, walkOn(world.lineId, MONDAY, 'retour'), 'lead', sophie)]
    // After the proposal, Camille signs up on line 2, Monday aller.
    expect(a.commands.signUp(walkOn(line2, MONDAY), 'lead', camille)).toEqual({ ok: true, value: 'held' })
    expect(a.commands.publishPlan(plan)).toEqual({ ok: true, value: { written: 1, skipped: 1 } })
    expect(entriesOf(a, camille)).toEqual([walkKeyOf(walkOn(line2, MONDAY))])
    expect(effective(a, walkOn(world.lineId, MONDAY))?.lead).toBeNull()
    expect(effective(a, walkOn(world.lineId, MONDAY, 'retour'))?.lead?.adultId).toBe(sophie)
    // One plan placing Sophie on both lines on Tuesday aller: only the first place is written.
    const twice = [planned(world, walkOn(world.lineId, TUESDAY), 'lead', sophie), planned(world, walkOn(line2, TUESDAY), 'lead', sophie)]
    expect(a.commands.publishPlan(twice)).toEqual({ ok: true, value: { written: 1, skipped: 1 } })
    expect(effective(a, walkOn(line2, TUESDAY))?.lead).toBeNull()
  })

  it('skips an adult who added a date exception after the proposal', () => {
    const world = newWorld()
    const [a, b] = world.phones as [Phone, Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    everyoneAvailable(world, a)
    syncAll([a, b])
    const plan = [planned(world, walkOn(world.lineId, MONDAY), 'lead', sophie), planned(world, walkOn(world.lineId, MONDAY), 'tail', camille)]
    const current = b.view.get().planning.availability.find((entry) => entry.adultId === sophie)
    valueOf(b.commands.setAvailability(sophie, {
      recurring: current?.recurring ?? [], weeklyMax: null, preference: 'none',
      exceptions: [{ date: MONDAY, available: false, direction: 'aller', lineId: null }],
    }))
    syncAll([b, a])
    expect(a.commands.publishPlan(plan)).toEqual({ ok: true, value: { written: 1, skipped: 1 } })
    expect(effective(a, walkOn(world.lineId, MONDAY))).toMatchObject({ lead: null, tail: { adultId: camille } })
  })

  it('skips places beyond a weekly maximum, counting places held meanwhile and those this publication takes', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    everyoneAvailable(world, a)
    const recurring = a.view.get().planning.availability.find((entry) => entry.adultId === camille)?.recurring ?? []
    valueOf(a.commands.setAvailability(camille, { recurring, exceptions: [], weeklyMax: 2, preference: 'none' }))
    const plan = [
      planned(world, walkOn(world.lineId, MONDAY), 'lead', camille),
      planned(world, walkOn(world.lineId, THURSDAY), 'lead', camille),
      planned(world, walkOn(world.lineId, THURSDAY), 'tail', sophie),
      planned(world, walkOn(world.lineId, '2027-03-22'), 'lead', camille), // the next week: room again
    ]
    // Meanwhile Camille took Tuesday's lead: one place left that week.
    valueOf(a.commands.signUp(walkOn(world.lineId, TUESDAY), 'lead', camille))
    expect(a.commands.publishPlan(plan)).toEqual({ ok: true, value: { written: 3, skipped: 1 } })
    expect(entriesOf(a, camille)).toEqual([MONDAY, TUESDAY, '2027-03-22'].map((date) => walkKeyOf(walkOn(world.lineId, date))).sort())
    expect(effective(a, walkOn(world.lineId, THURSDAY))).toMatchObject({ lead: null, tail: { adultId: sophie } })
  })

  it('two plans published one after the other on the same phone never give an adult two walks at once', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    const [camille] = world.adults as [AdultId]
    const line2 = secondLine(a)
    everyoneAvailable(world, a, [world.lineId, line2])
    const first = [planned(world, walkOn(world.lineId, MONDAY), 'lead', camille)]
    const second = [planned(world, walkOn(line2, MONDAY), 'lead', camille)]
    expect(a.commands.publishPlan(first)).toEqual({ ok: true, value: { written: 1, skipped: 0 } })
    expect(a.commands.publishPlan(second)).toEqual({ ok: true, value: { written: 0, skipped: 1 } })
    expect(entriesOf(a, camille)).toEqual([walkKeyOf(walkOn(world.lineId, MONDAY))])
  })

  it('never puts back an adult who withdrew from the walk: the entry stays withdrawn', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    const [camille, sophie] = world.adults as [AdultId, AdultId]
    everyoneAvailable(world, a)
    const monday = walkOn(world.lineId, MONDAY)
    valueOf(a.commands.signUp(monday, 'lead', camille))
    a.commands.withdraw(monday, camille)
    const plan = [planned(world, monday, 'lead', camille), planned(world, monday, 'tail', sophie)]
    expect(a.commands.publishPlan(plan)).toEqual({ ok: true, value: { written: 1, skipped: 1 } })
    expect(a.view.get().signUps.find((signUp) => signUp.adultId === camille && signUp.date === monday.date)).toMatchObject({ status: 'withdrawn' })
    expect(effective(a, monday)).toMatchObject({ lead: null, tail: { adultId: sophie } })
  })

  it('skips an adult without availability (the planner would not propose them)', () => {
    const world = newWorld()
    const [a] = world.phones as [Phone]
    const [camille] = world.adults as [AdultId]
    expect(a.commands.publishPlan([planned(world, walkOn(world.lineId, MONDAY), 'lead', camille)])).toEqual({ ok: true, value: { written: 0, skipped: 1 } })
  })
})

describe('the demo', () => {
  it('gives most adults an availability and one family a reduced share, all valid', async () => {
    const demo = await openDemoSession('https://pedibus.example', () => NOW, 'fr')
    const { planning, adults, toCheck } = demo.view.get()
    expect(toCheck).toEqual([])
    expect(planning.availability.length).toBeGreaterThanOrEqual(adults.length - 1)
    expect(planning.availability.every((entry) => entry.recurring.length > 0)).toBe(true)
    expect(planning.exemptions).toHaveLength(1)
    demo.destroy()
  })
})

describe('in a real session', () => {
  const phones = useSessionPhones('unit-planning', () => NOW)

  it('the view carries the planning records and the commands write them', async () => {
    const services = await phones.start()
    const id = valueOf(await services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
    const session = phones.track((await services.openCollective(id)) ?? (() => { throw new Error('no session') })())
    expect(session.view.get().planning).toEqual({ fairness: DEFAULT_FAIRNESS_SETTING, availability: [], exemptions: [] })
    const lineId = valueOf(session.addLine({ name: 'Ligne des Pins', colour: '#2e7d32', directions: ['aller'], days: [1, 2, 4, 5] }))
    const familyId = valueOf(session.addFamily({ displayName: 'Martin' }))
    const adultId = valueOf(session.addAdult(familyId, { firstName: 'Camille', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }))
    valueOf(session.setAvailability(adultId, availability(lineId)))
    valueOf(session.declareExemption({ familyId, from: '2027-03-15', to: '2027-03-31', sharePercent: 0 }))
    valueOf(session.setFairness({ basis: 'perFamily', coordinatorCredit: 1 }))
    const { planning, toCheck } = session.view.get()
    expect(planning.availability).toEqual([expect.objectContaining({ adultId, familyId, actor: session.me.get().actorId })])
    expect(planning.exemptions).toEqual([expect.objectContaining({ familyId, sharePercent: 0 })])
    expect(planning.fairness).toEqual({ basis: 'perFamily', coordinatorCredit: 1 })
    expect(toCheck).toEqual([])
    // Leaving takes the family's planning records with it.
    session.removeFamily(familyId)
    expect(session.view.get().planning).toEqual({ fairness: { basis: 'perFamily', coordinatorCredit: 1 }, availability: [], exemptions: [] })
  })
})

// The coordinator's edits to a proposal: a place left open is explained 'leftOpen', and addPlannedPlace fills an open place by hand.
import { describe, expect, it } from 'vitest'
import { localDate, type Weekday } from '../../../src/domain/dates.ts'
import type { Direction } from '../../../src/domain/line.ts'
import { addPlannedPlace, planCandidates, planRota, summarisePlan } from '../../../src/domain/planning/plan.ts'
import type { Availability, RolePreference } from '../../../src/domain/planning/records.ts'
import type { DateRange, FairnessModel, Plan, PlannedSlot } from '../../../src/domain/planning/types.ts'
import { walkKeyOf, type SignUp, type Slot, type WalkRef } from '../../../src/domain/signup.ts'
import { availability, families, fairnessModel, parisAt } from './planning-fixtures.ts'
import { adultId, createAdult, createChild, createLine, createSignUp, createStop, familyId, lineId, stopId } from './rota-fixtures.ts'

/** Tuesday 1 to Friday 4 September 2026, planned the Friday before. */
const WEEK: DateRange = { from: localDate('2026-09-01'), to: localDate('2026-09-04') }
const NOW = parisAt('2026-08-28', '12:00')

const ref = (line: number, date: string, direction: Direction): WalkRef => ({ lineId: lineId(line), date: localDate(date), direction })
const TUE_1 = ref(1, '2026-09-01', 'aller')
const TUE_2 = ref(2, '2026-09-01', 'aller')
const on = (lines: readonly number[], weekdays: readonly Weekday[], direction: Direction): Availability['recurring'] =>
  lines.flatMap((line) => weekdays.map((weekday) => ({ weekday, direction, lineId: lineId(line) })))
const place = (adult: number, walk: WalkRef, slot: Slot): PlannedSlot => ({ walk, key: walkKeyOf(walk), slot, adultId: adultId(adult), familyId: familyId(adult) })

/**
 * Two lines; families 1..n with one adult and one walking child each (adult n in family n), every
 * adult free on Tuesday mornings on both lines; `preferences[i]` is adult i+1's preferred place.
 */
const model = (preferences: readonly RolePreference[], fields: { signUps?: SignUp[]; childrenPerAdult?: number } = {}): FairnessModel => {
  const count = preferences.length
  const base = fairnessModel()
  return fairnessModel(
    {
      settings: { ...base.settings, childrenPerAdult: fields.childrenPerAdult ?? base.settings.childrenPerAdult },
      lines: [createLine(1), createLine(2)],
      stops: [createStop(1, 1, 1, { aller: '08:10', retour: '16:40' }), createStop(2, 2, 1, { aller: '08:15', retour: '16:45' })],
      families: families(count),
      adults: Array.from({ length: count }, (_, i) => createAdult(i + 1, i + 1)),
      children: Array.from({ length: count }, (_, i) => createChild(i + 1, i + 1, { routes: { aller: { lineId: lineId(1), stopId: stopId(1) } } })),
      signUps: fields.signUps ?? [],
    },
    { availability: preferences.map((preference, i) => availability(i + 1, i + 1, { recurring: on([1, 2], [2], 'aller'), preference })) },
  )
}

const reasonOn = (plan: Plan, walk: WalkRef) => plan.uncovered.find((uncovered) => uncovered.key === walkKeyOf(walk))
const slotsOn = (plan: Plan, walk: WalkRef) => plan.assignments.filter((a) => a.key === walkKeyOf(walk)).map((a) => [a.slot, a.adultId])

describe('a place left open by the coordinator', () => {
  it('is explained "leftOpen" while someone free could take it, "sameTime" once they are all busy then', () => {
    const collective = model(['none', 'none'])
    // Adult 1 on line 1, adult 2 on line 2: both Tuesday walks miss a place and nobody else is free then.
    const split = summarisePlan(collective, WEEK, [place(1, TUE_1, 'lead'), place(2, TUE_2, 'lead')], NOW)
    expect(reasonOn(split, TUE_1)).toMatchObject({ missing: 1, reason: 'sameTime' })
    expect(reasonOn(split, TUE_2)).toMatchObject({ missing: 1, reason: 'sameTime' })
    expect(planCandidates(collective, split, walkKeyOf(TUE_1), NOW)).toEqual([])
    // Adult 2's place dropped: adult 2 could now take a place on either walk.
    const dropped = summarisePlan(collective, WEEK, [place(1, TUE_1, 'lead')], NOW)
    expect(reasonOn(dropped, TUE_1)).toMatchObject({ missing: 1, reason: 'leftOpen' })
    expect(reasonOn(dropped, TUE_2)).toMatchObject({ missing: 2, reason: 'leftOpen' })
    expect(planCandidates(collective, dropped, walkKeyOf(TUE_1), NOW)).toEqual([adultId(2)])
  })

  it('never appears in the planner’s own proposal, which covers every place someone could take', () => {
    const plan = planRota(model(['none', 'none', 'none']), WEEK, NOW)
    expect(plan.uncovered.length).toBeGreaterThan(0)
    expect(plan.uncovered.filter((walk) => walk.reason === 'leftOpen')).toEqual([])
    // Every other walk of the week: nobody is available.
    expect(new Set(plan.uncovered.map((walk) => walk.reason))).toEqual(new Set(['sameTime', 'noOneAvailable']))
  })
})

describe('addPlannedPlace', () => {
  it('gives the first free slot: lead, then tail, then extras, and summarises the plan again', () => {
    // Five children on line 1, two per adult: its Tuesday walk needs three adults (line 2, the minimum of two).
    const collective = model(['none', 'none', 'none', 'none', 'none'], { childrenPerAdult: 2 })
    const empty = summarisePlan(collective, WEEK, [], NOW)
    const one = addPlannedPlace(collective, empty, walkKeyOf(TUE_1), adultId(3), NOW)
    expect(one && slotsOn(one, TUE_1)).toEqual([['lead', adultId(3)]])
    const two = one && addPlannedPlace(collective, one, walkKeyOf(TUE_1), adultId(1), NOW)
    const three = two && addPlannedPlace(collective, two, walkKeyOf(TUE_1), adultId(2), NOW)
    if (three === null) throw new Error('each adult could be added')
    expect(slotsOn(three, TUE_1)).toEqual([['lead', adultId(3)], ['tail', adultId(1)], ['extra', adultId(2)]])
    expect(three).toEqual(summarisePlan(collective, WEEK, three.assignments, NOW))
    expect(reasonOn(three, TUE_1)).toBeUndefined()
    expect(three.families.find((row) => row.familyId === familyId(2))?.after).toBe(1)
    expect(reasonOn(three, TUE_2)).toMatchObject({ missing: 2, reason: 'leftOpen' })
    // The walk is full: nobody more, even someone free then.
    expect(addPlannedPlace(collective, three, walkKeyOf(TUE_1), adultId(4), NOW)).toBeNull()
  })

  it('honours a preference for the tail when lead and tail are both free, and only then', () => {
    const collective = model(['tail', 'lead', 'none'])
    const empty = summarisePlan(collective, WEEK, [], NOW)
    expect(slotsOn(addPlannedPlace(collective, empty, walkKeyOf(TUE_1), adultId(1), NOW) as Plan, TUE_1)).toEqual([['tail', adultId(1)]])
    expect(slotsOn(addPlannedPlace(collective, empty, walkKeyOf(TUE_1), adultId(2), NOW) as Plan, TUE_1)).toEqual([['lead', adultId(2)]])
    // The tail already proposed: a tail-preferring adult still leads rather than leave the front empty.
    const tailTaken = summarisePlan(collective, WEEK, [place(3, TUE_1, 'tail')], NOW)
    expect(slotsOn(addPlannedPlace(collective, tailTaken, walkKeyOf(TUE_1), adultId(1), NOW) as Plan, TUE_1)).toEqual([['lead', adultId(1)], ['tail', adultId(3)]])
  })

  it('fills around existing sign-ups, which stay as they are', () => {
    const held = { ...createSignUp(3, 'lead', 1, 3, { line: 1, date: '2026-09-01', direction: 'aller' }), familyId: familyId(3) }
    const collective = model(['lead', 'none', 'none'], { signUps: [held] })
    const empty = summarisePlan(collective, WEEK, [], NOW)
    const added = addPlannedPlace(collective, empty, walkKeyOf(TUE_1), adultId(1), NOW)
    expect(added && slotsOn(added, TUE_1)).toEqual([['tail', adultId(1)]])
    // Adult 3 holds the lead: not a candidate again on that walk, nor on the other line at the same time.
    expect(addPlannedPlace(collective, empty, walkKeyOf(TUE_1), adultId(3), NOW)).toBeNull()
    expect(addPlannedPlace(collective, empty, walkKeyOf(TUE_2), adultId(3), NOW)).toBeNull()
  })

  it('returns null for someone who cannot take a place there', () => {
    const collective = model(['none', 'none', 'none'])
    const plan = summarisePlan(collective, WEEK, [place(1, TUE_1, 'lead'), place(2, TUE_2, 'lead')], NOW)
    const tue1 = walkKeyOf(TUE_1)
    expect(addPlannedPlace(collective, plan, tue1, adultId(1), NOW)).toBeNull() // already on it
    expect(addPlannedPlace(collective, plan, tue1, adultId(2), NOW)).toBeNull() // on the other line at that time
    expect(addPlannedPlace(collective, plan, walkKeyOf(ref(1, '2026-09-01', 'retour')), adultId(3), NOW)).toBeNull() // not available
    expect(addPlannedPlace(collective, plan, tue1, adultId(99), NOW)).toBeNull() // not in the collective
    expect(addPlannedPlace(collective, plan, walkKeyOf(ref(1, '2026-09-08', 'aller')), adultId(3), NOW)).toBeNull() // outside the period
    expect(addPlannedPlace(collective, plan, tue1, adultId(3), parisAt('2026-09-01', '09:00'))).toBeNull() // started
    expect(addPlannedPlace(collective, plan, tue1, adultId(3), NOW)).not.toBeNull()
  })

  it('keeps a weekly maximum', () => {
    const base = model(['none', 'none'])
    const collective: FairnessModel = {
      ...base,
      planning: { ...base.planning, availability: [availability(1, 1, { recurring: on([1], [2, 4], 'aller'), weeklyMax: 1 }), availability(2, 2, { recurring: on([1], [2, 4], 'aller') })] },
    }
    const plan = summarisePlan(collective, WEEK, [place(1, TUE_1, 'lead')], NOW)
    const thu = walkKeyOf(ref(1, '2026-09-03', 'aller'))
    expect(addPlannedPlace(collective, plan, thu, adultId(1), NOW)).toBeNull()
    expect(reasonOn(plan, ref(1, '2026-09-03', 'aller'))?.reason).toBe('leftOpen')
    expect(addPlannedPlace(collective, plan, thu, adultId(2), NOW)).not.toBeNull()
  })
})

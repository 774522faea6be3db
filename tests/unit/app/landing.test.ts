// Where the app opens: on today's walks when this phone's family holds a place on one of today's walks not over yet.
import { describe, expect, it } from 'vitest'
import { familyOnDutyToday } from '../../../src/app/queries/walk.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { makeView } from '../../helpers/make-view.ts'
import { createModel, createSignUp, familyId } from '../domain/rota-fixtures.ts'

// Tuesday 2 March 2027, a school day on the fixture line (aller from 08:10, retour from 16:40).
const TODAY = localDate('2027-03-02')
const at = (time: string): number => new Date(`2027-03-02T${time}:00+01:00`).getTime()

describe('familyOnDutyToday', () => {
  const aller = makeView(createModel({ signUps: [createSignUp(1, 'lead', 1, 1, { date: TODAY })] }))

  it('holds from the morning until three hours after the walk started', () => {
    expect(familyOnDutyToday(aller, familyId(1), TODAY, at('07:30'))).toBe(true)
    expect(familyOnDutyToday(aller, familyId(1), TODAY, at('11:05'))).toBe(true)
    expect(familyOnDutyToday(aller, familyId(1), TODAY, at('11:15'))).toBe(false)
  })

  it('is another family’s walk, or another day’s, for nobody else', () => {
    expect(familyOnDutyToday(aller, familyId(2), TODAY, at('07:30'))).toBe(false)
    const tomorrow = makeView(createModel({ signUps: [createSignUp(1, 'lead', 1, 1, { date: '2027-03-04' })] }))
    expect(familyOnDutyToday(tomorrow, familyId(1), TODAY, at('07:30'))).toBe(false)
  })

  it('counts a withdrawn sign-up for nothing, and the afternoon walk once the morning one is over', () => {
    const withdrawn = makeView(createModel({ signUps: [createSignUp(1, 'lead', 1, 1, { date: TODAY }, 'withdrawn')] }))
    expect(familyOnDutyToday(withdrawn, familyId(1), TODAY, at('07:30'))).toBe(false)
    const retour = makeView(createModel({ signUps: [createSignUp(1, 'tail', 1, 1, { date: TODAY, direction: 'retour' })] }))
    expect(familyOnDutyToday(retour, familyId(1), TODAY, at('12:00'))).toBe(true)
  })
})

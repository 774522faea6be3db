// The week screen's title and default week (Saturday vs Wednesday), and when a walk counts as past (once it has started).
import { describe, expect, it } from 'vitest'
import { localDate, type Weekday } from '../../../src/domain/dates.ts'
import { LineIdSchema } from '../../../src/domain/ids.ts'
import { walkKeyOf } from '../../../src/domain/signup.ts'
import { defaultWeekMonday, isPastWalk } from '../../../src/app/queries/rota.ts'
import { weekTitle } from '../../../src/ui/components/rota/rota-week.ts'
import { createTranslate } from '../../helpers/translate.ts'

const fr = createTranslate('fr')
const en = createTranslate('en')
const DAYS: Weekday[] = [1, 2, 4, 5]

describe('the week shown and its title', () => {
  it('on a Wednesday: this week is "Cette semaine", the next one is named by its Monday', () => {
    const today = localDate('2027-03-10')
    const monday = defaultWeekMonday(today, DAYS)
    expect(monday).toBe('2027-03-08')
    expect(weekTitle(fr, 'fr', localDate('2027-03-08'), monday)).toBe('Cette semaine')
    expect(weekTitle(fr, 'fr', localDate('2027-03-15'), monday)).toBe('Semaine du lundi 15 mars')
    expect(weekTitle(en, 'en', localDate('2027-03-08'), monday)).toBe('This week')
  })

  it('on a Saturday: the coming week is "Cette semaine", the finished one is named by its Monday', () => {
    const today = localDate('2027-03-13')
    const monday = defaultWeekMonday(today, DAYS)
    expect(monday).toBe('2027-03-15')
    expect(weekTitle(fr, 'fr', localDate('2027-03-15'), monday)).toBe('Cette semaine')
    expect(weekTitle(fr, 'fr', localDate('2027-03-08'), monday)).toBe('Semaine du lundi 8 mars')
  })

  it('a collective walking on Saturdays still shows its own week on Saturday', () => {
    expect(defaultWeekMonday(localDate('2027-03-13'), [1, 2, 4, 5, 6])).toBe('2027-03-08')
  })
})

describe('a past walk', () => {
  const ref = { lineId: LineIdSchema.parse('00000000-0000-4000-8000-000000000001'), date: localDate('2027-03-11'), direction: 'aller' as const }
  const walk = { ...ref, key: walkKeyOf(ref), startTime: '08:05' as never }
  const today = localDate('2027-03-11')

  it('is past once it has started, even earlier today (Paris time)', () => {
    expect(isPastWalk(walk, today, Date.parse('2027-03-11T08:04:00+01:00'))).toBe(false)
    expect(isPastWalk(walk, today, Date.parse('2027-03-11T08:05:00+01:00'))).toBe(true)
    expect(isPastWalk(walk, today, Date.parse('2027-03-11T12:00:00+01:00'))).toBe(true)
  })

  it('is past on a later day, and not before its day', () => {
    expect(isPastWalk(walk, localDate('2027-03-12'), Date.parse('2027-03-12T07:00:00+01:00'))).toBe(true)
    expect(isPastWalk(walk, localDate('2027-03-10'), Date.parse('2027-03-10T20:00:00+01:00'))).toBe(false)
  })

  it('uses the usual school hours when no stop has a time (retour at 16:30)', () => {
    const retour = { ...walk, direction: 'retour' as const, startTime: null }
    expect(isPastWalk(retour, today, Date.parse('2027-03-11T16:29:00+01:00'))).toBe(false)
    expect(isPastWalk(retour, today, Date.parse('2027-03-11T16:30:00+01:00'))).toBe(true)
  })
})

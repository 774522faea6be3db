// "Mes disponibilités" without a browser: the grid of lines and school days, form values <-> the stored record, French field errors from the real validation, the rendered screen.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { CollectiveView, DeviceIdentity, PlanningCommands, SessionIdentity, SessionState } from '../../../src/app/api.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { AvailabilityInputSchema } from '../../../src/domain/planning/records.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import { fieldErrorsOf } from '../../../src/domain/validation.ts'
import {
  addException, availabilityFieldErrors, availabilityGrid, availabilityInputOf, availabilityValuesOf, EMPTY_AVAILABILITY_VALUES,
  isTicked, removeException, toggleCell,
} from '../../../src/app/queries/planning/availability-view.ts'
import { planningErrorText } from '../../../src/ui/components/planning/planning-text.ts'
import { createTranslate } from '../../helpers/translate.ts'
import { Availability } from '../../../src/ui/pages/planning/AvailabilityPage.tsx'
import { availability, fairnessModel, LINE_1 } from '../domain/planning-fixtures.ts'
import { actorId, adultId, createAdult, createLine, familyId, lineId } from '../domain/rota-fixtures.ts'
import { makeSession } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const t = createTranslate('fr')
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, '\'').replace(/\s+/g, ' ')

describe('the grid', () => {
  it('shows each line on the school days it runs, in week order, aller before retour', () => {
    const lines = [
      createLine(2, { name: 'Zèbre', days: [5, 1, 3], directions: ['retour'] }),
      createLine(1, { name: 'Acacias', days: [1, 2, 4, 5], directions: ['retour', 'aller'] }),
    ]
    const grid = availabilityGrid(lines, { operatingWeekdays: [1, 2, 4, 5] })
    expect(grid.map((row) => [row.line.name, row.weekdays, row.directions])).toEqual([
      ['Acacias', [1, 2, 4, 5], ['aller', 'retour']],
      // Wednesday is not a school day here: the line's Wednesday is not offered.
      ['Zèbre', [1, 5], ['retour']],
    ])
  })
})

describe('form values', () => {
  const stored = availability(1, 1, {
    recurring: [{ weekday: 1, direction: 'aller', lineId: LINE_1 }, { weekday: 4, direction: 'retour', lineId: LINE_1 }],
    exceptions: [
      { date: localDate('2026-12-10'), available: false, direction: null, lineId: null },
      { date: localDate('2026-12-03'), available: true, direction: 'aller', lineId: null },
    ],
    weeklyMax: 3,
    preference: 'tail',
  })

  it('start from the stored record and give it back unchanged (exceptions by date)', () => {
    const values = availabilityValuesOf(stored, [{ id: LINE_1 }])
    expect(values.weeklyMax).toBe('3')
    expect(values.exceptions.map((e) => e.date)).toEqual(['2026-12-03', '2026-12-10'])
    const parsed = availabilityInputOf(values)
    expect(parsed).toEqual({ ok: true, input: { recurring: stored.recurring, exceptions: values.exceptions, weeklyMax: 3, preference: 'tail' } })
    expect(AvailabilityInputSchema.safeParse(parsed.ok ? parsed.input : null).success).toBe(true)
  })

  it('start empty for an adult who never said anything: nothing ticked, no maximum, either place', () => {
    expect(availabilityValuesOf(undefined, [{ id: LINE_1 }])).toEqual({ recurring: [], exceptions: [], weeklyMax: '', preference: 'none' })
    expect(availabilityInputOf(EMPTY_AVAILABILITY_VALUES)).toEqual({ ok: true, input: { recurring: [], exceptions: [], weeklyMax: null, preference: 'none' } })
  })

  it('leave out slots and exceptions of a line that no longer exists: saving drops them anyway', () => {
    const removed = lineId(9)
    const withRemoved = availability(1, 1, {
      recurring: [{ weekday: 3, direction: 'aller', lineId: removed }, { weekday: 1, direction: 'aller', lineId: LINE_1 }],
      exceptions: [
        { date: localDate('2026-12-10'), available: false, direction: null, lineId: removed },
        { date: localDate('2026-12-11'), available: false, direction: null, lineId: LINE_1 },
        { date: localDate('2026-12-12'), available: true, direction: null, lineId: null },
      ],
    })
    const values = availabilityValuesOf(withRemoved, [{ id: LINE_1 }])
    expect(values.recurring).toEqual([{ weekday: 1, direction: 'aller', lineId: LINE_1 }])
    expect(values.exceptions.map((e) => e.date)).toEqual(['2026-12-11', '2026-12-12'])
    // Every line gone: nothing of them is kept.
    expect(availabilityValuesOf(withRemoved, []).recurring).toEqual([])
  })

  it('tick and untick one cell without touching the others, even a day of a line the grid no longer shows', () => {
    // Wednesday of line 1 (its days changed): still kept, so it comes back with the day.
    const hidden = { weekday: 3 as const, direction: 'aller' as const, lineId: LINE_1 }
    const start = { ...EMPTY_AVAILABILITY_VALUES, recurring: [hidden] }
    const monday = { weekday: 1 as const, direction: 'aller' as const, lineId: LINE_1 }
    const ticked = toggleCell(start, monday, true)
    expect(isTicked(ticked, monday)).toBe(true)
    expect(toggleCell(ticked, monday, true).recurring).toHaveLength(2)
    const unticked = toggleCell(ticked, monday, false)
    expect(unticked.recurring).toEqual([hidden])
  })

  it('add a date exception for every line, refuse a date that is not one and the same walk twice, remove one', () => {
    const first = addException(EMPTY_AVAILABILITY_VALUES, { date: '2026-12-10', available: false, direction: '' })
    if (!first.ok) throw new Error('expected the date to be added')
    expect(first.values.exceptions).toEqual([{ date: '2026-12-10', available: false, direction: null, lineId: null }])
    expect(addException(first.values, { date: '2026-12-10', available: true, direction: '' })).toEqual({ ok: false, error: 'duplicate' })
    expect(addException(first.values, { date: '2026-02-30', available: false, direction: '' })).toEqual({ ok: false, error: 'invalidDate' })
    expect(addException(first.values, { date: '', available: false, direction: '' })).toEqual({ ok: false, error: 'invalidDate' })
    const second = addException(first.values, { date: '2026-12-10', available: true, direction: 'retour' })
    if (!second.ok) throw new Error('another direction is another exception')
    expect(removeException(second.values, 0).exceptions).toHaveLength(1)
    expect(planningErrorText(t, 'invalidDate')).toBe('Indiquez une date valable (jour/mois/année).')
  })

  it('say in French that the weekly maximum is not a whole number, before anything is sent', () => {
    expect(availabilityInputOf({ ...EMPTY_AVAILABILITY_VALUES, weeklyMax: '2,5' })).toEqual({ ok: false, errors: { weeklyMax: 'invalidNumber' } })
    expect(availabilityInputOf({ ...EMPTY_AVAILABILITY_VALUES, weeklyMax: ' 4 ' })).toMatchObject({ ok: true, input: { weeklyMax: 4 } })
    expect(planningErrorText(t, 'invalidNumber')).toBe('Écrivez un nombre entier, par exemple 3.')
  })

  it('put the real validation’s errors on their fields, in French, and any unknown path on the form', () => {
    const tooMany = AvailabilityInputSchema.safeParse({ recurring: [], exceptions: [], weeklyMax: 15, preference: 'none' })
    if (tooMany.success) throw new Error('15 walks a week is over the limit')
    const errors = availabilityFieldErrors(fieldErrorsOf(tooMany.error))
    expect(errors).toEqual({ weeklyMax: 'tooLarge' })
    expect(planningErrorText(t, 'tooLarge', 'weeklyMax')).toBe('Ce nombre est trop grand : 14 au plus.')
    const zero = AvailabilityInputSchema.safeParse({ recurring: [], exceptions: [], weeklyMax: 0, preference: 'none' })
    expect(zero.success ? {} : availabilityFieldErrors(fieldErrorsOf(zero.error))).toEqual({ weeklyMax: 'tooSmall' })
    expect(availabilityFieldErrors({ 'recurring.3.weekday': 'tooMany', adultId: 'unknownAdult' })).toEqual({ recurring: 'tooMany', form: 'unknownAdult' })
    expect(planningErrorText(t, 'unknownAdult')).toBe('Cet adulte n’est plus dans le collectif.')
  })
})

const me = (adult: number | null, family: number | null): DeviceIdentity =>
  ({ actorId: actorId(1), familyId: family === null ? null : familyId(family), adultId: adult === null ? null : adultId(adult) })

const viewOf = (model: ReturnType<typeof fairnessModel>): CollectiveView => makeView(model)

const sessionOf = (view: CollectiveView, identity: DeviceIdentity) =>
  makeSession<SessionState & SessionIdentity & PlanningCommands>({ view, me: identity })

describe('rendered', () => {
  const adults = [createAdult(1, 1), { ...createAdult(2, 1), firstName: 'Camille' }, createAdult(3, 2)]
  const stored = availability(1, 1, { recurring: [{ weekday: 4, direction: 'retour', lineId: LINE_1 }], weeklyMax: 2, preference: 'lead',
    exceptions: [{ date: localDate('2026-12-10'), available: false, direction: null, lineId: null }] })
  const view = viewOf(fairnessModel({ adults, settings: DEFAULT_SETTINGS }, { availability: [stored] }))

  it('prefills my grid, maximum, place and dates, with a labelled checkbox per cell and a select of my family’s adults', () => {
    const html = renderToString(<Availability session={sessionOf(view, me(1, 1))} />)
    expect(text(html)).toContain('Mes disponibilités')
    expect(text(html)).toContain('Disponibilités de Adulte1')
    expect(html).toMatch(/<label for="availability-adult">Pour qui \?<\/label>/)
    expect(text(html)).toContain('Camille')
    // Other families' adults are not offered.
    expect(html).not.toContain('Adulte3')
    // One checkbox per school day and direction of line 1 (Mon Tue Thu Fri x aller, retour), one of them ticked.
    expect(html.match(/type="checkbox"/g)).toHaveLength(8)
    expect(html.match(/type="checkbox"[^>]*checked/g)).toHaveLength(1)
    expect(html).toMatch(new RegExp(`id="availability-recurring-${LINE_1}-4-retour" type="checkbox" checked`))
    expect(text(html)).toContain('Jeudi, retour, ligne « Ligne 1 »')
    expect(text(html)).toContain('Aller : le matin, vers l’école.')
    expect(html).toMatch(/id="availability-weeklyMax"[^>]*value="2"/)
    expect(html).toMatch(/id="availability-preference-lead"[^>]*checked/)
    expect(text(html)).toContain('jeudi 10 décembre : pas disponible (toute la journée)')
    expect(text(html)).toContain('Retirer')
    expect(html).toContain('aria-label="Retirer la date : jeudi 10 décembre : pas disponible (toute la journée)"')
    expect(text(html)).toContain('Enregistrer')
  })

  it('says so when another adult of my family has nothing saved yet, and starts empty', () => {
    const html = renderToString(<Availability session={sessionOf(view, me(2, 1))} />)
    expect(text(html)).toContain('Disponibilités de Camille')
    expect(text(html)).toContain('Pas encore de disponibilités enregistrées pour Camille.')
    expect(html).not.toMatch(/type="checkbox"[^>]*checked/)
    expect(text(html)).toContain('Aucune date particulière.')
  })

  it('has no adult select when the family has one adult, and asks who I am when the phone does not know', () => {
    const single = renderToString(<Availability session={sessionOf(view, me(3, 2))} />)
    expect(single).not.toContain('availability-adult')
    expect(text(single)).toContain('Disponibilités de Adulte3')
    const unknown = renderToString(<Availability session={sessionOf(view, me(null, null))} />)
    expect(text(unknown)).toContain('Dites d’abord qui vous êtes pour indiquer vos disponibilités.')
    expect(unknown).not.toContain('availability-form')
  })

  it('says who saved the availability for the family at its request, and nothing when the family saved it', () => {
    const onBehalf = { byFamilyId: familyId(2), byAdultId: adultId(3), at: '2026-12-01T18:30:00+01:00' }
    const marked = viewOf(fairnessModel({ adults, settings: DEFAULT_SETTINGS }, { availability: [{ ...stored, onBehalf }] }))
    const html = renderToString(<Availability session={sessionOf(marked, me(1, 1))} />)
    expect(html).toContain('data-testid="availability-on-behalf"')
    expect(text(html)).toMatch(/Enregistrées par Adulte3 \(.+\) à la demande de .+, le mar\. 1er déc\. à 18:30\./)
    expect(renderToString(<Availability session={sessionOf(view, me(1, 1))} />)).not.toContain('availability-on-behalf')
  })
})

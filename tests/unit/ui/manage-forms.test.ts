// Management forms' pure mapping: text values to domain inputs (validated by the domain schemas) and back, error paths to fields.
import { describe, expect, it } from 'vitest'
import { ExceptionInputSchema } from '../../../src/domain/calendar-records.ts'
import { LineIdSchema, StopIdSchema, ChildIdSchema, FamilyIdSchema } from '../../../src/domain/ids.ts'
import { LineInputSchema, StopInputSchema, type Stop } from '../../../src/domain/line.ts'
import { AdultInputSchema, ChildInputSchema, childLabel, type Child } from '../../../src/domain/people.ts'
import { DEFAULT_SETTINGS, SettingsInputSchema } from '../../../src/domain/settings.ts'
import { fieldErrorsOf } from '../../../src/domain/validation.ts'
import { manageErrorKey } from '../../../src/ui/components/manage/errors.ts'
import {
  CHILD_ERROR_ALIASES,
  STOP_ERROR_ALIASES,
  adultInputOf,
  childInputOf,
  childValuesOf,
  emptyChild,
  exceptionInputOf,
  flattenErrors,
  lineInputOf,
  lineValuesOf,
  parsePreview,
  settingsInputOf,
  settingsValuesOf,
  stopInputOf,
  stopValuesOf,
  textOf,
} from '../../../src/ui/components/manage/forms.ts'
import { childrenUsingStop, defaultReassignment, stopsOfLine } from '../../../src/app/queries/collective.ts'
import { createTranslate } from '../../helpers/translate.ts'

const lineId = LineIdSchema.parse('11111111-1111-4111-8111-111111111111')
const otherLine = LineIdSchema.parse('22222222-2222-4222-8222-222222222222')
const stopId = (n: number) => StopIdSchema.parse(`00000000-0000-4000-8000-00000000000${n}`)
const stop = (n: number, position: number, line = lineId): Stop =>
  ({ id: stopId(n), lineId: line, name: `Arrêt ${n}`, position, times: {}, access: { stepFree: false, dangerousCrossing: false, note: '' } }) as Stop
const child = (n: number, aller?: number, retour?: number): Child =>
  ({
    id: ChildIdSchema.parse(`33333333-3333-4333-8333-33333333333${n}`),
    familyId: FamilyIdSchema.parse('44444444-4444-4444-8444-444444444444'),
    firstName: `Enfant${n}`,
    initial: 'M',
    routes: { ...(aller ? { aller: { lineId, stopId: stopId(aller) } } : {}), ...(retour ? { retour: { lineId, stopId: stopId(retour) } } : {}) },
    days: [1, 2],
    support: '',
    countsExtra: false,
  }) as Child

describe('management form mapping', () => {
  it('a new line starts on the collective’s operating days and maps to a valid input', () => {
    const values = lineValuesOf(undefined, DEFAULT_SETTINGS, '#1f4e9c')
    expect(values).toEqual({ name: '', colour: '#1f4e9c', directions: ['aller'], days: [1, 2, 4, 5] })
    const input = lineInputOf({ ...values, name: '  Ligne  verte ', directions: ['retour', 'aller'], days: [5, 1, 1] })
    expect(input).toEqual({ name: '  Ligne  verte ', colour: '#1f4e9c', directions: ['aller', 'retour'], days: [1, 5] })
    expect(LineInputSchema.parse(input).name).toBe('Ligne verte')
  })

  it('a stop keeps times only for the directions the line runs, empty meaning unset', () => {
    const values = { name: 'Mairie', aller: '08:05', retour: '16:40', stepFree: true, dangerousCrossing: false, note: ' rampe côté église ' }
    expect(stopInputOf(values, ['aller'])).toEqual({ name: 'Mairie', times: { aller: '08:05' }, access: { stepFree: true, dangerousCrossing: false, note: 'rampe côté église' } })
    expect(stopInputOf({ ...values, aller: '' }, ['aller', 'retour']).times).toEqual({ retour: '16:40' })
    expect(StopInputSchema.safeParse(stopInputOf(values, ['aller', 'retour'])).success).toBe(true)
    const parsed = StopInputSchema.parse(stopInputOf(values, ['aller', 'retour']))
    expect(stopValuesOf({ ...stop(1, 1), ...parsed } as Stop)).toEqual({ ...values, note: 'rampe côté église' })
  })

  it('maps a bad time to the time field with a French message', () => {
    const result = StopInputSchema.safeParse(stopInputOf({ name: '', aller: '8h', retour: '', stepFree: false, dangerousCrossing: false, note: '' }, ['aller']))
    expect(result.success).toBe(false)
    if (result.success) return
    const errors = flattenErrors(fieldErrorsOf(result.error), STOP_ERROR_ALIASES)
    expect(errors).toEqual({ name: 'required', aller: 'invalidTime' })
    expect(createTranslate('fr')(manageErrorKey(errors.aller ?? ''))).toBe('Écrivez l’heure sous la forme 08:15.')
  })

  it('an adult without a charter date has charterAcceptedOn null', () => {
    const input = adultInputOf({ firstName: 'Awa', phone: '06 12 34 56 78', charterAcceptedOn: '', insured: true })
    expect(input.charterAcceptedOn).toBeNull()
    expect(AdultInputSchema.safeParse(input).success).toBe(true)
    expect(adultInputOf({ firstName: 'Awa', phone: '0612', charterAcceptedOn: '2026-09-01', insured: false }).charterAcceptedOn).toBe('2026-09-01')
    const bad = AdultInputSchema.safeParse(adultInputOf({ firstName: 'Awa', phone: '0612', charterAcceptedOn: '', insured: false }))
    expect(bad.success ? null : fieldErrorsOf(bad.error)).toEqual({ phone: 'invalidPhone' })
  })

  it('a phone is optional: left empty (or blank) the adult is recorded without one', () => {
    for (const phone of ['', '   ']) {
      const parsed = AdultInputSchema.safeParse(adultInputOf({ firstName: 'Awa', phone, charterAcceptedOn: '', insured: false }))
      expect(parsed.success ? parsed.data.phone : fieldErrorsOf(parsed.error)).toBe('')
    }
  })

  it('labels a child as typed, before it is recorded, the way it will be stored: one full stop after the initial', () => {
    expect(childLabel({ firstName: ' Léa ', initial: 'd.' })).toBe('Léa D.')
    expect(childLabel({ firstName: 'Léa', initial: ' D ' })).toBe('Léa D.')
    expect(ChildInputSchema.parse({ ...childInputOf({ ...emptyChild(DEFAULT_SETTINGS), firstName: 'Léa', initial: 'd.' }, []) }).initial).toBe('D')
  })

  it('a child’s route comes from the chosen stop’s line; no stop, no route', () => {
    const stops = [stop(1, 1), stop(2, 2, otherLine)]
    const values = { ...emptyChild(DEFAULT_SETTINGS), firstName: 'Léa', initial: 'm.', aller: stopId(1), retour: stopId(2) }
    const input = childInputOf(values, stops)
    expect(input.routes).toEqual({ aller: { lineId, stopId: stopId(1) }, retour: { lineId: otherLine, stopId: stopId(2) } })
    expect(ChildInputSchema.parse(input).initial).toBe('M')
    expect(childInputOf({ ...values, aller: '', retour: 'gone' }, stops).routes).toEqual({})
    expect(childValuesOf(child(1, 1)).aller).toBe(stopId(1))
    expect(childValuesOf(child(1, 1)).retour).toBe('')
    expect(flattenErrors({ 'routes.aller.stopId': 'required', initial: 'invalidInitial' }, CHILD_ERROR_ALIASES)).toEqual({ aller: 'required', initial: 'invalidInitial' })
  })

  it('settings: numbers typed as text; a non-number is refused before the domain, 1 adult is refused by it', () => {
    const values = settingsValuesOf(DEFAULT_SETTINGS)
    expect(values).toEqual({
      holidayZone: 'A', ownCalendar: false, alsaceMoselle: false, operatingWeekdays: [1, 2, 4, 5], childrenPerAdult: '8', minAdults: '2',
      associationName: '', associationContact: '',
    })
    expect(settingsInputOf({ ...values, childrenPerAdult: 'huit', minAdults: '' }).errors).toEqual({ childrenPerAdult: 'invalidNumber', minAdults: 'required' })
    const { input, errors } = settingsInputOf({ ...values, minAdults: ' 1 ' })
    expect(errors).toEqual({})
    const result = SettingsInputSchema.safeParse(input)
    expect(result.success ? null : fieldErrorsOf(result.error)).toEqual({ minAdults: 'minAdultsFloor' })
    expect(createTranslate('fr')(manageErrorKey('minAdultsFloor'))).toContain('au moins 2 adultes')
  })

  it('settings: the association’s name and contact go as typed (the domain trims them); a contact needs a name', () => {
    const values = settingsValuesOf({ ...DEFAULT_SETTINGS, associationName: 'Les Écureuils', associationContact: 'a@b.fr' })
    expect(values).toMatchObject({ associationName: 'Les Écureuils', associationContact: 'a@b.fr' })
    const typed = { ...values, associationName: ' Les Pins ', associationContact: ' bureau@pins.fr ' }
    expect(settingsInputOf(typed)).toEqual({
      input: expect.objectContaining({ associationName: ' Les Pins ', associationContact: ' bureau@pins.fr ' }), errors: {},
    })
    expect(settingsInputOf({ ...values, associationName: ' ', associationContact: 'bureau@pins.fr' }).errors)
      .toEqual({ associationName: 'associationNameMissing' })
    expect(settingsInputOf({ ...values, associationName: '', associationContact: '' }).errors).toEqual({})
    const t = createTranslate('fr')
    expect(t(manageErrorKey('associationNameMissing'))).toContain('nom de l’association')
    expect(t(manageErrorKey('invalidContact'))).toContain('code postal')
    expect(createTranslate('en')(manageErrorKey('invalidContact'))).toContain('postcode')
  })

  it('an exception for every line and both directions has nulls', () => {
    const input = exceptionInputOf({ date: '2027-03-04', lineId: '', direction: '', reason: 'strike', note: '' })
    expect(input).toMatchObject({ lineId: null, direction: null })
    expect(ExceptionInputSchema.safeParse(input).success).toBe(true)
    expect(exceptionInputOf({ date: '2027-03-04', lineId, direction: 'aller', reason: 'other', note: 'x' })).toMatchObject({ lineId, direction: 'aller' })
  })

  it('reads a record preview to prefill a repair form, or nothing', () => {
    const raw = parsePreview('{"name":"Ligne","colour":42}')
    expect(textOf(raw, 'name')).toBe('Ligne')
    expect(textOf(raw, 'colour')).toBe('')
    expect(parsePreview('{"name":"Lig…')).toBeNull()
    expect(parsePreview('[1,2]')).toBeNull()
    expect(textOf(null, 'name')).toBe('')
  })
})

describe('stops and the children using them', () => {
  const stops = [stop(3, 3), stop(1, 1), stop(2, 2), stop(4, 1, otherLine)]

  it('orders a line’s stops by position', () => {
    expect(stopsOfLine(stops, lineId).map((s) => s.name)).toEqual(['Arrêt 1', 'Arrêt 2', 'Arrêt 3'])
  })

  it('finds children by either direction', () => {
    const children = [child(1, 1), child(2, undefined, 2), child(3, 3, 2)]
    expect(childrenUsingStop(children, stopId(2)).map((c) => c.firstName)).toEqual(['Enfant2', 'Enfant3'])
  })

  it('sends children to the next stop by default, else the previous one, else none', () => {
    const line = stopsOfLine(stops, lineId)
    const kids = [child(1, 1)]
    expect([...defaultReassignment(line, stopId(1), kids).values()]).toEqual([stopId(2)])
    expect([...defaultReassignment(line, stopId(3), kids).values()]).toEqual([stopId(2)])
    expect([...defaultReassignment([stop(1, 1)], stopId(1), kids).values()]).toEqual([null])
  })
})

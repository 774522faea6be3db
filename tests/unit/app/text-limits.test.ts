// The length limits forms quote before submit (src/app/queries/limits.ts) are the ones the domain's input schemas enforce.
import { describe, expect, it } from 'vitest'
import type { z } from 'zod/mini'
import { TEXT_LIMITS, textLength } from '../../../src/app/queries/limits.ts'
import { CharterInputSchema } from '../../../src/domain/charter.ts'
import { AbsenceInputSchema } from '../../../src/domain/absence-records.ts'
import { ExceptionInputSchema, HolidayInputSchema } from '../../../src/domain/calendar-records.ts'
import { CollectiveProfileInputSchema } from '../../../src/domain/collective.ts'
import { HandoverNoteInputSchema } from '../../../src/domain/coordination/records.ts'
import { FamilyInputSchema } from '../../../src/domain/family.ts'
import { LineInputSchema, StopInputSchema } from '../../../src/domain/line.ts'
import { AdultInputSchema, ChildInputSchema } from '../../../src/domain/people.ts'
import { SettingsInputSchema } from '../../../src/domain/settings.ts'
import { fieldErrorsOf } from '../../../src/domain/validation.ts'
import { WalkNoteInputSchema } from '../../../src/domain/walk-log/records.ts'

const uuid = '00000000-0000-4000-8000-000000000001'
const profile = { name: 'Pins', school: 'École', town: 'Lesparre' }
const adult = { firstName: 'Awa', phone: '', charterAcceptedOn: null, insured: false }
const child = { firstName: 'Léa', initial: 'M', routes: {}, days: [1], support: '', countsExtra: false }
const stop = { name: 'Mairie', times: {}, access: { stepFree: false, dangerousCrossing: false, note: '' } }
const line = { name: 'Ligne', colour: '#1f5f3f', directions: ['aller'], days: [1] }
const absence = { childId: uuid, from: '2027-03-02', to: '2027-03-02', direction: null, note: '' }
const exception = { date: '2027-03-02', lineId: null, direction: null, reason: 'strike', note: '' }
const holiday = { start: '2027-03-02', end: '2027-03-03', label: 'Hiver' }

/** Each quoted limit with a schema that enforces it, a valid input and where the text goes (path as errors key it). */
const CASES: readonly [keyof typeof TEXT_LIMITS, z.ZodMiniType, (text: string) => unknown, string][] = [
  ['collectiveName', CollectiveProfileInputSchema, (name) => ({ ...profile, name }), 'name'],
  ['collectiveName', CollectiveProfileInputSchema, (school) => ({ ...profile, school }), 'school'],
  ['collectiveName', CollectiveProfileInputSchema, (town) => ({ ...profile, town }), 'town'],
  ['familyName', FamilyInputSchema, (displayName) => ({ displayName }), 'displayName'],
  ['firstName', AdultInputSchema, (firstName) => ({ ...adult, firstName }), 'firstName'],
  ['firstName', ChildInputSchema, (firstName) => ({ ...child, firstName }), 'firstName'],
  ['support', ChildInputSchema, (support) => ({ ...child, support }), 'support'],
  ['lineName', LineInputSchema, (name) => ({ ...line, name }), 'name'],
  ['stopName', StopInputSchema, (name) => ({ ...stop, name }), 'name'],
  ['accessNote', StopInputSchema, (note) => ({ ...stop, access: { ...stop.access, note } }), 'access.note'],
  ['absenceNote', AbsenceInputSchema, (note) => ({ ...absence, note }), 'note'],
  ['calendarNote', ExceptionInputSchema, (note) => ({ ...exception, note }), 'note'],
  ['calendarNote', HolidayInputSchema, (label) => ({ ...holiday, label }), 'label'],
  ['walkNote', WalkNoteInputSchema, (text) => ({ text }), 'text'],
  ['handoverNote', HandoverNoteInputSchema, (text) => ({ text }), 'text'],
  ['associationName', SettingsInputSchema, (associationName) => ({ associationName }), 'associationName'],
  // A contact is an e-mail address or a postal address with its postcode: the text ends with one.
  ['associationContact', SettingsInputSchema, (text) => ({ associationContact: `${text.slice(6)} 33340` }), 'associationContact'],
  ['charter', CharterInputSchema, (text) => ({ text }), 'text'],
]

describe('text limits quoted by the forms', () => {
  it.each(CASES)('%s is what the schema enforces on %#', (limit, schema, build, path) => {
    const max = TEXT_LIMITS[limit]
    expect(schema.safeParse(build('a'.repeat(max))).success).toBe(true)
    const over = schema.safeParse(build('a'.repeat(max + 1)))
    expect(over.success ? {} : fieldErrorsOf(over.error)).toEqual({ [path]: 'tooLong' })
  })

  it('counts a text as every schema at least does: trimmed (never fewer characters than the schema counts)', () => {
    expect(textLength('  Léa et Tom \n')).toBe('Léa et Tom'.length)
    expect(textLength('  Léa  et Tom')).toBe('Léa  et Tom'.length)
    expect(textLength('')).toBe(0)
  })
})

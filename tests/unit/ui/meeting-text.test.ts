// Rencontres without a browser: form values <-> input, the real validation's errors by field and in French, the
// meeting's kind, time and answers as the screens say them.
import { describe, expect, it } from 'vitest'
import {
  meetingFieldErrors, meetingInputOf, meetingValuesOf, type MeetingValues,
} from '../../../src/app/queries/meeting-form.ts'
import { DecisionsInputSchema, MeetingInputSchema, MeetingIdSchema, type Meeting } from '../../../src/domain/meeting.ts'
import { fieldErrorsOf } from '../../../src/domain/validation.ts'
import {
  countsText, headingText, kindText, meetingErrorText, mineText, whenText,
} from '../../../src/ui/components/meetings/meeting-text.ts'
import { createTranslate } from '../../helpers/translate.ts'

const t = createTranslate('fr')
const en = createTranslate('en')
const id = MeetingIdSchema.parse('11111111-1111-4111-8111-111111111111')
const meeting = { id, kind: 'lineMeeting', date: '2027-03-11', time: '18:30', place: 'École', agenda: '' } as Meeting

const values = (patch: Partial<MeetingValues>): MeetingValues =>
  ({ ...meetingValuesOf(null), date: '2027-03-11', time: '18:30', place: 'Salle des fêtes', ...patch })
/** The French message of each field the real schema refuses. */
const errorsOf = (patch: Partial<MeetingValues>): Record<string, string> => {
  const parsed = MeetingInputSchema.safeParse(meetingInputOf(values(patch)))
  if (parsed.success) return {}
  const flat = meetingFieldErrors(fieldErrorsOf(parsed.error))
  return Object.fromEntries(Object.entries(flat).map(([field, key]) => [field, meetingErrorText(t, field as never, key)]))
}

describe('meeting form', () => {
  it('a new meeting starts as a réunion de ligne with nothing chosen; an edit starts from the meeting', () => {
    expect(meetingValuesOf(null)).toEqual({ kind: 'lineMeeting', date: '', time: '', place: '', agenda: '' })
    expect(meetingValuesOf(meeting))
      .toEqual({ kind: 'lineMeeting', date: '2027-03-11', time: '18:30', place: 'École', agenda: '' })
    expect(meetingValuesOf({ ...meeting, kind: undefined, time: undefined }).kind).toBe('lineMeeting')
  })

  it('accepts a whole meeting', () => {
    expect(errorsOf({})).toEqual({})
  })

  it('explains a missing date, time and place in French', () => {
    expect(errorsOf({ date: '', time: '', place: '  ' })).toEqual({
      date: 'Choisissez la date de la rencontre.',
      time: 'Indiquez l’heure de la rencontre, par exemple 18:30.',
      place: 'Indiquez le lieu de la rencontre.',
    })
  })

  it('quotes the limits of a too-long place and agenda', () => {
    expect(errorsOf({ place: 'x'.repeat(121), agenda: 'y'.repeat(2001) })).toEqual({
      place: 'Ce texte est trop long : 120 caractères au plus.',
      agenda: 'Ce texte est trop long : 2000 caractères au plus.',
    })
  })

  it('a too-long record of decisions quotes its limit; an error of no field is kept for the form', () => {
    const parsed = DecisionsInputSchema.safeParse('z'.repeat(2001))
    expect(parsed.success).toBe(false)
    const [key] = Object.values(fieldErrorsOf(parsed.error!))
    expect(meetingErrorText(t, 'decisions', key ?? '')).toBe('Ce texte est trop long : 2000 caractères au plus.')
    expect(meetingFieldErrors({ _: 'notFound' })).toEqual({ form: 'notFound' })
    expect(meetingErrorText(t, 'form', 'notFound')).toBe('Cette rencontre n’existe plus dans le collectif.')
  })
})

describe('meeting texts', () => {
  it('says the kind, the day and the time, in French and English', () => {
    expect(kindText(t, 'trialWalk')).toBe('Trajet d’essai')
    expect(kindText(t, undefined)).toBe('Assemblée du collectif')
    expect(whenText(t, 'fr', meeting)).toBe('jeudi 11 mars à 18:30')
    expect(whenText(t, 'fr', { date: meeting.date, time: undefined })).toBe('jeudi 11 mars')
    expect(headingText(t, 'fr', meeting)).toBe('Réunion de ligne – jeudi 11 mars à 18:30')
    expect(headingText(en, 'en', meeting)).toBe('Line meeting – Thursday 11 March at 18:30')
  })

  it('counts the answers and says my family’s', () => {
    expect(countsText(t, { yes: 3, maybe: 1, no: 0 })).toBe('3 oui · 1 peut-être · 0 non')
    expect(mineText(t, 'maybe')).toBe('Votre famille : peut-être')
    expect(mineText(t, null)).toBe('Votre famille n’a pas encore répondu.')
  })
})

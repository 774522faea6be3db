// The coups de main form's pure logic and texts: input sent, errors placed per field in French, when and places said.
import { describe, expect, it } from 'vitest'
import { createHelpRequestId, type HelpRequest } from '../../../src/domain/help/records.ts'
import type { ActorId, FamilyId } from '../../../src/domain/ids.ts'
import { helpKindText, helpKindsEditable, openHelp } from '../../../src/app/queries/help-screens.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { emptyHelpValues, helpFieldErrors, helpInputOf } from '../../../src/ui/components/help/help-form.ts'
import { helpErrorText, helpPlacesText, helpTimeText, helpWhenText } from '../../../src/ui/components/help/help-text.ts'
import { createTranslate } from '../../helpers/translate.ts'

const fr = createTranslate('fr')
const en = createTranslate('en')
const family = '00000000-0000-4000-8000-000000000001' as FamilyId
const actor = '11111111-1111-4111-8111-111111111111' as ActorId
const request = (change: Partial<HelpRequest>): HelpRequest => ({
  id: createHelpRequestId(), familyId: family, type: 'request', kind: 'wednesday', needed: 1, note: '', status: 'open',
  confirmed: [], clock: 1, actor, ...change,
})

describe('the coups de main form', () => {
  it('sends empty date and times as not given, and the number as typed', () => {
    const values = { ...emptyHelpValues('wednesday'), date: '2027-03-17', from: '14:00', needed: '2', note: ' Léa ' }
    expect(helpInputOf(values))
      .toEqual({ type: 'request', kind: 'wednesday', date: '2027-03-17', from: '14:00', needed: 2, note: ' Léa ' })
    expect(helpInputOf({ ...values, needed: '' }).needed).toBeNaN()
  })

  it('places the window error on the end time, or on the date when times have no date', () => {
    const both = { ...emptyHelpValues('other'), date: '2027-03-17', from: '17:00', to: '14:00' }
    expect(helpFieldErrors({ _: 'invalidWindow' }, both)).toEqual({ to: 'invalidWindow' })
    expect(helpFieldErrors({ _: 'invalidWindow' }, { ...both, date: '' })).toEqual({ date: 'windowNeedsDate' })
    expect(helpFieldErrors({ needed: 'tooMany', note: 'tooLong' }, both)).toEqual({ needed: 'tooMany', note: 'tooLong' })
  })

  it('explains each error in French', () => {
    expect(helpErrorText(fr, 'to', 'invalidWindow')).toBe('L’heure de fin doit être après l’heure de début.')
    expect(helpErrorText(fr, 'needed', 'tooMany')).toBe('Indiquez un nombre de familles de 1 à 10.')
    expect(helpErrorText(fr, 'note', 'tooLong')).toBe('Le texte est trop long : 500 caractères au plus.')
    expect(helpErrorText(fr, 'date', 'windowNeedsDate')).toBe('Indiquez la date du créneau, ou effacez les heures.')
  })
})

describe('coups de main texts', () => {
  it('say when in the phone’s language', () => {
    const window = { date: localDate('2027-03-17'), from: '14:00' as TimeOfDay, to: '17:30' as TimeOfDay }
    expect(helpWhenText(fr, 'fr', window)).toBe('mercredi 17 mars, 14 h–17 h 30')
    expect(helpWhenText(en, 'en', window)).toBe('Wednesday 17 March, 14:00–17:30')
    expect(helpWhenText(fr, 'fr', { date: window.date, from: window.from })).toBe('mercredi 17 mars, à partir de 14 h')
    expect(helpWhenText(fr, 'fr', {})).toBe('Sans date')
    expect(helpTimeText('09:05', 'fr')).toBe('9 h 05')
  })

  it('say the places left', () => {
    expect(helpPlacesText(fr, 'fr', 1, 2)).toBe('Il reste 1 place sur 2')
    expect(helpPlacesText(fr, 'fr', 2, 2)).toBe('Il reste 2 places sur 2')
    expect(helpPlacesText(fr, 'fr', 0, 2)).toBe('Complet')
  })
})

describe('coups de main queries of the screens', () => {
  const now = parisToInstant(localDate('2027-03-15'), '08:00' as TimeOfDay)
  it('list every open one, dated by date and start then undated, whatever how far', () => {
    const late = request({ date: localDate('2027-06-01') })
    const soon = request({ date: localDate('2027-03-17'), from: '14:00' as TimeOfDay })
    const undated = request({})
    const closed = request({ status: 'closed' })
    const past = request({ date: localDate('2027-03-01') })
    const view = { families: [], help: { requests: [undated, late, closed, soon, past], answers: [], kinds: [] } }
    expect(openHelp(view, now).map((r) => r.id)).toEqual([soon.id, late.id, undated.id])
  })

  it('name kinds in the phone’s language, hidden and added ones included', () => {
    const view = { families: [], help: { requests: [], answers: [], kinds: [
      { id: 'strike', hidden: true }, { id: 'k1', label: 'Bricolage', hidden: false },
    ] } }
    expect(helpKindText(view, 'wednesday', 'en')).toBe('Wednesday minding')
    expect(helpKindText(view, 'k1', 'fr')).toBe('Bricolage')
    expect(helpKindsEditable(view).filter((k) => k.hidden).map((k) => k.kind.id)).toEqual(['strike'])
  })
})

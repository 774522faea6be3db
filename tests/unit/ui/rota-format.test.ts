// Rota text helpers: French/English dates, cancellations, the waiting-list notice, today in Paris, tel: links, date params.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { cancellationText, formatDay, formatDayTitle, formatShortDay, parseDateParam, telHref, todayIn, waitingNoticeText } from '../../../src/ui/components/rota/rota-format.ts'
import { createTranslate } from '../../../src/ui/i18n/translate.ts'

const fr = createTranslate('fr')
const en = createTranslate('en')

describe('rota formatting', () => {
  it('writes a day in French and English, with "1er" for the first of the month', () => {
    expect(formatDay(localDate('2027-03-04'), 'fr')).toBe('jeudi 4 mars')
    expect(formatDay(localDate('2027-03-01'), 'fr')).toBe('lundi 1er mars')
    expect(formatDay(localDate('2027-03-11'), 'fr')).toBe('jeudi 11 mars')
    expect(formatDay(localDate('2027-03-04'), 'en')).toBe('Thursday 4 March')
    expect(formatShortDay(localDate('2027-03-01'), 'fr')).toMatch(/^lun\.? 1er mars$/)
    expect(formatDayTitle(localDate('2027-03-01'), 'fr')).toBe('Lundi 1er mars')
  })

  it('says why a walk is cancelled', () => {
    expect(cancellationText(fr, { kind: 'exception', reason: 'strike', note: '' })).toBe('Annulé : grève')
    expect(cancellationText(fr, { kind: 'exception', reason: 'schoolTrip', note: 'musée ' })).toBe('Annulé : sortie scolaire (musée)')
    expect(cancellationText(fr, { kind: 'holiday', label: 'Vacances d’hiver' })).toBe('Annulé : vacances (Vacances d’hiver)')
    expect(cancellationText(fr, { kind: 'publicHoliday', label: 'Lundi de Pâques' })).toBe('Annulé : jour férié (Lundi de Pâques)')
    expect(cancellationText(en, { kind: 'exception', reason: 'weatherAlert', note: '' })).toBe('Cancelled: weather alert')
  })

  it('tells the author of a sign-up not kept who had signed up before', () => {
    const notice = { date: localDate('2027-03-04'), direction: 'aller' as const, holders: ['Léa'] }
    expect(waitingNoticeText(fr, 'fr', notice)).toBe(
      'Votre inscription au trajet du jeudi 4 mars (aller) n’a pas été retenue : Léa s’était inscrit avant. Vous êtes en liste d’attente.',
    )
    expect(waitingNoticeText(fr, 'fr', { ...notice, direction: 'retour', holders: ['Léa', 'Paul'] })).toContain('(retour) n’a pas été retenue : Léa et Paul s’étaient inscrits avant.')
    expect(waitingNoticeText(fr, 'fr', { ...notice, holders: [] })).toContain(': quelqu’un s’était inscrit avant')
    expect(waitingNoticeText(en, 'en', notice)).toBe(
      'Your sign-up for the walk on Thursday 4 March (to school) was not kept: Léa had signed up before. You are on the waiting list.',
    )
  })

  it('knows today in Paris whatever the phone zone', () => {
    expect(todayIn(Date.UTC(2027, 2, 3, 23, 30))).toBe('2027-03-04') // 00:30 in Paris
    expect(todayIn(Date.UTC(2027, 2, 4, 12, 0))).toBe('2027-03-04')
  })

  it('accepts only real dates from the address', () => {
    expect(parseDateParam('2027-03-01')).toBe('2027-03-01')
    expect(parseDateParam('2027-02-30')).toBeNull()
    expect(parseDateParam('demain')).toBeNull()
    expect(parseDateParam(undefined)).toBeNull()
  })

  it('dials the digits of a phone number as typed', () => {
    expect(telHref('06 12 34 56 78')).toBe('tel:0612345678')
    expect(telHref('+33 6.12.34.56.78')).toBe('tel:+33612345678')
  })
})

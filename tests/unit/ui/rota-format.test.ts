// Rota text helpers: French/English dates, cancellations, the waiting and no-longer-running notices, neutral French, today in Paris, tel: links, date params.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src/domain/dates.ts'
import { cancellationText, formatDay, formatDayTitle, formatShortDay, goneNoticeText, parseDateParam, telHref, todayIn, waitingNoticeText, withdrawText } from '../../../src/ui/components/rota/rota-format.ts'
import { frRota } from '../../../src/ui/i18n/fr-rota.ts'
import { createTranslate } from '../../helpers/translate.ts'

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
    expect(cancellationText(fr, { kind: 'holiday', label: 'Vacances d’hiver', provisional: true })).toBe('Annulé : vacances (Vacances d’hiver) (dates à confirmer)')
    expect(cancellationText(fr, { kind: 'publicHoliday', label: 'Lundi de Pâques', id: 'easterMonday' })).toBe('Annulé : jour férié (Lundi de Pâques)')
    expect(cancellationText(en, { kind: 'exception', reason: 'weatherAlert', note: '' })).toBe('Cancelled: weather alert')
  })

  it('tells the author of a sign-up not kept who held the place first, in neutral words', () => {
    const notice = { key: 'k', date: localDate('2027-03-04'), direction: 'aller' as const, reason: 'taken' as const, holders: ['Léa'] }
    expect(waitingNoticeText(fr, 'fr', notice)).toBe(
      'Votre inscription au trajet du jeudi 4 mars (aller) n’a pas été retenue : la place était déjà prise par Léa. Vous êtes en liste d’attente.',
    )
    expect(waitingNoticeText(fr, 'fr', { ...notice, direction: 'retour', holders: ['Léa', 'Paul'] })).toContain('(retour) n’a pas été retenue : les places étaient déjà prises par Léa et Paul.')
    expect(waitingNoticeText(fr, 'fr', { ...notice, holders: [] })).toContain(': la place était déjà prise par quelqu’un.')
    expect(waitingNoticeText(en, 'en', notice)).toBe(
      'Your sign-up for the walk on Thursday 4 March (to school) was not kept: the place was already taken by Léa. You are on the waiting list.',
    )
  })

  it('tells an extra adult that the walk needs fewer adults now, not that someone came first', () => {
    const notice = { key: 'k', date: localDate('2027-03-04'), direction: 'aller' as const, reason: 'fewerNeeded' as const, holders: [] }
    const text = waitingNoticeText(fr, 'fr', notice)
    expect(text).toBe('Trajet du jeudi 4 mars (aller) : votre place n’est plus nécessaire pour l’instant, moins d’enfants sont attendus. Vous restez en liste d’attente.')
    expect(text).not.toContain('avant')
    expect(waitingNoticeText(en, 'en', notice)).toBe('Walk on Thursday 4 March (to school): your place is not needed for now, fewer children are expected. You stay on the waiting list.')
  })

  it('tells my family that a walk it signed up for no longer runs, naming the line (or its removal)', () => {
    const walk = { lineId: 'x' as never, date: localDate('2027-03-04'), direction: 'aller' as const }
    const notice = { walk, adultId: 'a' as never, adultName: 'Paul', lineName: 'Ligne des Pins' }
    expect(goneNoticeText(fr, 'fr', notice)).toBe('Le trajet du jeudi 4 mars (aller, ligne « Ligne des Pins ») n’a plus lieu : votre inscription n’est plus active.')
    expect(goneNoticeText(fr, 'fr', { ...notice, lineName: null })).toBe('Le trajet du jeudi 4 mars (aller) d’une ligne supprimée n’a plus lieu : votre inscription n’est plus active.')
    expect(goneNoticeText(en, 'en', notice)).toBe('The walk on Thursday 4 March (to school) of Ligne des Pins no longer runs: your sign-up is no longer active.')
  })

  it('writes no French rota text in the masculine only', () => {
    for (const [key, text] of Object.entries(frRota)) expect(text, key).not.toMatch(/(s’était|s’étaient|est plus|est encore|sont) inscrit/)
    expect(fr('rota.slot.withdrawn', { name: 'Léa', day: 'jeudi 4 mars', direction: 'aller' })).toBe('C’est noté : Léa ne fait plus partie du trajet du jeudi 4 mars (aller).')
  })

  it('knows today in Paris whatever the phone zone', () => {
    expect(todayIn(Date.UTC(2027, 2, 3, 23, 30))).toBe('2027-03-04') // 00:30 in Paris
    expect(todayIn(Date.UTC(2027, 2, 4, 12, 0))).toBe('2027-03-04')
    expect(todayIn(Date.UTC(2027, 6, 14, 22, 30))).toBe('2027-07-15') // 00:30 in Paris, summer time
  })

  it('reads today from the date parts, never from how a locale happens to print a date', () => {
    // What an older ICU printed for 'en-CA': a cast of format() would have passed it on as a date.
    const proto = Intl.DateTimeFormat.prototype
    const original = Object.getOwnPropertyDescriptor(proto, 'format')
    Object.defineProperty(proto, 'format', { configurable: true, get: () => () => '04/03/2027' })
    try {
      expect(todayIn(Date.UTC(2027, 2, 4, 12, 0))).toBe('2027-03-04')
    } finally {
      if (original) Object.defineProperty(proto, 'format', original)
    }
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
    // No number, no link: a tel: link with nothing to call would open an empty dialler.
    expect(telHref('')).toBeNull()
    expect(telHref(' - ')).toBeNull()
  })

  it('says what a withdrawal did: withdrawn, place given back, nothing to withdraw, too late, not recorded', () => {
    const values = { name: 'Léa', day: 'jeudi 4 mars', direction: 'aller' }
    expect(withdrawText(fr, { ok: true, value: 'withdrawn' }, values)).toBe('C’est noté : Léa ne fait plus partie du trajet du jeudi 4 mars (aller).')
    expect(withdrawText(fr, { ok: true, value: 'released' }, values)).toBe('C’est noté : Léa a rendu sa place du jeudi 4 mars (aller), elle est à pourvoir.')
    expect(withdrawText(fr, { ok: false, error: 'nothingToWithdraw' }, values)).toBe('Rien à retirer : Léa n’est pas sur le trajet du jeudi 4 mars (aller).')
    expect(withdrawText(fr, { ok: false, error: 'expired' }, values)).toContain('Trop tard')
    expect(withdrawText(fr, { ok: false, error: 'notRecorded' }, values)).toContain('Retrait non enregistré')
    expect(withdrawText(en, { ok: false, error: 'nothingToWithdraw' }, values)).toBe('Nothing to withdraw: Léa is not on the walk on jeudi 4 mars (aller).')
    // A walk that no longer runs keeps its own confirmation.
    expect(withdrawText(fr, { ok: true, value: 'withdrawn' }, values, 'rota.notice.goneWithdrawn')).toBe(fr('rota.notice.goneWithdrawn', values))
  })
})

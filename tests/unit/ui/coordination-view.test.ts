// Pure helpers of the coordinator screens and the journal: the banner summary, coming periods, offers, "déjà pris", text lines, author time, filters.
import { describe, expect, it } from 'vitest'
import type { CoordinationRecords, PeriodOffer, PeriodResponse, RosterEntry } from '../../../src/domain/coordination/index.ts'
import type { LocalDate } from '../../../src/domain/dates.ts'
import type { ActorId, FamilyId, LineId } from '../../../src/domain/ids.ts'
import type { JournalEvent } from '../../../src/domain/journal/index.ts'
import { authorTimeText, familyNameOf, journalLineText } from '../../../src/ui/components/coordination/coordination-text.ts'
import { coordinatorSummary, isRosterMember, lostAnswers, nextPeriodStart, offerWinner, openOffers, tradeTargets, upcomingPeriods } from '../../../src/app/queries/coordination.ts'
import { filteredJournal, journalFilterOf } from '../../../src/app/queries/journal.ts'
import { answerOutcomeKey, swapErrorKey } from '../../../src/ui/components/coordination/offer-messages.ts'
import { settingErrorKey } from '../../../src/ui/components/coordination/RosterSettingForm.tsx'
import { createTranslate } from '../../helpers/translate.ts'

const t = createTranslate('fr')
const MARTIN = 'fam-martin' as FamilyId
const NGUYEN = 'fam-nguyen' as FamilyId
const LINE = 'line-verte' as LineId
const actor = (name: string) => name as ActorId
const day = (text: string) => text as LocalDate
const model = {
  families: [{ id: MARTIN, displayName: 'Famille Martin' }, { id: NGUYEN, displayName: 'Famille Nguyen' }],
  lines: [{ id: LINE, name: 'Ligne Verte' }],
  adults: [{ id: 'adult-lea', firstName: 'Léa', familyId: MARTIN }],
} as never

const entry = (familyId: FamilyId, position: number, clock: number, accepted = true, from = '2027-03-01'): RosterEntry => ({ familyId, accepted, position, from: day(from), clock, actor: actor(`a-${familyId}`) })
const records = (roster: RosterEntry[], offers: PeriodOffer[] = [], responses: PeriodResponse[] = []): CoordinationRecords => ({
  setting: { periodLength: 'week', startsOn: day('2027-03-01') },
  roster,
  offers,
  responses,
})
const OFFER_ID = '11111111-1111-4111-8111-111111111111' as PeriodOffer['id']

describe('coordinator summary and periods', () => {
  it('says "none" with nobody on the roster, otherwise current and next', () => {
    expect(coordinatorSummary(records([]), day('2027-03-10'))).toEqual({ kind: 'none' })
    const both = records([entry(MARTIN, 1, 1), entry(NGUYEN, 2, 2)])
    expect(coordinatorSummary(both, day('2027-03-02'))).toEqual({ kind: 'set', current: MARTIN, next: NGUYEN, weekly: true })
    expect(coordinatorSummary(both, day('2027-03-09'))).toEqual({ kind: 'set', current: NGUYEN, next: MARTIN, weekly: true })
  })

  it('before the rotation starts there is no current coordinator, and the next is the first', () => {
    expect(coordinatorSummary(records([entry(MARTIN, 1, 1)]), day('2027-02-20'))).toEqual({ kind: 'set', current: null, next: MARTIN, weekly: true })
  })

  it('a roster change applies from the next period start', () => {
    expect(nextPeriodStart(records([]), day('2027-03-10'))).toBe('2027-03-15')
    expect(nextPeriodStart(records([]), day('2027-02-10'))).toBe('2027-03-01')
  })

  it('lists 8 periods from the current one, with membership', () => {
    const both = records([entry(MARTIN, 1, 1), entry(NGUYEN, 2, 2)])
    const { periods } = upcomingPeriods(both, day('2027-03-17'))
    expect(periods.map((p) => p.start)).toEqual(['2027-03-15', '2027-03-22', '2027-03-29', '2027-04-05', '2027-04-12', '2027-04-19', '2027-04-26', '2027-05-03'])
    expect(periods[0]?.coordinator).toBe(MARTIN)
    expect(isRosterMember(both, MARTIN)).toBe(true)
    expect(isRosterMember(records([entry(MARTIN, 1, 1), entry(MARTIN, 1, 5, false, '2027-03-08')]), MARTIN)).toBe(false)
    expect(isRosterMember(both, null)).toBe(false)
    expect(tradeTargets(periods, MARTIN, day('2027-03-17')).map((p) => p.start)).toEqual(['2027-03-22', '2027-04-05', '2027-04-19', '2027-05-03'])
  })
})

describe('period offers', () => {
  const offer: PeriodOffer = { id: OFFER_ID, kind: 'replacement', periodStart: day('2027-03-22'), familyId: MARTIN, clock: 3, actor: actor('a1'), at: '2027-03-02T09:00:00+01:00' }
  const THIRD = 'fam-third' as FamilyId
  const roster = [entry(MARTIN, 1, 1), entry(NGUYEN, 2, 2), entry(THIRD, 3, 2)]

  it('an open offer is listed until taken; the later taker is told who took it', () => {
    const open = upcomingPeriods(records(roster, [offer]), day('2027-03-02'))
    expect(openOffers(open.offers, day('2027-03-02')).map((o) => o.offer.id)).toEqual([OFFER_ID])
    expect(openOffers(open.offers, day('2027-03-23'))).toEqual([])

    const responses: PeriodResponse[] = [
      { offerId: OFFER_ID, familyId: NGUYEN, kind: 'take', clock: 4, actor: actor('a2'), at: '2027-03-02T09:05:00+01:00' },
      { offerId: OFFER_ID, familyId: THIRD, kind: 'take', clock: 4, actor: actor('a3'), at: '2027-03-02T09:06:00+01:00' },
    ]
    const taken = records(roster, [offer], responses)
    const resolved = upcomingPeriods(taken, day('2027-03-02'))
    expect(openOffers(resolved.offers, day('2027-03-02'))).toEqual([])
    expect(offerWinner(taken, OFFER_ID)).toBe(NGUYEN)
    expect(lostAnswers(taken, resolved.offers, resolved.responses, THIRD, day('2027-03-02'))).toEqual([{ periodStart: '2027-03-22', winner: NGUYEN }])
    expect(lostAnswers(taken, resolved.offers, resolved.responses, NGUYEN, day('2027-03-02'))).toEqual([])
    expect(resolved.periods.find((p) => p.start === '2027-03-22')?.coordinator).toBe(NGUYEN)
  })

  it('names outcomes and refusals', () => {
    expect(t(answerOutcomeKey('alreadyTaken'), { family: 'Famille Nguyen' })).toBe('Déjà pris par Famille Nguyen.')
    expect(t(swapErrorKey('expired'))).toBe('la période a commencé.')
    expect(settingErrorKey('notMonday')).toBe('coord.setting.notMonday')
    expect(settingErrorKey('required')).toBe('form.required')
    expect(settingErrorKey(undefined)).toBeNull()
  })
})

describe('journal text', () => {
  const base = { ref: 'r', clock: 1, actor: actor('a1') }
  it('renders plain lines with names, slot, line, day and direction', () => {
    const signedUp: JournalEvent = { ...base, kind: 'signedUp', familyId: MARTIN, adultId: 'adult-lea' as never, lineId: LINE, walk: { lineId: LINE, date: day('2027-03-11'), direction: 'aller' }, slot: 'lead' }
    expect(journalLineText(t, 'fr', model, signedUp)).toBe('Léa (Famille Martin) s’inscrit comme conducteur : Ligne Verte, jeudi 11 mars (aller).')
    const trade: JournalEvent = { ...base, kind: 'periodOffered', familyId: MARTIN, otherFamilyId: NGUYEN, periodStart: day('2027-03-15') }
    expect(journalLineText(t, 'fr', model, trade)).toBe('Famille Martin propose à Famille Nguyen d’échanger la coordination du lundi 15 mars.')
    const ack: JournalEvent = { ...base, kind: 'handoverAcknowledged', familyId: 'gone' as FamilyId, periodStart: day('2027-03-01') }
    expect(journalLineText(t, 'fr', model, ack)).toBe('Une famille retirée a pris connaissance de la passation (période du lundi 1er mars).')
    const strike: JournalEvent = { ...base, kind: 'walkCancelled', familyId: MARTIN, lineId: LINE, walk: { lineId: LINE, date: day('2027-03-11'), direction: 'aller' } }
    expect(journalLineText(t, 'fr', model, strike)).toBe('Famille Martin annule le trajet : Ligne Verte, jeudi 11 mars (aller).')
    const wholeDay: JournalEvent = { ...base, kind: 'walkCancelled', periodStart: day('2027-03-12') }
    expect(journalLineText(t, 'fr', model, wholeDay)).toBe('Quelqu’un annule tous les trajets du vendredi 12 mars.')
    expect(familyNameOf(t, model, null)).toBe('une famille retirée')
  })

  it('shows the author’s local time as written, never converted', () => {
    expect(authorTimeText(t, 'fr', '2027-03-02T09:05:00+01:00')).toBe('le mar. 2 mars à 09:05')
    // A phone set to New York: the same instant in Paris, the next morning.
    expect(authorTimeText(t, 'fr', '2027-03-02T23:30:00-05:00')).toBe('le mer. 3 mars à 05:30')
    // Summer time in Paris (UTC+2), written by a phone at UTC.
    expect(authorTimeText(t, 'fr', '2027-06-15T06:10:00Z')).toBe('le mar. 15 juin à 08:10')
    // No offset: shown as written.
    expect(authorTimeText(t, 'fr', '2027-03-02T09:05')).toBe('le mar. 2 mars à 09:05')
    expect(authorTimeText(t, 'fr', undefined)).toBe('heure inconnue')
    expect(authorTimeText(t, 'fr', 'garbage')).toBe('heure inconnue')
  })

  it('filters by family (author or other party) and by line', () => {
    const events: JournalEvent[] = [
      { ...base, ref: '1', kind: 'signedUp', familyId: MARTIN, lineId: LINE },
      { ...base, ref: '2', kind: 'periodTaken', familyId: NGUYEN, otherFamilyId: MARTIN },
      { ...base, ref: '3', kind: 'coordinatorJoined', familyId: NGUYEN },
    ]
    expect(journalFilterOf('', '')).toEqual({})
    expect(filteredJournal(events, MARTIN, '').map((e) => e.ref)).toEqual(['1', '2'])
    expect(filteredJournal(events, NGUYEN, '').map((e) => e.ref)).toEqual(['2', '3'])
    expect(filteredJournal(events, '', LINE).map((e) => e.ref)).toEqual(['1'])
  })
})

// The journal's line under a change made for a family at its request (issue 18): who made it, for whom, and when.
import { describe, expect, it } from 'vitest'
import type { LocalDate } from '../../../src/domain/dates.ts'
import type { ActorId, AdultId, FamilyId, LineId } from '../../../src/domain/ids.ts'
import type { JournalEvent } from '../../../src/domain/journal/index.ts'
import { journalLineText } from '../../../src/ui/components/coordination/coordination-text.ts'
import { journalOnBehalfText } from '../../../src/ui/components/coordination/journal-on-behalf.ts'
import { createTranslate } from '../../helpers/translate.ts'

const BERNARD = 'fam-bernard' as FamilyId
const COLIN = 'fam-colin' as FamilyId
const LINE = 'line-verte' as LineId
const model = {
  families: [{ id: BERNARD, displayName: 'Famille Bernard' }, { id: COLIN, displayName: 'Famille Colin' }],
  lines: [{ id: LINE, name: 'Ligne Verte' }],
  adults: [{ id: 'basile', firstName: 'Basile', familyId: BERNARD }, { id: 'chloe', firstName: 'Chloé', familyId: COLIN }],
} as never
const signedUp: JournalEvent = {
  kind: 'signedUp', familyId: COLIN, adultId: 'chloe' as AdultId, lineId: LINE, slot: 'lead',
  walk: { lineId: LINE, date: '2027-03-15' as LocalDate, direction: 'aller' },
  ref: 'r', clock: 3, actor: 'a' as ActorId, at: '2027-03-13T10:00:00+01:00',
}

describe('journal line of a change made at a family’s request', () => {
  it('names who made it, for which family, and when, in each language', () => {
    const event = { ...signedUp, onBehalf: { byFamilyId: BERNARD, byAdultId: 'basile' as AdultId, at: '2027-03-13T10:00:00+01:00' } }
    expect(journalLineText(createTranslate('fr'), 'fr', model, event))
      .toBe('Chloé (Famille Colin) s’inscrit comme conducteur : Ligne Verte, lundi 15 mars (aller).')
    expect(journalOnBehalfText(createTranslate('fr'), 'fr', model, event))
      .toBe('Fait par Basile (Famille Bernard) à la demande de Famille Colin, le sam. 13 mars à 10:00.')
    expect(journalOnBehalfText(createTranslate('en'), 'en', model, event)).toContain('Done by Basile (Famille Bernard) at the request of Famille Colin')
    expect(journalOnBehalfText(createTranslate('ar'), 'ar', model, event)).toContain('Basile')
  })

  it('says nothing for a change the family made itself; an acting adult since removed is "quelqu’un"', () => {
    expect(journalOnBehalfText(createTranslate('fr'), 'fr', model, signedUp)).toBeNull()
    const gone = { ...signedUp, onBehalf: { byFamilyId: BERNARD, byAdultId: 'gone' as AdultId } }
    expect(journalOnBehalfText(createTranslate('fr'), 'fr', model, gone)).toMatch(/^Fait par quelqu’un \(Famille Bernard\) à la demande de Famille Colin, le /)
  })
})

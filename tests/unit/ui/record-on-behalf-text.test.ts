// The line under an absence or an availability a member saved for a family at its request (issue 18).
import { describe, expect, it } from 'vitest'
import type { AdultId, FamilyId } from '../../../src/domain/ids.ts'
import { recordOnBehalfText } from '../../../src/ui/components/record-on-behalf.ts'
import { createTranslate } from '../../helpers/translate.ts'

const BERNARD = 'fam-bernard' as FamilyId
const COLIN = 'fam-colin' as FamilyId
const model = {
  families: [{ id: BERNARD, displayName: 'Famille Bernard' }, { id: COLIN, displayName: 'Famille Colin' }],
  adults: [{ id: 'basile', firstName: 'Basile', familyId: BERNARD }],
} as never
const AT = '2027-03-13T10:00:00+01:00'
const marked = { familyId: COLIN, at: AT, onBehalf: { byFamilyId: BERNARD, byAdultId: 'basile' as AdultId, at: AT } }

describe('the on-behalf line of an absence or an availability', () => {
  it('says who reported the absence, for which family, and when, in each language', () => {
    expect(recordOnBehalfText(createTranslate('fr'), 'fr', model, marked, 'absence.list.onBehalf'))
      .toBe('Signalée par Basile (Famille Bernard) à la demande de Famille Colin, le sam. 13 mars à 10:00.')
    expect(recordOnBehalfText(createTranslate('en'), 'en', model, marked, 'absence.list.onBehalf'))
      .toMatch(/^Reported by Basile \(Famille Bernard\) at the request of Famille Colin, /)
    expect(recordOnBehalfText(createTranslate('ar'), 'ar', model, marked, 'absence.list.onBehalf')).toContain('Basile')
  })

  it('says who saved the availability; none for a record the family saved; someone for an adult gone', () => {
    expect(recordOnBehalfText(createTranslate('fr'), 'fr', model, marked, 'planning.availability.onBehalf'))
      .toBe('Enregistrées par Basile (Famille Bernard) à la demande de Famille Colin, le sam. 13 mars à 10:00.')
    const own = { familyId: COLIN, at: AT }
    expect(recordOnBehalfText(createTranslate('fr'), 'fr', model, own, 'absence.list.onBehalf')).toBeNull()
    const gone = { ...marked, onBehalf: { byFamilyId: BERNARD } }
    expect(recordOnBehalfText(createTranslate('fr'), 'fr', model, gone, 'planning.availability.onBehalf'))
      .toBe('Enregistrées par quelqu’un (Famille Bernard) à la demande de Famille Colin, le sam. 13 mars à 10:00.')
  })
})

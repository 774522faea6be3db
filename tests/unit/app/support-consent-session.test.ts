// The commands behind a child's support note (issue 16): only the child's family writes the note or "counts extra", with
// an agreement of one of its adults recorded (who, when, which text); a member of another family only "à sa demande";
// the family withdraws the agreement and the note and the flag are erased.
import { describe, expect, it } from 'vitest'
import type { CollectiveSession } from '../../../src/app/api.ts'
import { authorTime } from '../../../src/doc/clock.ts'
import { parisToInstant } from '../../../src/domain/calendar/paris-time.ts'
import { localDate, type TimeOfDay } from '../../../src/domain/dates.ts'
import type { AdultId, ChildId, FamilyId } from '../../../src/domain/ids.ts'
import type { ChildInput } from '../../../src/domain/people.ts'
import { SUPPORT_CONSENT_VERSION } from '../../../src/domain/support-consent.ts'
import { useSessionPhones, valueOf } from './session-phones.ts'

const NOW = parisToInstant(localDate('2027-03-02'), '19:00' as TimeOfDay)
const phones = useSessionPhones('unit-support-consent', () => NOW)

interface World {
  readonly session: CollectiveSession
  readonly martin: FamilyId
  readonly camille: AdultId
  readonly julien: AdultId
  readonly bernard: FamilyId
  readonly sophie: AdultId
  readonly hugo: ChildId
  readonly input: (support: string, countsExtra?: boolean) => ChildInput
}

/** Two families; Martin's child Hugo with no note yet; this phone is Camille's (Martin). */
const world = async (): Promise<World> => {
  const services = await phones.start()
  const id = valueOf(await services.createCollective({ name: 'Pédibus des Pins', school: 'École des Pins', town: 'Mérignac', schoolPlace: '33000' }))
  const session = phones.track((await services.openCollective(id))!)
  const martin = valueOf(session.addFamily({ displayName: 'Martin' }))
  const camille = valueOf(session.addAdult(martin, { firstName: 'Camille', phone: '', charterAcceptedOn: null, insured: true }))
  const julien = valueOf(session.addAdult(martin, { firstName: 'Julien', phone: '', charterAcceptedOn: null, insured: true }))
  const bernard = valueOf(session.addFamily({ displayName: 'Bernard' }))
  const sophie = valueOf(session.addAdult(bernard, { firstName: 'Sophie', phone: '', charterAcceptedOn: null, insured: true }))
  const input = (support: string, countsExtra = false): ChildInput => ({ firstName: 'Hugo', initial: 'M', routes: {}, days: [1, 2], support, countsExtra })
  await session.setMe(martin, camille)
  const hugo = valueOf(session.addChild(martin, input('')))
  return { session, martin, camille, julien, bernard, sophie, hugo, input }
}
const childOf = (w: World) => w.session.view.get().children.find((child) => child.id === w.hugo)
const stampOf = (w: World, by: AdultId, byFamily: FamilyId) =>
  ({ by, byFamily, onRequest: byFamily !== w.martin, actor: w.session.me.get().actorId, at: authorTime(NOW) })

describe('a child’s support note through the session', () => {
  it('the family writes it with the agreement of one of its adults, recorded with who wrote it and when', async () => {
    const w = await world()
    expect(w.session.updateChild(w.hugo, w.input('Fauteuil : rampe côté parc'))).toEqual({ ok: false, error: { consentBy: 'consentRequired' } })
    expect(w.session.updateChild(w.hugo, { ...w.input('', true), consentBy: w.sophie })).toEqual({ ok: false, error: { consentBy: 'consentNotOfFamily' } })
    valueOf(w.session.updateChild(w.hugo, { ...w.input('Fauteuil : rampe côté parc', true), consentBy: w.julien }))
    expect(childOf(w)).toMatchObject({
      support: 'Fauteuil : rampe côté parc', countsExtra: true,
      supportConsent: { familyId: w.martin, adultId: w.julien, version: SUPPORT_CONSENT_VERSION, given: stampOf(w, w.camille, w.martin), written: stampOf(w, w.camille, w.martin) },
    })
    // A new child with a note, in one step.
    const noe = valueOf(w.session.addChild(w.martin, { ...w.input('Tenir la main'), firstName: 'Noé', consentBy: w.camille }))
    expect(w.session.view.get().children.find((child) => child.id === noe)?.supportConsent?.adultId).toBe(w.camille)
    expect(w.session.view.get().toCheck).toEqual([])
  })

  it('a member of another family cannot write it; "à sa demande" is recorded as such', async () => {
    const w = await world()
    valueOf(w.session.updateChild(w.hugo, { ...w.input('Tenir la main'), consentBy: w.camille }))
    await w.session.setMe(w.bernard, w.sophie)
    expect(w.session.updateChild(w.hugo, w.input('Autre chose'))).toEqual({ ok: false, error: { support: 'notYourFamily' } })
    expect(w.session.updateChild(w.hugo, { ...w.input(''), days: [1] })).toEqual({ ok: false, error: { support: 'notYourFamily' } })
    expect(w.session.addChild(w.martin, { ...w.input('Note'), firstName: 'Noé', consentBy: w.camille })).toEqual({ ok: false, error: { support: 'notYourFamily' } })
    expect(childOf(w)?.support).toBe('Tenir la main')
    // Other fields stay open to every member (a trust network): only the note and the flag are the family's.
    valueOf(w.session.updateChild(w.hugo, { ...w.input('Tenir la main'), days: [1] }))
    valueOf(w.session.updateChild(w.hugo, { ...w.input('Tenir la main aux traversées'), onRequest: true }))
    expect(childOf(w)?.supportConsent?.written).toEqual(stampOf(w, w.sophie, w.bernard))
    expect(childOf(w)?.supportConsent?.given).toEqual(stampOf(w, w.camille, w.martin))
  })

  it('the family withdraws its agreement: the note and the flag are erased, the withdrawal recorded', async () => {
    const w = await world()
    valueOf(w.session.updateChild(w.hugo, { ...w.input('Allergie aux arachides', true), consentBy: w.camille }))
    await w.session.setMe(w.bernard, w.sophie)
    expect(w.session.withdrawSupportConsent(w.hugo, false)).toEqual({ ok: false, error: 'notYourFamily' })
    await w.session.setMe(w.martin, w.julien)
    expect(w.session.withdrawSupportConsent(w.hugo, false)).toEqual({ ok: true, value: undefined })
    expect(childOf(w)).toMatchObject({ support: '', countsExtra: false, supportConsent: { adultId: w.camille, withdrawn: stampOf(w, w.julien, w.martin) } })
    expect(w.session.withdrawSupportConsent(w.hugo, false)).toEqual({ ok: false, error: 'nothingToWithdraw' })
    expect(w.session.withdrawSupportConsent('a0000000-0000-4000-8000-000000000000' as ChildId, false)).toEqual({ ok: false, error: 'notFound' })
    // A new note needs a new agreement.
    expect(w.session.updateChild(w.hugo, w.input('Allergie'))).toEqual({ ok: false, error: { consentBy: 'consentRequired' } })
    valueOf(w.session.updateChild(w.hugo, { ...w.input('Allergie'), consentBy: w.julien }))
    expect(childOf(w)?.supportConsent).not.toHaveProperty('withdrawn')
  })

  it('a form error and a consent error are said together', async () => {
    const w = await world()
    expect(w.session.updateChild(w.hugo, { ...w.input('Note'), firstName: ' ' })).toEqual({ ok: false, error: { firstName: 'required', consentBy: 'consentRequired' } })
  })
})

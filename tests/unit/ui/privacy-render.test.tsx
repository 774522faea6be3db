// "Vos données" rendered without a browser: every section under its heading, in French and English, the links to
// "Mes collectifs" and to this phone's family page (where one leaves), and the plain warning that a removed person keeps what they had.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { DeviceIdentity, SessionIdentity, SessionState } from '../../../src/app/api.ts'
import { ActorIdSchema, FamilyIdSchema } from '../../../src/domain/ids.ts'
import { I18nContext } from '../../../src/ui/i18n/context.tsx'
import { type Language } from '../../../src/ui/i18n/translate.ts'
import { createTranslate } from '../../helpers/translate.ts'
import { CollectivePrivacy } from '../../../src/ui/pages/privacy/CollectivePrivacyPage.tsx'
import { PRIVACY_SECTIONS } from '../../../src/ui/pages/privacy/PrivacyContent.tsx'
import { PrivacyPage } from '../../../src/ui/pages/privacy/PrivacyPage.tsx'
import type { VNode } from 'preact'
import { makeSession, TEST_ROOM_ID } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const collectiveId = TEST_ROOM_ID
const martin = FamilyIdSchema.parse('00000000-0000-4000-8000-000000000010')
const gone = FamilyIdSchema.parse('00000000-0000-4000-8000-000000000099')
const actorId = ActorIdSchema.parse('00000000-0000-4000-8000-000000000030')

const inLanguage = (language: Language, node: VNode): string =>
  renderToString(<I18nContext.Provider value={{ language, t: createTranslate(language) }}>{node}</I18nContext.Provider>)

/** What the page reads: the id, this phone's identity and the families. */
const sessionOf = (familyId: DeviceIdentity['familyId']) => makeSession<SessionState & SessionIdentity>({
  me: { actorId, familyId },
  view: makeView({ families: [{ id: martin, displayName: 'Famille Martin' }] }),
})

const headings = (html: string): string[] => [...html.matchAll(/<h2 id="privacy-(\w+)">([^<]+)<\/h2>/g)].map((m) => m[1] ?? '')
const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '')

describe('"Vos données" page', () => {
  it('renders every section under its own heading, in reading order, with each section named by its heading', () => {
    const html = inLanguage('fr', <PrivacyPage />)
    expect(headings(html)).toEqual([...PRIVACY_SECTIONS])
    for (const id of PRIVACY_SECTIONS) expect(html).toContain(`aria-labelledby="privacy-${id}"`)
    expect(html).toContain('<h1 tabindex="-1">Vos données</h1>')
  })

  it('says in French what is on the phone, what the relay cannot read, who sees what, what leaves the app and how to leave', () => {
    const html = inLanguage('fr', <PrivacyPage />)
    for (const text of [
      'Sur ce téléphone', 'Sur le relais', 'Qui voit quoi', 'Ce qui sort de l’application', 'Partir', 'Vos droits',
      'le relais ne peut pas les lire', 'jamais envoyée au relais', 'le téléphone des adultes', 'consignes d’accompagnement',
      'fiche d’urgence', '(.ics)', 'sans prénom d’enfant ni numéro de téléphone', '« Quitter le collectif »',
      'garde ce que son téléphone avait déjà reçu', 'Son lien d’invitation reste aussi valable', 'en clair, sans chiffrement', 'ni date de naissance, ni adresse, ni photo',
    ]) expect(html, text).toContain(text)
  })

  it('says the same in English', () => {
    const html = inLanguage('en', <PrivacyPage />)
    expect(headings(html)).toEqual([...PRIVACY_SECTIONS])
    for (const text of [
      'Your data', 'On this phone', 'On the relay', 'Who sees what', 'What leaves the app', 'Leaving', 'Your rights',
      'the relay cannot read them', '“Leave the collective”', 'keeps what their phone had already received',
    ]) expect(html, text).toContain(text)
    expect(html).not.toContain('Sur le relais')
  })

  it('on the global page, points to "Mes collectifs" (to erase the copy, or to open a collective and leave it): no family link', () => {
    const html = inLanguage('fr', <PrivacyPage />)
    expect(new Set(hrefs(html))).toEqual(new Set(['/collectifs']))
    expect(html).toContain('Ouvrez d’abord le collectif')
    expect(html).not.toContain('La page de ma famille')
  })

  it('in a collective, links to this phone\'s family page to leave, and back to the collective', () => {
    const html = inLanguage('fr', <CollectivePrivacy session={sessionOf(martin)} />)
    expect(hrefs(html)).toEqual(expect.arrayContaining([`/c/${collectiveId}/familles/${martin}`, '/collectifs', `/c/${collectiveId}`]))
    expect(html).toMatch(new RegExp(`href="/c/${collectiveId}/familles/${martin}">La page de ma famille<`))
    expect(html).not.toContain('Ouvrez d’abord le collectif')
    expect(html).toContain('Retour au collectif')
  })

  it('in a collective where this phone has no family (or one since removed), links to the families list to pick it', () => {
    for (const familyId of [null, gone]) {
      const html = inLanguage('en', <CollectivePrivacy session={sessionOf(familyId)} />)
      expect(html).toMatch(new RegExp(`href="/c/${collectiveId}/familles">My family’s page<`))
      expect(hrefs(html).some((href) => href.includes(gone))).toBe(false)
    }
  })
})

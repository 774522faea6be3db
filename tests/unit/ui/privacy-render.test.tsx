// "Vos données" rendered without a browser: every section under its heading, in French and English; who is responsible
// (the association set in the collective's settings, or how to fill it in), purposes and bases, retention, each right
// with the screen that exercises it, the CNIL complaint, withdrawing consent for a support note, and how to leave.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { DeviceIdentity, SessionIdentity, SessionState } from '../../../src/app/api.ts'
import { ActorIdSchema, FamilyIdSchema } from '../../../src/domain/ids.ts'
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings.ts'
import { I18nContext } from '../../../src/ui/i18n/context.tsx'
import { type Language } from '../../../src/ui/i18n/translate.ts'
import { createTranslate } from '../../helpers/translate.ts'
import { CollectivePrivacy } from '../../../src/ui/pages/privacy/CollectivePrivacyPage.tsx'
import { CNIL_COMPLAINT_URL, PRIVACY_SECTIONS } from '../../../src/ui/pages/privacy/PrivacyContent.tsx'
import { PrivacyPage } from '../../../src/ui/pages/privacy/PrivacyPage.tsx'
import type { VNode } from 'preact'
import { makeSession, TEST_ROOM_ID } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const collectiveId = TEST_ROOM_ID
const base = `/c/${collectiveId}`
const martin = FamilyIdSchema.parse('00000000-0000-4000-8000-000000000010')
const gone = FamilyIdSchema.parse('00000000-0000-4000-8000-000000000099')
const actorId = ActorIdSchema.parse('00000000-0000-4000-8000-000000000030')
const ASSOCIATION = { associationName: 'Les Écureuils du Médoc', associationContact: 'bureau@ecureuils-medoc.fr' }

const inLanguage = (language: Language, node: VNode): string =>
  renderToString(<I18nContext.Provider value={{ language, t: createTranslate(language) }}>{node}</I18nContext.Provider>)

/** What the page reads: the id, this phone's identity, the families and the settings. */
const sessionOf = (familyId: DeviceIdentity['familyId'], settings: Partial<Settings> = {}) =>
  makeSession<SessionState & SessionIdentity>({
    me: { actorId, familyId },
    view: makeView({ families: [{ id: martin, displayName: 'Famille Martin' }], settings: { ...DEFAULT_SETTINGS, ...settings } }),
  })

const headings = (html: string): string[] => [...html.matchAll(/<h2 id="privacy-(\w+)">([^<]+)<\/h2>/g)].map((m) => m[1] ?? '')
const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '')
/** The text of one section, from its heading to the next section. */
const section = (html: string, id: string): string => {
  const start = html.indexOf(`<h2 id="privacy-${id}">`)
  const end = html.indexOf('<section', start)
  return html.slice(start, end === -1 ? undefined : end)
}

describe('"Vos données" page', () => {
  it('renders every section under its own heading, in reading order, with each section named by its heading', () => {
    for (const html of [inLanguage('fr', <PrivacyPage />), inLanguage('fr', <CollectivePrivacy session={sessionOf(martin)} />)]) {
      expect(headings(html)).toEqual([...PRIVACY_SECTIONS])
      for (const id of PRIVACY_SECTIONS) expect(html).toContain(`aria-labelledby="privacy-${id}"`)
      expect(html).toContain('<h1 tabindex="-1">Vos données</h1>')
    }
  })

  it('names the association responsible and its contact once a member set them in the collective’s settings', () => {
    const html = inLanguage('fr', <CollectivePrivacy session={sessionOf(martin, ASSOCIATION)} />)
    const who = section(html, 'controller')
    expect(who).toContain('Qui est responsable')
    expect(who).toContain('Les Écureuils du Médoc')
    expect(who).toContain('href="mailto:bureau@ecureuils-medoc.fr">bureau@ecureuils-medoc.fr</a>')
    expect(who).not.toContain('pas encore indiqué le nom')
  })

  it('shows a postal address as text, and says plainly when the association is not filled in and where to fill it', () => {
    const postal = 'Mairie, 1 place de l’Église, 33340 Lesparre-Médoc'
    const withAddress = section(inLanguage('fr', <CollectivePrivacy session={sessionOf(martin, { ...ASSOCIATION, associationContact: postal })} />), 'controller')
    expect(withAddress).toContain(postal)
    expect(withAddress).not.toContain('mailto:')

    const missing = section(inLanguage('fr', <CollectivePrivacy session={sessionOf(martin)} />), 'controller')
    expect(missing).toContain('Le collectif n’a pas encore indiqué le nom et le contact de l’association responsable')
    expect(missing).toContain(`href="${base}/parametres#settings-association"`)
    expect(missing).toContain('Paramètres du collectif')

    const nameOnly = section(inLanguage('en', <CollectivePrivacy session={sessionOf(martin, { associationName: 'Les Pins' })} />), 'controller')
    expect(nameOnly).toContain('Les Pins')
    expect(nameOnly).toContain('No contact given yet')
  })

  it('on the global page, says each collective names its association and points to "Mes collectifs"', () => {
    const html = inLanguage('fr', <PrivacyPage />)
    expect(section(html, 'controller')).toContain('Chaque collectif indique son association')
    expect(new Set(hrefs(html))).toEqual(new Set(['/collectifs', CNIL_COMPLAINT_URL]))
    expect(html).toContain('Ouvrez d’abord le collectif')
    expect(html).not.toContain('La page de ma famille')
  })

  it('says in French the purposes and their bases, what is on the phone and the relay, who sees what, and for how long', () => {
    const html = inLanguage('fr', <CollectivePrivacy session={sessionOf(martin, ASSOCIATION)} />)
    for (const [id, texts] of Object.entries({
      purposes: ['Organiser les trajets', 'intérêt légitime', 'charte', 'l’accord de sa famille', 'aucun détail de santé',
        'seulement son prénom', 'Jamais'],
      who: ['le téléphone des adultes', 'consignes d’accompagnement', 'ni date de naissance, ni adresse, ni photo'],
      phone: ['Sur ce téléphone', 'Verrouillez votre téléphone'],
      relay: ['le relais ne peut pas les lire', 'n’est jamais envoyé au relais'],
      retention: ['Combien de temps', 'Retirer de ce téléphone', 'archive', 'trois années scolaires', '13 mois',
        'effacé après le jour du trajet', '7 jours', 'fermé aussitôt'],
      outside: ['fiche d’urgence', '(.ics)', 'sans prénom d’enfant ni numéro de téléphone', 'en clair, sans chiffrement'],
      leave: ['« Quitter le collectif »', 'garde ce que son téléphone avait déjà reçu', 'renouvelez l’invitation'],
    })) for (const text of texts) expect(section(html, id), `${id}: ${text}`).toContain(text)
  })

  it('gives each right with the screen that exercises it, the CNIL complaint, and how consent for a support note is withdrawn', () => {
    const html = inLanguage('fr', <CollectivePrivacy session={sessionOf(martin, ASSOCIATION)} />)
    const rights = section(html, 'rights')
    for (const text of ['Voir', 'Corriger', 'Récupérer', 'Effacer', 'Vous opposer', 'Retirer votre accord', 'un mois', 'CNIL']) {
      expect(rights, text).toContain(text)
    }
    expect(hrefs(rights)).toEqual(expect.arrayContaining([
      `${base}/familles/${martin}`, `${base}/parametres#export-title`, '/collectifs', CNIL_COMPLAINT_URL,
    ]))
    expect(CNIL_COMPLAINT_URL).toBe('https://www.cnil.fr/fr/plaintes')
    expect(rights).toMatch(/<a [^>]*href="https:\/\/www\.cnil\.fr\/fr\/plaintes"[^>]*>[^<]*CNIL/)
    const consent = section(html, 'consent')
    for (const text of ['Seule la famille de l’enfant', 'à sa demande', 'qui et quand', '« Retirer l’accord »',
      'effacée sur tous les téléphones et sur le relais', '« Compte double »']) expect(consent, text).toContain(text)
    expect(hrefs(consent)).toContain(`${base}/familles/${martin}`)
  })

  it('says the same in English', () => {
    const html = inLanguage('en', <CollectivePrivacy session={sessionOf(martin, ASSOCIATION)} />)
    expect(headings(html)).toEqual([...PRIVACY_SECTIONS])
    for (const text of [
      'Your data', 'Who is responsible', 'Les Écureuils du Médoc', 'Why, and on what basis', 'legitimate interest',
      'On this phone', 'On the relay', 'Who sees what', 'How long', 'What leaves the app', 'Your rights', 'Leaving',
      'the relay cannot read them', '“Leave the collective”', 'keeps what their phone had already received',
      'complaint with the CNIL', 'withdraw your consent', 'within one month',
    ]) expect(html, text).toContain(text)
    expect(html).not.toContain('Sur le relais')
    const missing = inLanguage('en', <CollectivePrivacy session={sessionOf(martin)} />)
    expect(section(missing, 'controller')).toContain('has not yet given the name and contact of the association')
  })

  it('in a collective, links to this phone\'s family page to leave, and back to the collective', () => {
    const html = inLanguage('fr', <CollectivePrivacy session={sessionOf(martin)} />)
    expect(hrefs(html)).toEqual(expect.arrayContaining([`${base}/familles/${martin}`, '/collectifs', base]))
    expect(section(html, 'leave')).toMatch(new RegExp(`href="${base}/familles/${martin}">La page de ma famille<`))
    expect(html).not.toContain('Ouvrez d’abord le collectif')
    expect(html).toContain('Retour au collectif')
  })

  it('in a collective where this phone has no family (or one since removed), links to the families list to pick it', () => {
    for (const familyId of [null, gone]) {
      const html = inLanguage('en', <CollectivePrivacy session={sessionOf(familyId)} />)
      expect(section(html, 'leave')).toMatch(new RegExp(`href="${base}/familles">My family’s page<`))
      expect(hrefs(html).some((href) => href.includes(gone))).toBe(false)
    }
  })
})

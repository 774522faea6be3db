// What the child form and the family page say of a support note's agreement (issue 16), before anything is sent: why
// it is asked, what it covers, that it can be withdrawn; who agreed; "à confirmer"; "à sa demande" for another family.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { CollectiveView, PeopleCommands, SessionIdentity } from '../../../src/app/api.ts'
import { ActorIdSchema, AdultIdSchema, ChildIdSchema, FamilyIdSchema } from '../../../src/domain/ids.ts'
import type { Child } from '../../../src/domain/people.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { ChildForm } from '../../../src/ui/components/manage/ChildForm.tsx'
import { ChildrenSection } from '../../../src/ui/components/manage/ChildrenSection.tsx'
import { emptyChild } from '../../../src/ui/components/manage/forms.ts'
import { fr } from '../../../src/ui/i18n/fr.ts'
import { makeSession } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const martin = FamilyIdSchema.parse(uuid(10))
const bernard = FamilyIdSchema.parse(uuid(11))
const camille = AdultIdSchema.parse(uuid(20))
const sophie = AdultIdSchema.parse(uuid(21))
const hugo = ChildIdSchema.parse(uuid(30))
const adults = [
  { id: camille, familyId: martin, firstName: 'Camille', phone: '', charterAcceptedOn: null, insured: true },
  { id: sophie, familyId: bernard, firstName: 'Sophie', phone: '', charterAcceptedOn: null, insured: true },
]
const stamp = { by: sophie, byFamily: bernard, onRequest: true, actor: ActorIdSchema.parse(uuid(40)), at: '2027-03-02T19:00:00+01:00' }
const child = (overrides: Partial<Child>): Child => ({
  id: hugo, familyId: martin, firstName: 'Hugo', initial: 'M', routes: {}, days: [1, 2], support: 'Fauteuil : rampe', countsExtra: true, ...overrides,
} as Child)
const viewWith = (children: Child[]): CollectiveView => makeView({
  families: [{ id: martin, displayName: 'Famille Martin' }, { id: bernard, displayName: 'Famille Bernard' }], adults, children,
} as Partial<CollectiveView>)
const sessionAs = (familyId: typeof martin | null, view: CollectiveView) =>
  makeSession<PeopleCommands & SessionIdentity>({ view, me: { familyId, adultId: familyId === martin ? camille : sophie } })
const plainText = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, '’').replace(/\s+/g, ' ')

describe('the child form’s support part', () => {
  const context = { mine: true, adults: [adults[0]!], me: camille, stored: null }
  const html = renderToString(
    <ChildForm idPrefix="c" initial={emptyChild(DEFAULT_SETTINGS)} lines={[]} stops={[]} submitLabel="Ajouter" consent={context} onSubmit={() => ({ ok: true, value: null })} />,
  )

  it('says why the agreement is asked, what it covers and that it can be withdrawn, linked to the fieldset, before submit', () => {
    for (const key of ['manage.consent.why', 'manage.consent.covers', 'manage.consent.withdrawable'] as const) {
      expect(plainText(html)).toContain(fr[key])
    }
    expect(html).toContain('aria-describedby="c-consent-why c-consent-covers c-consent-withdrawable"')
    expect(html.indexOf(fr['manage.consent.why'].slice(0, 30))).toBeLessThan(html.indexOf('type="submit"'))
    expect(plainText(html)).toContain(fr['manage.consent.agree'])
    expect(html).not.toContain('c-onRequest')
  })

  it('for another family’s child, asks to say it is written at its request; without an adult in it, says to add one', () => {
    const other = renderToString(
      <ChildForm idPrefix="o" initial={emptyChild(DEFAULT_SETTINGS)} lines={[]} stops={[]} submitLabel="Ajouter" consent={{ ...context, mine: false, adults: [] }} onSubmit={() => ({ ok: true, value: null })} />,
    )
    expect(other).toContain('id="o-onRequest"')
    expect(plainText(other)).toContain(fr['manage.consent.onRequestHint'])
    expect(plainText(other)).toContain(fr['manage.consent.noAdult'])
    expect(other).not.toContain('id="o-consentBy" type="checkbox"')
  })
})

describe('a child’s card on the family page', () => {
  it('says who agreed and when, who recorded it at the family’s request, and offers to withdraw', () => {
    const consent = { familyId: martin, adultId: camille, version: 1, given: stamp, written: stamp }
    const view = viewWith([child({ supportConsent: consent, joinedOn: localDate('2027-03-01') })])
    const html = renderToString(<ChildrenSection session={sessionAs(martin, view)} view={view} familyId={martin} />)
    expect(plainText(html)).toContain('Accord de la famille donné par Camille le mardi 2 mars 2027, noté par Sophie à sa demande.')
    expect(html).toContain(`aria-label="${fr['manage.consent.withdrawLabel'].replace('{name}', 'Hugo M.')}"`)
    expect(html).not.toContain('data-testid="consent-to-confirm"')
  })

  it('a note from before agreement was asked is "consentement à confirmer", still shown, with a way to withdraw it', () => {
    const view = viewWith([child({})])
    const html = renderToString(<ChildrenSection session={sessionAs(martin, view)} view={view} familyId={martin} />)
    expect(html).toContain(`data-testid="consent-to-confirm">${fr['manage.consent.toConfirm']}<`)
    expect(plainText(html)).toContain('Fauteuil : rampe')
    expect(html).toContain(`>${fr['manage.consent.withdraw']}<`)
  })

  it('another family’s page, read only, shows the note and no withdrawal', () => {
    const view = viewWith([child({})])
    const html = renderToString(<ChildrenSection session={sessionAs(bernard, view)} view={view} familyId={martin} readOnly />)
    expect(html).not.toContain(`>${fr['manage.consent.withdraw']}<`)
  })
})

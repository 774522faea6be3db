// Rendered markup of management pieces: stops reorder with labelled buttons (no drag), access notes in words, fields linked to hints.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { CollectiveCommands, CollectiveView, ManageCommands, PeopleCommands, SessionIdentity } from '../../../src/app/api.ts'
import { AdultIdSchema, FamilyIdSchema, LineIdSchema, StopIdSchema, type FamilyId } from '../../../src/domain/ids.ts'
import type { Line, Stop } from '../../../src/domain/line.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import { ChildForm } from '../../../src/ui/components/manage/ChildForm.tsx'
import { FamilyEditor } from '../../../src/ui/components/manage/FamilyEditor.tsx'
import { RepairForm } from '../../../src/ui/components/manage/RepairForm.tsx'
import { emptyChild } from '../../../src/ui/components/manage/forms.ts'
import { SettingsForm } from '../../../src/ui/components/manage/SettingsForm.tsx'
import { ShippedHolidays } from '../../../src/ui/components/manage/ShippedHolidays.tsx'
import { StopsSection } from '../../../src/ui/components/manage/StopsSection.tsx'
import { ToCheckSection } from '../../../src/ui/components/ToCheckSection.tsx'
import { makeSession, TEST_ROOM_ID } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const lineId = LineIdSchema.parse('11111111-1111-4111-8111-111111111111')
const line = { id: lineId, name: 'Ligne verte', colour: '#1f5f3f', directions: ['aller'], days: [1, 2, 4, 5] } as Line
const stop = (n: number, name: string, access: Partial<Stop['access']> = {}): Stop =>
  ({
    id: StopIdSchema.parse(`00000000-0000-4000-8000-00000000000${n}`),
    lineId,
    name,
    position: n,
    times: { aller: `08:0${n}` },
    access: { stepFree: false, dangerousCrossing: false, note: '', ...access },
  }) as Stop

const view = makeView({
  profile: null,
  lines: [line],
  stops: [stop(1, 'Mairie', { stepFree: true }), stop(2, 'Église', { dangerousCrossing: true, note: 'Feu piéton' }), stop(3, 'École')],
})
const session = makeSession<SessionIdentity & ManageCommands>({ view })

describe('management pieces', () => {
  it('lists stops in order with move buttons named after the stop; the ends cannot move further', () => {
    const html = renderToString(<StopsSection session={session} view={view} line={line} />)
    expect(html.indexOf('Mairie')).toBeLessThan(html.indexOf('Église'))
    expect(html.indexOf('Église')).toBeLessThan(html.indexOf('École'))
    expect(html).toContain('aria-label="Monter : Église"')
    expect(html).toContain('aria-label="Descendre : Église"')
    expect(html).toMatch(/<button[^>]*disabled[^>]*aria-label="Monter : Mairie"|<button[^>]*aria-label="Monter : Mairie"[^>]*disabled/)
    expect(html).toMatch(/<button[^>]*disabled[^>]*aria-label="Descendre : École"|<button[^>]*aria-label="Descendre : École"[^>]*disabled/)
    expect(html).toContain('Accessible en fauteuil')
    expect(html).toContain('Traversée dangereuse')
    expect(html).toContain('Feu piéton')
    expect(html).toContain('Aller 08:01')
    // A line run only "aller" asks no return time.
    expect(html).toContain('Heure de passage à l’aller')
    expect(html).not.toContain('Heure de passage au retour')
  })

  it('offers each direction’s stops grouped by line, with a "no walking bus" choice', () => {
    const html = renderToString(<ChildForm idPrefix="c" initial={emptyChild(DEFAULT_SETTINGS)} lines={[line]} stops={view.stops} submitLabel="Ajouter l’enfant" onSubmit={() => ({ ok: true, value: null })} />)
    expect(html).toContain('<label for="c-aller">Arrêt à l’aller</label>')
    expect(html).toContain('<optgroup label="Ligne verte">')
    expect(html).toContain('Pas de pédibus à l’aller')
    expect(html).toContain('Mairie (08:01)')
    expect(html).toContain('aria-describedby="c-support-hint c-support-limit"')
    expect(html).not.toMatch(/naissance<\/label>|adresse<\/label>/i)
  })

  it('explains why a walk needs at least two adults', () => {
    const html = renderToString(<SettingsForm settings={DEFAULT_SETTINGS} onSubmit={() => ({ ok: true, value: null })} />)
    expect(html).toContain('Jamais moins de 2 : un adulte devant (conducteur) et un derrière (serre-file)')
    expect(html).toContain('aria-describedby="settings-minAdults-hint"')
    expect(html).toMatch(/id="settings-holidayZone-A"[^>]*checked|checked[^>]*id="settings-holidayZone-A"/)
  })

  it('asks for the association responsible for the data, with each limit said before submit', () => {
    const settings = { ...DEFAULT_SETTINGS, associationName: 'Les Écureuils', associationContact: 'bureau@ecureuils.fr' }
    const html = renderToString(<SettingsForm settings={settings} onSubmit={() => ({ ok: true, value: null })} />)
    expect(html).toContain('id="settings-association"')
    expect(html).toContain('Association responsable des données')
    expect(html).toContain('<label for="settings-associationName">Nom de l’association</label>')
    expect(html).toContain('<label for="settings-associationContact">Contact de l’association</label>')
    expect(html).toContain('120 caractères au plus')
    expect(html).toContain('200 caractères au plus')
    expect(html).toContain('aria-describedby="settings-associationContact-hint settings-associationContact-limit"')
    expect(html).toContain('value="Les Écureuils"')
    expect(html).toContain('value="bureau@ecureuils.fr"')
  })

  it('offers "Réparer" for a record kind with an edit form, only deletion for the others', () => {
    const html = renderToString(
      <ToCheckSection
        session={session}
        records={[
          { kind: 'line', key: '11111111-1111-4111-8111-111111111111', preview: '{"name":""}', problems: ['required'] },
          { kind: 'exception', key: 'e1', preview: '{}', problems: [] },
        ]}
      />,
    )
    expect(html).toContain(`href="/c/${TEST_ROOM_ID}/verifier/line/11111111-1111-4111-8111-111111111111"`)
    expect(html.match(/>Réparer</g)?.length).toBe(1)
    expect(html).toContain('Ligne')
    expect(html).toContain('Annulation')
    expect(html.match(/>Supprimer</g)?.length).toBe(2)
    expect(html).toContain('aria-label="Supprimer : Ligne {&quot;name&quot;:&quot;&quot;}"')
  })

  it('repairs a record whose key is an id of its kind with the kind’s form, prefilled; a key that is not one gets no form', () => {
    const repair = (kind: 'line' | 'stop' | 'family', key: string, preview: string) =>
      renderToString(<RepairForm session={session} view={view} record={{ kind, key, preview, problems: [] }} onRepaired={() => {}} />)
    const lineForm = repair('line', lineId, '{"name":"Ligne bleue","days":[1,2]}')
    expect(lineForm).toContain('id="repair-name"')
    expect(lineForm).toContain('value="Ligne bleue"')
    expect(repair('stop', '00000000-0000-4000-8000-000000000001', '{"name":"Mairie"}')).toContain('value="Mairie"')
    for (const kind of ['line', 'stop', 'family'] as const) expect(repair(kind, 'not-an-id', '{}')).toBe('')
  })

  it('offers no repair or delete for a whole damaged part of the document, and says so', () => {
    const html = renderToString(
      <ToCheckSection session={session} records={[{ kind: 'signUp', key: 'signups', preview: '', problems: ['notAMap'] }]} />,
    )
    expect(html).not.toContain('>Supprimer<')
    expect(html).not.toContain('>Réparer<')
    expect(html).toContain('ne peut pas être réparée depuis ce téléphone')
  })

  it('lists the zone’s shipped holidays of both years with their status in words and a labelled "does not apply" toggle', () => {
    const zoneB = { ...view, settings: { ...DEFAULT_SETTINGS, holidayZone: 'B' }, holidayOverrides: [{ periodId: '2027-2028/B/hiver', ignored: true }] } as CollectiveView
    const html = renderToString(<ShippedHolidays session={session} view={zoneB} />)
    expect(html).toContain('Vacances scolaires (zone B)')
    expect(html).toContain('Année scolaire 2026-2027')
    expect(html).toContain('Année scolaire 2027-2028')
    expect(html).toContain('une seule copie trouvée')
    expect(html).toContain('Dates : à confirmer')
    expect(html).not.toContain('2027-2028-A-')
    expect(html).toMatch(/<input id="shipped-2027-2028-B-hiver" type="checkbox" checked[^>]*aria-describedby="shipped-2027-2028-B-hiver-name"/)
    expect(html).toMatch(/<input id="shipped-2027-2028-B-toussaint" type="checkbox" aria-describedby/)
    expect(html.match(/<span>Ne s’applique pas à notre école<\/span>/g)).toHaveLength(12)
    expect(html).toContain('Ne s’applique pas : les trajets de ces jours-là ont lieu.')
  })
})

describe('a family edits its own details', () => {
  const familyId = FamilyIdSchema.parse('22222222-2222-4222-8222-222222222222')
  const family = { id: familyId, displayName: 'Famille Nguyen' }
  const adult = { id: AdultIdSchema.parse('33333333-3333-4333-8333-333333333333'), familyId, firstName: 'Minh', phone: '06 12 34 56 78', charterAcceptedOn: null, insured: true }
  const familyView: CollectiveView = { ...view, families: [family], adults: [adult] }
  const sessionAs = (me: FamilyId | null) =>
    makeSession<SessionIdentity & CollectiveCommands & PeopleCommands>({ view: familyView, me: { familyId: me } })

  it('shows another family read-only, with tap-to-call, until a member edits at its request', () => {
    const html = renderToString(<FamilyEditor session={sessionAs(null)} view={familyView} family={family as never} />)
    expect(html).toContain('data-testid="family-read-only"')
    expect(html).toContain('Modifier à sa demande')
    expect(html).toContain('href="tel:0612345678"')
    expect(html).not.toContain('>Modifier<')
    expect(html).not.toContain('>Retirer<')
    expect(html).not.toContain('Ajouter l’adulte')
  })

  it('lets whoever created an empty family fill it in', () => {
    const empty: CollectiveView = { ...familyView, adults: [] }
    const html = renderToString(<FamilyEditor session={sessionAs(null)} view={empty} family={family as never} />)
    expect(html).not.toContain('data-testid="family-read-only"')
    expect(html).toContain('Ajouter l’adulte')
  })

  it('lets my own family edit its details', () => {
    const html = renderToString(<FamilyEditor session={sessionAs(familyId)} view={familyView} family={family as never} />)
    expect(html).not.toContain('data-testid="family-read-only"')
    expect(html).toContain('>Modifier<')
    expect(html).toContain('>Renommer<')
  })
})

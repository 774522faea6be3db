// "Équité" without a browser: numbers with one decimal and a true minus sign, neutral words, the table in family order, reduced shares and settings forms.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { CollectiveView, DeviceIdentity, PlanningCommands, SessionIdentity } from '../../../src/app/api.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { fairnessLedger } from '../../../src/domain/planning/ledger.ts'
import { StoredHelpAnswerSchema, StoredHelpRequestSchema } from '../../../src/domain/help/records.ts'
import { ExemptionInputSchema } from '../../../src/domain/planning/records.ts'
import type { Ledger } from '../../../src/domain/planning/types.ts'
import { fieldErrorsOf } from '../../../src/domain/validation.ts'
import { ExemptionsSection } from '../../../src/ui/components/planning/ExemptionsSection.tsx'
import { currentExemptions, exemptionFieldErrors } from '../../../src/app/queries/planning/exemption-view.ts'
import { creditOf, FairnessSettingForm } from '../../../src/ui/components/planning/FairnessSettingForm.tsx'
import { FormError } from '../../../src/ui/components/planning/FormError.tsx'
import { LedgerTable } from '../../../src/ui/components/planning/LedgerTable.tsx'
import { balanceWords, formatSigned, formatWalks, planningErrorText } from '../../../src/ui/components/planning/planning-text.ts'
import { I18nContext } from '../../../src/ui/i18n/context.tsx'
import { Fairness } from '../../../src/ui/pages/planning/FairnessPage.tsx'
import { createTranslate } from '../../helpers/translate.ts'
import { exemption, fairnessModel, families, parisAt } from '../domain/planning-fixtures.ts'
import { actorId, createChild, createLine, createSignUp, familyId } from '../domain/rota-fixtures.ts'
import { makeSession } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const t = createTranslate('fr')
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('numbers and words', () => {
  it('write walks with one decimal, a plus or a true minus sign, and zero without a sign', () => {
    expect(formatWalks(2.25, 'fr')).toBe('2,3')
    expect(formatWalks(3, 'fr')).toBe('3,0')
    expect(formatSigned(1.5, 'fr')).toBe('+1,5')
    expect(formatSigned(-0.5, 'fr')).toBe('\u22120,5')
    expect(formatSigned(-0.04, 'fr')).toBe('0,0')
    expect(formatSigned(0.04, 'fr')).toBe('0,0')
    expect(formatSigned(1.5, 'en')).toBe('+1.5')
  })

  it('describe a difference neutrally: a little more, a little less, even', () => {
    expect(balanceWords(t, 2)).toBe('a donné un peu plus')
    expect(balanceWords(t, -2)).toBe('a donné un peu moins')
    expect(balanceWords(t, 0.01)).toBe('à l’équilibre')
  })
})

describe('the ledger table', () => {
  // Family 2 is far behind and family 3 far ahead: the table keeps the collective's order anyway.
  const ledger: Ledger = {
    year: { from: localDate('2026-09-01'), to: localDate('2027-08-31') },
    rows: [
      { familyId: familyId(1), done: 4, planned: 2, credits: 2, share: 4.5, balance: 1.5, reducedUntil: null },
      { familyId: familyId(2), done: 0, planned: 1, credits: 0, share: 3.25, balance: -3.25, reducedUntil: localDate('2026-12-18') },
      { familyId: familyId(3), done: 9, planned: 0, credits: 0, share: 4.25, balance: 4.75, reducedUntil: null },
    ],
  }

  it('shows done, planned, credits, share and the signed difference with words, in family order, no colour classes', () => {
    const html = renderToString(<LedgerTable ledger={ledger} families={families(3)} />)
    for (const header of ['Famille', 'Trajets faits', 'Prévus', 'Crédits coordination', 'Part équitable', 'Écart']) expect(html).toMatch(new RegExp(`scope="col"[^>]*>${header}<`))
    const rows = [...html.matchAll(/<tr data-testid="ledger-row">(.*?)<\/tr>/g)].map((match) => text(match[1] ?? '').trim())
    expect(rows).toEqual([
      'Famille 1 4 2 2 4,5 +1,5 a donné un peu plus',
      'Famille 2 part réduite jusqu’au vendredi 18 décembre 0 1 0 3,3 \u22123,3 a donné un peu moins',
      'Famille 3 9 0 0 4,3 +4,8 a donné un peu plus',
    ])
    expect(html).not.toMatch(/(class|style)="[^"]*(danger|warning|red|rank|colou?r)/i)
    expect(html).toContain('<caption id="ledger-caption">Trajets par famille, cette année scolaire</caption>')
  })

  it('renders the real ledger of a collective (two Thursdays walked, shares by children)', () => {
    const NOW = parisAt('2026-09-10', '12:00')
    const model = fairnessModel({
      lines: [createLine(1, { days: [4] })],
      children: [createChild(1, 1), createChild(2, 1), createChild(3, 2), createChild(4, 3)],
      signUps: [createSignUp(1, 'lead', 1, 1, { date: '2026-09-03' }), createSignUp(2, 'tail', 2, 2, { date: '2026-09-03' })],
    })
    const html = renderToString(<LedgerTable ledger={fairnessLedger(model, NOW)} families={model.families} />)
    const rows = [...html.matchAll(/<tr data-testid="ledger-row">(.*?)<\/tr>/g)].map((match) => text(match[1] ?? '').trim())
    expect(rows).toHaveLength(3)
    expect(rows[0]).toMatch(/^Famille 1 1 0 0 /)
  })

  it('is in English when the phone is', () => {
    const html = renderToString(
      <I18nContext.Provider value={{ language: 'en', t: createTranslate('en') }}>
        <LedgerTable ledger={ledger} families={families(3)} />
      </I18nContext.Provider>,
    )
    expect(text(html)).toContain('Fair share')
    expect(text(html)).toContain('+1.5 gave a little more')
  })
})

const viewOf = (model: ReturnType<typeof fairnessModel>): CollectiveView => makeView(model)
const sessionOf = (view: CollectiveView, me: Partial<DeviceIdentity> = {}) =>
  makeSession<SessionIdentity & PlanningCommands>({ view, me: { actorId: actorId(1), ...me } })

describe('reduced shares', () => {
  const today = localDate('2026-12-01')
  const reductions = [
    exemption(1, 2, '2027-01-04', '2027-01-29', 50),
    exemption(2, 1, '2026-11-02', '2026-11-27', 0), // over
    exemption(3, 3, '2026-11-30', '2026-12-11', 25, true), // withdrawn
    exemption(4, 3, '2026-11-16', '2026-12-04', 0),
    exemption(5, 9, '2026-11-23', '2026-12-18', 50), // of a family removed since
  ]

  it('lists those not withdrawn, not over and of a family that still exists, by start date', () => {
    expect(currentExemptions(reductions, today, families(3)).map((e) => e.id)).toEqual([reductions[3]?.id, reductions[0]?.id])
    // The family back (or never removed on this phone): its reduced share is listed again.
    expect(currentExemptions(reductions, today, families(9)).map((e) => e.id)).toEqual([reductions[3]?.id, reductions[4]?.id, reductions[0]?.id])
  })

  it('shows each with its family, share and dates and a "Retirer", says no reason is needed, and offers the form', () => {
    const view = viewOf(fairnessModel({}, { exemptions: reductions }))
    const html = renderToString(<ExemptionsSection session={sessionOf(view, { familyId: familyId(2) })} view={view} myFamily={familyId(2)} today={today} />)
    expect(text(html)).toContain('aucune raison n’est demandée ni enregistrée')
    expect(text(html)).toContain('Famille 3 : 0 % de sa part, du lundi 16 novembre au vendredi 4 décembre')
    expect(text(html)).toContain('Famille 2 : 50 % de sa part, du lundi 4 janvier au vendredi 29 janvier')
    expect(html.match(/data-testid="exemption"/g)).toHaveLength(2)
    // The removed family's reduced share is not listed with an empty name.
    expect(text(html)).not.toContain('lundi 23 novembre')
    expect(html).toContain('aria-label="Retirer la part réduite : Famille 3 : 0 % de sa part, du lundi 16 novembre au vendredi 4 décembre"')
    // The form starts on my family, today, half share; the four shares are offered.
    expect(html).toContain(`<option selected value="${familyId(2)}">Famille 2</option>`)
    expect(html).toMatch(/id="exemption-from"[^>]*value="2026-12-01"/)
    for (const share of [0, 25, 50, 75]) expect(html).toContain(`id="exemption-sharePercent-${share}"`)
    expect(html).toMatch(/id="exemption-sharePercent-50"[^>]*checked/)
    expect(text(html)).not.toMatch(/motif|raison :/i)
  })

  it('puts the real validation’s errors on the right fields, in French', () => {
    const backwards = ExemptionInputSchema.safeParse({ familyId: familyId(1), from: '2027-01-10', to: '2027-01-04', sharePercent: 50 })
    if (backwards.success) throw new Error('an end before the start is refused')
    expect(exemptionFieldErrors(fieldErrorsOf(backwards.error))).toEqual({ to: 'endBeforeStart' })
    expect(planningErrorText(t, 'endBeforeStart')).toBe('La date de fin est avant la date de début.')
    const long = ExemptionInputSchema.safeParse({ familyId: familyId(1), from: '2027-01-10', to: '2029-01-04', sharePercent: 50 })
    expect(long.success ? {} : exemptionFieldErrors(fieldErrorsOf(long.error))).toEqual({ to: 'rangeTooLong' })
    expect(planningErrorText(t, 'rangeTooLong')).toBe('La période est trop longue : 366 jours au plus. Vérifiez l’année de fin.')
    expect(exemptionFieldErrors({ familyId: 'unknownFamily', somewhere: 'required' })).toEqual({ familyId: 'unknownFamily', form: 'required' })
  })
})

describe('fairness settings', () => {
  it('start from the stored setting and read the credit as a whole number', () => {
    const view = viewOf(fairnessModel({}, { fairness: { basis: 'perFamily', coordinatorCredit: 3 } }))
    const html = renderToString(<FairnessSettingForm session={sessionOf(view)} setting={view.planning.fairness} />)
    expect(html).toMatch(/id="fairness-basis-perFamily"[^>]*checked/)
    expect(html).toMatch(/id="fairness-coordinatorCredit"[^>]*value="3"/)
    expect(text(html)).toContain('Entre 0 et 20.')
    expect(creditOf(' 4 ')).toEqual({ ok: true, value: 4 })
    expect(creditOf('')).toEqual({ ok: false, error: 'invalidNumber' })
    expect(creditOf('1.5')).toEqual({ ok: false, error: 'invalidNumber' })
    expect(planningErrorText(t, 'tooLarge', 'coordinatorCredit')).toBe('Ce nombre est trop grand : 20 au plus.')
  })

  it('give a whole-form error the id "Enregistrer" focuses (idOf(\'form\')), focusable so that it is read out', () => {
    const html = renderToString(<FormError id="fairness-form" text={planningErrorText(t, 'notRecorded')} />)
    expect(html).toMatch(/^<p class="field__error" id="fairness-form" tabindex="-1"/)
    expect(text(html)).toContain('Rien n’a été enregistré')
  })
})

describe('the Équité screen', () => {
  it('explains how the share is computed for the collective’s basis, and shows the ledger, reduced shares and settings', () => {
    const perChild = viewOf(fairnessModel())
    const html = renderToString(<Fairness session={sessionOf(perChild)} view={perChild} />)
    expect(text(html)).toContain('en proportion du nombre de ses enfants qui marchent, réduite pendant une période de part réduite.')
    for (const title of ['Équité', 'Qui a donné quoi', 'Parts réduites', 'Réglages']) expect(text(html)).toContain(title)
    expect(html.match(/data-testid="ledger-row"/g)).toHaveLength(3)
    const perFamily = viewOf(fairnessModel({}, { fairness: { basis: 'perFamily' } }))
    expect(text(renderToString(<Fairness session={sessionOf(perFamily)} view={perFamily} />))).toContain('la même pour chaque famille qui a un enfant qui marche')
  })
})

describe('coups de main on the Équité screen', () => {
  const helped = (helpCounts?: boolean) => {
    const model = fairnessModel({}, helpCounts === undefined ? {} : { fairness: { helpCounts } })
    const request = StoredHelpRequestSchema.parse({
      id: '00000000-0000-4000-8000-000000000001', familyId: familyId(1), type: 'request', kind: 'carpool', date: '2020-01-06',
      needed: 1, note: '', status: 'open', confirmed: [], clock: 1, actor: actorId(1),
    })
    const answer = StoredHelpAnswerSchema.parse({ requestId: request.id, familyId: familyId(3), status: 'active', clock: 2, actor: actorId(3) })
    return { ...viewOf(model), help: { requests: [request], answers: [answer], kinds: [] } }
  }

  it('counts given and received per family in the families’ order, with no rank or colour', () => {
    const view = helped()
    const html = renderToString(<Fairness session={sessionOf(view)} view={view} />)
    const rows = [...html.matchAll(/<tr data-testid="help-count-row">(.*?)<\/tr>/g)].map((match) => text(match[1] ?? '').trim())
    expect(rows).toEqual(['Famille 1 0 1', 'Famille 2 0 0', 'Famille 3 1 0'])
    expect(text(html)).toContain('un coup de main ne crée pas de dette')
    expect(html).toMatch(/id="fairness-helpCounts"[^>]*checked/)
  })

  it('shows no count once the collective turned it off, and the box unticked', () => {
    const view = helped(false)
    const html = renderToString(<Fairness session={sessionOf(view)} view={view} />)
    expect(html).not.toContain('data-testid="help-counts"')
    expect(html).toMatch(/id="fairness-helpCounts"/)
    expect(html).not.toMatch(/id="fairness-helpCounts"[^>]*checked/)
  })
})

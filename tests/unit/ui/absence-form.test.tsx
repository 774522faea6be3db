// Absence screens without a browser: French errors from the real validation, what a new absence changed, the confirmation, the walk card's count, the rendered form.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { AbsenceCommands, CollectiveView, DeviceIdentity, RotaCommands, SessionIdentity, SessionState, SwapCommands } from '../../../src/app/api.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { resolveWalk } from '../../../src/domain/rota/resolve.ts'
import { walkOf } from '../../../src/domain/rota/walks.ts'
import { fieldErrorsOf } from '../../../src/domain/validation.ts'
import { AbsenceInputSchema, type Absence } from '../../../src/domain/walk-log/records.ts'
import { AbsenceForm } from '../../../src/ui/components/absence/AbsenceForm.tsx'
import { AbsenceList } from '../../../src/ui/components/absence/AbsenceList.tsx'
import { absenceErrorText, absencePeriodText, savedAbsenceText } from '../../../src/ui/components/absence/absence-text.ts'
import {
  absenceFieldErrors, absenceInputOf, absentOnWalk, affectedDays, boundedRange, comingAbsences, nextWalkOf, noLongerExpected, type AbsenceValues,
} from '../../../src/app/queries/absence/absence-view.ts'
import { walkCard } from '../../helpers/walk-card.tsx'
import { createTranslate } from '../../helpers/translate.ts'
import { actorId, adultId, createChild, createModel, familyId, lineId, stopId } from '../domain/rota-fixtures.ts'
import { absence, NOW, walkRef } from '../domain/walk-log-fixtures.ts'
import { makeSession } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const t = createTranslate('fr')
// Léa walks both ways from stop 1; Tom (another family) only the aller.
const lea = createChild(1, 1, { firstName: 'Léa', routes: { aller: { lineId: lineId(1), stopId: stopId(1) }, retour: { lineId: lineId(1), stopId: stopId(1) } } })
const tom = createChild(2, 2, { firstName: 'Tom' })
const model = (absences: Absence[] = []) => createModel({ children: [lea, tom], absences })

const values = (patch: Partial<AbsenceValues>): AbsenceValues =>
  ({ childId: lea.id, kind: 'day', date: '2026-12-03', direction: 'aller', from: '2026-12-03', to: '2026-12-03', note: '', ...patch })
const errorsOf = (patch: Partial<AbsenceValues>) => {
  const formValues = values(patch)
  const result = AbsenceInputSchema.safeParse(absenceInputOf(formValues))
  if (result.success) throw new Error('expected errors')
  return absenceFieldErrors(fieldErrorsOf(result.error), formValues.kind)
}

describe('absence form errors', () => {
  it('says in French that the end is before the start, on the "Au" field of a range', () => {
    const errors = errorsOf({ kind: 'range', from: '2026-12-10', to: '2026-12-08' })
    expect(errors).toEqual({ to: 'endBeforeStart' })
    expect(absenceErrorText(t, 'to', 'endBeforeStart')).toBe('La date de fin est avant la date de début.')
  })

  it('refuses a range longer than 366 days (a mistyped year) on the "Au" field, in French', () => {
    expect(errorsOf({ kind: 'range', from: '2027-03-15', to: '2207-03-19' })).toEqual({ to: 'rangeTooLong' })
    expect(absenceErrorText(t, 'to', 'rangeTooLong')).toBe('La période est trop longue : 366 jours au plus. Vérifiez l’année de fin.')
    expect(createTranslate('en')('absence.error.rangeTooLong', { max: 366 })).toBe('This period is too long: 366 days at most. Check the end year.')
    // 366 days, bounds included, is still a valid range (a whole school year and more).
    expect(AbsenceInputSchema.safeParse(absenceInputOf(values({ kind: 'range', from: '2027-01-01', to: '2027-12-31' }))).success).toBe(true)
    expect(AbsenceInputSchema.safeParse(absenceInputOf(values({ kind: 'range', from: '2028-01-01', to: '2028-12-31' }))).success).toBe(true)
    expect(AbsenceInputSchema.safeParse(absenceInputOf(values({ kind: 'range', from: '2027-01-01', to: '2028-01-01' }))).success).toBe(true)
    expect(errorsOf({ kind: 'range', from: '2027-01-01', to: '2028-01-02' })).toEqual({ to: 'rangeTooLong' })
  })

  it('puts a bad date of a one-day absence on its one date field, and a long note on the note', () => {
    expect(errorsOf({ date: '' })).toEqual({ date: 'invalidDate' })
    expect(absenceErrorText(t, 'date', 'invalidDate')).toBe('Indiquez une date valable (jour/mois/année).')
    expect(errorsOf({ note: 'x'.repeat(201) })).toEqual({ note: 'tooLong' })
    expect(absenceErrorText(t, 'note', 'tooLong')).toBe('Le texte est trop long : 200 caractères au plus.')
  })

  it('shows a child unknown to the collective on the child field, and any other path as a form error', () => {
    expect(absenceFieldErrors({ childId: 'unknownChild' }, 'day')).toEqual({ childId: 'unknownChild' })
    expect(absenceErrorText(t, 'childId', 'unknownChild')).toBe('Cet enfant n’est plus inscrit dans le collectif.')
    expect(absenceFieldErrors({ somewhere: 'required' }, 'day')).toEqual({ form: 'required' })
  })

  it('turns each kind into the domain input: one walk has a direction, a day and a range none', () => {
    expect(absenceInputOf(values({ kind: 'walk', direction: 'retour' }))).toMatchObject({ from: '2026-12-03', to: '2026-12-03', direction: 'retour' })
    expect(absenceInputOf(values({ kind: 'day', from: '2026-12-01', to: '2026-12-20' }))).toMatchObject({ from: '2026-12-03', to: '2026-12-03', direction: null })
    expect(absenceInputOf(values({ kind: 'range', from: '2026-12-01', to: '2026-12-04' }))).toMatchObject({ from: '2026-12-01', to: '2026-12-04', direction: null })
  })
})

describe('what an absence changes', () => {
  const day = absence(1, 1, '2026-12-03')

  it('lists the walks where the child was expected and is no longer, grouped by day', () => {
    const changed = noLongerExpected(model(), model([day]), lea.id, localDate('2026-12-03'), localDate('2026-12-03'), NOW)
    expect(affectedDays(changed)).toEqual([{ date: '2026-12-03', directions: ['aller', 'retour'] }])
    expect(savedAbsenceText(t, 'fr', 'Léa', affectedDays(changed))).toBe('C’est noté, Léa ne viendra pas : jeudi 3 décembre, aller et retour.')
  })

  it('resolves at most the rota horizon’s length of a long range (a record from another version), from its start', () => {
    const century = absence(3, 1, '2027-03-15', '2127-03-19')
    expect(boundedRange(localDate('2027-03-15'), localDate('2127-03-19'), NOW)).toEqual({ from: '2027-03-15', to: '2027-04-25' })
    // Dates long past: from six weeks before today (NOW is 1 December 2026).
    expect(boundedRange(localDate('2001-01-01'), localDate('2127-03-19'), NOW)).toEqual({ from: '2026-10-20', to: '2026-11-30' })
    const changed = noLongerExpected(model(), model([century]), lea.id, localDate('2027-03-15'), localDate('2127-03-19'), NOW)
    const days = affectedDays(changed).map((day) => day.date)
    expect(days.at(0)).toBe('2027-03-15')
    expect(days.every((date) => date <= '2027-04-25')).toBe(true)
    expect(days.length).toBeGreaterThan(10)
  })

  it('says so when the dates miss every walk of the child (Wednesday: the line does not run)', () => {
    const wednesday = absence(2, 1, '2026-12-02')
    const changed = noLongerExpected(model(), model([wednesday]), lea.id, localDate('2026-12-02'), localDate('2026-12-02'), NOW)
    expect(changed).toEqual([])
    expect(savedAbsenceText(t, 'fr', 'Léa', [])).toContain('Aucun trajet prévu pour Léa n’est concerné')
  })

  it('keeps a long range to one sentence', () => {
    const range = absence(3, 1, '2026-12-03', '2026-12-15')
    const days = affectedDays(noLongerExpected(model(), model([range]), lea.id, range.from, range.to, NOW))
    expect(days.map((d) => d.date)).toEqual(['2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08', '2026-12-10', '2026-12-11', '2026-12-14', '2026-12-15'])
    expect(savedAbsenceText(t, 'fr', 'Léa', days)).toBe(
      'C’est noté, Léa ne viendra pas : jeudi 3 décembre, aller et retour ; vendredi 4 décembre, aller et retour ; lundi 7 décembre, aller et retour ; '
      + 'mardi 8 décembre, aller et retour ; jeudi 10 décembre, aller et retour et 3 autres jours.',
    )
  })

  it('defaults the form to the next day the child walks, skipping a day already declared', () => {
    // NOW is Tuesday 1 December: Wednesday has no walk, Thursday is the next one.
    expect(nextWalkOf(model(), lea.id, localDate('2026-12-01'), NOW)?.date).toBe('2026-12-03')
    expect(nextWalkOf(model([day]), lea.id, localDate('2026-12-01'), NOW)?.date).toBe('2026-12-04')
  })

  it('counts the declared-absent children of a walk (not withdrawn ones, not other walks), while the rota drops them', () => {
    const thursday = walkRef('2026-12-03', 'aller')
    const withdrawn = absence(4, 2, '2026-12-03', '2026-12-03', null, { withdrawn: true })
    expect(absentOnWalk(model([day, withdrawn]), thursday)).toBe(1)
    expect(absentOnWalk(model([day]), walkRef('2026-12-04', 'aller'))).toBe(0)
    const walk = walkOf(model(), thursday)!
    expect(resolveWalk(model([day]), walk, NOW).expectedChildIds).toEqual([tom.id])
    expect(resolveWalk(model([day, withdrawn]), walk, NOW).expectedChildIds).toEqual([tom.id])
  })

  it('lists a child’s coming absences only, and words their periods', () => {
    const past = absence(5, 1, '2026-11-20', '2026-11-25')
    const walkOnly = absence(6, 1, '2026-12-08', '2026-12-08', 'retour')
    const range = absence(7, 1, '2026-12-10', '2026-12-11')
    expect(comingAbsences([range, past, walkOnly, day], lea.id, localDate('2026-12-01')).map((a) => a.id)).toEqual([day.id, walkOnly.id, range.id])
    expect(absencePeriodText(t, 'fr', day)).toBe('jeudi 3 décembre, toute la journée')
    expect(absencePeriodText(t, 'fr', walkOnly)).toBe('mardi 8 décembre, retour seulement')
    expect(absencePeriodText(t, 'fr', range)).toBe('du jeudi 10 décembre au vendredi 11 décembre')
  })
})

const viewOf = (absences: Absence[]): CollectiveView => makeView(model(absences))
const sessionOf = (view: CollectiveView, me: DeviceIdentity) =>
  makeSession<SessionState & SessionIdentity & AbsenceCommands & RotaCommands & SwapCommands>({ view, me })
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('rendered', () => {
  const me: DeviceIdentity = { actorId: actorId(1), familyId: familyId(1), adultId: null }

  it('the form names the only child, labels every field, warns about the note and defaults to the next walk day', () => {
    const html = renderToString(<AbsenceForm session={sessionOf(viewOf([]), me)} kids={[lea]} today={localDate('2026-12-01')} now={NOW} />)
    expect(text(html)).toContain('Enfant : Léa')
    expect(html).not.toContain('<select')
    for (const label of ['Un trajet', 'Une journée', 'Plusieurs jours', 'Date', 'Motif ou précision (facultatif)', 'Enregistrer']) expect(text(html)).toContain(label)
    expect(text(html)).toContain('Visible par les familles du collectif : n’y mettez pas de détail de santé.')
    expect(html).toMatch(/<label for="absence-date">Date<\/label>/)
    expect(html).toMatch(/id="absence-date"[^>]*type="date"[^>]*value="2026-12-03"/)
    expect(html).toMatch(/id="absence-note"[^>]*aria-describedby="absence-note-hint absence-note-limit"/)
    expect(html).toContain('0 / 200')
  })

  it('the form offers a child select when the family has two children', () => {
    const html = renderToString(<AbsenceForm session={sessionOf(viewOf([]), me)} kids={[lea, { ...tom, familyId: familyId(1) }]} today={localDate('2026-12-01')} now={NOW} />)
    expect(html).toMatch(/<label for="absence-childId">Enfant<\/label>/)
    expect(text(html)).toContain('Tom')
  })

  it('the walk card says "1 absence signalée" next to the dropped count', () => {
    const day = absence(1, 1, '2026-12-03')
    const view = viewOf([day])
    const walk = resolveWalk(view, walkOf(view, walkRef('2026-12-03', 'aller'))!, NOW)
    const html = renderToString(walkCard(sessionOf(view, me), walk, new Map()))
    expect(text(html)).toContain('1 enfant · Adultes : 0 sur 2')
    expect(text(html)).toContain('1 absence signalée')
    const none = renderToString(walkCard(sessionOf(viewOf([]), me), resolveWalk(viewOf([]), walkOf(view, walkRef('2026-12-03', 'aller'))!, NOW), new Map()))
    expect(text(none)).toContain('2 enfants')
    expect(none).not.toContain('absence signalée')
  })

  it('the list says who reported an absence for the family at its request, and nothing for its own', () => {
    const onBehalf = { byFamilyId: familyId(2), byAdultId: adultId(2), at: '2026-12-01T18:30:00+01:00' }
    const view = viewOf([{ ...absence(1, 1, '2026-12-03'), onBehalf }, absence(2, 1, '2026-12-10')])
    const html = renderToString(<AbsenceList session={sessionOf(view, me)} kids={[lea]} today={localDate('2026-12-01')} />)
    expect(html.match(/data-testid="absence-on-behalf"/g)).toHaveLength(1)
    expect(text(html)).toMatch(/Signalée par Adulte2 \(.+\) à la demande de .+, le mar\. 1er déc\. à 18:30\./)
  })
})


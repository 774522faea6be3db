// "Planifier" without a browser: the period typed, the proposal by day with its places, edits, someone added by hand, uncovered walks with reasons, families before/after, publishing words.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { PlanningCommands, SessionIdentity } from '../../../src/app/api.ts'
import { localDate, type Weekday } from '../../../src/domain/dates.ts'
import type { Direction } from '../../../src/domain/line.ts'
import { planCandidates, planRota, summarisePlan } from '../../../src/domain/planning/plan.ts'
import type { DateRange, PlannedSlot } from '../../../src/domain/planning/types.ts'
import { walkKeyOf } from '../../../src/domain/signup.ts'
import { addChoice, editPlace, groupByDay, periodOf, placeChange, placeChoices, placeSelectValue, walkDomId } from '../../../src/app/queries/planning/plan-view.ts'
import { AddPlace, namesOf, PlaceRow, PlanProposal } from '../../../src/ui/components/planning/PlanProposal.tsx'
import { PlanFamilies } from '../../../src/ui/components/planning/PlanFamilies.tsx'
import { targetText, uncoveredReasonText } from '../../../src/ui/components/planning/planning-text.ts'
import { createTranslate } from '../../helpers/translate.ts'
import { Planner, publishedText } from '../../../src/ui/pages/planning/PlanPage.tsx'
import { availability, fairnessModel, families, parisAt } from '../domain/planning-fixtures.ts'
import { actorId, adultId, createAdult, createChild, lineId, stopId } from '../domain/rota-fixtures.ts'
import { makeSession } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const t = createTranslate('fr')
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

/** Tuesday 1 to Friday 4 September 2026, planned the Friday before. */
const WEEK: DateRange = { from: localDate('2026-09-01'), to: localDate('2026-09-04') }
const NOW = parisAt('2026-08-28', '12:00')
const slots = (weekdays: readonly Weekday[], direction: Direction) => weekdays.map((weekday) => ({ weekday, direction, lineId: lineId(1) }))

/**
 * Three families (one walking child each), adults 1..3 in families 1..3. Adults 1 and 2 can walk Tuesday and
 * Thursday mornings, adult 3 Tuesday morning only; nobody in the afternoon.
 */
const model = fairnessModel(
  {
    families: families(3),
    adults: [createAdult(1, 1), createAdult(2, 2), createAdult(3, 3)],
    children: [1, 2, 3].map((n) => createChild(n, n, { routes: { aller: { lineId: lineId(1), stopId: stopId(1) }, retour: { lineId: lineId(1), stopId: stopId(1) } } })),
  },
  { availability: [availability(1, 1, { recurring: slots([2, 4], 'aller') }), availability(2, 2, { recurring: slots([2, 4], 'aller') }), availability(3, 3, { recurring: slots([2], 'aller') })] },
)
const view = makeView(model)
const session = makeSession<SessionIdentity & PlanningCommands>({ view, me: { actorId: actorId(1) } })

describe('the period', () => {
  it('accepts two real dates in order, and says what is wrong otherwise', () => {
    expect(periodOf('2026-09-01', '2026-09-04')).toEqual({ ok: true, period: WEEK })
    expect(periodOf('2026-09-01', '2026-09-01')).toMatchObject({ ok: true })
    expect(periodOf('', '2026-13-01')).toEqual({ ok: false, errors: { from: 'invalidDate', to: 'invalidDate' } })
    expect(periodOf('2026-09-04', '2026-09-01')).toEqual({ ok: false, errors: { to: 'endBeforeStart' } })
    // 183 days is the most the planner takes: a longer range is a mistyped year.
    expect(periodOf('2026-09-01', '2027-03-02')).toMatchObject({ ok: true })
    expect(periodOf('2026-09-01', '2027-03-03')).toEqual({ ok: false, errors: { to: 'periodTooLong' } })
  })
})

describe('the proposal', () => {
  const plan = planRota(model, WEEK, NOW)

  it('groups the places and the missing ones by day then walk, keeping each place’s index in the plan', () => {
    const days = groupByDay(plan, () => 'Ligne 1')
    // Tuesday and Thursday mornings are proposed; every afternoon, and the Monday and Friday mornings, miss adults.
    expect(days.map((day) => day.date)).toEqual(['2026-09-01', '2026-09-03', '2026-09-04'])
    expect(days.flatMap((day) => day.walks.flatMap((walk) => walk.places.map((p) => p.index))).sort((a, b) => a - b)).toEqual(plan.assignments.map((_, i) => i))
    for (const day of days) for (const walk of day.walks) for (const { place } of walk.places) expect(place.walk.date).toBe(day.date)
    const tuesday = days[0]?.walks ?? []
    expect(tuesday.map((walk) => [walk.walk.direction, walk.places.length, walk.missing, walk.reason])).toEqual([
      ['aller', 2, 0, null],
      ['retour', 0, 2, 'noOneAvailable'],
    ])
  })

  it('edits one place: another adult takes it with their family, or nobody does; an unknown adult changes nothing', () => {
    const first = plan.assignments[0] as PlannedSlot
    const other = model.adults.find((adult) => adult.id !== first.adultId) ?? model.adults[0]
    if (other === undefined) throw new Error('fixture has adults')
    const moved = editPlace(plan.assignments, 0, other.id, model.adults)
    expect(moved[0]).toEqual({ ...first, adultId: other.id, familyId: other.familyId })
    expect(moved.slice(1)).toEqual(plan.assignments.slice(1))
    expect(editPlace(plan.assignments, 0, null, model.adults)).toEqual(plan.assignments.slice(1))
    expect(editPlace(plan.assignments, 0, adultId(99), model.adults)).toEqual(plan.assignments)
    // Summarised again, the dropped place shows as missing on its walk.
    const dropped = summarisePlan(model, WEEK, editPlace(plan.assignments, 0, null, model.adults), NOW)
    expect(dropped.uncovered.some((walk) => walk.key === first.key)).toBe(true)
    expect(placeChoices(first.adultId, [adultId(3), first.adultId])).toEqual([first.adultId, adultId(3)])
  })

  it('shows each day, walk and place with "Changer", the uncovered walks with why, and each family’s counts', () => {
    const html = renderToString(<PlanProposal view={view} plan={plan} now={NOW} onEdit={() => undefined} onAdd={() => undefined} />)
    const words = text(html)
    expect(words).toContain('Mardi 1er septembre')
    expect(words).toContain('Jeudi 3 septembre')
    expect(words).toContain('Ligne 1 · aller')
    expect(words).toMatch(/Conducteur : Adulte\d \(Famille \d\)/)
    expect(words).toMatch(/Serre-file : Adulte\d \(Famille \d\)/)
    expect(html.match(/data-testid="plan-place"/g)).toHaveLength(plan.assignments.length)
    expect(html).toMatch(/aria-label="Changer : Conducteur, Ligne 1, aller, mardi 1er septembre"/)
    // Nobody walks in the afternoon: said under the walk, on its day.
    expect(words).toContain('Ligne 1 · retour ! 2 places manquantes : personne n’est disponible.')
    expect(words).toMatch(/\d+ trajets restent sans assez d’adultes : le détail est donné jour par jour\./)
    expect(html.match(/data-testid="plan-families"/g)).toHaveLength(1)
    for (const header of ['Part visée', 'Avant', 'Après']) expect(words).toContain(header)
    expect(html.match(/<tr><th scope="row">Famille \d<\/th>/g)).toHaveLength(3)
    expect(words).toMatch(/Plus grand écart à la part visée : \d+,\d ; écart total : \d+,\d\./)
  })

  it('offers the candidates of a walk, and the publish button on the Planifier screen', () => {
    const first = plan.assignments[0] as PlannedSlot
    expect(planCandidates(model, plan, first.key, NOW)).not.toContain(first.adultId)
    expect(first.key).toBe(walkKeyOf(first.walk))
    const html = renderToString(<Planner session={session} view={view} initialPlan={plan} />)
    expect(text(html)).toContain('Proposer un planning')
    expect(text(html)).toContain('Publier')
    expect(text(html)).toContain('Abandonner la proposition')
    expect(html).toMatch(/<label for="plan-from">Du<\/label>/)
    expect(renderToString(<Planner session={session} view={view} />)).not.toContain('data-testid="plan-proposal"')
  })
})

describe('adding someone to a walk missing places', () => {
  const plan = planRota(model, WEEK, NOW)
  const tuesday = walkKeyOf({ lineId: lineId(1), date: localDate('2026-09-01'), direction: 'aller' })
  const dropped = plan.assignments.findIndex((place) => place.key === tuesday)
  const edited = summarisePlan(model, WEEK, editPlace(plan.assignments, dropped, null, model.adults), NOW)
  const walkOf = (key: string) => groupByDay(edited, () => 'Ligne 1').flatMap((day) => day.walks).find((walk) => walk.key === key)
  const names = namesOf(view, t)

  it('puts "Ajouter quelqu’un" only under walks someone could still join, named after the walk; the others just say why', () => {
    const html = renderToString(<PlanProposal view={view} plan={edited} now={NOW} onEdit={() => undefined} onAdd={() => undefined} />)
    const missing = html.match(/data-testid="plan-missing"/g)?.length ?? 0
    expect(missing).toBe(edited.uncovered.length)
    const leftOpen = edited.uncovered.filter((walk) => walk.reason === 'leftOpen')
    expect(leftOpen.map((walk) => walk.key)).toEqual([tuesday])
    expect(missing).toBeGreaterThan(leftOpen.length)
    expect(html.match(/>Ajouter quelqu’un<\/button>/g)).toHaveLength(leftOpen.length)
    expect(html).toContain(`id="plan-add-${walkDomId(tuesday)}" class="button" aria-label="Ajouter quelqu’un : Ligne 1, aller, mardi 1er septembre"`)
    // Nobody can walk on Tuesday afternoon: the reason, and nothing to add.
    expect(text(html)).toContain('Ligne 1 · retour ! 2 places manquantes : personne n’est disponible.')
    expect(html).not.toContain('aria-label="Ajouter quelqu’un : Ligne 1, retour, mardi 1er septembre"')
    // The place dropped by the coordinator: someone free then could still take it.
    expect(text(html)).toMatch(/Mardi 1er septembre Ligne 1 · aller [^!]+ Changer ! 1 place manquante : une personne disponible peut encore être ajoutée\. Ajouter quelqu’un /)
    // Each walk is a group named after it (focus goes there after a place changed hands).
    expect(html).toContain(`id="plan-walk-${walkDomId(tuesday)}" class="planning-walk" role="group" aria-label="Ligne 1, aller, mardi 1er septembre" tabindex="-1"`)
    // The planner's own proposal covers what it can: no walk offers someone to add.
    const fresh = renderToString(<PlanProposal view={view} plan={plan} now={NOW} onEdit={() => undefined} onAdd={() => undefined} />)
    expect(plan.uncovered.length).toBeGreaterThan(0)
    expect(fresh).not.toContain('>Ajouter quelqu’un</button>')
  })

  it('once opened, offers who could take the place in a labelled select, with a confirm button', () => {
    const walk = walkOf(tuesday)
    if (walk === undefined) throw new Error('Tuesday morning is missing a place')
    const html = renderToString(<AddPlace view={view} plan={edited} now={NOW} walk={walk} names={names} onAdd={() => undefined} initialOpen />)
    const candidates = planCandidates(model, edited, tuesday, NOW)
    expect(candidates.length).toBeGreaterThan(0)
    expect(html).toMatch(/role="group" aria-label="Ajouter quelqu’un : Ligne 1, aller, mardi 1er septembre"/)
    expect(html).toContain(`<label for="plan-add-${walkDomId(tuesday)}-who">Qui ajouter ? Ligne 1, aller, mardi 1er septembre</label>`)
    expect(html.match(/<option /g)).toHaveLength(candidates.length)
    for (const id of candidates) expect(text(html)).toContain(names.adult(id))
    expect(html).toContain('aria-label="Confirmer l’ajout : Ligne 1, aller, mardi 1er septembre"')
    expect(text(html)).toContain('Annuler')
  })

  it('says so when nobody can take a place, without a confirm button', () => {
    const afternoon = walkOf(walkKeyOf({ lineId: lineId(1), date: localDate('2026-09-01'), direction: 'retour' }))
    if (afternoon === undefined) throw new Error('Tuesday afternoon is missing places')
    const html = renderToString(<AddPlace view={view} plan={edited} now={NOW} walk={afternoon} names={names} onAdd={() => undefined} initialOpen />)
    expect(text(html)).toContain('Personne d’autre ne peut prendre une place sur ce trajet pour l’instant.')
    expect(html).not.toContain('<select')
    expect(html).not.toContain('Confirmer l’ajout')
  })

  it('once "Changer" is open, offers the holder, the candidates and "Personne", applied only by "Confirmer"', () => {
    const index = edited.assignments.findIndex((place) => place.walk.date === '2026-09-03')
    const place = edited.assignments[index]
    if (place === undefined) throw new Error('Thursday morning has places')
    const html = renderToString(<PlaceRow view={view} plan={edited} now={NOW} index={index} place={place} names={names} onEdit={() => undefined} initialOpen />)
    const label = `${place.slot === 'lead' ? 'Conducteur' : 'Serre-file'}, Ligne 1, aller, jeudi 3 septembre`
    expect(html).toContain(`<label for="plan-place-${index}">${label}</label>`)
    const choices = placeChoices(place.adultId, planCandidates(model, edited, place.key, NOW))
    expect(html.match(/<option /g)).toHaveLength(choices.length + 1)
    expect(html).toContain(`<option selected value="${place.adultId}">`)
    expect(text(html)).toContain('Personne')
    expect(html).toContain(`aria-label="Confirmer le changement : ${label}">Confirmer</button>`)
    expect(text(html)).toContain('Annuler')
  })

  it('"Confirmer" keeps the holder, gives the place to the adult chosen or, only for "Personne", to nobody; a choice no longer offered is refused', () => {
    const holder = adultId(1)
    const choices = [holder, adultId(2), adultId(3)]
    expect(placeChange(holder, choices, holder)).toEqual({ kind: 'keep' })
    expect(placeChange(holder, choices, adultId(3))).toEqual({ kind: 'edit', adultId: adultId(3) })
    expect(placeChange(holder, choices, '')).toEqual({ kind: 'edit', adultId: null })
    // Adult 2 was chosen, then left the choices (another place edited, a sync): never turned into "Personne".
    expect(placeChange(holder, [holder, adultId(3)], adultId(2))).toEqual({ kind: 'refused' })
    // The select never shows a gone option: it is back on the holder; "Personne" is always offered.
    expect(placeSelectValue(holder, [holder, adultId(3)], adultId(2))).toBe(holder)
    expect(placeSelectValue(holder, [holder, adultId(3)], adultId(3))).toBe(adultId(3))
    expect(placeSelectValue(holder, [holder], '')).toBe('')
  })

  it('adds the adult chosen if still offered, else the first one offered', () => {
    expect(addChoice([adultId(2), adultId(3)], adultId(3))).toBe(adultId(3))
    expect(addChoice([adultId(2), adultId(3)], adultId(1))).toBe(adultId(2))
    expect(addChoice([adultId(2)], '')).toBe(adultId(2))
    expect(addChoice([], adultId(2))).toBeNull()
  })
})

describe('words', () => {
  it('say why a walk stays uncovered', () => {
    expect(uncoveredReasonText(t, 'noOneAvailable')).toBe('personne n’est disponible')
    expect(uncoveredReasonText(t, 'weeklyMax')).toBe('maximum par semaine atteint')
    expect(uncoveredReasonText(t, 'sameTime')).toBe('déjà sur un autre trajet à la même heure')
    expect(uncoveredReasonText(t, 'leftOpen')).toBe('une personne disponible peut encore être ajoutée')
    expect(uncoveredReasonText(createTranslate('en'), 'leftOpen')).toBe('someone available can still be added')
  })

  it('say how many slots were published and how many were skipped', () => {
    expect(publishedText(t, 'fr', 12, 0)).toBe('12 créneaux publiés.')
    expect(publishedText(t, 'fr', 1, 0)).toBe('1 créneau publié.')
    expect(publishedText(t, 'fr', 11, 1)).toBe(
      '11 créneaux publiés. 1 créneau n’a pas été publié : entre-temps, la place a été prise, le trajet annulé ou la personne n’est plus disponible.')
    expect(publishedText(t, 'fr', 3, 2)).toBe(
      '3 créneaux publiés. 2 créneaux n’ont pas été publiés : entre-temps, les places ont été prises, les trajets annulés ou les personnes ne sont plus disponibles.')
    expect(publishedText(createTranslate('en'), 'en', 0, 2)).toBe(
      '0 slots published. 2 slots were not published: meanwhile the places were taken, the walks were cancelled or the people are no longer available.')
  })

  it('show a target never below zero, saying neutrally when a family has already given more this year', () => {
    expect(targetText(t, { target: 2.5, balanceBefore: -1 }, 'fr')).toBe('2,5')
    expect(targetText(t, { target: 0, balanceBefore: 0 }, 'fr')).toBe('0,0')
    expect(targetText(t, { target: 0, balanceBefore: 3.25 }, 'fr')).toBe('0,0 (a déjà donné un peu plus cette année)')
    expect(targetText(createTranslate('en'), { target: 0, balanceBefore: 1 }, 'en')).toBe('0.0 (has already given a little more this year)')
    const plan = planRota(model, WEEK, NOW)
    const ahead = { ...plan, families: plan.families.map((row, i) => (i === 0 ? { ...row, target: 0, balanceBefore: 2.4 } : row)) }
    const html = renderToString(<PlanFamilies view={view} plan={ahead} />)
    expect(html).not.toContain('\u2212')
    expect(html).not.toMatch(/>-\d/)
    expect(text(html)).toContain('0,0 (a déjà donné un peu plus cette année)')
  })
})

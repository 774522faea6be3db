// "Planifier" and habitué·e·s: a walk left to fill by hand says which child lacks one; the child form's setting.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { groupByDay } from '../../../src/app/queries/planning/plan-view.ts'
import { planRota } from '../../../src/app/queries/planning/rules.ts'
import { localDate } from '../../../src/domain/dates.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import type { DateRange } from '../../../src/domain/planning/types.ts'
import { ChildForm } from '../../../src/ui/components/manage/ChildForm.tsx'
import { childInputOf, emptyChild } from '../../../src/ui/components/manage/forms.ts'
import { namesOf, noHabitueText, PlanProposal } from '../../../src/ui/components/planning/PlanProposal.tsx'
import { createTranslate } from '../../helpers/translate.ts'
import { makeView } from '../../helpers/make-view.ts'
import { availability, families, parisAt } from '../domain/planning-fixtures.ts'
import { createAdult, createChild, createLine, lineId, stopId } from '../domain/rota-fixtures.ts'

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const THURSDAY: DateRange = { from: localDate('2026-09-03'), to: localDate('2026-09-03') }
const NOW = parisAt('2026-08-28', '12:00')
const aller = [{ weekday: 4 as const, direction: 'aller' as const, lineId: lineId(1) }]
const onAller = { routes: { aller: { lineId: lineId(1), stopId: stopId(1) } }, days: [4 as const] }

/** Léa requires an habitué·e; nobody walked with her yet (empty walk log): one place is left to fill by hand. */
const view = makeView({
  families: families(2),
  adults: [createAdult(1, 1), createAdult(2, 2)],
  lines: [createLine(1)],
  children: [
    createChild(1, 1, { ...onAller, firstName: 'Léa', support: 'Lui tenir la main', needsHabitue: true }),
    createChild(2, 2, onAller),
  ],
  planning: { availability: [availability(1, 1, { recurring: aller }), availability(2, 2, { recurring: aller })] },
})

describe('a walk without an habitué·e', () => {
  const plan = planRota(view, THURSDAY, NOW)

  it('is proposed with its other places, and says which child lacks one, to fill by hand', () => {
    expect(plan.assignments).toHaveLength(1)
    const words = text(renderToString(<PlanProposal view={view} plan={plan} now={NOW} onEdit={() => undefined} onAdd={() => undefined} />))
    expect(words).toContain('1 place manquante : aucune personne qui a déjà fait le trajet avec cet enfant n’est disponible, à pourvoir à la main.')
    expect(words).toContain('Trajet du jeudi 3 septembre (Ligne 1 · aller) : aucune des personnes qui ont déjà fait le trajet avec Léa n’est disponible ; à pourvoir à la main.')
    // The coordinator can still add someone by hand.
    expect(words).toContain('Ajouter quelqu’un')
  })

  it('says it in English too', () => {
    const t = createTranslate('en')
    const walk = groupByDay(plan, () => 'Line 1').flatMap((day) => day.walks).find((w) => w.reason === 'noHabitue')
    if (walk === undefined) throw new Error('no walk without an habitué·e')
    expect(noHabitueText(t, 'en', view, walk, namesOf(view, t)))
      .toBe('Walk on Thursday 3 September (Ligne 1 · to school): nobody who already walked with Léa is available; to fill by hand.')
  })
})

describe('the child form', () => {
  const render = (support: string, countsExtra: boolean) => renderToString(
    <ChildForm idPrefix="c" initial={{ ...emptyChild(DEFAULT_SETTINGS), support, countsExtra }} lines={[]} stops={[]} submitLabel="Enregistrer"
      onSubmit={() => ({ ok: true, value: null })} />,
  )

  it('offers the "habitué·e" setting only with support instructions or "compte double"', () => {
    expect(render('', false)).not.toContain('Exiger sur ses trajets une personne qui a déjà fait le trajet avec cet enfant')
    expect(render('Lui tenir la main', false)).toContain('Exiger sur ses trajets une personne qui a déjà fait le trajet avec cet enfant')
    expect(render('', true)).toContain('id="c-needsHabitue"')
  })

  it('writes the setting only with support', () => {
    const values = { ...emptyChild(DEFAULT_SETTINGS), needsHabitue: true }
    expect(childInputOf({ ...values, countsExtra: true }, []).needsHabitue).toBe(true)
    expect(childInputOf(values, []).needsHabitue).toBe(false)
  })
})

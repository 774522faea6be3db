// The proposal of "Planifier": places by day and walk (each can change hands or go to nobody, on confirmation), walks left uncovered with why and someone to add, families before/after.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { CollectiveView } from '../../../app/api.ts'
import { addChoice, groupByDay, placeChange, placeChoices, placeSelectValue, walkDomId, type ProposedWalk } from '../../../app/queries/planning/plan-view.ts'
import { planCandidates } from '../../../app/queries/planning/rules.ts'
import type { AdultId } from '../../../domain/ids.ts'
import type { Plan, PlannedSlot } from '../../../domain/planning/types.ts'
import type { WalkKey, WalkRef } from '../../../domain/signup.ts'
import { commaList } from '../../i18n/formats.ts'
import { useI18n } from '../../i18n/context.tsx'
import { pluralKey, type Language, type Translate } from '../../i18n/translate.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { SelectField } from '../manage/fields.tsx'
import { directionText, formatDay, formatDayTitle, slotText } from '../rota/rota-format.ts'
import { PlanFamilies } from './PlanFamilies.tsx'
import { uncoveredReasonText } from './planning-text.ts'

interface PlanProposalProps {
  readonly view: CollectiveView
  readonly plan: Plan
  readonly now: number
  /** One place changes hands (null: nobody). */
  readonly onEdit: (index: number, adultId: AdultId | null) => void
  /** Someone takes one more open place of a walk. */
  readonly onAdd: (key: WalkKey, adultId: AdultId) => void
}

/** Names of adults ("Camille (Famille Martin)") and lines, with words for the unknown ones. */
export const namesOf = (view: Pick<CollectiveView, 'adults' | 'families' | 'lines'>, t: Translate) => {
  const families = new Map(view.families.map((family) => [family.id, family.displayName]))
  const adults = new Map(view.adults.map((adult) => [adult.id, adult]))
  const lines = new Map(view.lines.map((line) => [line.id, line.name]))
  return {
    adult: (id: AdultId): string => {
      const adult = adults.get(id)
      return adult === undefined ? t('planning.plan.unknownAdult') : t('planning.plan.adultOption', { name: adult.firstName, family: families.get(adult.familyId) ?? '' })
    },
    line: (walk: WalkRef): string => lines.get(walk.lineId) ?? t('planning.plan.unknownLine'),
  }
}

/** The element id of a walk's block (focused after one of its places changed hands). */
const walkElementId = (key: WalkKey): string => `plan-walk-${walkDomId(key)}`

const plural = (t: Translate, language: Language, n: number, one: MessageKey, other: MessageKey, params: Record<string, string | number> = {}): string =>
  t(pluralKey(language, n, one, other), { n, ...params })

/** Someone could still be added ('leftOpen'), or a place is left for the coordinator to choose ('noHabitue'). */
const handFillable = (walk: ProposedWalk): boolean => (walk.reason === 'leftOpen' || walk.reason === 'noHabitue') && walk.missing > 0

/** "Trajet du lundi 7 décembre (Ligne A · aller) : aucune des personnes qui ont déjà fait le trajet avec Léa …" */
export const noHabitueText = (
  t: Translate, language: Language, view: Pick<CollectiveView, 'children'>, walk: ProposedWalk, names: ReturnType<typeof namesOf>,
): string => {
  const firstNames = new Map(view.children.map((child) => [child.id, child.firstName]))
  const children = commaList(language, walk.withoutHabitue.map((id) => firstNames.get(id) ?? '?'))
  const direction = directionText(t, walk.walk.direction)
  const line = t('planning.plan.walk', { line: names.line(walk.walk), direction })
  return t('planning.plan.noHabitue', { day: formatDay(walk.walk.date, language), walk: line, children })
}

export function PlanProposal({ view, plan, now, onEdit, onAdd }: PlanProposalProps) {
  const { t, language } = useI18n()
  const names = namesOf(view, t)
  const days = useMemo(() => groupByDay(plan, names.line), [plan, view])
  return (
    <>
      <p>{plural(t, language, plan.openPlaces, 'planning.plan.openPlaces.one', 'planning.plan.openPlaces.other')}</p>
      <p data-testid="plan-uncovered">
        {plan.uncovered.length === 0
          ? t('planning.plan.uncoveredNone')
          : plural(t, language, plan.uncovered.length, 'planning.plan.uncoveredCount.one', 'planning.plan.uncoveredCount.other')}
      </p>
      {days.length === 0 && <p class="muted">{t('planning.plan.noAssignments')}</p>}
      {days.map((day) => (
        <div key={day.date} class="planning-day" role="group" aria-labelledby={`plan-day-${day.date}`} data-testid="plan-day">
          <h3 id={`plan-day-${day.date}`} tabIndex={-1}>{formatDayTitle(day.date, language)}</h3>
          {day.walks.map((walk) => (
            <div
              key={walk.key}
              id={walkElementId(walk.key)}
              class="planning-walk"
              role="group"
              aria-label={t('planning.plan.walkLabel', { line: names.line(walk.walk), direction: directionText(t, walk.walk.direction), day: formatDay(walk.walk.date, language) })}
              tabIndex={-1}
              data-testid="plan-walk"
            >
              <p class="planning-walk__title">{t('planning.plan.walk', { line: names.line(walk.walk), direction: directionText(t, walk.walk.direction) })}</p>
              {walk.places.length > 0 && (
                <ul class="list">
                  {walk.places.map(({ index, place }) => (
                    <PlaceRow key={`${place.key}|${place.slot}|${place.adultId}`} view={view} plan={plan} now={now} index={index} place={place} names={names} onEdit={onEdit} />
                  ))}
                </ul>
              )}
              {walk.reason !== null && walk.missing > 0 && (
                <p class="planning-walk__missing" data-testid="plan-missing">
                  <span aria-hidden="true">! </span>
                  {plural(t, language, walk.missing, 'planning.plan.missing.one', 'planning.plan.missing.other', { reason: uncoveredReasonText(t, walk.reason) })}
                </p>
              )}
              {walk.reason === 'noHabitue' && walk.missing > 0 && (
                <p class="planning-walk__missing" data-testid="plan-no-habitue">
                  {noHabitueText(t, language, view, walk, names)}
                </p>
              )}
              {/* Only when someone could still take a place, or one is left to fill by hand: else the planner covered what it could. */}
              {handFillable(walk) && <AddPlace view={view} plan={plan} now={now} walk={walk} names={names} onAdd={onAdd} />}
            </div>
          ))}
        </div>
      ))}
      <PlanFamilies view={view} plan={plan} />
    </>
  )
}

interface PlaceRowProps {
  readonly view: CollectiveView
  readonly plan: Plan
  readonly now: number
  readonly index: number
  readonly place: PlannedSlot
  readonly names: ReturnType<typeof namesOf>
  readonly onEdit: (index: number, adultId: AdultId | null) => void
  /** Lets the tests render the open control. */
  readonly initialOpen?: boolean
}

/**
 * One proposed place: "Conducteur : Camille (Famille Martin)" and "Changer", which opens a select of
 * who else could take it (computed only then: a long period has many places). Choosing in the select
 * changes nothing yet (keyboard users arrow through it): "Confirmer" applies the choice, then focus
 * goes to the walk (this row is rebuilt, or gone for "Personne"). "Annuler" and Escape close it,
 * focus back on "Changer". An adult chosen who is no longer offered (another place edited, a sync)
 * is refused, said under the select, never turned into "Personne".
 */
export function PlaceRow({ view, plan, now, index, place, names, onEdit, initialOpen = false }: PlaceRowProps) {
  const { t, language } = useI18n()
  const [editing, setEditing] = useState(initialOpen)
  const [chosen, setChosen] = useState<string>(place.adultId)
  const [refused, setRefused] = useState(false)
  const opened = useRef(false)
  const selectId = `plan-place-${index}`
  const changeId = `plan-change-${index}`
  useEffect(() => {
    if (editing) {
      opened.current = true
      document.getElementById(selectId)?.focus()
    } else if (opened.current) {
      opened.current = false
      document.getElementById(changeId)?.focus()
    }
  }, [editing])
  const context = { slot: slotText(t, place.slot), line: names.line(place.walk), direction: directionText(t, place.walk.direction), day: formatDay(place.walk.date, language) }
  const close = () => {
    setEditing(false)
    setChosen(place.adultId)
    setRefused(false)
  }
  if (!editing) {
    return (
      <li class="list__item" data-testid="plan-place">
        <span>{t('planning.plan.place', { slot: slotText(t, place.slot), name: names.adult(place.adultId) })}</span>
        <button type="button" id={changeId} class="button button--quiet" aria-label={t('planning.plan.changeLabel', context)} onClick={() => setEditing(true)}>
          {t('planning.plan.change')}
        </button>
      </li>
    )
  }
  const choices = placeChoices(place.adultId, planCandidates(view, plan, place.key, now))
  const shown = placeSelectValue(place.adultId, choices, chosen)
  const confirm = () => {
    const change = placeChange(place.adultId, choices, chosen)
    if (change.kind === 'keep') return close()
    if (change.kind === 'refused') {
      // Nothing changes: the select is back on the holder, why is said under it, and focus there reads it out.
      setChosen(place.adultId)
      setRefused(true)
      requestAnimationFrame(() => document.getElementById(selectId)?.focus())
      return
    }
    // Focus goes to the walk, not back to "Changer": this row is rebuilt (or gone) and the indexes move.
    opened.current = false
    setEditing(false)
    onEdit(index, change.adultId)
    requestAnimationFrame(() => (document.getElementById(walkElementId(place.key)) ?? document.getElementById(`plan-day-${place.walk.date}`))?.focus())
  }
  return (
    <li
      class="list__item list__item--stacked"
      data-testid="plan-place"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close()
      }}
    >
      <SelectField
        id={selectId}
        label={t('planning.plan.slotLabel', context)}
        value={shown}
        onChange={(value) => {
          setChosen(value)
          setRefused(false)
        }}
        error={refused || shown !== chosen ? t('planning.plan.addRefused') : null}
        options={[...choices.map((id) => ({ value: id, label: names.adult(id) })), { value: '', label: t('planning.plan.nobody') }]}
      />
      <div class="actions actions--compact">
        <button type="button" class="button button--primary" aria-label={t('planning.plan.changeConfirmLabel', context)} onClick={confirm}>
          {t('planning.plan.changeConfirm')}
        </button>
        <button type="button" class="button button--quiet" onClick={close}>{t('form.cancel')}</button>
      </div>
    </li>
  )
}

interface AddPlaceProps {
  readonly view: CollectiveView
  readonly plan: Plan
  readonly now: number
  readonly walk: ProposedWalk
  readonly names: ReturnType<typeof namesOf>
  readonly onAdd: (key: WalkKey, adultId: AdultId) => void
  /** Lets the tests render the open control. */
  readonly initialOpen?: boolean
}

/**
 * "Ajouter quelqu’un" under a walk missing places that someone could still take ('leftOpen'): opens a select of who could take one more place
 * (computed only then, from the live view: availability may have changed since the proposal) and
 * "Confirmer l’ajout". Focus goes to the select when it opens, and back to the walk when it closes.
 */
export function AddPlace({ view, plan, now, walk, names, onAdd, initialOpen = false }: AddPlaceProps) {
  const { t, language } = useI18n()
  const [open, setOpen] = useState(initialOpen)
  const [chosen, setChosen] = useState('')
  const opened = useRef(false)
  const base = `plan-add-${walkDomId(walk.key)}`
  const selectId = `${base}-who`
  useEffect(() => {
    if (open) {
      opened.current = true
      document.getElementById(selectId)?.focus()
    } else if (opened.current) {
      opened.current = false
      document.getElementById(base)?.focus()
    }
  }, [open])
  const context = { line: names.line(walk.walk), direction: directionText(t, walk.walk.direction), day: formatDay(walk.walk.date, language) }
  if (!open) {
    return (
      <button type="button" id={base} class="button" aria-label={t('planning.plan.addLabel', context)} onClick={() => setOpen(true)}>
        {t('planning.plan.add')}
      </button>
    )
  }
  const candidates = planCandidates(view, plan, walk.key, now)
  const selected = addChoice(candidates, chosen)
  const confirm = () => {
    if (selected === null) return
    setOpen(false)
    setChosen('')
    onAdd(walk.key, selected)
    // The walk may now be covered (this control is gone): keep keyboard users on it, at its last place.
    requestAnimationFrame(() => {
      const places = document.getElementById(walkElementId(walk.key))?.querySelectorAll<HTMLElement>('button[id^="plan-change-"]')
      const target = document.getElementById(base) ?? places?.[places.length - 1] ?? document.getElementById(`plan-day-${walk.walk.date}`)
      target?.focus()
    })
  }
  return (
    <div
      class="planning-add"
      role="group"
      aria-label={t('planning.plan.addLabel', context)}
      data-testid="plan-add"
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false)
      }}
    >
      {selected === null ? (
        <p id={selectId} tabIndex={-1}>{t('planning.plan.addNone')}</p>
      ) : (
        <SelectField
          id={selectId}
          label={t('planning.plan.addWho', context)}
          value={selected}
          onChange={setChosen}
          options={candidates.map((id) => ({ value: id, label: names.adult(id) }))}
        />
      )}
      <div class="actions actions--compact">
        {selected !== null && (
          <button type="button" class="button button--primary" aria-label={t('planning.plan.addConfirmLabel', context)} onClick={confirm}>
            {t('planning.plan.addConfirm')}
          </button>
        )}
        <button type="button" class="button button--quiet" onClick={() => setOpen(false)}>{t('form.cancel')}</button>
      </div>
    </div>
  )
}

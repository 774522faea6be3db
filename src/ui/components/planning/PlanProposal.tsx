// The proposal of "Planifier": places by day and walk (each can change hands or go to nobody), walks left uncovered with why, families before/after, publish.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { CollectiveView } from '../../../app/api.ts'
import type { AdultId } from '../../../domain/ids.ts'
import { planCandidates } from '../../../domain/planning/plan.ts'
import type { Plan, PlannedSlot } from '../../../domain/planning/types.ts'
import type { WalkRef } from '../../../domain/signup.ts'
import { useI18n } from '../../i18n/context.tsx'
import { pluralKey, type Language, type Translate } from '../../i18n/translate.ts'
import type { MessageKey } from '../../i18n/fr.ts'
import { SelectField } from '../manage/fields.tsx'
import { directionText, formatDay, formatDayTitle, slotText } from '../rota/rota-format.ts'
import { PlanFamilies } from './PlanFamilies.tsx'
import { groupByDay, placeChoices } from './plan-view.ts'
import { uncoveredReasonText } from './planning-text.ts'

interface PlanProposalProps {
  readonly view: CollectiveView
  readonly plan: Plan
  readonly now: number
  /** One place changes hands (null: nobody). */
  readonly onEdit: (index: number, adultId: AdultId | null) => void
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

const plural = (t: Translate, language: Language, n: number, one: MessageKey, other: MessageKey, params: Record<string, string | number> = {}): string =>
  t(pluralKey(language, n, one, other), { n, ...params })

export function PlanProposal({ view, plan, now, onEdit }: PlanProposalProps) {
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
            <div key={walk.key} class="planning-walk" data-testid="plan-walk">
              <p class="planning-walk__title">{t('planning.plan.walk', { line: names.line(walk.walk), direction: directionText(t, walk.walk.direction) })}</p>
              {walk.places.length > 0 && (
                <ul class="list">
                  {walk.places.map(({ index, place }) => (
                    <PlaceRow key={`${index}|${place.slot}|${place.adultId}`} view={view} plan={plan} now={now} index={index} place={place} names={names} onEdit={onEdit} />
                  ))}
                </ul>
              )}
              {walk.reason !== null && walk.missing > 0 && (
                <p class="planning-walk__missing" data-testid="plan-missing">
                  <span aria-hidden="true">! </span>
                  {plural(t, language, walk.missing, 'planning.plan.missing.one', 'planning.plan.missing.other', { reason: uncoveredReasonText(t, walk.reason) })}
                </p>
              )}
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
}

/**
 * One proposed place: "Conducteur : Camille (Famille Martin)" and "Changer", which opens a select of
 * who else could take it. The candidates are computed only then: a long period has many places.
 */
function PlaceRow({ view, plan, now, index, place, names, onEdit }: PlaceRowProps) {
  const { t, language } = useI18n()
  const [editing, setEditing] = useState(false)
  const opened = useRef(false)
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
  const selectId = `plan-place-${index}`
  const changeId = `plan-change-${index}`
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
  return (
    <li class="list__item list__item--stacked" data-testid="plan-place">
      <SelectField
        id={selectId}
        label={t('planning.plan.slotLabel', context)}
        value={place.adultId}
        onChange={(value) => {
          setEditing(false)
          if (value === place.adultId) return
          onEdit(index, choices.find((id) => id === value) ?? null)
          // The row is rebuilt (or gone, for "personne"): keep keyboard users on this place, else on its day.
          requestAnimationFrame(() => (document.getElementById(changeId) ?? document.getElementById(`plan-day-${place.walk.date}`))?.focus())
        }}
        options={[...choices.map((id) => ({ value: id, label: names.adult(id) })), { value: '', label: t('planning.plan.nobody') }]}
      />
      <button type="button" class="button button--quiet" onClick={() => setEditing(false)}>{t('form.cancel')}</button>
    </li>
  )
}

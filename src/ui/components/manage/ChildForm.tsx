// The child form: first name and initial only, the stop for aller and for retour, days walked, and the support part
// (instructions, "compte double") with the family's agreement (SupportConsentFields).
import { useEffect, useRef, useState } from 'preact/hooks'
import type { FormResult } from '../../../app/api.ts'
import { stopsOfLine } from '../../../app/queries/collective.ts'
import { TEXT_LIMITS } from '../../../app/queries/limits.ts'
import type { Weekday } from '../../../domain/dates.ts'
import type { Direction, Line, Stop } from '../../../domain/line.ts'
import type { ChildInput } from '../../../domain/people.ts'
import type { FieldErrors } from '../../../domain/validation.ts'
import { useI18n } from '../../i18n/context.tsx'
import { TextField } from '../TextField.tsx'
import { errorTextOf } from './errors.ts'
import { CheckboxField, ChoiceGroup, SelectField, focusFirstManageError, type SelectGroup } from './fields.tsx'
import {
  CHILD_ERROR_ALIASES, FORM_WEEKDAYS, childInputOf, flattenErrors, hasSupportValues, type ChildValues,
} from './forms.ts'
import { weekdayOptions } from './labels.ts'
import {
  SupportConsentFields, consentInputOf, initialConsent, type ChildConsentContext, type ConsentValues,
} from './SupportConsentFields.tsx'

const FIELDS = ['firstName', 'initial', 'aller', 'retour', 'days', 'support', 'consentBy'] as const

interface ChildFormProps {
  readonly idPrefix: string
  readonly initial: ChildValues
  readonly lines: readonly Line[]
  readonly stops: readonly Stop[]
  readonly submitLabel: string
  readonly onSubmit: (input: ChildInput) => FormResult<unknown>
  readonly onCancel?: () => void
  readonly clearOnSuccess?: boolean
  readonly autoFocus?: boolean
  /** The child's family and its agreement to the note (issue 16); a form rendered alone (tests) has no family's adults. */
  readonly consent?: ChildConsentContext
  /** "Accord de la famille donné par …" when an agreement stands, else null. */
  readonly givenText?: string | null
}

const NO_FAMILY: ChildConsentContext = { mine: true, adults: [], me: null, stored: null }

export function ChildForm(props: ChildFormProps) {
  const { idPrefix, initial, lines, stops, submitLabel, onSubmit, onCancel, clearOnSuccess, autoFocus } = props
  const context = props.consent ?? NO_FAMILY
  const { t } = useI18n()
  const [values, setValues] = useState<ChildValues>(initial)
  const [consent, setConsent] = useState<ConsentValues>(initialConsent)
  const [errors, setErrors] = useState<FieldErrors>({})
  const first = useRef<HTMLInputElement>(null)
  const idOf = (field: string) => `${idPrefix}-${field}`
  const set = (patch: Partial<ChildValues>) => setValues((current) => ({ ...current, ...patch }))
  useEffect(() => {
    if (autoFocus) first.current?.focus()
  }, [autoFocus])

  const submit = (event: Event) => {
    event.preventDefault()
    const result = onSubmit({ ...childInputOf(values, stops), ...consentInputOf(context, consent) })
    if (result.ok) {
      setErrors({})
      if (clearOnSuccess) {
        setValues(initial)
        setConsent(initialConsent())
        first.current?.focus()
      }
    } else {
      const flat = flattenErrors(result.error, CHILD_ERROR_ALIASES)
      setErrors(flat)
      focusFirstManageError(FIELDS, flat, idOf)
    }
  }

  /** Stops grouped by line, for the lines running this direction. */
  const groupsFor = (direction: Direction): SelectGroup[] =>
    lines
      .filter((line) => line.directions.includes(direction))
      .map((line) => ({ label: line.name, options: stopsOfLine(stops, line.id).map((s) => ({ value: s.id, label: s.times[direction] ? `${s.name} (${s.times[direction]})` : s.name })) }))
      .filter((group) => group.options.length > 0)

  const routeField = (direction: Direction) => (
    <SelectField
      id={idOf(direction)}
      label={t(direction === 'aller' ? 'manage.child.stopAller' : 'manage.child.stopRetour')}
      value={values[direction]}
      onChange={(stopId) => set({ [direction]: stopId })}
      options={[{ value: '', label: t(direction === 'aller' ? 'manage.child.noAller' : 'manage.child.noRetour') }]}
      groups={groupsFor(direction)}
      error={errorTextOf(t, errors, direction)}
    />
  )

  return (
    <form class="form" onSubmit={submit} noValidate>
      <TextField
        id={idOf('firstName')}
        label={t('manage.child.firstName')}
        value={values.firstName}
        onInput={(firstName) => set({ firstName })}
        error={errorTextOf(t, errors, 'firstName', TEXT_LIMITS.firstName)}
        maxLength={TEXT_LIMITS.firstName}
        inputRef={first}
      />
      <TextField id={idOf('initial')} label={t('manage.child.initial')} hint={t('manage.child.initialHint')} value={values.initial} onInput={(initial) => set({ initial })} error={errorTextOf(t, errors, 'initial')} />
      {lines.length === 0 && <p class="notice">{t('manage.child.noLine')}</p>}
      {routeField('aller')}
      {routeField('retour')}
      <ChoiceGroup<Weekday>
        id={idOf('days')}
        kind="checkbox"
        legend={t('manage.child.days')}
        options={weekdayOptions(t, FORM_WEEKDAYS)}
        selected={values.days}
        onChange={(days) => set({ days })}
        error={errorTextOf(t, errors, 'days')}
      />
      <SupportConsentFields
        idOf={idOf}
        context={context}
        support={values.support}
        countsExtra={values.countsExtra}
        consent={consent}
        onSupport={(support) => set({ support })}
        onCountsExtra={(countsExtra) => set({ countsExtra })}
        onConsent={(patch) => setConsent((current) => ({ ...current, ...patch }))}
        supportError={errorTextOf(t, errors, 'support', TEXT_LIMITS.support)}
        consentError={errorTextOf(t, errors, 'consentBy')}
        supportMax={TEXT_LIMITS.support}
        givenText={props.givenText ?? null}
      />
      {hasSupportValues(values) && (
        <CheckboxField
          id={idOf('needsHabitue')} label={t('manage.child.needsHabitue')} hint={t('manage.child.needsHabitueHint')}
          checked={values.needsHabitue} onChange={(needsHabitue) => set({ needsHabitue })}
        />
      )}
      <div class="actions">
        <button type="submit" class="button button--primary">{submitLabel}</button>
        {onCancel && <button type="button" class="button" onClick={onCancel}>{t('form.cancel')}</button>}
      </div>
    </form>
  )
}

// "Signaler une absence": child, one walk / one day / several days, optional note; on save, says which walks the child no longer takes.
import { useState } from 'preact/hooks'
import type { AbsenceCommands, CollectiveView, SessionState } from '../../../app/api.ts'
import { parseLocalDate } from '../../../app/queries/calendar.ts'
import { TEXT_LIMITS } from '../../../app/queries/limits.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { ChildId } from '../../../domain/ids.ts'
import type { Direction } from '../../../domain/line.ts'
import type { Child } from '../../../domain/people.ts'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { ChoiceGroup, FieldError, InputField, SelectField, TextAreaField, focusFirstManageError } from '../manage/fields.tsx'
import { absenceErrorText, savedAbsenceText } from './absence-text.ts'
import {
  ABSENCE_FIELDS, ABSENCE_KINDS, absenceFieldErrors, absenceInputOf, absenceValuesFor, affectedDays, nextWalkOf, noLongerExpected,
  type AbsenceField, type AbsenceKind, type AbsenceValues,
} from '../../../app/queries/absence/absence-view.ts'

interface AbsenceFormProps {
  readonly session: SessionState & AbsenceCommands
  /** My family's children (at least one). */
  readonly kids: readonly Child[]
  readonly today: LocalDate
  readonly now: number
}

const idOf = (field: string): string => `absence-${field}`

export function AbsenceForm({ session, kids, today, now }: AbsenceFormProps) {
  const { t, language } = useI18n()
  const announce = useAnnounce()
  const view = useStore(session.view)
  const defaultsFor = (childId: string, note = ''): AbsenceValues => {
    const child = kids.find((kid) => kid.id === childId)
    return absenceValuesFor(childId, child ? nextWalkOf(view, child.id, today, now) : null, today, note)
  }
  const [values, setValues] = useState<AbsenceValues>(() => defaultsFor(kids[0]?.id ?? ''))
  const [errors, setErrors] = useState<Partial<Record<AbsenceField, string>>>({})
  const [saved, setSaved] = useState<string | null>(null)
  // A child removed by another phone meanwhile: fall back to the first one rather than submit a stale id.
  const child = kids.find((kid) => kid.id === values.childId) ?? kids[0]
  const set = (patch: Partial<AbsenceValues>) => setValues((current) => ({ ...current, ...patch }))
  const errorOf = (field: AbsenceField): string | null => {
    const key = errors[field]
    return key === undefined ? null : absenceErrorText(t, field, key)
  }

  const chooseChild = (childId: string) => setValues((current) => ({ ...defaultsFor(childId, current.note), kind: current.kind }))

  const submit = (event: Event) => {
    event.preventDefault()
    if (!child) return
    const before = session.view.get()
    const input = absenceInputOf({ ...values, childId: child.id })
    const result = session.declareAbsence(input)
    if (!result.ok) {
      const fieldErrors = absenceFieldErrors(result.error, values.kind)
      setErrors(fieldErrors)
      setSaved(null)
      focusFirstManageError(ABSENCE_FIELDS, fieldErrors, idOf)
      return
    }
    setErrors({})
    const text = savedAbsenceText(t, language, child.firstName, affectedDays(changedWalks(session, before, child.id, result.value, input, now)))
    setSaved(text)
    announce(text)
    set({ note: '' })
  }

  return (
    <form class="form absence-form" onSubmit={submit} noValidate data-testid="absence-form">
      {kids.length > 1 ? (
        <SelectField
          id={idOf('childId')}
          label={t('absence.form.child')}
          value={child?.id ?? ''}
          onChange={chooseChild}
          options={kids.map((kid) => ({ value: kid.id, label: kid.firstName }))}
          error={errorOf('childId')}
        />
      ) : (
        <>
          <p class="absence-form__child" id={idOf('childId')} tabIndex={-1}>{t('absence.form.childFixed', { name: child?.firstName ?? '' })}</p>
          {errorOf('childId') && <FieldError id={idOf('childId-error')} text={errorOf('childId') ?? ''} />}
        </>
      )}
      <ChoiceGroup<AbsenceKind>
        id={idOf('kind')}
        kind="radio"
        legend={t('absence.form.kind')}
        options={ABSENCE_KINDS.map((kind) => ({ value: kind, label: t(`absence.form.kind.${kind}`) }))}
        selected={[values.kind]}
        onChange={([kind]) => {
          if (!kind) return
          // Switching to "Plusieurs jours" starts the range on the date already chosen.
          set(kind === 'range' && values.kind !== 'range' ? { kind, from: values.date, to: values.date } : { kind })
          setErrors({})
        }}
      />
      {values.kind === 'range' ? (
        <div class="absence-form__range">
          <InputField id={idOf('from')} type="date" label={t('absence.form.from')} value={values.from} onInput={(from) => set({ from })} error={errorOf('from')} />
          <InputField id={idOf('to')} type="date" label={t('absence.form.to')} value={values.to} onInput={(to) => set({ to })} error={errorOf('to')} />
        </div>
      ) : (
        <InputField id={idOf('date')} type="date" label={t('absence.form.date')} value={values.date} onInput={(date) => set({ date })} error={errorOf('date')} />
      )}
      {values.kind === 'walk' && (
        <ChoiceGroup<Direction>
          id={idOf('direction')}
          kind="radio"
          legend={t('absence.form.direction')}
          options={(['aller', 'retour'] as const).map((direction) => ({ value: direction, label: t(`rota.directionTitle.${direction}`) }))}
          selected={[values.direction]}
          onChange={([direction]) => direction && set({ direction })}
        />
      )}
      <TextAreaField
        id={idOf('note')}
        label={t('absence.form.note')}
        hint={t('absence.form.noteHint')}
        value={values.note}
        rows={2}
        onInput={(note) => set({ note })}
        error={errorOf('note')}
        maxLength={TEXT_LIMITS.absenceNote}
      />
      {errorOf('form') && <FieldError id={idOf('form-error')} text={errorOf('form') ?? ''} />}
      <div class="actions">
        <button type="submit" class="button button--primary">{t('absence.form.save')}</button>
      </div>
      {saved && <p class="notice absence-form__saved" data-testid="absence-saved">{saved}</p>}
    </form>
  )
}

/**
 * What the new absence changed on the effective rota: the view before the command against the view
 * right after (the session refreshes it synchronously on every document update), over the saved dates.
 */
const changedWalks = (
  session: SessionState & AbsenceCommands,
  before: CollectiveView,
  childId: ChildId,
  absenceId: string,
  input: { readonly from: string; readonly to: string },
  now: number,
) => {
  const after = session.view.get()
  const stored = after.absences?.find((absence) => absence.id === absenceId)
  const from = stored?.from ?? parseLocalDate(input.from)
  const to = stored?.to ?? parseLocalDate(input.to)
  return from === null || to === null ? [] : noLongerExpected(before, after, childId, from, to, now)
}
